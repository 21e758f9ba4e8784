/**
 * Hostile files built at test time (never stored: they are hazardous to tools that unzip everything).
 * A deflate stream of a huge repetitive text is made by compressing one block once with a full
 * flush (byte-aligned, no back-references into earlier data) and repeating those bytes, so a
 * 1 GiB bomb costs milliseconds and a few megabytes here, and the stream is valid deflate.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

const BLOCK = 1 << 20;

interface Segmented {
  deflated: Uint8Array;
  size: number;
  crc: number;
  adler: number;
}

function adler32Update(adler: number, data: Uint8Array): number {
  let a = adler & 0xffff;
  let b = adler >>> 16;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib's adler32_combine: the checksum of A+B from those of A and B. */
function adler32Combine(adler1: number, adler2: number, length2: number): number {
  const BASE = 65521;
  const rem = length2 % BASE;
  let sum1 = adler1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (adler2 & 0xffff) + BASE - 1;
  sum2 += (adler1 >>> 16) + (adler2 >>> 16) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE * 2) sum2 -= BASE * 2;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** A raw deflate stream of `prefix + repeat(unit, to fill total) + suffix`, with its CRC-32 and Adler-32. */
function repeatDeflate(prefix: Uint8Array, unit: Uint8Array, total: number, suffix: Uint8Array): Segmented {
  const repeats = Math.max(1, Math.floor(BLOCK / unit.length));
  const block = new Uint8Array(unit.length * repeats);
  for (let i = 0; i < repeats; i++) block.set(unit, i * unit.length);
  const blocks = Math.max(1, Math.round((total - prefix.length - suffix.length) / block.length));
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const head = deflateRawSync(prefix, flush);
  const body = deflateRawSync(block, flush);
  const tail = deflateRawSync(suffix, { level: 9 });
  const deflated = new Uint8Array(head.length + body.length * blocks + tail.length);
  deflated.set(head, 0);
  for (let i = 0; i < blocks; i++) deflated.set(body, head.length + i * body.length);
  deflated.set(tail, head.length + body.length * blocks);
  let crc = crc32(prefix);
  let adler = adler32Update(1, prefix);
  const blockAdler = adler32Update(1, block);
  for (let i = 0; i < blocks; i++) {
    crc = crc32(block, crc);
    adler = adler32Combine(adler, blockAdler, block.length);
  }
  crc = crc32(suffix, crc);
  adler = adler32Update(adler, suffix);
  return { deflated, size: prefix.length + block.length * blocks + suffix.length, crc, adler };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Deflated already (method 8) with known size and CRC. */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
}

/** A ZIP archive; `lieAboutSize` writes a small uncompressed size for deflated parts in both headers. */
export function buildZip(parts: ZipPart[], lieAboutSize = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = utf8(part.name);
    const method = part.deflated ? 8 : 0;
    const body = part.deflated ? part.deflated.bytes : part.data;
    const size = part.deflated ? (lieAboutSize ? 40_000 : part.deflated.size) : part.data.length;
    const crc = part.deflated ? part.deflated.crc : crc32(part.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(10, method, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, body.length, true);
    cd.setUint32(24, size, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The package parts every DOCX needs besides word/document.xml. */
export function docxSkeleton(): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: utf8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: utf8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
  ];
}

/** A small valid DOCX from a `w:body` inner XML. */
export function buildDocx(bodyXml: string, extraNamespaces = ''): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS} ${extraNamespaces}><w:body>${bodyXml}</w:body></w:document>`;
  return buildZip([...docxSkeleton(), { name: 'word/document.xml', data: utf8(xml) }]);
}

/**
 * A valid DOCX whose word/document.xml is `expandedBytes` of repeated paragraphs (a zip bomb), or,
 * with `part`, a small valid document plus that part as the bomb (e.g. an "image" in word/media).
 */
export function buildDocxBomb(expandedBytes: number, lieAboutSize = false, part = 'word/document.xml'): Uint8Array {
  const prefix = utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>`);
  const unit = utf8(
    '<w:p><w:r><w:t>Senior engineer building distributed systems in Go, Kafka and PostgreSQL.</w:t></w:r></w:p>',
  );
  const suffix = utf8('</w:body></w:document>');
  const stream = repeatDeflate(prefix, unit, expandedBytes, suffix);
  const bomb = {
    name: part,
    data: new Uint8Array(0),
    deflated: { bytes: stream.deflated, size: stream.size, crc: stream.crc },
  };
  const document =
    part === 'word/document.xml'
      ? []
      : [
          {
            name: 'word/document.xml',
            data: utf8(
              `<?xml version="1.0"?><w:document ${W_NS}><w:body><w:p><w:r><w:t>Skills: Go</w:t></w:r></w:p></w:body></w:document>`,
            ),
          },
        ];
  return buildZip([...docxSkeleton(), ...document, bomb], lieAboutSize);
}

/** A DOCX whose package relationships name `word/main.xml` as the main document. */
export function buildDocxWithMainPart(bodyXml: string): Uint8Array {
  const [types] = docxSkeleton();
  const rels = utf8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>',
  );
  const xml = utf8(`<?xml version="1.0"?><w:document ${W_NS}><w:body>${bodyXml}</w:body></w:document>`);
  return buildZip([types!, { name: '_rels/.rels', data: rels }, { name: 'word/main.xml', data: xml }]);
}

/** A one-page PDF whose content stream is a FlateDecode stream inflating to `expandedBytes` of spaces. */
export function buildFlateBombPdf(expandedBytes: number): Uint8Array {
  const stream = repeatDeflate(
    utf8('BT /F1 12 Tf 72 720 Td (Flate bomb) Tj ET\n'),
    utf8(' '),
    expandedBytes,
    utf8('\n'),
  );
  const zlib = new Uint8Array(2 + stream.deflated.length + 4);
  zlib.set([0x78, 0xda], 0);
  zlib.set(stream.deflated, 2);
  new DataView(zlib.buffer).setUint32(2 + stream.deflated.length, stream.adler, false);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Uint8Array[] = [utf8('%PDF-1.7\n%\u00e2\u00e3\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk =
      body === null
        ? [
            utf8(`${index + 1} 0 obj\n<< /Length ${zlib.length} /Filter /FlateDecode >>\nstream\n`),
            zlib,
            utf8('\nendstream\nendobj\n'),
          ]
        : [utf8(`${index + 1} 0 obj\n${body}\nendobj\n`)];
    for (const c of chunk) {
      parts.push(c);
      length += c.length;
    }
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(utf8(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of parts) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A PDF whose FlateDecode content stream inflates to `expandedBytes` but whose dictionary claims
 * `/Length claimed` (a lie), as in the hostile-input campaign: a pre-check that trusts `/Length`
 * inflates `claimed` bytes, sees a damaged stream, and lets the bomb through to pdf.js, which finds
 * the real end by `endstream`.
 */
export function buildLyingLengthPdf(expandedBytes: number, claimed = 16): Uint8Array {
  const honest = buildFlateBombPdf(expandedBytes);
  const text = Buffer.from(honest).toString('latin1');
  const lied = text.replace(/\/Length \d+ \/Filter \/FlateDecode/, `/Length ${claimed} /Filter /FlateDecode`);
  return new Uint8Array(Buffer.from(lied, 'latin1'));
}
