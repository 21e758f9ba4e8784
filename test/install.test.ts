/**
 * The package as a consumer gets it: the built package packed into a tarball, installed with
 * `npm install --no-audit --no-fund <tarball>` into a fresh project in a temporary folder (the npm
 * registry serves the dependencies), then used there: what the install weighs, CommonJS and ESM
 * TypeScript against its declarations, `await using` run on Node 20, and an application bundled with
 * esbuild ranking PDFs through the pool. Uses dist/ as built by `npm test`'s pretest; packs without
 * building again (`--ignore-scripts`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installConsumer, nodeModulesStats, packTarball, tarballListing } from '../bench/suites/install.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const PDFS = ['pdf-backend-java', 'pdf-data-engineer', 'pdf-qa-engineer'].map((name) =>
  join(ROOT, 'fixtures/resumes', name, 'input.pdf'),
);

let work: string;
let consumer: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'skillmatch-consumer-'));
  tarball = packTarball(work);
  consumer = join(work, 'consumer');
  installConsumer(tarball, consumer);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function node(args: string[], cwd = consumer): string {
  return execFileSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function tsc(project: string): void {
  try {
    execFileSync(process.execPath, [TSC, '-p', project], { cwd: consumer, encoding: 'utf8' });
  } catch (error) {
    throw new Error(
      `tsc -p ${project} failed:\n${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`,
    );
  }
}

describe('the tarball', () => {
  it('ships the taxonomy once, no source maps, no install script, and the files the exports map names', () => {
    const listing = tarballListing();
    const paths: string[] = listing.files.map((f: { path: string }) => f.path);
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(paths.filter((p) => /builtin-data/.test(p)).sort()).toEqual([
      'dist/esm/taxonomy/builtin-data.cjs',
      'dist/esm/taxonomy/builtin-data.d.cts',
    ]);
    expect(paths.filter((p) => p.startsWith('taxonomy/skills/') || p.startsWith('taxonomy/roles/'))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(consumer, 'node_modules/@skillmatch/core/package.json'), 'utf8'));
    expect(installed.scripts).not.toHaveProperty('prepare');
    expect(installed.scripts).not.toHaveProperty('install');
    expect(installed.scripts).not.toHaveProperty('postinstall');
    const targets = JSON.stringify(installed.exports).match(/\.\/(?:dist|bin)\/[^"]+/g) ?? [];
    for (const target of [...targets, installed.bin.skillmatch])
      expect(paths, target).toContain(target.replace(/^\.\//, ''));
    // The schema exports (`./taxonomy/*`) still resolve.
    expect(paths).toContain('taxonomy/schema/skill-file.schema.json');
  });
});

describe('a fresh consumer', () => {
  it('installs its runtime dependencies only: no natural, no fflate, under 40 packages and 120 MB', () => {
    const stats = nodeModulesStats(consumer);
    console.log(
      `consumer node_modules: ${stats.mb} MB, ${stats.packages} packages; heaviest ${stats.heaviest.map((p: { name: string; mb: number }) => `${p.name} ${p.mb} MB`).join(', ')}`,
    );
    expect(stats.names).not.toContain('natural');
    expect(stats.names).not.toContain('fflate');
    expect(stats.names).toEqual(
      expect.arrayContaining(['@skillmatch/core', 'compromise', 'fuse.js', 'mammoth', 'pdf-parse', 'zod']),
    );
    expect(stats.packages).toBeLessThan(40);
    expect(stats.mb).toBeLessThan(120);
  });

  it('ranks PDFs and a JSON Resume object through the exports map, ESM and CommonJS, with the pool', () => {
    const body = (load: string): string => `
      ${load}
      (async () => {
        const fs = require('node:fs');
        const matcher = sm.createMatcher({ poolSize: 1 });
        const inputs = JSON.parse(process.env.PDFS).map((path, i) => ({ id: 'pdf' + i, data: new Uint8Array(fs.readFileSync(path)) }));
        inputs.push({ id: 'json', data: { basics: { name: 'A' }, work: [{ name: 'Acme', position: 'Backend Developer', startDate: '2019-01', highlights: ['Java, Spring Boot and PostgreSQL services'] }] } });
        const ranking = await matcher.rank(inputs, 'backend-developer', { asOf: '2025-06' });
        await matcher.close();
        console.log(JSON.stringify({ ids: ranking.results.map((r) => r.id).sort(), errors: ranking.errors }));
      })();`;
    const env = { ...process.env, PDFS: JSON.stringify(PDFS) };
    const expected = { ids: ['json', 'pdf0', 'pdf1', 'pdf2'], errors: [] };
    writeFileSync(
      join(consumer, 'use.mjs'),
      body(
        "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const sm = await import('@skillmatch/core');",
      ),
    );
    writeFileSync(join(consumer, 'use.cjs'), body("const sm = require('@skillmatch/core');"));
    for (const file of ['use.mjs', 'use.cjs']) {
      const out = execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8', env });
      expect(JSON.parse(out), file).toEqual(expected);
    }
  });
});

describe('TypeScript consumers', () => {
  const tsconfig = (module: string, files: string[], extra: Record<string, unknown> = {}): string =>
    JSON.stringify({
      compilerOptions: {
        module,
        moduleResolution: module,
        target: 'ES2022',
        lib: ['ES2023', 'ESNext.Disposable'],
        strict: true,
        skipLibCheck: false,
        typeRoots: [join(ROOT, 'node_modules/@types')],
        types: ['node'],
        ...extra,
      },
      files,
    });

  it('CommonJS under module node16 sees CommonJS declarations (.d.cts) for the package and ./report', () => {
    mkdirSync(join(consumer, 'cts'), { recursive: true });
    writeFileSync(
      join(consumer, 'cts/index.cts'),
      `import { createMatcher, isSkillmatchError, type RankProgress, type JsonResumeObject } from '@skillmatch/core';
import { renderShortlistHtml } from '@skillmatch/core/report';
const progress: RankProgress[] = [];
const resume: JsonResumeObject = { basics: { name: 'A' } };
export async function run(signal: AbortSignal): Promise<string> {
  const matcher = createMatcher({ workerPath: require.resolve('@skillmatch/core/worker') });
  try {
    const ranking = await matcher.rank([resume], 'backend-developer', { signal, onProgress: (p) => progress.push(p) });
    return renderShortlistHtml(ranking) + String(isSkillmatchError(ranking.errors[0])) + String(progress[0]?.id);
  } finally {
    await matcher[Symbol.asyncDispose]();
  }
}
`,
    );
    writeFileSync(join(consumer, 'cts/tsconfig.json'), tsconfig('node16', ['index.cts'], { noEmit: true }));
    tsc('cts/tsconfig.json');
  }, 120_000);

  it('ESM TypeScript compiles `await using m = createMatcher()`, and the output runs on this Node, closing the pool', () => {
    mkdirSync(join(consumer, 'mts'), { recursive: true });
    writeFileSync(
      join(consumer, 'mts/index.mts'),
      `import { readFileSync } from 'node:fs';
import { createMatcher, type Matcher } from '@skillmatch/core';
let kept: Matcher | undefined;
{
  await using matcher = createMatcher({ poolSize: 1 });
  kept = matcher;
  const doc = await matcher.parse(new Uint8Array(readFileSync(process.argv[2]!)), { filename: 'cv.pdf' });
  console.log(doc.meta.format);
}
// Disposed: a closed matcher starts a fresh pool on demand, so using it again proves nothing; its pool's exit is what counts.
console.log(typeof kept?.close);
`,
    );
    // The declarations themselves were checked by the CommonJS test (same content); this one is about `await using`.
    writeFileSync(
      join(consumer, 'mts/tsconfig.json'),
      tsconfig('node16', ['index.mts'], { outDir: 'out', skipLibCheck: true }),
    );
    tsc('mts/tsconfig.json');
    // The process ends by itself once the block is left (no pool child keeps it alive), or this test times out.
    const out = node([join(consumer, 'mts/out/index.mjs'), PDFS[0]!]);
    expect(out.trim().split('\n')).toEqual(['pdf', 'function']);
  }, 120_000);
});

describe('bundled with esbuild (the README recipe)', () => {
  const app = `
    import { readFileSync } from 'node:fs';
    import { createMatcher } from '@skillmatch/core';
    (async () => {
      const workerPath = process.env.WORKER ? new URL(process.env.WORKER, import.meta.url) : undefined;
      const matcher = createMatcher({ poolSize: 2, ...(workerPath ? { workerPath } : {}) });
      const inputs = JSON.parse(process.env.PDFS).map((path) => ({ id: path.split('/').at(-2), data: new Uint8Array(readFileSync(path)) }));
      const ranking = await matcher.rank(inputs, 'backend-developer', { asOf: '2025-06' });
      await matcher.close();
      console.log(JSON.stringify({ ranked: ranking.results.length, errors: ranking.errors.map((e) => e.error.code) }));
    })();`;
  /** The package's own dependencies stay installed beside the bundle: pdf-parse needs its native canvas and pdf.js its worker file. */
  const external = ['pdf-parse', 'mammoth', 'compromise', 'zod', 'fuse.js'];

  async function bundle(outdir: string, format: 'esm' | 'cjs', entryPoints: Record<string, string>): Promise<void> {
    writeFileSync(join(consumer, 'app.mjs'), app);
    await build({
      absWorkingDir: consumer,
      entryPoints,
      bundle: true,
      platform: 'node',
      format,
      target: 'node20',
      outdir,
      outExtension: { '.js': format === 'esm' ? '.mjs' : '.cjs' },
      external,
      logLevel: 'error',
    });
  }

  const run = (file: string, env: Record<string, string> = {}): { ranked: number; errors: string[] } =>
    JSON.parse(
      execFileSync(process.execPath, [file], {
        cwd: consumer,
        encoding: 'utf8',
        env: { ...process.env, PDFS: JSON.stringify(PDFS), ...env },
      }),
    );

  it('@skillmatch/core bundled into the app: the pool finds its worker through node_modules, ESM output', async () => {
    await bundle(join(consumer, 'out-esm'), 'esm', { app: 'app.mjs' });
    const bundled = readFileSync(join(consumer, 'out-esm/app.mjs'), 'utf8');
    expect(bundled, 'the package is inside the bundle').toContain('createParsePool');
    expect(run('out-esm/app.mjs')).toEqual({ ranked: 3, errors: [] });
  }, 120_000);

  it('CommonJS output, where esbuild empties import.meta: the package still finds its worker and its dependencies', async () => {
    await bundle(join(consumer, 'out-cjs'), 'cjs', { app: 'app.mjs' });
    expect(readFileSync(join(consumer, 'out-cjs/app.cjs'), 'utf8')).toContain('createParsePool');
    expect(run('out-cjs/app.cjs')).toEqual({ ranked: 3, errors: [] });
  }, 120_000);

  it('the worker bundled as a second entry point, `workerPath` pointing at it, with @skillmatch/core no longer installed', async () => {
    await bundle(join(consumer, 'out-two'), 'esm', { app: 'app.mjs', 'skillmatch-worker': '@skillmatch/core/worker' });
    const installed = join(consumer, 'node_modules/@skillmatch');
    renameSync(installed, `${installed}-away`);
    try {
      expect(run('out-two/app.mjs', { WORKER: './skillmatch-worker.mjs' })).toEqual({ ranked: 3, errors: [] });
      // Without the option and without the package, the worker cannot be found: a typed error per document, never internal-error.
      expect(run('out-two/app.mjs')).toEqual({
        ranked: 0,
        errors: ['missing-dependency', 'missing-dependency', 'missing-dependency'],
      });
    } finally {
      renameSync(`${installed}-away`, installed);
    }
  }, 120_000);
});
