/**
 * Stage 1: bytes → ResumeDocument. Detects the format from the bytes, reads the text in reading
 * order with a format-specific reader, then finds sections and the experience timeline. This file
 * is the stage's only entrance for the other stages.
 */
import { abortable, checkSignal, throwIfAborted } from '../abort.js';
import { DOCUMENT_VERSION } from '../defaults.js';
import { LimitError, ParseError } from '../errors.js';
import type { Diagnostic, DocumentFormat, ResumeDocument } from '../types.js';
import { resolveAsOf } from '../util/month.js';
import { classifyText, decodeText, detectBinary, type DetectedKind } from './detect.js';
import { readDocx } from './docx.js';
import { htmlToLines } from './html.js';
import { isJsonResume, jsonResumeText, jsonResumeToDocument, type JsonResumeObject } from './json-resume.js';
import { layoutPdf } from './layout.js';
import { checkDocx, checkPdfStreams, formatBytes, resolveLimits, type ParseLimits } from './limits.js';
import { readPdf } from './pdf.js';
import {
  checkDocumentDate,
  documentDateNote,
  resolveDocumentDate,
  type FileDates,
  type ResolvedDocumentDate,
} from './document-date.js';
import type { ParseOptions, ParsePool } from './options.js';
import { createParsePool } from './pool.js';
import { structureDocument } from './structure.js';
import { assembleLines, countWords, readPlainText, type LaidOutText } from './text.js';

export { createParsePool } from './pool.js';
export type { ParsePoolOptions } from './pool.js';
export type { ParseOptions, ParsePool } from './options.js';
export type { JsonResumeObject } from './json-resume.js';

// For the later stages and `@skillmatch/core/tools`, not the main export: date ranges, line splitting
// and sectioning of text, JSON Resume input, HTML to lines, and a byte count in words.
export { parseDateRange, findDateRanges } from './dates.js';
export type { DateOptions, DateRange, FindDateRangesOptions } from './dates.js';
export { splitLines, structureDocument } from './structure.js';
export type { StructureInput, StructureResult } from './structure.js';
export { isJsonResume, jsonResumeText } from './json-resume.js';
export { decodeEntities, htmlToLines } from './html.js';
export type { TextLine } from './text.js';
export { lowerBound } from './layout.js';
export { formatBytes } from './limits.js';
export { checkDocumentDate } from './document-date.js';

let sharedPool: ParsePool | null = null;

/** The pool behind `parseResume(input, { isolate: true })`, created on first use; its idle children never keep the process alive. */
function defaultPool(): ParsePool {
  sharedPool ??= createParsePool();
  return sharedPool;
}

function byteLength(input: Uint8Array | string): number {
  return typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
}

/**
 * Reads a résumé (PDF, DOCX, HTML, Markdown, plain text or JSON Resume) into a `ResumeDocument`
 * with sections and an experience timeline. The format comes from the bytes; `filename` is a hint.
 * A JSON Resume may also be given as the object itself (one `isJsonResume` accepts): it is read as
 * its JSON text would be, with the same validation and errors.
 *
 * Throws `ParseError` (`pdf-encrypted`, `pdf-corrupt`, `docx-corrupt`, `unsupported-format`,
 * `empty-input`, `json-corrupt`), `LimitError` (`limit-bytes`, `limit-pages`, `limit-expanded-size`,
 * `limit-text-length`, and with isolation `limit-time`, `limit-memory`) or `worker-crashed`; a `RangeError`
 * naming the option for a malformed `asOf` or `documentDate`.
 *
 * @example
 * const doc = await parseResume(await readFile('cv.pdf'), { filename: 'cv.pdf', isolate: true });
 * doc.sections.map((s) => s.kind); // ['contact', 'summary', 'experience', 'skills', 'education']
 */
