/**
 * The `skillmatch` command against hostile inputs (issue 13): file-system edges (FIFO, /dev/zero,
 * oversized files, symlinks and loops), output injection (terminal escapes, bidi, CSV formulas),
 * option injection through file names, and signals.
 *
 * Everything runs in-process through `main(argv, io)` but the signal tests: a signal, the exit status
 * it sets and the parse workers that must die with the CLI belong to a real process, so those three
 * run the built bin (`npm run build` first). A FIFO, /dev/zero and symlinks are real file-system
 * objects read the same way in-process.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../src/cli/output.js';
import { safeBlock, safeJson, safeLine } from '../src/cli/text.js';
import { readInputFile } from '../src/cli/files.js';
import { buildDocxBomb } from './parse-bombs.js';
import { BIN, inDir, ROOT, runCli, type CliRun } from './helpers/cli.js';
import { alive, childrenOf, residentMb, sleep } from './helpers/processes.js';

const RESUMES = join(ROOT, 'fixtures', 'resumes');
const TEXT_CV = join(RESUMES, 'txt-backend-node-flags', 'input.txt');
const PDF_CV = join(RESUMES, 'pdf-backend-node-senior', 'input.pdf');
const AS_OF = '2025-06';
const ESC = '\u001b';
/** An OSC sequence that retitles a terminal, a CSI that clears it, a C1 CSI, and a bidi override. */
const HOSTILE = `${ESC}]0;pwned${'\u0007'}${ESC}[2J\u009b31m\u202eevil`;

