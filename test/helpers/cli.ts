/**
 * The CLI run in-process: `main(argv, io)` with fake streams, as a caller embedding it would. No
 * process is started, so these runs cost the work itself, not a Node start-up and module load each.
 */
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { displayWidth } from '../../src/cli/text.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'skillmatch.js');

/** A writable that keeps what it is given, looking like a terminal of `columns` when `isTTY`. */
export class FakeStream extends Writable {
  private chunks: Buffer[] = [];
  isTTY?: boolean;
  columns?: number;

  constructor(options: { isTTY?: boolean; columns?: number } = {}) {
    super();
    if (options.isTTY !== undefined) this.isTTY = options.isTTY;
    if (options.columns !== undefined) this.columns = options.columns;
  }

  override _write(chunk: Buffer | string, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    callback();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `skillmatch <argv>` in-process; `columns` makes stdout a terminal that wide. */
export async function runCli(argv: string[], options: { columns?: number } = {}): Promise<CliRun> {
  const stdout = new FakeStream(options.columns === undefined ? {} : { isTTY: true, columns: options.columns });
  const stderr = new FakeStream();
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the built bin as a process (for what only a process has: its exit status, signals, real pipes). */
export function runBin(args: string[], options: { cwd?: string; timeout?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, timeout: options.timeout ?? 90_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : -1
          : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Asserts no line of `text` is wider than `width` display columns. */
export function expectFits(text: string, width: number): void {
  const over = text.split('\n').filter((line) => displayWidth(line) > width);
  expect(over, `lines wider than ${width}`).toEqual([]);
}

/**
 * Runs `fn` with `dir` as the working directory, for the few tests whose point is a relative file name
 * (`-rf.txt`, `=HYPERLINK(…)`). Only from tests that run alone (not in a concurrent block): the working
 * directory is the process's.
 */
export async function inDir<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(before);
  }
}