export async function parseResume(
  input: Uint8Array | string | JsonResumeObject,
  options: ParseOptions = {},
): Promise<ResumeDocument> {
  if (options === null || typeof options !== 'object') throw new TypeError('`options` must be an object');
  const data = typeof input === 'string' || input instanceof Uint8Array ? input : jsonResumeText(input);
  const signal = checkSignal(options.signal);
  throwIfAborted(signal, 'Parsing was aborted (`signal`).');
  if (options.filename !== undefined && typeof options.filename !== 'string')
    throw new TypeError('`filename` must be a string');
  checkDocumentDate(options.documentDate, resolveAsOf(options.asOf));
  const limits = resolveLimits(options);
  const bytes = byteLength(data);
  if (bytes > limits.maxBytes) {
    throw new LimitError(
      'limit-bytes',
      `The input is ${formatBytes(bytes)}, over the ${formatBytes(limits.maxBytes)} limit (\`maxBytes\`).`,
      { limit: limits.maxBytes, ...(options.filename ? { file: options.filename } : {}) },
    );
  }
  if (options.pool) return options.pool.parse(data, withoutPool(options));
  if (options.isolate) return defaultPool().parse(data, withoutPool(options));
  return abortable(parseInProcess(data, options, limits, bytes), signal, 'Parsing was aborted (`signal`).');
}

function withoutPool(options: ParseOptions): Omit<ParseOptions, 'pool' | 'isolate'> {
  const { pool: _pool, isolate: _isolate, ...rest } = options;
  return rest;
}

interface Read {
  format: DocumentFormat;
  pages: number | null;
  laidOut?: LaidOutText;
  /** JSON Resume arrives already structured. */
  structured?: ReturnType<typeof jsonResumeToDocument>;
  diagnostics: Diagnostic[];
  /** Dates the file carries about itself (PDF Info, DOCX core properties). */
  fileDates?: FileDates;
}

function emptyInput(file?: string): ParseError {
  return new ParseError('empty-input', `The input is empty${file ? `: ${file}` : ''}.`, file ? { file } : {});
}

async function readInput(input: Uint8Array | string, options: ParseOptions, limits: ParseLimits): Promise<Read> {
  const file = options.filename;
  let text: string;
  const diagnostics: Diagnostic[] = [];
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    if (input.byteLength === 0) throw emptyInput(file);
    const detected = detectBinary(input, file);
    if (detected.kind === 'pdf') return readPdfInput(input, limits, file);
    if (detected.kind === 'zip') {
      const checked = checkDocx(input, limits, file);
      const docx = await readDocx(input, checked, file);
      return {
        format: 'docx',
        pages: null,
        laidOut: assembleLines(docx.lines),
        diagnostics: docx.diagnostics,
        fileDates: docx.dates,
      };
    }
    const decoded = decodeText(input, file);
    text = decoded.text;
    diagnostics.push(...decoded.diagnostics);
  }
  if (text.trim() === '') throw emptyInput(file);
  const kind: DetectedKind = classifyText(text, file);
  if (kind === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (/\.json$/i.test(file ?? ''))
        throw new ParseError(
          'json-corrupt',
          `The JSON is malformed: ${(error as Error).message}`,
          file ? { file, cause: error } : { cause: error },
        );
      return { format: 'text', pages: null, laidOut: readPlainText(text, false), diagnostics };
    }
    if (isJsonResume(value)) {
      return {
        format: 'json-resume',
        pages: null,
        structured: jsonResumeToDocument(value, options.asOf === undefined ? {} : { asOf: options.asOf }),
        diagnostics,
      };
    }
    throw new ParseError(
      'unsupported-format',
      'The input is JSON but not a JSON Resume (jsonresume.org: expected keys such as basics, work, skills, education).',
      file ? { file } : {},
    );
  }
  if (kind === 'html') {
    const { lines, tables } = htmlToLines(text);
    if (tables > 0)
      diagnostics.push({
        severity: 'info',
        code: 'tables',
        message: `${tables} table${tables === 1 ? '' : 's'} read cell by cell, in reading order.`,
        source: 'parse',
      });
    return { format: 'html', pages: null, laidOut: assembleLines(lines), diagnostics };
  }
  return {
    format: kind === 'markdown' ? 'markdown' : 'text',
    pages: null,
    laidOut: readPlainText(text, kind === 'markdown'),
    diagnostics,
  };
}

