/**
 * The CLI's file access: the core does no I/O, so finding and reading résumés lives here.
 *
 * Every path is untrusted: a FIFO would block a read forever, `/dev/zero` never ends, a 2 GiB file
 * does not fit a Buffer, and a symlink may point back up its own tree. So a file is opened without
 * blocking, must be a regular file, and is read to at most `maxBytes + 1` bytes; a folder walk
 * follows symlinks but enters each real folder once; and every entry the walk does not take is
 * accounted for, as an error or as a skipped entry with its reason.
 */
import { constants, type Dirent, type Stats } from 'node:fs';
import { type FileHandle, open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { PARSE_DEFAULTS } from '../defaults.js';
import { LimitError, SkillmatchError } from '../errors.js';
import { formatBytes } from '../parse/index.js';

/** Extensions a folder walk picks up as résumés. */
export const RESUME_EXTENSIONS: readonly string[] = Object.freeze([
  '.pdf',
  '.docx',
  '.html',
  '.htm',
  '.md',
  '.markdown',
  '.txt',
  '.json',
]);

/**
 * Files that sit beside résumés in fixture and project folders but are not résumés: goldens
 * (`expected.json`, `expected-*.json`), generator truth (`truth.json`) and role files (`role.json`).
 */
export function isCompanionFile(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    /^expected([-.].*)?\.json$/.test(lower) ||
    lower === 'truth.json' ||
    lower === 'role.json' ||
    lower === 'package.json' ||
    lower === 'package-lock.json'
  );
}

/** Whether a folder walk should take this file name as a résumé. */
export function isResumeFileName(name: string): boolean {
  return skipReasonOfName(name) === null;
}

/** Why a folder walk leaves a file of this name out, or null when it takes it. */
function skipReasonOfName(name: string): string | null {
  if (name.startsWith('.')) return 'hidden';
  if (!RESUME_EXTENSIONS.includes(extname(name).toLowerCase())) return 'not a résumé file type';
  if (isCompanionFile(name)) return 'a golden, truth, role or package file';
  return null;
}

function fileError(path: string, error: unknown): SkillmatchError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new SkillmatchError('file-not-found', `No such file or folder: ${path}`, { file: path, cause: error });
  if (code === 'ELOOP')
    return new SkillmatchError('file-unreadable', `Cannot read ${path}: a symlink loop`, { file: path, cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new SkillmatchError('file-unreadable', `Cannot read ${path}: ${reason}`, { file: path, cause: error });
}

/** The type tests that `Dirent` and `Stats` share. */
interface FileKind {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

/** What a non-regular file is, for messages. */
function kindOf(info: FileKind): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function notRegular(path: string, kind: string): SkillmatchError {
  return new SkillmatchError('file-unreadable', `${path} is ${kind}, not a regular file; it was not read.`, {
    file: path,
  });
}

function tooLarge(path: string, size: string, maxBytes: number): LimitError {
  return new LimitError(
    'limit-bytes',
    `${path} is ${size}, over the ${formatBytes(maxBytes)} limit (\`maxBytes\`); it was not read.`,
    { file: path, limit: maxBytes },
  );
}

/**
 * Reads one file's bytes; missing, unreadable, non-regular and oversized files become typed errors
 * naming the file. The file is opened with `O_NONBLOCK` (a FIFO does not wait for a writer), checked
 * to be a regular file on the open descriptor, and read to at most `maxBytes + 1` bytes, so a file
 * that grows while read, or lies about its size, still cannot make this read more than that.
 *
 * @param maxBytes Largest file accepted. @default PARSE_DEFAULTS.maxBytes
 */
export async function readInputFile(path: string, maxBytes: number = PARSE_DEFAULTS.maxBytes): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw notRegular(path, 'a folder');
    throw fileError(path, error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(path, kindOf(info));
    if (info.size > maxBytes) throw tooLarge(path, formatBytes(info.size), maxBytes);
    const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) throw tooLarge(path, `more than ${formatBytes(maxBytes)} (it grew while read)`, maxBytes);
    return filled === buffer.length ? buffer : buffer.subarray(0, filled);
  } catch (error) {
    if (error instanceof SkillmatchError) throw error;
    throw fileError(path, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A path the walk could not use, reported like any other bad input. */
export interface WalkError {
  file: string;
  error: SkillmatchError;
}

/** An entry the walk left out on purpose, with the reason (reported, never silently dropped). */
export interface WalkSkip {
  file: string;
  reason: string;
}

/** What `collectInputs` found: résumé paths, entries it could not use, and entries it left out. */
export interface CollectedInputs {
  files: string[];
  errors: WalkError[];
  skipped: WalkSkip[];
}

/**
 * Expands files and folders into résumé paths: folders recursively, following symlinks to files and
 * folders but entering each real folder once (a loop or a second link to the same folder is skipped
 * and reported), keeping files with a résumé extension and leaving out hidden entries,
 * `node_modules`, goldens, truth and role files (reported as skipped). A file named explicitly is
 * always taken if it is a regular file. Broken symlinks, FIFOs, sockets, devices and unreadable
 * folders are errors. Paths keep the caller's spelling and come out sorted within each folder, so
 * the order is stable from run to run.
 */
export async function collectInputs(paths: readonly string[]): Promise<CollectedInputs> {
  const files: string[] = [];
  const errors: WalkError[] = [];
  const skipped: WalkSkip[] = [];
  const seenFiles = new Set<string>();
  const walkedFolders = new Set<string>();
  /** Adds a file once, by its real path: two links to one file are one résumé. */
  const add = async (file: string): Promise<void> => {
    const real = await realpath(file).catch(() => file);
    if (seenFiles.has(real)) {
      skipped.push({ file, reason: 'the same file as one already taken' });
      return;
    }
    seenFiles.add(real);
    files.push(file);
  };
  async function walk(dir: string): Promise<void> {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(dir);
      if (walkedFolders.has(real)) {
        skipped.push({ file: dir, reason: 'a folder already walked (a symlink loop or a second link to it)' });
        return;
      }
      walkedFolders.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ file: dir, error: fileError(dir, error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      let info: FileKind = entry;
      if (entry.isSymbolicLink()) {
        try {
          info = await stat(full);
        } catch (error) {
          errors.push({ file: full, error: fileError(full, error) });
          continue;
        }
      }
      if (info.isDirectory()) {
        if (entry.name.startsWith('.')) skipped.push({ file: full, reason: 'a hidden folder' });
        else if (entry.name === 'node_modules') skipped.push({ file: full, reason: 'node_modules' });
        else await walk(full);
        continue;
      }
      const reason = skipReasonOfName(entry.name);
      if (reason !== null) skipped.push({ file: full, reason });
      else if (info.isFile()) await add(full);
      else errors.push({ file: full, error: notRegular(full, kindOf(info)) });
    }
  }
  for (const path of paths) {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      errors.push({ file: path, error: fileError(path, error) });
      continue;
    }
    if (info.isDirectory()) await walk(path);
    else if (info.isFile()) await add(path);
    else errors.push({ file: path, error: notRegular(path, kindOf(info)) });
  }
  return { files, errors, skipped };
}

/** The file's name, for format hints. */
export function fileNameOf(path: string): string {
  return basename(path);
}
