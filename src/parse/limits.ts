/**
 * Limits and the pre-checks that enforce them before a third-party parser sees the bytes.
 * mammoth (through JSZip) and pdf.js inflate whole parts into memory and block the event loop,
 * so a zip bomb or a flate bomb has to be caught here, by streaming inflation with a hard cap.
 * The inflation is Node's zlib with `maxOutputLength`: it inflates chunk by chunk and stops the
 * moment the output passes the cap. Measured on a 1 GiB bomb stopped at 16 MiB: 39 ms, against
 * 134–543 ms for fflate's streaming `Inflate` (depending on push size) on the same bytes.
 */
import { kMaxLength } from 'node:buffer';
import { constants as zlibConstants, inflateRawSync, inflateSync } from 'node:zlib';
import { PARSE_DEFAULTS } from '../defaults.js';
import { LimitError, ParseError } from '../errors.js';

/** The resolved numeric limits of one parse. */
export interface ParseLimits {
  maxBytes: number;
  maxPages: number;
  maxExpandedBytes: number;
  maxDocumentXmlBytes: number;
  maxTextLength: number;
  timeoutMs: number;
  maxMemoryMb: number;
}

const LIMIT_NAMES = [
  'maxBytes',
  'maxPages',
  'maxExpandedBytes',
  'maxDocumentXmlBytes',
  'maxTextLength',
  'timeoutMs',
  'maxMemoryMb',
] as const;

/** Reads limits from options over `PARSE_DEFAULTS`; throws `RangeError` naming a bad option. */
export function resolveLimits(options: Partial<Record<(typeof LIMIT_NAMES)[number], unknown>> = {}): ParseLimits {
  const limits = { ...PARSE_DEFAULTS } as ParseLimits;
  for (const name of LIMIT_NAMES) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
      throw new RangeError(`\`${name}\` must be a positive number, got ${String(value)}`);
    }
    limits[name] = value;
  }
  return limits;
}

function readU16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** One entry of a ZIP central directory, with its declared sizes. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
  encrypted: boolean;
}

function corrupt(message: string, file?: string): ParseError {
  return new ParseError('docx-corrupt', message, file ? { file } : {});
}

/** Reads the ZIP central directory (declared sizes only; nothing is inflated). */
export function readZipDirectory(bytes: Uint8Array, file?: string): ZipEntry[] {
  const minEocd = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= minEocd; i--) {
    if (bytes[i] === 0x50 && readU32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('The ZIP archive has no end-of-central-directory record (truncated or not a ZIP).', file);
  const count = readU16(bytes, eocd + 10);
  const cdSize = readU32(bytes, eocd + 12);
  const cdOffset = readU32(bytes, eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff)
    throw corrupt('The ZIP archive uses ZIP64, which no DOCX needs.', file);
  if (cdOffset + cdSize > bytes.length)
    throw corrupt('The ZIP central directory lies outside the file (truncated archive).', file);
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || readU32(bytes, at) !== 0x02014b50)
      throw corrupt('The ZIP central directory is damaged.', file);
    const flags = readU16(bytes, at + 8);
    const method = readU16(bytes, at + 10);
    const compressedSize = readU32(bytes, at + 20);
    const size = readU32(bytes, at + 24);
    const nameLength = readU16(bytes, at + 28);
    const extraLength = readU16(bytes, at + 30);
    const commentLength = readU16(bytes, at + 32);
    const localOffset = readU32(bytes, at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > bytes.length || readU32(bytes, localOffset) !== 0x04034b50) {
      throw corrupt(`The ZIP entry ${name} points to a missing local header (truncated archive).`, file);
    }
    const dataStart = localOffset + 30 + readU16(bytes, localOffset + 26) + readU16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length)
      throw corrupt(`The ZIP entry ${name} runs past the end of the file (truncated archive).`, file);
    entries.push({ name, method, compressedSize, size, dataStart, encrypted: (flags & 1) === 1 });
  }
  return entries;
}

/**
 * Inflates one entry with a hard cap on the output. Exceeding the cap stops at once with
 * `limit-expanded-size`; declared sizes are never trusted. With `keep: false` the output is only counted.
 */
export function inflateEntryCapped(
  bytes: Uint8Array,
  entry: ZipEntry,
  cap: number,
  keep: boolean,
  file?: string,
): { size: number; data: Uint8Array | null } {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const overflow = (): LimitError =>
    new LimitError(
      'limit-expanded-size',
      `The DOCX part ${entry.name} expands past ${formatBytes(cap)} (a zip bomb or an absurdly large document); it was not read.`,
      { limit: cap, ...(file ? { file } : {}) },
    );
  if (entry.method === 0) {
    if (data.length > cap) throw overflow();
    return { size: data.length, data: keep ? data : null };
  }
  if (entry.method !== 8)
    throw corrupt(`The ZIP entry ${entry.name} uses compression method ${entry.method}, which DOCX never uses.`, file);
  try {
    const out = inflateRawSync(data, { maxOutputLength: outputCap(cap) });
    return { size: out.length, data: keep ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : null };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw overflow();
    throw corrupt(`The ZIP entry ${entry.name} is damaged (${(error as Error).message}).`, file);
  }
}

