/**
 * Text for a terminal: escaping and display width. Everything printed comes from untrusted files
 * (their text, their names, ZIP entry names, parser messages), so what reaches a terminal is escaped:
 * C0 and C1 control characters (an OSC sequence in a résumé retitled the terminal), DEL, and the bidi
 * embedding, override and isolate controls that reorder what is shown (Trojan Source).
 */
/** Controls that act on a terminal, bidi controls that reorder text, and line breaks: nothing of it may reach a one-line field raw. */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, less tab and line feed, for multi-line text. */
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw but a terminal acts on (it escapes U+0000–U+001F itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One-line text for a terminal: control, bidi and line-break characters shown as `\x1b`, `\u202e`. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escapeChar);
}

/** Multi-line text for a terminal: as `safeLine`, keeping tab and line feed. */
export function safeBlock(text: string): string {
  return text.replace(UNSAFE_IN_BLOCK, escapeChar);
}

/** JSON text with DEL, C1 and bidi controls written as `\u` escapes: the same value when parsed, inert on a terminal. */
export function safeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Display width of a string: code points, with East Asian wide characters counted twice. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x300 && cp <= 0x36f) continue;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

/** Cuts a string to `max` display columns, ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** The last `max` display columns of a string, starting with `…` when cut. */
export function truncateStart(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  const chars = [...text];
  let out = '';
  let width = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = displayWidth(chars[i]!);
    if (width + w > max - 1) break;
    out = chars[i]! + out;
    width += w;
  }
  return `…${out}`;
}

/**
 * A path cut from the left to `max` display columns, `…` first: the file name and the folders just
 * above it are what tells files apart (`…-node-senior/input.pdf`), so they are what stays.
 */
export function shortenPath(path: string, max: number): string {
  return truncateStart(path, max);
}