interface Run {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const cli = (args: string[]): Promise<CliRun> => runCli(args);

/** Nothing a terminal would act on: no ESC, BEL, C1 control or bidi override anywhere. */
function expectInert(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

let tmp = '';
beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'esm', 'cli', 'main.js')), 'dist/ is missing: run npm run build').toBe(true);
  tmp = mkdtempSync(join(tmpdir(), 'skillmatch-hostile-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('escaping helpers', () => {
  it('escape control, C1 and bidi characters for terminals; JSON stays the same value', () => {
    expect(safeLine(`a${ESC}[31mb\r\nc\u202ed`)).toBe('a\\x1b[31mb\\x0d\\x0ac\\u202ed');
    expect(safeBlock(`line 1\n\tline 2${ESC}]0;t\u0007`)).toBe('line 1\n\tline 2\\x1b]0;t\\x07');
    expect(safeLine('Zoë Ångström 李伟 — ✔')).toBe('Zoë Ångström 李伟 — ✔');
    const value = { text: `x\u009by\u202ez\u2066w\u007f\u2028` };
    const json = safeJson(JSON.stringify(value));
    expectInert(json);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('prefixes CSV cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(csvField(cell).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('plain.pdf')).toBe('plain.pdf');
    expect(csvField(-1)).toBe('-1');
    expect(csvField('a-b')).toBe('a-b');
  });
});

describe('readInputFile', () => {
  it('reads at most maxBytes + 1 bytes and refuses larger files by their size first', async () => {
    const sparse = join(tmp, 'huge.txt');
    writeFileSync(sparse, '');
    truncateSync(sparse, 1000 * 1024 * 1024); // 1,000 MiB, sparse: no disk used
    const before = process.memoryUsage.rss();
    const error = await readInputFile(sparse).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('limit-bytes');
    expect((error as { file: string }).file).toBe(sparse);
    expect(process.memoryUsage.rss() - before).toBeLessThan(50 * 1024 * 1024);
    const small = join(tmp, 'small.txt');
    writeFileSync(small, 'x'.repeat(100));
    expect((await readInputFile(small, 100)).length).toBe(100);
    expect(await readInputFile(small, 99).catch((e: { code: string }) => e.code)).toBe('limit-bytes');
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses devices such as /dev/zero instead of reading forever', async () => {
    const error = await readInputFile('/dev/zero').catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('file-unreadable');
    expect((error as Error).message).toMatch(/a device, not a regular file/);
  });
});

describe.concurrent('skillmatch on hostile file systems', { timeout: 120_000 }, () => {
  it.skipIf(process.platform === 'win32')(
    'a FIFO named on the command line or met in a folder fails alone instead of blocking the batch',
    async () => {
      const dir = join(tmp, 'fifo');
      mkdirSync(dir);
      const fifo = join(dir, 'pipe.txt');
      const made = spawn('mkfifo', [fifo]);
      await new Promise((resolve) => made.on('close', resolve));
      expect(existsSync(fifo)).toBe(true);
      copyFileSync(TEXT_CV, join(dir, 'cv.txt'));
      const [named, walked] = await Promise.all([
        cli([
          'rank',
          '--role',
          'backend-developer',
          fifo,
          join(dir, 'cv.txt'),
          '--format',
          'json',
          '--no-isolate',
          '--as-of',
          AS_OF,
        ]),
        cli(['extract', dir, '--format', 'jsonl', '--no-isolate', '--as-of', AS_OF]),
      ]);
      expect(named.code, named.stderr).toBe(1);
      const out = JSON.parse(named.stdout) as {
        results: { file: string }[];
        errors: { file: string; code: string; message: string }[];
      };
      expect(out.results.map((r) => r.file)).toEqual([join(dir, 'cv.txt')]);
      expect(out.errors).toEqual([{ file: fifo, code: 'file-unreadable', message: expect.stringMatching(/FIFO/) }]);
      expect(walked.code).toBe(1);
      const lines = walked.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { file: string; error?: { code: string } });
      expect(lines.map((l) => [l.file, l.error?.code ?? 'ok']).sort()).toEqual([
        [join(dir, 'cv.txt'), 'ok'],
        [fifo, 'file-unreadable'],
      ]);
    },
  );

  it('a 1,000 MiB file and /dev/zero are refused by size or kind, fast and in little memory', async () => {
    const sparse = join(tmp, 'big.pdf');
    writeFileSync(sparse, '');
    truncateSync(sparse, 1000 * 1024 * 1024);
    const started = performance.now();
    const run = await cli([
      'rank',
      '--role',
      'backend-developer',
      sparse,
      '/dev/zero',
      TEXT_CV,
      '--format',
      'json',
      '--as-of',
      AS_OF,
    ]);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { results: unknown[]; errors: { file: string; code: string }[] };
    expect(out.results).toHaveLength(1);
    expect(out.errors.map((e) => [e.file, e.code]).sort()).toEqual([
      ['/dev/zero', 'file-unreadable'],
      [sparse, 'limit-bytes'],
    ]);
  });

  it('follows symlinked files and folders, walks each real folder once, and reports loops and broken links', async () => {
    const dir = join(tmp, 'links');
    const real = join(tmp, 'real-cvs');
    mkdirSync(dir);
    mkdirSync(real);
    copyFileSync(TEXT_CV, join(real, 'a.txt'));
    copyFileSync(PDF_CV, join(real, 'b.pdf'));
    symlinkSync(real, join(dir, 'folder-link'));
    symlinkSync(join(real, 'a.txt'), join(dir, 'file-link.txt'));
    symlinkSync(dir, join(dir, 'loop'));
    symlinkSync(join(tmp, 'nowhere.txt'), join(dir, 'broken.txt'));
    writeFileSync(join(dir, 'notes.xlsx'), 'not a résumé');
    const run = await cli([
      'rank',
      '--role',
      'backend-developer',
      dir,
      '--format',
      'json',
      '--no-isolate',
      '--as-of',
      AS_OF,
    ]);
    const out = JSON.parse(run.stdout) as {
      results: { file: string }[];
      errors: { file: string; code: string }[];
      skipped: { file: string; reason: string }[];
    };
    expect(out.results.map((r) => r.file).sort()).toEqual(
      [join(dir, 'file-link.txt'), join(dir, 'folder-link', 'b.pdf')].sort(),
    );
    expect(out.errors.map((e) => [e.file, e.code])).toEqual([[join(dir, 'broken.txt'), 'file-not-found']]);
    const reasons = new Map(out.skipped.map((s) => [s.file, s.reason]));
    expect(reasons.get(join(dir, 'loop'))).toMatch(/already walked/);
    expect(reasons.get(join(dir, 'folder-link', 'a.txt'))).toMatch(/same file/);
    expect(reasons.get(join(dir, 'notes.xlsx'))).toMatch(/not a résumé file type/);
    expect(run.stderr).toContain(`${join(dir, 'loop')}: skipped: a folder already walked`);
    expect(run.code, 'the broken link is an error').toBe(1);
  });

  it('inputs that yield no résumé exit 1 with a message, not "0 ranked" and 0', async () => {
    const empty = join(tmp, 'no-resumes');
    mkdirSync(empty);
    writeFileSync(join(empty, 'photo.png'), 'png');
    const [rank, extract] = await Promise.all([
      cli(['rank', '--role', 'backend-developer', empty, '--no-isolate']),
      cli(['extract', empty, '--no-isolate']),
    ]);
    for (const run of [rank, extract]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('no résumé found');
      expect(run.stderr).toContain('photo.png');
    }
  });
});

