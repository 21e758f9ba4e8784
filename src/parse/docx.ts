/**
 * The one adapter for mammoth. DOCX bytes reach mammoth only after `checkDocx` (limits.ts) has
 * inflated every XML part under a hard cap. mammoth reads paragraphs, lists, tables and heading
 * styles; text boxes that only exist in `mc:Choice` and page headers/footers (which mammoth skips)
 * are read from the XML we already hold, so no text is lost.
 */
import type Mammoth from 'mammoth';
import { ParseError } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { decodeEntities, htmlToLines } from './html.js';
import { inflateEntryCapped, type CheckedDocx } from './limits.js';
import type { TextLine } from './text.js';

/** A DOCX read into lines, with how it was read. */
export interface DocxContent {
  lines: TextLine[];
  diagnostics: Diagnostic[];
  /** `dcterms:modified` and `dcterms:created` from `docProps/core.xml`, as written, when present. */
  dates: { modified?: string; created?: string };
}

/** Largest `docProps/core.xml` read for its dates (the part is a few hundred bytes). */
const CORE_XML_CAP = 256 * 1024;

/** The document's own dates from `docProps/core.xml`; a missing or damaged part gives none, never an error. */
function coreDates(bytes: Uint8Array, checked: CheckedDocx): DocxContent['dates'] {
  const entry = checked.entries.find((e) => e.name === 'docProps/core.xml');
  if (entry === undefined) return {};
  try {
    const { data } = inflateEntryCapped(bytes, entry, CORE_XML_CAP, true);
    const xml = new TextDecoder().decode(data!);
    const dates: DocxContent['dates'] = {};
    const modified = /<dcterms:modified\b[^>]{0,200}>([^<]{1,64})</.exec(xml)?.[1];
    const created = /<dcterms:created\b[^>]{0,200}>([^<]{1,64})</.exec(xml)?.[1];
    if (modified !== undefined) dates.modified = modified.trim();
    if (created !== undefined) dates.created = created.trim();
    return dates;
  } catch {
    return {};
  }
}

let library: Promise<{ mammoth: typeof Mammoth; skipImages: ReturnType<typeof Mammoth.images.imgElement> }> | undefined;

/** mammoth, imported with the first DOCX rather than with the package (most callers never read one in-process). */
function loadMammoth(): NonNullable<typeof library> {
  library ??= import('mammoth').then(({ default: mammoth }) => ({
    mammoth,
    /** Images are never decoded: they carry no text and could hide a bomb. */
    skipImages: mammoth.images.imgElement(async () => ({ src: '' })),
  }));
  return library;
}

/** Paragraph texts of an XML fragment (`w:t` runs, tabs and breaks). */
export function paragraphsOf(xml: string): string[] {
  const out: string[] = [];
  let current = '';
  const token = /<w:t(?:\s[^<>]{0,500})?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>|<\/w:p>/g;
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    if (match[1] !== undefined) current += decodeEntities(match[1]);
    else if (match[0] === '<w:tab/>') current += '\t';
    else if (match[0] === '</w:p>') {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else {
      if (current.trim()) out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Contents of every `w:txbxContent` element, in document order. */
function textBoxes(xml: string): string[] {
  const boxes: string[] = [];
  let from = 0;
  for (;;) {
    const open = xml.indexOf('<w:txbxContent', from);
    if (open < 0) break;
    const close = xml.indexOf('</w:txbxContent>', open);
    if (close < 0) break;
    boxes.push(xml.slice(open, close));
    from = close + 16;
  }
  return boxes;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s•]+/g, ' ')
    .trim();
}

/** Reads a pre-checked DOCX (see `checkDocx`) into lines: mammoth's paragraphs, lists, tables and headings, plus text boxes and page headers/footers. */
export async function readDocx(bytes: Uint8Array, checked: CheckedDocx, file?: string): Promise<DocxContent> {
  const { mammoth, skipImages } = await loadMammoth();
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: skipImages },
    );
    html = result.value;
  } catch (error) {
    throw new ParseError(
      'docx-corrupt',
      `The DOCX cannot be read: ${String((error as Error)?.message ?? error)
        .replace(/\s+/g, ' ')
        .slice(0, 200)}`,
      file ? { file, cause: error } : { cause: error },
    );
  }
  const { lines, tables } = htmlToLines(html, { spaceRunsAsTabs: true });
  const diagnostics: Diagnostic[] = [];
  if (tables > 0) {
    diagnostics.push({
      severity: 'info',
      code: 'tables',
      message: `${tables} table${tables === 1 ? '' : 's'} read cell by cell, in reading order.`,
      source: 'parse',
    });
  }
  const known = normalise(lines.map((line) => line.text).join('\n'));

  const boxes = textBoxes(checked.documentXml);
  if (boxes.length > 0) {
    // mammoth writes a text box's paragraphs into the paragraph that anchors it, jamming a whole
    // layout of frames into one line. When that happens, walk the XML ourselves: every paragraph,
    // text-box paragraphs included, becomes its own line (mc:Fallback copies dropped).
    const walked = paragraphsOf(checked.documentXml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, ''));
    const mammothLines = lines.filter((line) => line.text.trim() !== '').length;
    if (walked.length > mammothLines * 1.5) {
      lines.length = 0;
      for (const paragraph of walked) lines.push({ text: paragraph });
      diagnostics.push({
        severity: 'info',
        code: 'text-boxes',
        message: `${boxes.length} text box${boxes.length === 1 ? '' : 'es'}: the document was read paragraph by paragraph from its XML so text-box content keeps its own lines.`,
        source: 'parse',
      });
    }
  }
  if (boxes.length > 0 && !diagnostics.some((d) => d.code === 'text-boxes')) {
    const seen = new Set<string>();
    const missing: string[] = [];
    for (const box of boxes) {
      for (const paragraph of paragraphsOf(box)) {
        const key = normalise(paragraph);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        if (!known.includes(key)) missing.push(paragraph);
      }
    }
    // mc:AlternateContent holds each box twice (Choice and Fallback); count distinct boxes by content.
    const distinct = new Set(boxes.map((box) => normalise(paragraphsOf(box).join(' ')))).size;
    diagnostics.push({
      severity: 'info',
      code: 'text-boxes',
      message: `${distinct} text box${distinct === 1 ? '' : 'es'} read${missing.length > 0 ? `; ${missing.length} paragraph${missing.length === 1 ? '' : 's'} only found in text boxes were added at the end` : ''}.`,
      source: 'parse',
    });
    if (missing.length > 0) {
      lines.push({ text: '' });
      for (const paragraph of missing) lines.push({ text: paragraph });
    }
  }

  const extra = (parts: string[]): string[] => {
    const out: string[] = [];
    for (const part of parts)
      for (const paragraph of paragraphsOf(part))
        if (!known.includes(normalise(paragraph)) && !out.includes(paragraph)) out.push(paragraph);
    return out;
  };
  const headerLines = extra(checked.headers);
  const footerLines = extra(checked.footers);
  if (headerLines.length + footerLines.length > 0) {
    diagnostics.push({
      severity: 'info',
      code: 'headers-footers',
      message: `${headerLines.length + footerLines.length} paragraph(s) from page headers and footers were added (headers first, footers last).`,
      source: 'parse',
    });
  }
  const all: TextLine[] = [
    ...headerLines.map((text) => ({ text })),
    ...(headerLines.length ? [{ text: '' }] : []),
    ...lines,
    ...(footerLines.length ? [{ text: '' }] : []),
    ...footerLines.map((text) => ({ text })),
  ];
  return { lines: all, diagnostics, dates: coreDates(bytes, checked) };
}
