// The documents the speed, scale and memory suites run on: the synthetic PDFs and DOCX files in
// ../shared/data when present, else the bundled fixtures, so the suites still run without the data.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA = join(ROOT, '../shared/data');
export const hasData = existsSync(DATA);

/** Files under `dir` (recursively, sorted) whose extension is one of `exts`. */
export function walk(dir, exts) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, exts));
    else if (exts.includes(extname(name).toLowerCase())) out.push(path);
  }
  return out;
}

function load(paths) {
  return paths.map((path) => ({ path, name: path.slice(ROOT.length), bytes: new Uint8Array(readFileSync(path)) }));
}

/** Readable résumé PDFs: the synthetic set when present, else the bundled fixture PDFs. */
export function pdfCorpus() {
  const shared = walk(join(DATA, 'synthetic-resumes/pdf'), ['.pdf']);
  return load(shared.length > 0 ? shared : walk(join(ROOT, 'fixtures/resumes'), ['.pdf']));
}

export function docxCorpus() {
  const shared = walk(join(DATA, 'synthetic-resumes/docx'), ['.docx']);
  return load(shared.length > 0 ? shared : walk(join(ROOT, 'fixtures/resumes'), ['.docx']));
}

/** Every readable bundled fixture résumé, any format. */
export function fixtureCorpus() {
  return load(
    walk(join(ROOT, 'fixtures/resumes'), ['.pdf', '.docx', '.html', '.htm', '.md', '.txt', '.json']).filter((p) =>
      /[/\\]input\.[a-z]+$/.test(p),
    ),
  );
}
