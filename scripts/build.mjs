// Builds the published shape:
//  - dist/esm: ESM and declarations, file for file, with tsc;
//  - dist/cjs: the same modules as CommonJS (.cjs, file for file, with esbuild) and their declarations
//    as .d.cts, so CommonJS TypeScript under `module: node16` sees CommonJS types (the ESM .d.ts
//    files "masqueraded as ESM" to it);
//  - the built-in taxonomy once: src/taxonomy/builtin-data.cjs (generated), copied to dist/esm/taxonomy/
//    and required from there by both builds.
// The child-process parse worker ships as ESM only (dist/esm/parse/worker.js); both builds fork that file.
// No source maps: they were 2.4 MB of the tarball and pointed at sources that are not shipped.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { writeBuiltinData } from './builtin-data.mjs';

const DATA = 'taxonomy/builtin-data';
/** Not part of any export: the CLI is ESM only (bin/skillmatch.js imports dist/esm/cli/main.js). */
const ESM_ONLY = ['cli'];

function walk(dir, test) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, test));
    else if (test(path)) out.push(path);
  }
  return out;
}

const esmOnly = (path, root) => ESM_ONLY.some((folder) => relative(root, path).split(sep)[0] === folder);

/** Relative specifiers point at siblings' `.cjs` twins; the data module at the one ESM-side copy. */
const cjsSiblings = {
  name: 'cjs-siblings',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = resolve(dirname(args.importer), args.path);
      const fromOut = dirname(join('dist/cjs', relative('src', args.importer)));
      if (target === resolve('src', `${DATA}.cjs`)) {
        const path = relative(fromOut, join('dist/esm', `${DATA}.cjs`))
          .split(sep)
          .join('/');
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      }
      return { path: args.path.replace(/\.js$/, '.cjs'), external: true };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
const data = writeBuiltinData();
// tsc still emits when it reports type errors; the CommonJS build runs either way and the exit code
// reports the type errors, so one broken file never leaves the whole dist/ missing.
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], {
  stdio: 'inherit',
});
mkdirSync('dist/esm/taxonomy', { recursive: true });
copyFileSync(`src/${DATA}.cjs`, `dist/esm/${DATA}.cjs`);
copyFileSync(`src/${DATA}.d.cts`, `dist/esm/${DATA}.d.cts`);

await build({
  entryPoints: walk('src', (p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !esmOnly(p, 'src')),
  outbase: 'src',
  outdir: 'dist/cjs',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  plugins: [cjsSiblings],
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  define: { 'import.meta.url': '__skillmatchImportMetaUrl' },
  banner: { js: "const __skillmatchImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// Declarations for CommonJS: each .d.ts as a .d.cts whose relative specifiers name .cjs files.
for (const file of walk('dist/esm', (p) => p.endsWith('.d.ts') && !esmOnly(p, 'dist/esm'))) {
  const out = join('dist/cjs', relative('dist/esm', file)).replace(/\.d\.ts$/, '.d.cts');
  const text = readFileSync(file, 'utf8').replace(
    /((?:from|import)\s*\(?\s*['"])(\.\.?\/[^'"]*?)\.js(['"])/g,
    '$1$2.cjs$3',
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
}
// The package never validates its own data at run time (that would load zod for every caller), so the build does:
// the whole taxonomy, every skill stating its kind, and each role against it.
const { validateTaxonomy } = await import(new URL('../dist/esm/taxonomy/validate.js', import.meta.url).href);
const { validateRole } = await import(new URL('../dist/esm/role/validate.js', import.meta.url).href);
const { builtinTaxonomy } = await import(new URL('../dist/esm/taxonomy/builtin.js', import.meta.url).href);
const { builtinRoles } = await import(new URL('../dist/esm/role/builtin.js', import.meta.url).href);
const problems = [];
const checked = validateTaxonomy(structuredClone(builtinTaxonomy()), { requireKind: true });
if (!checked.ok) problems.push(...checked.issues.map((i) => `taxonomy ${i.path.join('.')}: ${i.message}`));
for (const role of builtinRoles()) {
  const result = validateRole(role, builtinTaxonomy());
  if (!result.ok) problems.push(...result.issues.map((i) => `role ${role.id} ${i.path.join('.')}: ${i.message}`));
}
if (problems.length > 0) {
  process.stderr.write(
    `build: the built-in data is invalid (${problems.length} issues):\n${problems.slice(0, 30).join('\n')}\n`,
  );
  process.exitCode = 1;
} else {
  process.stderr.write(
    `build: ${data.skills} skills and ${data.roles} role(s), validated, in dist/esm/${DATA}.cjs; ESM in dist/esm, CommonJS in dist/cjs\n`,
  );
  process.exitCode = tsc.status ?? 1;
}
