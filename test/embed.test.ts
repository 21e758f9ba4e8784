/**
 * What an application embedding the library relies on: AbortSignal on every async call, `await using`,
 * progress that says which input finished, JSON Resume objects wherever text is accepted, the worker
 * path option, no globals left behind by in-process PDF parsing, and third-party libraries loaded on
 * first need. Uses the built package (dist/): `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isSkillmatchError } from '../src/errors.js';
import { createParsePool, parseResume } from '../src/parse/index.js';
import { createMatcher, type RankInput, type RankProgress } from '../src/rank/index.js';
import { buildDocxBomb } from './parse-bombs.js';
import { alive, childrenOf, sleep } from './helpers/processes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
const hasProc = existsSync('/proc/self/stat');
const pdf = new Uint8Array(readFileSync(new URL('../fixtures/resumes/pdf-backend-java/input.pdf', import.meta.url)));
const jsonResumeText = readFileSync(
  new URL('../fixtures/resumes/json-backend-java-kotlin/input.json', import.meta.url),
  'utf8',
);
const jsonResume = JSON.parse(jsonResumeText) as Record<string, unknown>;
/** A DOCX whose text takes seconds to expand: a parse that is still running when it is aborted. */
const slowDocx = (): Uint8Array => buildDocxBomb(12 * MB);
const SLOW = { filename: 'slow.docx', maxTextLength: 1e9, timeoutMs: 120_000 };

const workersOf = (parent: number): number[] => childrenOf(parent, 'worker.js');

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) return false;
    await sleep(20);
  }
  return true;
}

async function rejection(work: Promise<unknown>): Promise<Error & { code?: string }> {
  return work.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error & { code?: string }) => error,
  );
}

function expectAbort(error: Error & { code?: string }, reason?: unknown): void {
  expect(error.name).toBe('AbortError');
  expect(error.code).toBe('cancelled');
  expect(isSkillmatchError(error)).toBe(true);
  if (reason !== undefined) expect(error.cause).toBe(reason);
}

/**
 * Runs a script file in a fresh Node process at the repository root and parses its last stdout line as
 * JSON. A file, not `node -e`: an eval script gets Node's builtin modules as extra lazy globals. `@/` in
 * the script stands for the repository's URL.
 */