async function readPdfInput(input: Uint8Array, limits: ParseLimits, file?: string): Promise<Read> {
  checkPdfStreams(input, limits.maxExpandedBytes, file);
  const content = await readPdf(input, { maxPages: limits.maxPages, ...(file ? { file } : {}) });
  const layout = layoutPdf(content.pages);
  const laidOut = assembleLines(layout.lines);
  const diagnostics: Diagnostic[] = [];
  if (layout.twoColumnPages.length > 0) {
    diagnostics.push({
      severity: 'info',
      code: 'two-columns',
      message: `Read as two columns, left then right, on page${layout.twoColumnPages.length === 1 ? '' : 's'} ${layout.twoColumnPages.join(', ')}.`,
      source: 'parse',
      place: `page ${layout.twoColumnPages.join(', ')}`,
    });
  }
  if (layout.unmappedGlyphs > 0) {
    diagnostics.push({
      severity: layout.unmappedGlyphs >= 20 ? 'warning' : 'info',
      code: 'unmapped-glyphs',
      message: `${layout.unmappedGlyphs} glyph${layout.unmappedGlyphs === 1 ? '' : 's'} without a Unicode mapping (icon fonts, private-use characters) were removed from the text.`,
      source: 'parse',
    });
  }
  if (laidOut.text.trim() === '') {
    diagnostics.push({
      severity: 'warning',
      code: 'no-text-layer',
      message: `The PDF has no text layer (${content.pages.length} page${content.pages.length === 1 ? '' : 's'} of images, probably a scan); nothing could be read without OCR.`,
      source: 'parse',
    });
  }
  return { format: 'pdf', pages: content.pages.length, laidOut, diagnostics, fileDates: content.dates };
}

async function parseInProcess(
  input: Uint8Array | string,
  options: ParseOptions,
  limits: ParseLimits,
  bytes: number,
): Promise<ResumeDocument> {
  const read = await readInput(input, options, limits);
  const asOf = options.asOf === undefined ? {} : { asOf: options.asOf };
  const asOfMonth = resolveAsOf(options.asOf);
  const dated = (words: string): ResolvedDocumentDate =>
    resolveDocumentDate(words, checkDocumentDate(options.documentDate, asOfMonth), read.fileDates, asOfMonth);
  let resolved: ResolvedDocumentDate;
  let text: string;
  let lines: ResumeDocument['lines'];
  let sections: ResumeDocument['sections'];
  let timeline: ResumeDocument['timeline'];
  let structureDiagnostics: Diagnostic[];
  if (read.structured) {
    ({ text, lines, sections, timeline } = read.structured);
    structureDiagnostics = read.structured.diagnostics;
    resolved = dated(text);
  } else {
    const laidOut = read.laidOut!;
    text = laidOut.text;
    lines = laidOut.lines;
    checkTextLength(text, limits, options.filename);
    resolved = dated(text);
    const structure = structureDocument({
      text,
      lines,
      headingLines: laidOut.headingLines,
      ...asOf,
      documentDate: resolved.documentDate.month,
    });
    ({ sections, timeline } = structure);
    structureDiagnostics = structure.diagnostics;
  }
  const dateNote = documentDateNote(resolved, timeline);
  structureDiagnostics = [...structureDiagnostics, ...resolved.diagnostics, ...(dateNote === null ? [] : [dateNote])];
  checkTextLength(text, limits, options.filename);
  const diagnostics = [...read.diagnostics];
  const words = countWords(text);
  if (words > 0 && words < 50) {
    diagnostics.push({
      severity: 'warning',
      code: 'few-words',
      message: `Only ${words} word${words === 1 ? '' : 's'} could be read; the file may be a scan, mostly images, or not a résumé.`,
      source: 'parse',
    });
  }
  if (words === 0 && !diagnostics.some((d) => d.code === 'no-text-layer')) {
    diagnostics.push({
      severity: 'warning',
      code: 'few-words',
      message: 'No words could be read from the document.',
      source: 'parse',
    });
  }
  return {
    version: DOCUMENT_VERSION,
    text,
    lines,
    sections,
    timeline,
    meta: {
      format: read.format,
      pages: read.pages,
      bytes,
      ...(options.filename === undefined ? {} : { filename: options.filename }),
    },
    diagnostics: [...diagnostics, ...structureDiagnostics],
    documentDate: resolved.documentDate,
  };
}

function checkTextLength(text: string, limits: ParseLimits, file?: string): void {
  if (text.length > limits.maxTextLength) {
    throw new LimitError(
      'limit-text-length',
      `The document's text is ${text.length} characters, over the ${limits.maxTextLength}-character limit (\`maxTextLength\`).`,
      { limit: limits.maxTextLength, ...(file ? { file } : {}) },
    );
  }
}
