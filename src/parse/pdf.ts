/**
 * The one adapter for pdf-parse (and the pdf.js it wraps). It returns positioned text items per
 * page; reading order is rebuilt in `layout.ts`. pdf-parse's own `getText()` joins items in
 * content-stream order and adds `-- 1 of 2 --` joiner lines, neither of which we want.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PDFParse } from 'pdf-parse';
import { LimitError, ParseError } from '../errors.js';
import { packageRequire } from '../load.js';
import { enterPdfGlobals, learnReplacements, leavePdfGlobals, rememberBuiltins, restoreBuiltins } from './builtins.js';

/** One positioned run of text, in PDF user space (origin bottom-left, y up). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** True when the run is rotated (vertical side text). */
  rotated: boolean;
}

/** One page: its size in points and its text items. */
export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** Every page of a PDF, in order. */
export interface PdfContent {
  pages: PdfPage[];
  /** The document information dictionary's dates, as written ("D:20180615101500+05'30'"), when present. */
  dates: { modified?: string; created?: string };
}

/** The parts of pdf.js's document proxy this adapter uses. */
interface PdfDocumentProxy {
  numPages: number;
  getMetadata?(): Promise<{ info?: { ModDate?: unknown; CreationDate?: unknown } }>;
  getPage(n: number): Promise<{
    view: number[];
    getTextContent(
      options?: object,
    ): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
    cleanup(): void;
  }>;
}

function classify(error: unknown, file?: string): Error {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  const options = file ? { file, cause: error } : { cause: error };
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new ParseError(
      'pdf-encrypted',
      'The PDF is encrypted with a user password; it cannot be read without it.',
      options,
    );
  }
  return new ParseError(
    'pdf-corrupt',
    `The PDF cannot be read: ${message.replace(/\s+/g, ' ').slice(0, 200)}`,
    options,
  );
}

type PdfParseModule = typeof import('pdf-parse');

let library: Promise<PdfParseModule> | undefined;
/** pdf.js and its worker module (imported with pdf-parse, else by pdf.js with the first document) have both been evaluated. */
let settled = false;

/**
 * pdf.js's worker module (pdfjs-dist/legacy/build/pdf.worker.mjs, the copy pdf-parse depends on), as a
 * URL. In Node, pdf.js runs its "worker" in this thread and imports that file with the first document;
 * importing it here, with pdf-parse, puts every change pdf.js makes to the process in one short window
 * where `builtins.ts` can see it (not spread over a first parse during which the caller's code runs
 * too). It sets `globalThis.pdfjsWorker`, which pdf.js then uses instead of importing the file beside
 * itself, so in-process parsing also works where pdf-parse was bundled into an application.
 * `null` where the file cannot be found (pdf.js then imports it itself).
 */
function pdfjsWorkerUrl(): string | null {
  try {
    const fromPdfParse = createRequire(packageRequire().resolve('pdf-parse'));
    return pathToFileURL(fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  } catch {
    return null;
  }
}

/**
 * pdf-parse and pdf.js's worker module, imported on first use, with the built-ins pdf.js replaced put
 * back and its globals taken out until a PDF is parsed (see `builtins.ts`).
 */
function loadPdfParse(): Promise<PdfParseModule> {
  if (library === undefined) {
    rememberBuiltins();
    library = (async () => {
      const mod = await import('pdf-parse');
      const worker = pdfjsWorkerUrl();
      if (worker !== null) {
        await import(worker);
        settled = true;
      }
      learnReplacements();
      restoreBuiltins();
      leavePdfGlobals();
      return mod;
    })();
  }
  return library;
}

/** `ModDate` and `CreationDate` from the Info dictionary; a damaged dictionary gives none, never an error. */
async function infoDates(doc: PdfDocumentProxy): Promise<PdfContent['dates']> {
  try {
    const info = (await doc.getMetadata?.())?.info;
    const dates: PdfContent['dates'] = {};
    if (typeof info?.ModDate === 'string') dates.modified = info.ModDate;
    if (typeof info?.CreationDate === 'string') dates.created = info.CreationDate;
    return dates;
  } catch {
    return {};
  }
}

/**
 * Loads a PDF and returns its positioned text. The page count is checked against `maxPages`
 * before any page is read.
 */
export async function readPdf(bytes: Uint8Array, options: { maxPages: number; file?: string }): Promise<PdfContent> {
  const { PDFParse } = await loadPdfParse();
  // pdf.js transfers (detaches) the buffer it is given; copy so the caller's bytes survive.
  const parser = new PDFParse({
    data: bytes.slice(),
    verbosity: 0,
    isEvalSupported: false,
    stopAtErrors: false,
  } as ConstructorParameters<typeof PDFParse>[0]);
  enterPdfGlobals();
  try {
    // pdf-parse's text API drops positions; its private loader is the way to pdf.js's document,
    // with pdf-parse's worker set-up and exception mapping intact.
    const load = (parser as unknown as { load?: () => Promise<PdfDocumentProxy> }).load;
    if (typeof load !== 'function') throw new Error('pdf-parse no longer exposes its loader; update src/parse/pdf.ts');
    let doc: PdfDocumentProxy;
    try {
      doc = await load.call(parser);
    } catch (error) {
      throw classify(error, options.file);
    }
    if (doc.numPages > options.maxPages) {
      throw new LimitError(
        'limit-pages',
        `The PDF has ${doc.numPages} pages, over the ${options.maxPages}-page limit (\`maxPages\`).`,
        { limit: options.maxPages, ...(options.file ? { file: options.file } : {}) },
      );
    }
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
        const content = await page.getTextContent();
        const items: PdfTextItem[] = [];
        for (const item of content.items) {
          if (typeof item.str !== 'string' || !item.transform || item.str === '') continue;
          const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
          const size = Math.hypot(c, d) || Math.hypot(a, b);
          items.push({
            str: item.str,
            x: e - x0,
            y: f - y0,
            width: item.width ?? 0,
            height: item.height || size || 10,
            rotated: Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1,
          });
        }
        pages.push({ width: x1 - x0, height: y1 - y0, items });
        page.cleanup();
      } catch (error) {
        // A damaged page (truncated file) loses that page, not the document; the caller sees pages without text.
        if (n === 1 && doc.numPages === 1) throw classify(error, options.file);
        pages.push({ width: 612, height: 792, items: [] });
      }
    }
    return { pages, dates: await infoDates(doc) };
  } finally {
    await parser.destroy().catch(() => undefined);
    if (!settled) {
      learnReplacements();
      settled = true;
    }
    restoreBuiltins();
    leavePdfGlobals();
  }
}
