import { readFileSync } from 'node:fs';

/**
 * The text of a dotin-resume-ner-train file: tags stripped, entities unescaped, and the `\xNN` byte escapes some
 * files carry (UTF-8 bullets written out as bytes) decoded.
 */
export function readDotinText(path: string | URL): string {
  const xml = readFileSync(path, 'utf8');
  const text = xml
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
  return text.replace(/(?:\\x[0-9a-f]{2})+/g, (run) =>
    Buffer.from(
      run
        .split('\\x')
        .slice(1)
        .map((hex) => Number.parseInt(hex, 16)),
    ).toString('utf8'),
  );
}