function runNode(script: string, type: 'module' | 'commonjs'): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'skillmatch-embed-'));
  try {
    const file = join(dir, type === 'module' ? 'probe.mjs' : 'probe.cjs');
    writeFileSync(file, script.replaceAll('@/', pathToFileURL(ROOT).href));
    const out = execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MB });
    return JSON.parse(out.trim().split('\n').at(-1)!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('AbortSignal', () => {
  it('an aborted signal rejects at once with an AbortError, in-process and isolated; `signal` must be an AbortSignal', async () => {
    const reason = new Error('caller gave up');
    const signal = AbortSignal.abort(reason);
    expectAbort(await rejection(parseResume('Skills\nGo', { signal })), reason);
    expectAbort(await rejection(parseResume(pdf, { signal, isolate: true })), reason);
    const pool = createParsePool({ size: 1 });
    try {
      expectAbort(await rejection(pool.parse(pdf, { signal })), reason);
      expect(workersOf(process.pid).length, 'no child started for an aborted call').toBeLessThanOrEqual(1);
    } finally {
      await pool.close();
    }
    await expect(parseResume('Skills\nGo', { signal: {} as AbortSignal })).rejects.toThrow(TypeError);
    // A signal that never aborts changes nothing.
    expect((await parseResume('Skills\nGo', { signal: new AbortController().signal })).text).toBe('Skills\nGo');
  });

  it.skipIf(!hasProc)(
    'the pool: a queued document leaves the queue, a running one has its worker killed, and the pool goes on',
    async () => {
      const pool = createParsePool({ size: 1, maxMemoryMb: 2048 });
      try {
        await pool.parse('warm up');
        const [worker] = workersOf(process.pid);
        expect(worker).toBeDefined();
        const running = new AbortController();
        const queued = new AbortController();
        const first = pool.parse(slowDocx(), { ...SLOW, signal: running.signal });
        const second = pool.parse(slowDocx(), { ...SLOW, signal: queued.signal });
        await sleep(300);
        queued.abort();
        expectAbort(await rejection(second));
        expect(alive(worker!), 'taking a queued document out leaves the running one alone').toBe(true);
        running.abort('enough');
        const error = await rejection(first);
        expectAbort(error, 'enough');
        expect(await waitFor(() => !alive(worker!), 5000), 'the busy worker was killed').toBe(true);
        // A fresh child takes the next document.
        expect((await pool.parse('Skills\nGo\n')).text).toBe('Skills\nGo\n');
      } finally {
        await pool.close({ force: true });
      }
    },
    60_000,
  );

  it.skipIf(!hasProc)(
    'matcher.rank: rejects with an AbortError, reads no further input and kills its running parses',
    async () => {
      const matcher = createMatcher({ poolSize: 1, maxMemoryMb: 2048, timeoutMs: 120_000 });
      try {
        await matcher.parse('warm up');
        const [worker] = workersOf(process.pid);
        let pulled = 0;
        async function* endless(): AsyncGenerator<RankInput> {
          for (;;) {
            pulled++;
            yield { id: `slow-${pulled}`, data: slowDocx(), filename: 'slow.docx' };
          }
        }
        const controller = new AbortController();
        const ranking = matcher.rank(endless(), 'backend-developer', { concurrency: 2, signal: controller.signal });
        await sleep(400);
        controller.abort();
        expectAbort(await rejection(ranking));
        expect(pulled, 'no input read after the abort beyond the two in flight').toBeLessThanOrEqual(3);
        expect(await waitFor(() => !alive(worker!), 5000), 'the worker parsing for the batch was killed').toBe(true);
        // Already aborted: nothing starts; match, extract and parse take the signal too.
        const aborted = AbortSignal.abort();
        expectAbort(await rejection(matcher.rank(['Skills\nGo'], 'backend-developer', { signal: aborted })));
        expectAbort(await rejection(matcher.match('Skills\nGo', 'backend-developer', { signal: aborted })));
        expectAbort(await rejection(matcher.extract('Skills\nGo', { signal: aborted })));
        expectAbort(await rejection(matcher.parse(pdf, { signal: aborted })));
        expect(
          (
            await matcher.match('Skills\nJava, PostgreSQL', 'backend-developer', {
              signal: new AbortController().signal,
            })
          ).score,
        ).toBeGreaterThan(0);
      } finally {
        await matcher.close({ force: true });
      }
    },
    60_000,
  );

  it.skipIf(!hasProc)(
    'rankIterator: a caller that stops iterating has the parses still running killed and its input iterator closed',
    async () => {
      const matcher = createMatcher({ poolSize: 2, maxMemoryMb: 2048, timeoutMs: 120_000 });
      let closed = false;
      async function* inputs(): AsyncGenerator<RankInput> {
        try {
          yield 'Skills\nJava, PostgreSQL, Docker';
          for (let i = 0; i < 10; i++) yield { id: `slow-${i}`, data: slowDocx(), filename: 'slow.docx' };
        } finally {
          closed = true;
        }
      }
      try {
        for await (const item of matcher.rankIterator(inputs(), 'backend-developer', { concurrency: 3 })) {
          expect(item.id).toBe('0');
          break;
        }
        expect(await waitFor(() => closed, 2000), 'the input iterator was closed').toBe(true);
        // Both children were busy with slow documents nobody will read: killed, not left to finish.
        expect(await waitFor(() => workersOf(process.pid).length === 0, 5000)).toBe(true);
      } finally {
        await matcher.close({ force: true });
      }
    },
    60_000,
  );
});

describe('await using', () => {
  it.skipIf(!hasProc)('closes the matcher and the pool, and their workers end', async () => {
    let workers: number[] = [];
    {
      await using matcher = createMatcher({ poolSize: 1 });
      expect((await matcher.parse(pdf, { filename: 'a.pdf' })).meta.format).toBe('pdf');
      workers = workersOf(process.pid);
      expect(workers).toHaveLength(1);
    }
    expect(await waitFor(() => workers.every((pid) => !alive(pid)), 5000)).toBe(true);
    {
      await using pool = createParsePool({ size: 1 });
      await pool.parse(pdf);
      workers = workersOf(process.pid);
    }
    expect(await waitFor(() => workers.every((pid) => !alive(pid)), 5000)).toBe(true);
  });
});

describe('progress', () => {
  it('says which input finished, how, and why it failed, through the pool', async () => {
    await using matcher = createMatcher({ poolSize: 2 });
    const seen: RankProgress[] = [];
    const ranking = await matcher.rank(
      [
        { id: 'java.pdf', data: pdf, filename: 'java.pdf' },
        { id: 'empty.txt', data: '   ' },
        { id: 'resume.json', data: jsonResume },
        { id: 'word.doc', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) },
      ],
      'backend-developer',
      { onProgress: (p) => seen.push(p) },
    );
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(seen.every((p) => p.total === 4)).toBe(true);
    const byId = Object.fromEntries(seen.map((p) => [p.id, p]));
    expect(byId['java.pdf']).toMatchObject({ index: 0, ok: true });
    expect(byId['java.pdf']).not.toHaveProperty('code');
    expect(byId['empty.txt']).toMatchObject({ index: 1, ok: false, code: 'empty-input' });
    expect(byId['resume.json']).toMatchObject({ index: 2, ok: true });
    expect(byId['word.doc']).toMatchObject({ index: 3, ok: false, code: 'unsupported-format' });
    // The same outcomes as the ranking reports.
    expect(ranking.errors.map((e) => [e.id, e.error.code])).toEqual([
      ['empty.txt', 'empty-input'],
      ['word.doc', 'unsupported-format'],
    ]);
  });
});

