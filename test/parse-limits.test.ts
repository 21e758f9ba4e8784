import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLimitError, isSkillmatchError } from '../src/errors.js';
import { PARSE_DEFAULTS } from '../src/defaults.js';
import { createParsePool, parseResume, type ParsePool } from '../src/parse/index.js';
import { buildDocx, buildDocxBomb, buildFlateBombPdf } from './parse-bombs.js';
import { codeOf } from './helpers/codes.js';

const DATA = new URL('../../shared/data/', import.meta.url);
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping data-backed limit tests: ${DATA.pathname} is absent.`);

const MB = 1024 * 1024;
const GiB = 1024 * MB;

const rssMb = (): number => process.memoryUsage().rss / MB;

describe('options', () => {
  it('throws RangeError naming a bad limit option', async () => {
    await expect(parseResume('hello', { maxBytes: -1 })).rejects.toThrow(RangeError);
    await expect(parseResume('hello', { maxPages: 0 })).rejects.toThrow(/`maxPages`/);
    await expect(parseResume('hello', { timeoutMs: Number.NaN })).rejects.toThrow(/`timeoutMs`/);
  });

  it('throws TypeError for a wrong input type', async () => {
    await expect(parseResume(42 as unknown as string)).rejects.toThrow(TypeError);
    await expect(parseResume(null as unknown as string)).rejects.toThrow(/`input`/);
  });

  it('documents every limit in PARSE_DEFAULTS', () => {
    expect(Object.keys(PARSE_DEFAULTS).sort()).toEqual([
      'maxBytes',
      'maxDocumentXmlBytes',
      'maxExpandedBytes',
      'maxMemoryMb',
      'maxPages',
      'maxTextLength',
      'timeoutMs',
    ]);
    expect(Object.isFrozen(PARSE_DEFAULTS)).toBe(true);
  });
});

describe('limits in-process', () => {
  it('checks maxBytes first, before detection', async () => {
    const garbage = new Uint8Array(2048).fill(0x01);
    expect(await codeOf(parseResume(garbage, { maxBytes: 1024 }))).toBe('limit-bytes');
    expect(await codeOf(parseResume('x'.repeat(2000), { maxBytes: 1000 }))).toBe('limit-bytes');
    const error = await parseResume(garbage, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(isLimitError(error)).toBe(true);
    expect((error as { limit?: number }).limit).toBe(1024);
  });

  it('rejects a text over maxTextLength with limit-text-length (no silent clipping)', async () => {
    expect(await codeOf(parseResume('Skills\nGo, Python\n'.repeat(100), { maxTextLength: 500 }))).toBe(
      'limit-text-length',
    );
    const ok = await parseResume('Skills\nGo, Python\n'.repeat(10), { maxTextLength: 500 });
    expect(ok.text.length).toBeLessThanOrEqual(500);
  });

  it.skipIf(!hasData)('checks the PDF page count against maxPages before reading text', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('resume-pdf-variety/files/awesome-cv_cv.pdf', DATA)));
    expect(await codeOf(parseResume(bytes, { maxPages: 3 }))).toBe('limit-pages');
    const doc = await parseResume(bytes, { maxPages: 5 });
    expect(doc.meta.pages).toBe(5);
  });

  it('refuses DOCX zip bombs of 200 MB and 1 GB by declared size, and by the streaming cap when sizes lie', async () => {
    for (const size of [200 * MB, GiB]) {
      for (const lie of [false, true]) {
        const bomb = buildDocxBomb(size, lie);
        expect(bomb.length).toBeLessThan(5 * MB);
        const started = performance.now();
        const error = await parseResume(bomb, { filename: 'bomb.docx' }).catch((e: unknown) => e);
        const elapsed = performance.now() - started;
        expect(isLimitError(error), String(error)).toBe(true);
        expect((error as { code: string }).code).toBe('limit-expanded-size');
        expect((error as Error).message).toMatch(lie ? /document\.xml expands past/ : /declares/);
        console.log(`docx bomb ${size / MB} MB${lie ? ' (lying sizes)' : ''}: refused in ${elapsed.toFixed(0)} ms`);
      }
    }
    expect(rssMb()).toBeLessThan(300);
  });

  it('checks every part of a DOCX, not only document.xml: a bomb posing as an image is refused', async () => {
    const bomb = buildDocxBomb(GiB, true, 'word/media/image1.png');
    expect(await codeOf(parseResume(bomb, { filename: 'photo.docx' }))).toBe('limit-expanded-size');
    expect(rssMb()).toBeLessThan(300);
  });

  it('still reads a DOCX that is large but under the caps', async () => {
    const doc = await parseResume(buildDocxBomb(MB / 2), { filename: 'big.docx' });
    expect(doc.meta.format).toBe('docx');
    expect(doc.text).toContain('Senior engineer building distributed systems in Go, Kafka and PostgreSQL.');
  });

  it('pre-checks a 1 GiB flate-bomb PDF in-process without inflating it', async () => {
    const bomb = buildFlateBombPdf(GiB);
    expect(bomb.length).toBeLessThan(2 * MB);
    expect(await codeOf(parseResume(bomb, { filename: 'bomb.pdf' }))).toBe('limit-expanded-size');
    expect(rssMb()).toBeLessThan(300);
  });
});

describe('isolated parsing in a pool of child processes', () => {
  it('keeps the host alive until close() resolves, so a script may end on `await pool.close()`', () => {
    const entry = new URL('../dist/esm/index.js', import.meta.url).href;
    const script = `const { createParsePool } = await import(${JSON.stringify(entry)}); const pool = createParsePool({ size: 2 }); const doc = await pool.parse('Skills\\nNode.js, Docker'); await pool.close(); console.log('closed', doc.meta.format);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout.trim()).toBe('closed text');
    expect(run.status).toBe(0);
  });

  let pool: ParsePool;
  beforeAll(() => {
    pool = createParsePool({ size: 2, timeoutMs: 15_000, maxMemoryMb: 256 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('parses in a child and rebuilds typed errors from JSON', async () => {
    expect(pool.size).toBe(2);
    const doc = await pool.parse('Jane Doe\n\nSkills\nGo, Kafka, PostgreSQL\n', { filename: 'cv.txt' });
    expect(doc.text).toBe('Jane Doe\n\nSkills\nGo, Kafka, PostgreSQL\n');
    expect(doc.meta.filename).toBe('cv.txt');
    const error = await pool.parse(new Uint8Array(0)).catch((e: unknown) => e);
    expect(isSkillmatchError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('empty-input');
    const limit = await pool.parse('x'.repeat(100), { maxTextLength: 10 }).catch((e: unknown) => e);
    expect(isLimitError(limit)).toBe(true);
    expect((limit as { limit?: number }).limit).toBe(10);
  });

  it('refuses the DOCX bombs inside the pool with limit-expanded-size', async () => {
    for (const size of [200 * MB, GiB]) {
      expect(await codeOf(pool.parse(buildDocxBomb(size, true), { filename: 'bomb.docx' }))).toBe(
        'limit-expanded-size',
      );
    }
  });

  it('kills a child that a 1 GiB flate bomb drives past its memory budget, and replaces it', async () => {
    const bomb = buildFlateBombPdf(GiB);
    // Disable the pre-check so the bomb reaches pdf.js: the memory watch is what must stop it.
    const code = await codeOf(pool.parse(bomb, { filename: 'bomb.pdf', maxExpandedBytes: Number.MAX_SAFE_INTEGER }));
    expect(['limit-memory', 'limit-time']).toContain(code);
    expect(rssMb()).toBeLessThan(300);
    // The pool replaced the child: the next documents parse.
    const docs = await Promise.all([
      pool.parse('Skills\nRust\n'),
      pool.parse('Skills\nGo\n'),
      pool.parse('Skills\nJava\n'),
    ]);
    expect(docs.map((d) => d.text.trim().split('\n')[1])).toEqual(['Rust', 'Go', 'Java']);
  });

  it('with the pre-check on, the flate bomb fails fast with limit-expanded-size', async () => {
    expect(await codeOf(pool.parse(buildFlateBombPdf(GiB), { filename: 'bomb.pdf' }))).toBe('limit-expanded-size');
  });

  it('stops a parse that exceeds its time budget with limit-time, and only that one', async () => {
    // A 64 MiB DOCX document.xml under raised caps keeps mammoth busy far longer than 50 ms.
    const heavy = buildDocxBomb(64 * MB);
    const slow = pool.parse(heavy, {
      timeoutMs: 50,
      maxExpandedBytes: 512 * MB,
      maxDocumentXmlBytes: 512 * MB,
      maxMemoryMb: 2048,
    });
    const fast = pool.parse('Experience\nEngineer, Acme, 2019 – 2021\n');
    expect(await codeOf(slow)).toBe('limit-time');
    expect((await fast).text).toContain('Acme');
  });

  it('parseResume({ isolate: true }) uses the shared pool and a given pool is honoured', async () => {
    const doc = await parseResume(buildDocx('<w:p><w:r><w:t>Skills: Go</w:t></w:r></w:p>'), {
      isolate: true,
      filename: 'a.docx',
    });
    expect(doc.text).toBe('Skills: Go');
    const viaPool = await parseResume('Skills\nGo\n', { pool });
    expect(viaPool.meta.format).toBe('text');
  });

  it('resolves the worker from the CommonJS bundle too', () => {
    const bundle = fileURLToPath(new URL('../dist/cjs/index.cjs', import.meta.url));
    const script = `const { parseResume } = require(${JSON.stringify(bundle)}); parseResume('Skills\\nGo\\n', { isolate: true }).then((d) => { console.log(JSON.stringify(d.meta)); }, (e) => { console.error(e); process.exit(1); });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ format: 'text' });
  });

  it('rejects work after close()', async () => {
    const other = createParsePool({ size: 1 });
    await other.parse('hello world');
    await other.close();
    await expect(other.parse('again')).rejects.toThrow(/closed/);
  });

  it('the calling process stays alive and small', () => {
    console.log(`caller RSS after every bomb: ${rssMb().toFixed(0)} MB`);
    expect(process.pid).toBeGreaterThan(0);
    expect(rssMb()).toBeLessThan(300);
  });
});

describe.skipIf(!hasData)('isolated parsing of real hostile files', () => {
  it('returns the same codes as in-process parsing', async () => {
    const pool = createParsePool({ size: 2 });
    try {
      const cases: [string, string][] = [
        ['encrypted-userpw-aes256.pdf', 'pdf-encrypted'],
        ['truncated-1k.pdf', 'pdf-corrupt'],
        ['random-bytes.docx', 'docx-corrupt'],
        ['empty.pdf', 'empty-input'],
      ];
      const codes = await Promise.all(
        cases.map(([file]) =>
          codeOf(
            pool.parse(new Uint8Array(readFileSync(new URL(`synthetic-resumes/adversarial/${file}`, DATA))), {
              filename: file,
            }),
          ),
        ),
      );
      expect(codes).toEqual(cases.map(([, code]) => code));
    } finally {
      await pool.close();
    }
  });
});
