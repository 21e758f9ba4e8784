// Seeded mutations of résumé files for the fuzz suite. Byte-level mutations for every format, plus
// structure-aware ones: DOCX parts are unzipped, their XML mutated and zipped again (so mutants get
// past the ZIP layer), JSON Resume values are swapped, multiplied and nested, PDF tokens that steer a
// reader (/Length, stream, endstream, xref) are inserted. Mutant i of a run is a pure function of
// (seed, i, its source file), so any one can be rebuilt and run alone.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { seededRandom } from './stats.mjs';

const PDF_TOKENS = [
  'endstream',
  'stream\n',
  '/Length 0 ',
  '/Length 99999999 ',
  ' obj ',
  'endobj',
  '/Filter /FlateDecode ',
  '<<',
  '>>',
  'xref\n0 1\n',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
  '/Type /Page ',
  '/Count 999999 ',
  '/Kids [3 0 R 3 0 R] ',
  '[ [ [ [ [',
  '(\\',
  '<FEFF',
  'BT /F1 12 Tf (x) Tj ET',
  '1 0 R',
];
const ZIP_TOKENS = ['PK\u0003\u0004', 'PK\u0001\u0002', 'PK\u0005\u0006', '\u0000\u0000\u0000\u0000'];
const TEXT_TOKENS = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J',
  '\u009b31m',
  '\u202e',
  '\u2066',
  '\u0000',
  '\r',
  '\uFEFF',
  '\uD800',
  'Jan 2019 – Present',
  '2019-01 – 2018-12',
  'Experience\n',
  'Skills\n',
  '<div>',
  '</td>',
  '<!--',
  '{"work":[',
  '"startDate":"9999-99"',
  '•'.repeat(50),
  'x'.repeat(5000),
];
const XML_TOKENS = [
  '<w:p>',
  '</w:p>',
  '<w:t>',
  '</w:t>',
  '<w:tbl><w:tr><w:tc>',
  '<w:txbxContent>',
  '&#x1b;',
  '&#0;',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  '\u0000',
];

const pick = (random, list) => list[Math.floor(random() * list.length)];
const int = (random, n) => Math.floor(random() * n);

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const utf8 = (text) => new Uint8Array(Buffer.from(text, 'utf8'));

/** One byte-level mutation; sizes stay within `maxBytes`. */
function mutateBytes(random, bytes, tokens, maxBytes) {
  const n = bytes.length;
  const at = int(random, n + 1);
  switch (int(random, 7)) {
    case 0: {
      const out = bytes.slice();
      for (let k = 1 + int(random, 16); k > 0 && n > 0; k--) out[int(random, n)] ^= 1 << int(random, 8);
      return { bytes: out, how: 'bit flips' };
    }
    case 1: {
      const out = bytes.slice();
      for (let k = 1 + int(random, 8); k > 0 && n > 0; k--)
        out[int(random, n)] = pick(random, [0x00, 0xff, 0x28, 0x29, 0x3c, 0x3e, 0x2f, 0x30, 0x39, 0x0a]);
      return { bytes: out, how: 'byte overwrites' };
    }
    case 2:
      return { bytes: bytes.slice(0, at), how: `truncated at ${at}` };
    case 3: {
      const length = int(random, Math.max(1, Math.min(n - at, 4096)));
      return { bytes: concat(bytes.subarray(0, at), bytes.subarray(at + length)), how: `deleted ${length} at ${at}` };
    }
    case 4: {
      const length = Math.min(int(random, 65536) + 1, n - at, maxBytes - n);
      const times = 1 + int(random, 4);
      const chunk = bytes.subarray(at, at + Math.max(0, length));
      return {
        bytes: concat(bytes.subarray(0, at), ...Array(times).fill(chunk), bytes.subarray(at)),
        how: `duplicated ${chunk.length}×${times} at ${at}`,
      };
    }
    default: {
      const token = pick(random, tokens);
      const repeat = random() < 0.2 ? 1 + int(random, 2000) : 1;
      const inserted = utf8(token.repeat(repeat)).subarray(0, Math.max(0, maxBytes - n));
      return {
        bytes: concat(bytes.subarray(0, at), inserted, bytes.subarray(at)),
        how: `inserted ${JSON.stringify(token.slice(0, 20))}×${repeat} at ${at}`,
      };
    }
  }
}

function escapeXml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uD800-\uDFFF]/g, '');
}

/** Hostile text (repeated up to thousands of times) inside one `<w:t>` of the XML. */
function insideText(random, xml, runs) {
  const at = runs[int(random, runs.length)];
  const token = pick(random, TEXT_TOKENS);
  const repeat = random() < 0.3 ? 1 + int(random, 3000) : 1;
  const where = at.index + at[0].length;
  return {
    bytes: utf8(xml.slice(0, where) + escapeXml(token.repeat(repeat)) + xml.slice(where)),
    how: `text ${JSON.stringify(token.slice(0, 20))}×${repeat} in a run`,
  };
}

