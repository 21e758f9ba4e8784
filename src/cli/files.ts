/**
 * The CLI's file access: the core does no I/O, so finding and reading résumés lives here.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SkillmatchError } from '../errors.js';

/** Extensions a folder walk picks up as résumés. */
export const RESUME_EXTENSIONS: readonly string[] = Object.freeze(['.pdf', '.docx', '.html', '.htm', '.md', '.markdown', '.txt', '.json']);

/**
 * Files that sit beside résumés in fixture and project folders but are not résumés: goldens
 * (`expected.json`, `expected-*.json`), generator truth (`truth.json`) and role files (`role.json`).
 */
export function isCompanionFile(name: string): boolean {
  const lower = name.toLowerCase();
  return /^expected([-.].*)?\.json$/.test(lower) || lower === 'truth.json' || lower === 'role.json' || lower === 'package.json' || lower === 'package-lock.json';
}

/** Whether a folder walk should take this file name as a résumé. */
export function isResumeFileName(name: string): boolean {
  if (name.startsWith('.')) return false;
  return RESUME_EXTENSIONS.includes(extname(name).toLowerCase()) && !isCompanionFile(name);
}

function fileError(path: string, error: unknown): SkillmatchError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new SkillmatchError('file-not-found', `No such file or folder: ${path}`, { file: path, cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new SkillmatchError('file-unreadable', `Cannot read ${path}: ${reason}`, { file: path, cause: error });
}

/** Reads one file's bytes; missing or unreadable files become typed errors naming the file. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new SkillmatchError('file-unreadable', `${path} is a folder, not a file`, { file: path });
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof SkillmatchError) throw error;
    throw fileError(path, error);
  }
}

/** A path the walk could not use, reported like any other bad input. */
export interface WalkError {
  file: string;
  error: SkillmatchError;
}

/**
 * Expands files and folders into résumé paths: folders recursively (hidden entries and
 * `node_modules` skipped), keeping files with a résumé extension and leaving out goldens, truth
 * and role files. A file named explicitly is always taken. Paths keep the caller's spelling and
 * come out sorted within each folder, so the order is stable from run to run.
 */
export async function collectInputs(paths: readonly string[]): Promise<{ files: string[]; errors: WalkError[] }> {
  const files: string[] = [];
  const errors: WalkError[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ file: dir, error: fileError(dir, error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') await walk(full);
      } else if (entry.isFile() && isResumeFileName(entry.name)) add(full);
    }
  }
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      errors.push({ file: path, error: fileError(path, error) });
      continue;
    }
    if (info.isDirectory()) await walk(path);
    else add(path);
  }
  return { files, errors };
}

/** The file's name, for format hints. */
export function fileNameOf(path: string): string {
  return basename(path);
}