describe('JSON Resume objects', () => {
  it('parseResume reads an object exactly as its JSON text, in-process and isolated', async () => {
    const asOf = '2025-06';
    const fromText = await parseResume(JSON.stringify(jsonResume), { asOf });
    expect(fromText.meta.format).toBe('json-resume');
    expect(await parseResume(jsonResume, { asOf })).toEqual(fromText);
    expect(await parseResume(jsonResume, { asOf, isolate: true })).toEqual(fromText);
  });

  it('an invalid JSON Resume object fails as its text does; an object that is no JSON Resume is a TypeError', async () => {
    const bad = { basics: { name: 'A' }, work: [{ name: 'Acme', startDate: 'last spring' }] };
    const asText = await rejection(parseResume(JSON.stringify(bad)));
    const asObject = await rejection(parseResume(bad));
    expect(asObject.code).toBe('invalid-json-resume');
    expect(asObject.message).toBe(asText.message);
    expect((asObject as { issues?: unknown }).issues).toEqual((asText as { issues?: unknown }).issues);
    await expect(parseResume({ hello: 'world' } as never)).rejects.toThrow(TypeError);
    const cyclic: Record<string, unknown> = { basics: { name: 'Loop' } };
    cyclic.self = cyclic;
    await expect(parseResume(cyclic)).rejects.toThrow(/cannot be written as JSON/);
  });

  it('the matcher takes them wherever it takes text: rank (bare or with an id), match, extract, parse', async () => {
    await using matcher = createMatcher({ poolSize: 1 });
    const asOf = '2025-06';
    const expected = await matcher.match(jsonResumeText, 'backend-developer', { asOf, isolate: false });
    expect(await matcher.match(jsonResume, 'backend-developer', { asOf })).toEqual(expected);
    expect(await matcher.match(jsonResume, 'backend-developer', { asOf, isolate: false })).toEqual(expected);
    expect((await matcher.extract(jsonResume, { asOf })).skills).toEqual(
      (await matcher.extract(jsonResumeText, { asOf })).skills,
    );
    expect((await matcher.parse(jsonResume, { asOf })).meta.format).toBe('json-resume');
    const ranking = await matcher.rank(
      [jsonResume, { id: 'kotlin', data: jsonResume }, { id: 'nope', data: { foo: 1 } as never }],
      'backend-developer',
      { asOf },
    );
    expect(ranking.results.map((r) => [r.id, r.score])).toEqual([
      ['0', expected.score],
      ['kotlin', expected.score],
    ]);
    expect(ranking.errors.map((e) => [e.id, e.error.code])).toEqual([['nope', 'unsupported-format']]);
  });
});