/** DOCX: mutate the XML of one part inside the archive, then zip again; or the archive's bytes. */
function mutateDocx(random, bytes, maxBytes) {
  if (random() < 0.3) return mutateBytes(random, bytes, ZIP_TOKENS, maxBytes);
  let files;
  let bomb = false;
  try {
    // A part that declares megabytes is a bomb among the sources (fixtures/invalid): the fuzzer must not inflate it itself.
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize <= 4 * 1024 * 1024) return true;
        bomb = true;
        return false;
      },
    });
  } catch {
    return mutateBytes(random, bytes, ZIP_TOKENS, maxBytes);
  }
  if (bomb) return mutateBytes(random, bytes, ZIP_TOKENS, maxBytes);
  const names = Object.keys(files).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
  const name =
    names.includes('word/document.xml') && random() < 0.7
      ? 'word/document.xml'
      : pick(random, names.length ? names : Object.keys(files));
  const xml = strFromU8(files[name]);
  // Half the time the XML stays well-formed: hostile text goes inside a run's <w:t>, so mammoth reads it.
  const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>/g)];
  const changed =
    runs.length && random() < 0.5
      ? insideText(random, xml, runs)
      : mutateBytes(random, utf8(xml), XML_TOKENS, maxBytes);
  files[name] = changed.bytes;
  if (random() < 0.1) delete files[pick(random, Object.keys(files))];
  return { bytes: zipSync(files, { level: 6 }), how: `${name}: ${changed.how}` };
}

/** JSON Resume: swap a value's type, multiply an array, nest deeply, or garble a date. */
function mutateJson(random, bytes, maxBytes) {
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return mutateBytes(random, bytes, TEXT_TOKENS, maxBytes);
  }
  const paths = [];
  const visit = (node, path, depth) => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      paths.push([...path, key]);
      visit(node[key], [...path, key], depth + 1);
    }
  };
  visit(value, [], 0);
  if (paths.length === 0 || random() < 0.2) return mutateBytes(random, bytes, TEXT_TOKENS, maxBytes);
  const path = pick(random, paths);
  const parent = path.slice(0, -1).reduce((node, key) => node[key], value);
  const key = path.at(-1);
  const old = parent[key];
  const choice = int(random, 6);
  if (choice === 0)
    parent[key] = pick(random, [null, 42, -1, true, '', [], {}, 'x'.repeat(10000), '\u001b]0;t\u0007\u202e']);
  else if (choice === 1 && Array.isArray(old) && old.length)
    parent[key] = Array.from({ length: 1 + int(random, 3000) }, (_, i) => old[i % old.length]);
  else if (choice === 2) {
    let nested = old;
    for (let i = 0; i < 1 + int(random, 5000); i++) nested = [nested];
    parent[key] = nested;
  } else if (choice === 3)
    parent[key] = pick(random, ['2019-13', '0000-00', '9999-12-31', 'present', '2019-02-30', 'Jan 2019', '']);
  else if (choice === 4) delete parent[key];
  else parent[`${key}${int(random, 9)}`] = old;
  const text = JSON.stringify(value);
  return { bytes: utf8(text).subarray(0, maxBytes), how: `${path.join('.')}: json mutation ${choice}` };
}

/**
 * Mutant `index` of a run: the source chosen by the index, then one to three mutations, each seeded
 * by (seed, index). `sources` are `{ name, bytes, kind }` with kind pdf, docx, json, html or text.
 */
export function makeMutant(sources, seed, index, maxBytes = 10 * 1024 * 1024) {
  const random = seededRandom((seed * 1_000_003 + index * 7919) >>> 0);
  const source = sources[index % sources.length];
  let bytes = source.bytes;
  const steps = [];
  for (let k = 1 + int(random, 3); k > 0; k--) {
    const step =
      source.kind === 'docx'
        ? mutateDocx(random, bytes, maxBytes)
        : source.kind === 'json'
          ? mutateJson(random, bytes, maxBytes)
          : mutateBytes(random, bytes, source.kind === 'pdf' ? PDF_TOKENS : TEXT_TOKENS, maxBytes);
    bytes = step.bytes;
    steps.push(step.how);
  }
  return {
    id: `${source.kind}#${index}`,
    source: source.name,
    kind: source.kind,
    mutations: steps,
    bytes,
    filename: `mutant-${index}.${source.kind === 'text' ? 'txt' : source.kind}`,
  };
}