// File names a shell glob gives relative to the working directory (`-rf.txt`, `=HYPERLINK(…)`): these
// tests change it for their runs, so they run one at a time, not concurrently.
describe('skillmatch output injection and option injection through file names', { timeout: 120_000 }, () => {
  it('-- ends options: a file named -rf.txt is a file, and without -- it is refused instead of replacing --role', async () => {
    const dir = join(tmp, 'dash');
    mkdirSync(dir);
    copyFileSync(TEXT_CV, join(dir, '-rf.txt'));
    copyFileSync(TEXT_CV, join(dir, '--help'));
    const [withDash, glued, twice, helpAfterDash] = await inDir(dir, () =>
      Promise.all([
        cli([
          'rank',
          '--role',
          'backend-developer',
          '--format',
          'json',
          '--no-isolate',
          '--as-of',
          AS_OF,
          '--',
          '-rf.txt',
        ]),
        cli(['rank', '--format', 'json', '--no-isolate', '-rf.txt']),
        cli(['rank', '--role', 'backend-developer', '--format', 'json', '--no-isolate', '-r', 'f.txt', 'x.txt']),
        cli(['extract', '--format', 'jsonl', '--no-isolate', '--', '--help']),
      ]),
    );
    expect(withDash.code, withDash.stderr).toBe(0);
    expect(
      (JSON.parse(withDash.stdout) as { role: { id: string }; results: { file: string }[] }).results.map((r) => r.file),
    ).toEqual(['-rf.txt']);
    expect(glued.code).toBe(2);
    expect(glued.stderr).toMatch(/-rf\.txt was read as -r "f\.txt"/);
    expect(glued.stderr).toContain('put -- before the file names');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--role is given more than once');
    expect(helpAfterDash.code, helpAfterDash.stderr).toBe(0);
    expect(JSON.parse(helpAfterDash.stdout.trim()) as { file: string }).toMatchObject({ file: '--help' });
  });

  /** A hostile résumé named with escapes, in a folder of its own; returns its folder and its name there. */
  const hostileCv = (): { dir: string; file: string } => {
    const dir = mkdtempSync(join(tmp, 'inject-'));
    const file = `cv${ESC}]0;name${'\u0007'}\u202e.txt`;
    writeFileSync(
      join(dir, file),
      `Jane Doe ${HOSTILE}\n\nSkills\nNode.js ${HOSTILE}, PostgreSQL, Docker\n\nExperience\nBackend Engineer at Acme ${HOSTILE}, Jan 2019 – Present\n• Built Node.js ${HOSTILE} services on PostgreSQL\n`,
    );
    return { dir, file };
  };

  it('match, parse --format text, the rank and extract tables and stderr print no raw control or bidi character', async () => {
    const { dir, file } = hostileCv();
    const broken = `bad${ESC}[2J\u202e.pdf`;
    writeFileSync(join(dir, broken), `%PDF-1.7 ${HOSTILE}`);
    const runs = await inDir(dir, () =>
      Promise.all([
        cli(['match', '--role', 'backend-developer', file, '--no-isolate', '--as-of', AS_OF]),
        cli(['parse', file, '--format', 'text', '--no-isolate', '--as-of', AS_OF]),
        cli(['rank', '--role', 'backend-developer', file, broken, '--no-isolate', '--as-of', AS_OF]),
        cli(['extract', file, broken, '--format', 'table', '--no-isolate', '--as-of', AS_OF]),
        cli([
          'rank',
          '--role',
          'backend-developer',
          file,
          broken,
          '--format',
          'json',
          '--no-isolate',
          '--as-of',
          AS_OF,
        ]),
        cli(['extract', file, broken, '--format', 'jsonl', '--no-isolate', '--as-of', AS_OF]),
        cli(['parse', broken, '--no-isolate']),
      ]),
    );
    for (const run of runs) {
      expectInert(run.stdout);
      expectInert(run.stderr);
    }
    const [match, parse, table] = runs;
    expect(match!.code, match!.stderr).toBe(0);
    expect(match!.stdout).toContain('\\x1b]0;pwned\\x07');
    expect(parse!.stdout).toContain('\\u202eevil');
    expect(table!.stdout).toContain('cv\\x1b]0;name\\x07\\u202e.txt');
    expect(table!.stderr + table!.stdout).toContain('bad\\x1b[2J\\u202e.pdf');
    // JSON keeps the exact value, escaped.
    const json = JSON.parse(runs[4]!.stdout) as {
      results: { file: string; requirements: { evidence: { sentence: string }[] }[] }[];
    };
    expect(json.results[0]!.file).toBe(file);
    expect(JSON.stringify(json)).toContain('\u202eevil');
  });

  it('CSV cells that would run as formulas are prefixed with a quote', async () => {
    const dir = mkdtempSync(join(tmp, 'csv-'));
    // A file name as a shell glob gives it: relative, starting with what a spreadsheet runs.
    const file = join('=HYPERLINK("http:', 'evil.example","click").txt');
    mkdirSync(join(dir, '=HYPERLINK("http:'));
    writeFileSync(join(dir, file), readFileSync(TEXT_CV));
    const plus = '+cmd.txt';
    writeFileSync(join(dir, plus), readFileSync(TEXT_CV));
    const run = await inDir(dir, () =>
      cli([
        'rank',
        '--role',
        'backend-developer',
        '--format',
        'csv',
        '--no-isolate',
        '--as-of',
        AS_OF,
        '--',
        file,
        plus,
      ]),
    );
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.split('\r\n').filter(Boolean).slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const cell = row.split(',')[1]!;
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
    }
    expect(run.stdout).toContain(`"'${file.replace(/"/g, '""')}"`);
  });
});