describe('workerPath', () => {
  it('forks the worker it is given; a missing one is missing-dependency, a wrong type a TypeError', async () => {
    const built = fileURLToPath(new URL('../dist/esm/parse/worker.js', import.meta.url));
    await using pool = createParsePool({ size: 1, workerPath: pathToFileURL(built) });
    expect(pool.workerPath).toBe(built);
    expect((await pool.parse(pdf)).meta.pages).toBe(1);
    let thrown: unknown;
    try {
      createParsePool({ workerPath: 'no/such/worker.js' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'SkillmatchError', code: 'missing-dependency' });
    expect((thrown as Error).message).toContain('workerPath');
    expect(() => createMatcher({ workerPath: 42 as never })).toThrow(TypeError);
    // In a batch, the missing worker is each binary input's error, with its code, never an internal error.
    const matcher = createMatcher({ workerPath: 'no/such/worker.js' });
    const ranking = await matcher.rank([pdf], 'backend-developer');
    expect(ranking.errors.map((e) => e.error.code)).toEqual(['missing-dependency']);
    await matcher.close();
  });
});

describe('globals after in-process PDF parsing', () => {
  // Node's own lazy globals (AbortController, DOMException…) turn from getters into values when first
  // read, by anyone; they are read first so that only what pdf.js did shows.
  const body = `
    for (const key of Reflect.ownKeys(globalThis)) void globalThis[key];
    const names = () => Object.getOwnPropertyNames(globalThis).sort();
    const descriptors = () => new Map(Reflect.ownKeys(globalThis).map((k) => [k, Object.getOwnPropertyDescriptor(globalThis, k)]));
    const same = (a, b) => Object.is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;
    const WATCHED = ['navigator', 'self', 'Iterator', 'DOMMatrix', 'ImageData', 'Path2D', 'pdfjsLib', 'pdfjsWorker', '_pdfjsTestingUtils', '__core-js_shared__'];
    const watched = () => WATCHED.map((k) => [k, Object.getOwnPropertyDescriptor(globalThis, k) === undefined ? 'absent' : 'present']);
    (async () => {
      const beforeNames = names();
      const before = descriptors();
      const beforeWatched = watched();
      const pdf = new Uint8Array(fs.readFileSync('fixtures/resumes/pdf-backend-java/input.pdf'));
      const sm = await load();
      const first = sm.parseResume(pdf, { isolate: false, filename: 'a.pdf' });
      await new Promise((r) => setTimeout(r, 0));
      const doc = await first;
      const mine = { language: 'en-GB', mine: true };
      await Promise.all([1, 2, 3].map(async (n) => {
        const parsing = sm.parseResume(pdf, { isolate: false });
        if (n === 2) { await new Promise((r) => setImmediate(r)); globalThis.myOwnGlobal = 1; }
        return parsing;
      }));
      const after = descriptors();
      const changed = [...after].filter(([k, d]) => !before.has(k) || !same(before.get(k), d)).map(([k]) => String(k));
      const removed = [...before.keys()].filter((k) => !after.has(k)).map(String);
      globalThis.navigator = mine;
      await sm.parseResume(pdf, { isolate: false });
      const keptMine = globalThis.navigator === mine && globalThis.myOwnGlobal === 1;
      delete globalThis.navigator;
      delete globalThis.myOwnGlobal;
      const sameNames = JSON.stringify(names()) === JSON.stringify(beforeNames);
      console.log(JSON.stringify({ words: doc.text.length > 500, sameNames, changed, removed, watched: watched(), beforeWatched, keptMine }));
    })();`;
  const expected = {
    words: true,
    sameNames: true,
    // The caller's own global, set while a parse ran, is the only change; it was theirs to keep.
    changed: ['myOwnGlobal'],
    removed: [],
    keptMine: true,
  };

  it('leaves no global (navigator, self, Iterator, pdfjsWorker…) in the caller, ESM and CommonJS', () => {
    const esm = runNode(
      `import fs from 'node:fs'; const load = () => import('@/dist/esm/index.js'); ${body}`,
      'module',
    ) as Record<string, unknown>;
    expect(esm).toMatchObject(expected);
    expect(esm.watched).toEqual(esm.beforeWatched);
    expect(Object.fromEntries(esm.watched as [string, string][])).toMatchObject({
      navigator: 'absent',
      self: 'absent',
      Iterator: 'absent',
      pdfjsWorker: 'absent',
    });
    const cjs = runNode(
      `const fs = require('node:fs'); const load = async () => require(require('node:url').fileURLToPath('@/dist/cjs/index.cjs')); ${body}`,
      'commonjs',
    ) as Record<string, unknown>;
    expect(cjs).toMatchObject(expected);
    expect(cjs.watched).toEqual(cjs.beforeWatched);
  });
});

describe('third-party libraries load on first need', () => {
  const probe = (entry: string, then: string, type: 'module' | 'commonjs'): Record<string, boolean> => {
    const head =
      type === 'module'
        ? `import { createRequire } from 'node:module'; const cache = createRequire(import.meta.url).cache; const load = () => import('${entry}');`
        : `const cache = require.cache; const load = async () => require(require('node:url').fileURLToPath('${entry}'));`;
    const script = `${head}
      const loaded = () => Object.fromEntries(['compromise', 'mammoth', 'zod', 'pdf-parse'].map((name) => [name, Object.keys(cache).some((p) => p.includes('/node_modules/' + name + '/'))]));
      (async () => { const sm = await load(); const before = loaded(); ${then}; const after = loaded(); console.log(JSON.stringify({ before, after })); })();`;
    return runNode(script, type) as Record<string, boolean>;
  };
  const none = { compromise: false, mammoth: false, zod: false, 'pdf-parse': false };

  it('importing the package loads none of compromise, mammoth, zod or pdf-parse; each loads with its first use', () => {
    // "Go" in a sentence that is not a list: only its part of speech (compromise) tells the language from the verb.
    const tagging = `sm.extractSkills(await sm.parseResume('We use Go for our services and I like to go running.', { isolate: false }))`;
    expect(probe('@/dist/esm/index.js', tagging, 'module')).toEqual({
      before: none,
      after: { ...none, compromise: true },
    });
    expect(probe('@/dist/cjs/index.cjs', tagging, 'commonjs')).toEqual({
      before: none,
      after: { ...none, compromise: true },
    });
    const validating = `sm.validateRole({ id: 'x', title: 'X', requirements: [{ skill: 'java', importance: 'required' }] })`;
    expect(probe('@/dist/esm/index.js', validating, 'module')).toEqual({ before: none, after: { ...none, zod: true } });
    const scoring = `await sm.rankResumes(['Skills\\nJava, PostgreSQL'], 'backend-developer', { isolate: false })`;
    const scored = probe('@/dist/esm/index.js', scoring, 'module') as unknown as { after: Record<string, boolean> };
    expect(scored.after.zod, 'a built-in role by id needs no validation').toBe(false);
    expect(scored.after.mammoth).toBe(false);
    // The building blocks too: tokenizing needs none of them.
    expect(probe('@/dist/esm/tools.js', `sm.tokenize('Node.js and C#')`, 'module')).toEqual({
      before: none,
      after: none,
    });
  });

  it('the parse stage (all a pool worker imports) loads none of them until a document needs one', () => {
    const docx = `await sm.parseResume(new Uint8Array(require('node:fs').readFileSync('fixtures/resumes/docx-headings-sre/input.docx')))`;
    const head = `const require = (await import('node:module')).createRequire(import.meta.url);`;
    const result = probe('@/dist/esm/parse/index.js', `${head} ${docx}`, 'module') as unknown as {
      before: Record<string, boolean>;
      after: Record<string, boolean>;
    };
    expect(result.before).toEqual(none);
    expect(result.after).toEqual({ ...none, mammoth: true });
  });
});
