/**
 * Loading third-party libraries on first need. `compromise` (≈0.3 s to load), `mammoth` and `zod`
 * used to load with the package, so every `import('@skillmatch/core')` paid for them even when a
 * caller only scored profiles. Their adapter files load them through here when a call first needs
 * them, synchronously where the calling API is synchronous (extraction, validation).
 *
 * Dependencies are required relative to this package's own files, never the caller's, so they
 * resolve the same way under npm, pnpm's strict layout, and from an application bundle that keeps
 * them installed beside it (the bundler recipe in the README).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The URL of the calling module: `import.meta.url`, or, where a bundler writing CommonJS has emptied
 * `import.meta`, the URL of the bundle (`__filename`). Callers pass their own `import.meta.url`.
 */
export function moduleUrl(importMetaUrl: string | undefined): string {
  if (typeof importMetaUrl === 'string' && importMetaUrl !== '') return importMetaUrl;
  if (typeof __filename === 'string') return pathToFileURL(__filename).href;
  throw new Error('@skillmatch/core cannot tell where its own files are (no import.meta.url and no __filename).');
}

let requireHere: NodeJS.Require | undefined;

/** `require` from this package's location, made once. */
export function packageRequire(): NodeJS.Require {
  requireHere ??= createRequire(moduleUrl(import.meta.url));
  return requireHere;
}

/** Loads a CommonJS-capable dependency synchronously on first use (Node caches it after). */
export function requireDependency<T>(name: string): T {
  return packageRequire()(name) as T;
}