describe.skipIf(!existsSync('/proc/self/stat'))('skillmatch under signals', { timeout: 120_000 }, () => {
  /**
   * 20 quick PDFs, then 16 DOCX files with 4 MB of document.xml (about 1.6 s of mammoth each, inside
   * every default limit, then refused for their text length): a signal lands while workers are busy.
   */
  const docx = buildDocxBomb(4 * 1024 * 1024);
  function bigFolder(): string {
    const dir = mkdtempSync(join(tmp, 'many-'));
    for (let i = 0; i < 20; i++) copyFileSync(PDF_CV, join(dir, `a-${String(i).padStart(3, '0')}.pdf`));
    for (let i = 0; i < 16; i++) writeFileSync(join(dir, `b-${String(i).padStart(3, '0')}.docx`), docx);
    return dir;
  }

  /** Starts a rank over `dir`, waits until it has workers and some results, then signals it. */
  async function interrupted(
    dir: string,
    signal: NodeJS.Signals,
    format: string,
  ): Promise<Run & { workers: number[] }> {
    const child = spawn(
      process.execPath,
      [BIN, 'rank', '--role', 'backend-developer', dir, '--format', format, '--workers', '2', '--as-of', AS_OF],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, sig) => resolve({ code, signal: sig })),
    );
    let workers: number[] = [];
    for (let i = 0; i < 2400 && workers.length < 2; i++) {
      await sleep(25);
      workers = childrenOf(child.pid!);
    }
    // Inputs go to the pool in order, four in flight: once a worker swells with a 4 MB DOCX, at least
    // 16 PDFs are done. Waiting for that, not for a fixed time, keeps the test sound on a loaded machine.
    for (let i = 0; i < 2400 && !workers.some((pid) => residentMb(pid) > 250); i++) await sleep(25);
    child.kill(signal);
    const { code, signal: endSignal } = await closed;
    return { code, signal: endSignal, stdout, stderr, workers };
  }

  it('SIGTERM mid-batch: workers stopped, the results so far printed as valid JSON, exit 143', async () => {
    const run = await interrupted(bigFolder(), 'SIGTERM', 'json');
    expect(run.workers.length).toBeGreaterThan(0);
    expect(run.code, run.stderr).toBe(143);
    const out = JSON.parse(run.stdout) as {
      total: number;
      results: { rank: number }[];
      errors: unknown[];
      interrupted: { signal: string; done: number };
    };
    expect(out.total).toBe(36);
    expect(out.interrupted.signal).toBe('SIGTERM');
    expect(out.results.length + out.errors.length).toBe(out.interrupted.done);
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.interrupted.done).toBeLessThan(36);
    expect(out.results.map((r) => r.rank)).toEqual(out.results.map((_, i) => i + 1));
    expect(run.stderr).toContain('interrupted by SIGTERM');
    await sleep(300);
    for (const pid of run.workers) expect(alive(pid), `worker ${pid} outlived the CLI`).toBe(false);
  });

  it('SIGINT mid-batch: the table so far, exit 130', async () => {
    const run = await interrupted(bigFolder(), 'SIGINT', 'table');
    expect(run.code, run.stderr).toBe(130);
    // The counts share the title line with the role, or take a line of their own when it would be too wide.
    expect(run.stdout).toMatch(
      /\d+ ranked, (\d+ with no text, )?\d+ could not be used( \(on stderr\))? — interrupted by SIGINT after \d+ of 36\n/,
    );
    await sleep(300);
    for (const pid of run.workers) expect(alive(pid)).toBe(false);
  });

  it('SIGKILL to the CLI alone: its workers are gone within a bounded time', async () => {
    // Two plain-text files of 1 MB of headings: seconds of parsing each, in little memory, so an
    // orphaned worker would keep parsing long after the bound below.
    const dir = mkdtempSync(join(tmp, 'slow-'));
    const headings = 'Experience\nGo and PostgreSQL\n\nSkills\nNode.js, Docker\n\n'.repeat(20_000);
    for (const name of ['a.txt', 'b.txt']) writeFileSync(join(dir, name), headings);
    const child = spawn(
      process.execPath,
      [BIN, 'rank', '--role', 'backend-developer', dir, '--format', 'json', '--workers', '2', '--as-of', AS_OF],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    let workers: number[] = [];
    for (let i = 0; i < 400 && workers.length < 2; i++) {
      await sleep(25);
      workers = childrenOf(child.pid!);
    }
    expect(workers.length).toBe(2);
    await sleep(1500); // both workers are parsing, their event loops blocked
    child.kill('SIGKILL');
    const started = performance.now();
    while (workers.some(alive) && performance.now() - started < 10_000) await sleep(25);
    const elapsed = performance.now() - started;
    for (const pid of workers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    console.log(`CLI SIGKILLed: workers gone after ${elapsed.toFixed(0)} ms`);
    // About 100 ms on an idle machine; the bound leaves room for a loaded one. An orphan would parse
    // its megabyte of headings for many seconds more.
    expect(elapsed).toBeLessThan(5000);
  });
});