/** zlib's cap must be a whole number no larger than the largest Buffer. */
function outputCap(cap: number): number {
  return Math.max(1, Math.min(kMaxLength, Math.floor(cap)));
}

/** Bytes for messages: `64.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** The XML parts of a DOCX, inflated under the caps, ready for mammoth and the text-box reader. */
export interface CheckedDocx {
  entries: ZipEntry[];
  documentXml: string;
  /** Inflated `word/header*.xml` and `word/footer*.xml`, in name order. */
  headers: string[];
  footers: string[];
}

/** The main document part named by the package relationships (`_rels/.rels`), as mammoth finds it. */
function mainDocumentName(
  bytes: Uint8Array,
  entries: ZipEntry[],
  limits: Pick<ParseLimits, 'maxDocumentXmlBytes'>,
  file?: string,
): string {
  const rels = entries.find((entry) => entry.name === '_rels/.rels');
  if (!rels) return 'word/document.xml';
  const { data } = inflateEntryCapped(bytes, rels, Math.min(limits.maxDocumentXmlBytes, 1024 * 1024), true, file);
  const xml = new TextDecoder().decode(data!);
  for (const match of xml.matchAll(/<Relationship\b[^>]{0,2000}>/g)) {
    const tag = match[0];
    if (!/Type="[^"]{0,300}\/officeDocument"/.test(tag)) continue;
    const target = /Target="([^"]{1,300})"/.exec(tag)?.[1];
    if (target) return target.replace(/^\.?\//, '');
  }
  return 'word/document.xml';
}

/**
 * The DOCX pre-check: declared sizes in the central directory against `maxExpandedBytes`, then a
 * streaming inflation of every part with a running total capped at `maxExpandedBytes` and the main
 * document capped at `maxDocumentXmlBytes`. Every part is checked, media included: mammoth finds its
 * parts through relationships, which may point anywhere in the archive.
 */
export function checkDocx(
  bytes: Uint8Array,
  limits: Pick<ParseLimits, 'maxExpandedBytes' | 'maxDocumentXmlBytes'>,
  file?: string,
): CheckedDocx {
  const entries = readZipDirectory(bytes, file);
  if (entries.length > 5000) {
    throw new LimitError(
      'limit-expanded-size',
      `The ZIP archive holds ${entries.length} entries; a DOCX résumé has a few dozen.`,
      { limit: 5000, ...(file ? { file } : {}) },
    );
  }
  let declared = 0;
  for (const entry of entries) declared += entry.size;
  if (declared > limits.maxExpandedBytes) {
    throw new LimitError(
      'limit-expanded-size',
      `The DOCX declares ${formatBytes(declared)} of expanded content, over the ${formatBytes(limits.maxExpandedBytes)} limit (\`maxExpandedBytes\`); it was not inflated.`,
      { limit: limits.maxExpandedBytes, ...(file ? { file } : {}) },
    );
  }
  const documentName = mainDocumentName(bytes, entries, limits, file);
  const document = entries.find((entry) => entry.name === documentName);
  if (!document) {
    const message = `The ZIP archive has no ${documentName}, so it is not a Word document (it holds ${entries
      .slice(0, 5)
      .map((e) => e.name)
      .join(', ')}${entries.length > 5 ? ', …' : ''}).`;
    if (file && !/\.docx$/i.test(file)) throw new ParseError('unsupported-format', message, { file });
    throw corrupt(message, file);
  }
  if (entries.some((entry) => entry.encrypted))
    throw corrupt('The ZIP entries are encrypted; save the document without a password.', file);
  let total = 0;
  let documentXml = '';
  const headers: [string, string][] = [];
  const footers: [string, string][] = [];
  const decoder = new TextDecoder();
  // document.xml first: it is the part a bomb most often hides in, and the one we keep.
  const ordered = [document, ...entries.filter((entry) => entry !== document && !entry.name.endsWith('/'))];
  for (const entry of ordered) {
    const isDocument = entry === document;
    const keepHeader = /^word\/(?:header|footer)\d*\.xml$/.test(entry.name);
    // No part of a résumé expands past the document cap unless it is stored nearly uncompressed (images);
    // a per-part cap also bounds this check's own memory, since zlib holds the output until it stops.
    const partCap = isDocument
      ? limits.maxDocumentXmlBytes
      : Math.max(limits.maxDocumentXmlBytes, 4 * entry.compressedSize);
    const cap = Math.min(partCap, limits.maxExpandedBytes - total);
    const { size, data } = inflateEntryCapped(bytes, entry, Math.max(0, cap), isDocument || keepHeader, file);
    total += size;
    if (isDocument) documentXml = decoder.decode(data!);
    else if (keepHeader) (entry.name.includes('header') ? headers : footers).push([entry.name, decoder.decode(data!)]);
  }
  const byName = (a: [string, string], b: [string, string]): number =>
    a[0].localeCompare(b[0], 'en', { numeric: true });
  return {
    entries,
    documentXml,
    headers: headers.sort(byName).map((h) => h[1]),
    footers: footers.sort(byName).map((f) => f[1]),
  };
}

