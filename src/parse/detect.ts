/**
 * Format detection and text decoding. The bytes decide; `filename` is only a hint used to
 * pick a clearer error when the bytes match nothing (a `.docx` that is not a ZIP is a broken
 * DOCX, not "unsupported").
 */
import { ParseError } from '../errors.js';
import type { Diagnostic } from '../types.js';

/** What the bytes look like, before any format-specific reader runs. */
export type DetectedKind = 'pdf' | 'zip' | 'html' | 'json' | 'markdown' | 'text';

/** The kind of binary input, and where a PDF's header starts. */
export interface Detection {
  kind: DetectedKind;
  /** Byte offset of `%PDF-` (PDFs may carry leading junk). */
  offset: number;
}

/** Decoded text and how it was decoded. */
export interface DecodedText {
  text: string;
  diagnostics: Diagnostic[];
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
/** PDF readers accept the header anywhere in the first kilobyte. */
const PDF_HEADER_WINDOW = 1024;

function startsWithAt(bytes: Uint8Array, magic: readonly number[], at: number): boolean {
  if (at + magic.length > bytes.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** Offset of `%PDF-` within the first kilobyte, or -1. */
export function findPdfHeader(bytes: Uint8Array): number {
  const end = Math.min(bytes.length - PDF_MAGIC.length, PDF_HEADER_WINDOW);
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && startsWithAt(bytes, PDF_MAGIC, i)) return i;
  }
  return -1;
}

/** A ZIP archive (local header, or the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end-of-central-directory record of an empty archive.
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

function extensionOf(filename: string | undefined): string {
  if (!filename) return '';
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** Share of bytes in a sample that no text file contains (NUL and C0 controls other than tab, LF, FF, CR, ESC). */
function binaryShare(bytes: Uint8Array, limit = 8192): number {
  const n = Math.min(bytes.length, limit);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) bad++;
  }
  return bad / n;
}

/** UTF-16 without a BOM shows as NUL in every other byte for Latin text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function encodingDiagnostic(message: string): Diagnostic {
  return { severity: 'warning', code: 'encoding-repaired', message, source: 'parse' };
}

/**
 * Decodes text bytes: UTF-8 (BOM removed), UTF-16 with a BOM (or an unmistakable NUL pattern),
 * else windows-1252 with an `encoding-repaired` diagnostic. Throws `unsupported-format` for binary data.
 */
export function decodeText(bytes: Uint8Array, filename?: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), diagnostics: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), diagnostics: [] };
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    return {
      text: new TextDecoder(utf16).decode(bytes),
      diagnostics: [encodingDiagnostic(`No byte-order mark; the bytes were read as ${utf16.toUpperCase()}.`)],
    };
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (binaryShare(body) > 0.02) {
    throw new ParseError(
      'unsupported-format',
      `The input is binary data of no supported format (PDF, DOCX, HTML, JSON Resume, Markdown or text)${filename ? `: ${filename}` : ''}.`,
      filename ? { file: filename } : {},
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), diagnostics: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(body),
      diagnostics: [encodingDiagnostic('The input is not valid UTF-8; it was read as Windows-1252 (Latin-1).')],
    };
  }
}

const HTML_ROOT = /^<(?:!doctype\s+html|html|head|body)\b/i;
const HTML_TAG = /<(?:html|head|body|div|p|h[1-6]|ul|ol|li|table|section|article|span|meta|title|br)\b[^<>]{0,2000}>/i;

/** Starts (after whitespace, an XML declaration and comments) with a doctype, html, head or body tag. */
function startsAsHtml(head: string): boolean {
  let at = 0;
  const skipSpace = (): void => {
    while (at < head.length && /\s/.test(head[at]!)) at++;
  };
  skipSpace();
  if (head.startsWith('<?xml', at)) {
    const end = head.indexOf('>', at);
    if (end < 0) return false;
    at = end + 1;
    skipSpace();
  }
  while (head.startsWith('<!--', at)) {
    const end = head.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = end + 3;
    skipSpace();
  }
  return HTML_ROOT.test(head.slice(at, at + 64));
}
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/m;
// Bounded quantifiers only: these run on untrusted text, so no pattern may backtrack without limit.
const MD_LIST = /^ {0,3}(?:[-*+][ \t]+\S|\d{1,3}[.)][ \t]+\S|>[ \t]?\S)/m;
const MD_INLINE = /\*\*[^*\n]{1,200}\*\*|\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)/;
/** Markdown is only looked for in the first 64 KB. */
const MD_SAMPLE = 65536;

/** Classifies decoded text as HTML, JSON, Markdown or plain text. */
export function classifyText(text: string, filename?: string): DetectedKind {
  const ext = extensionOf(filename);
  const head = text.slice(0, 4096);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{') || (ext === 'json' && trimmed.startsWith('['))) return 'json';
  if (startsAsHtml(head)) return 'html';
  if ((ext === 'html' || ext === 'htm' || ext === 'xhtml') && HTML_TAG.test(head)) return 'html';
  if (trimmed.startsWith('<') && HTML_TAG.test(head)) return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  const sample = text.length > MD_SAMPLE ? text.slice(0, MD_SAMPLE) : text;
  if (ATX_HEADING.test(sample) && (MD_LIST.test(sample) || MD_INLINE.test(sample))) return 'markdown';
  return 'text';
}

/**
 * Detects the kind of binary input. Text kinds are decided later by `classifyText`, after decoding,
 * so this only separates PDF, ZIP, known unsupported binaries and "looks like text".
 */
export function detectBinary(bytes: Uint8Array, filename?: string): Detection | { kind: 'text-bytes'; offset: 0 } {
  const file = filename ? { file: filename } : {};
  const pdfAt = findPdfHeader(bytes);
  if (pdfAt >= 0) return { kind: 'pdf', offset: pdfAt };
  if (isZip(bytes)) return { kind: 'zip', offset: 0 };
  const ext = extensionOf(filename);
  if (startsWithAt(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0)) {
    throw new ParseError(
      'unsupported-format',
      'The input is a legacy OLE2 document (Word 97–2003 .doc or similar); save it as DOCX or PDF.',
      file,
    );
  }
  if (startsWithAt(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66], 0)) {
    throw new ParseError('unsupported-format', 'The input is RTF; save it as DOCX, PDF or plain text.', file);
  }
  const binary =
    binaryShare(bytes) > 0.02 &&
    !guessUtf16(bytes) &&
    !(bytes[0] === 0xff && bytes[1] === 0xfe) &&
    !(bytes[0] === 0xfe && bytes[1] === 0xff);
  if (binary) {
    if (ext === 'docx')
      throw new ParseError(
        'docx-corrupt',
        `The file is named .docx but is not a ZIP archive, so it cannot be a DOCX${filename ? `: ${filename}` : ''}.`,
        file,
      );
    if (ext === 'pdf')
      throw new ParseError(
        'pdf-corrupt',
        `The file is named .pdf but has no %PDF- header in its first kilobyte${filename ? `: ${filename}` : ''}.`,
        file,
      );
    throw new ParseError(
      'unsupported-format',
      `The input is binary data of no supported format (PDF, DOCX, HTML, JSON Resume, Markdown or text)${filename ? `: ${filename}` : ''}.`,
      file,
    );
  }
  if (ext === 'docx')
    throw new ParseError(
      'docx-corrupt',
      `The file is named .docx but is not a ZIP archive, so it cannot be a DOCX${filename ? `: ${filename}` : ''}.`,
      file,
    );
  return { kind: 'text-bytes', offset: 0 };
}