const STREAM_SCAN_LOOKBACK = 2048;
/** Largest single non-image PDF stream accepted at the default limits (content streams and fonts of a résumé are a few hundred KB); a quarter of `maxExpandedBytes` when that is raised. */
const PDF_STREAM_CAP = 16 * 1024 * 1024;

/** Whether `endstream` follows `at`, after at most a few bytes of end-of-line and blanks. */
function endstreamAt(source: string, at: number): boolean {
  let i = at;
  while (i < at + 4 && (source[i] === '\r' || source[i] === '\n' || source[i] === ' ')) i++;
  return source.startsWith('endstream', i);
}

/**
 * Pre-checks a PDF for flate bombs: every FlateDecode stream that pdf.js would inflate to read text
 * (everything but images) is inflated here with a running cap of `maxExpandedBytes`, output discarded.
 * Streams with other or chained filters are left to the isolated worker's memory watch.
 *
 * A stream ends where pdf.js ends it: at its direct `/Length` only when `endstream` stands there,
 * else at the next `endstream`. A `/Length` is never trusted on its own: a file whose streams claim a
 * few bytes would otherwise be inflated here only that far and handed whole to pdf.js. A stream cut
 * short (by an `endstream` inside its data) still counts what it inflates to. The scan is linear:
 * each dictionary is looked for only back to the previous stream's end, and the search for the next
 * `endstream` is shared by every stream that starts before it.
 * @returns how many characters the scan read (searches, dictionaries, stream data), for tests of its linearity
 */
export function checkPdfStreams(bytes: Uint8Array, maxExpandedBytes: number, file?: string): number {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let total = 0;
  let from = 0;
  let nextEndstream = -2; // -2: not searched yet; -1: none left in the file
  // Characters the scan reads (searches, dictionaries, stream data): linear in the file's size.
  let read = 0;
  for (;;) {
    const at = source.indexOf('stream', from);
    read += (at < 0 ? source.length : at + 6) - from;
    if (at < 0) break;
    const previousEnd = from;
    from = at + 6;
    if (source.startsWith('end', at - 3)) continue;
    let dataStart = at + 6;
    if (source[dataStart] === '\r') dataStart++;
    if (source[dataStart] === '\n') dataStart++;
    else if (dataStart === at + 6) continue; // "stream" inside some other token
    const dictStart = Math.max(previousEnd, at - STREAM_SCAN_LOOKBACK);
    const window = source.slice(dictStart, at);
    read += at - dictStart;
    const objAt = window.lastIndexOf(' obj');
    const dict = objAt >= 0 ? window.slice(objAt) : window;
    if (!/\/FlateDecode\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
    if (!filter || (filter[1]!.match(/\/[A-Za-z0-9]+/g) ?? []).length !== 1) continue;
    const directLength = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const claimedEnd = directLength ? dataStart + Number(directLength[1]) : -1;
    let dataEnd: number;
    if (claimedEnd >= dataStart && claimedEnd <= bytes.length && endstreamAt(source, claimedEnd)) dataEnd = claimedEnd;
    else {
      if (nextEndstream !== -1 && nextEndstream < dataStart) {
        nextEndstream = source.indexOf('endstream', dataStart);
        read += (nextEndstream < 0 ? source.length : nextEndstream) - dataStart;
      }
      dataEnd = nextEndstream < 0 ? bytes.length : nextEndstream;
    }
    total += inflatedSize(bytes.subarray(dataStart, dataEnd), maxExpandedBytes, total, file);
    read += dataEnd - dataStart;
    from = Math.max(from, dataEnd);
  }
  return read;
}

/** Inflates one PDF stream under the caps, output discarded; a damaged stream counts 0 (pdf.js may still read the rest of the file). */
function inflatedSize(data: Uint8Array, maxExpandedBytes: number, total: number, file?: string): number {
  const budget = Math.floor(maxExpandedBytes - total);
  // One stream larger than PDF_STREAM_CAP is no résumé either, and the cap bounds this check's own memory.
  const streamCap = Math.min(budget, Math.max(PDF_STREAM_CAP, maxExpandedBytes / 4));
  try {
    // A sync flush lets a truncated stream yield what it holds instead of failing: it is counted all the same.
    return inflateSync(data, { maxOutputLength: outputCap(streamCap), finishFlush: zlibConstants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      const message =
        streamCap < budget
          ? `A compressed stream of the PDF expands past ${formatBytes(PDF_STREAM_CAP)}: a flate bomb or an absurdly heavy file; it was not read.`
          : `The PDF's compressed streams expand past ${formatBytes(maxExpandedBytes)} (\`maxExpandedBytes\`): a flate bomb or an absurdly heavy file; it was not read.`;
      throw new LimitError('limit-expanded-size', message, { limit: maxExpandedBytes, ...(file ? { file } : {}) });
    }
    return 0;
  }
}
