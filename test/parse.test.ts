import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isParseError, isSkillmatchError } from '../src/errors.js';
import { DOCUMENT_VERSION } from '../src/defaults.js';
import { classifyText, decodeText, findPdfHeader } from '../src/parse/detect.js';
import { htmlToLines, decodeEntities } from '../src/parse/html.js';
import { parseResume } from '../src/parse/index.js';
import { findColumns, isGlyphName, joinHyphenatedLines, layoutPdf, normalisePdfText } from '../src/parse/layout.js';
import type { PdfTextItem } from '../src/parse/pdf.js';
import { buildDocx, buildDocxWithMainPart, buildZip, docxSkeleton } from './parse-bombs.js';
import { codeOf } from './helpers/codes.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const lineTexts = (doc: { text: string; lines: { start: number; end: number }[] }): string[] =>
  doc.lines.map((l) => doc.text.slice(l.start, l.end));

const RESUME_TEXT = `Ana Müller
ana@example.com

Summary
Back-end engineer.

Experience
Senior Engineer, Acme GmbH — Jan 2019 – Present
• Built payment services in Go and Kafka.

Technical Skills
Go, Python, PostgreSQL, Kubernetes
`;

describe('format detection', () => {
  it.each<[string, string | Uint8Array, string, string?]>([
    ['plain text', RESUME_TEXT, 'text'],
    ['markdown', '# Ana Müller\n\n## Skills\n- Go\n- Rust\n', 'markdown'],
    ['markdown by filename', 'Skills\nGo\n', 'markdown', 'cv.md'],
    ['html', '<!DOCTYPE html><html><body><h1>Ana</h1><p>Go</p></body></html>', 'html'],
    ['html fragment', '<div><h2>Skills</h2><ul><li>Go</li></ul></div>', 'html'],
    ['html bytes', utf8('<html><body><p>Skills: Go</p></body></html>'), 'html'],
    [
      'json resume',
      JSON.stringify({
        basics: { name: 'Ana' },
        work: [{ name: 'Acme', position: 'Engineer', startDate: '2019-01-01', highlights: ['Go'] }],
        skills: [{ name: 'Backend', keywords: ['Go'] }],
      }),
      'json-resume',
    ],
    ['docx', buildDocx('<w:p><w:r><w:t>Skills: Go</w:t></w:r></w:p>'), 'docx'],
    ['docx misnamed .pdf', buildDocx('<w:p><w:r><w:t>Skills: Go</w:t></w:r></w:p>'), 'docx', 'cv.pdf'],
    ['text misnamed .docx', utf8('Skills\nGo\n'), 'docx-corrupt', 'cv.docx'],
  ])('%s', async (_name, input, expected, filename) => {
    const result = await parseResume(input, filename ? { filename } : {}).then(
      (doc) => doc.meta.format,
      (error: unknown) => (isSkillmatchError(error) ? error.code : String(error)),
    );
    expect(result).toBe(expected);
  });

  it('finds a PDF header after leading junk within 1 KB only', () => {
    const junk = new Uint8Array(600).fill(0x20);
    const pdf = new Uint8Array([...junk, ...utf8('%PDF-1.7\n')]);
    expect(findPdfHeader(pdf)).toBe(600);
    expect(findPdfHeader(new Uint8Array([...new Uint8Array(2000).fill(0x20), ...utf8('%PDF-1.7')]))).toBe(-1);
  });

  it('classifies hostile text without regex backtracking blow-ups', { timeout: 30_000 }, () => {
    expect(classifyText(`${'<!-- -->'.repeat(500) + ' -->'.repeat(500)}x`)).toBe('text');
    expect(classifyText(`# x\n${'**a'.repeat(200_000)}`)).toBe('markdown');
    expect(classifyText(`# x\n${'*'.repeat(100_000)}${'['.repeat(100_000)}](${')'.repeat(100_000)}`)).toBe('text');
    expect(classifyText('<!-- a --> <!-- b -->\n<html><body>x</body></html>')).toBe('html');
  });

  it('classifies text kinds', () => {
    expect(classifyText('Plain résumé\nSkills: Go')).toBe('text');
    expect(classifyText('# Title\n\n- item')).toBe('markdown');
    expect(classifyText('{"basics":{}}')).toBe('json');
    expect(classifyText('a < b and c > d')).toBe('text');
  });

  it.each<[string, Uint8Array | string, string, string?]>([
    ['0 bytes', new Uint8Array(0), 'empty-input'],
    ['whitespace bytes', utf8('  \n\t\r\n '), 'empty-input'],
    ['whitespace string', '   \n  ', 'empty-input'],
    ['binary garbage', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), 'unsupported-format'],
    [
      'binary garbage named .pdf',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
      'pdf-corrupt',
      'x.pdf',
    ],
    [
      'binary garbage named .docx',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
      'docx-corrupt',
      'x.docx',
    ],
    [
      'legacy .doc (OLE2)',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(512)]),
      'unsupported-format',
      'x.doc',
    ],
    [
      'PDF header then garbage',
      new Uint8Array([...utf8('%PDF-1.4\n'), ...Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)]),
      'pdf-corrupt',
    ],
    [
      'ZIP without word/document.xml named .docx',
      buildZip([{ name: 'hello.txt', data: utf8('hi') }]),
      'docx-corrupt',
      'x.docx',
    ],
    [
      'ZIP without word/document.xml named .zip',
      buildZip([{ name: 'hello.txt', data: utf8('hi') }]),
      'unsupported-format',
      'x.zip',
    ],
    ['truncated ZIP', buildDocx('<w:p><w:r><w:t>Go</w:t></w:r></w:p>').subarray(0, 200), 'docx-corrupt', 'x.docx'],
    ['JSON that is not JSON Resume', '{"hello": "world"}', 'unsupported-format'],
    ['malformed .json', '{"basics": ', 'json-corrupt', 'cv.json'],
  ])('bad input: %s', async (_name, input, code, filename) => {
    const error = await parseResume(input, filename ? { filename } : {}).catch((e: unknown) => e);
    expect(isSkillmatchError(error), String(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    expect((error as Error).message.length).toBeGreaterThan(10);
  });
});

describe('text and encodings', () => {
  it('keeps plain text exactly as given, so spans index the original', async () => {
    const input = 'Ana\r\n\r\nSkills\r\n  Go,   Rust \t\r\nExperience\n2019 – 2021 Engineer';
    const doc = await parseResume(input);
    expect(doc.text).toBe(input);
    expect(doc.version).toBe(DOCUMENT_VERSION);
    for (const span of doc.lines) expect(doc.text.slice(span.start, span.end)).not.toMatch(/[\r\n]/);
    expect(lineTexts(doc)).toContain('  Go,   Rust \t');
    for (const section of doc.sections) expect(section.span.end).toBeLessThanOrEqual(input.length);
  });

  it('gives the same text for string and UTF-8 bytes, minus the BOM', async () => {
    const fromString = await parseResume(RESUME_TEXT);
    const fromBytes = await parseResume(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(RESUME_TEXT)]));
    expect(fromBytes.text).toBe(RESUME_TEXT);
    expect(fromString.text).toBe(RESUME_TEXT);
    expect(fromBytes.meta.bytes).toBe(utf8(RESUME_TEXT).length + 3);
    expect(fromString.diagnostics.some((d) => d.code === 'encoding-repaired')).toBe(false);
  });

  it('repairs Windows-1252 input with a diagnostic', async () => {
    const latin1 = new Uint8Array([
      ...utf8('Jos'),
      0xe9,
      ...utf8(' M'),
      0xfc,
      ...utf8('ller'),
      ...utf8('\nSkills: Go\n'),
    ]);
    const doc = await parseResume(latin1);
    expect(doc.text).toContain('José Müller');
    expect(doc.diagnostics.map((d) => d.code)).toContain('encoding-repaired');
  });

  it('reads UTF-16 with a BOM', async () => {
    const text = 'Zoë Ørsted\nSkills: Go, Rust\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    expect((await parseResume(le)).text).toBe(text);
    expect(decodeText(le).diagnostics).toEqual([]);
  });

  it('marks Markdown headings as headings and keeps their text as is', async () => {
    const md = '# Ana Müller\n\n## Experience\nEngineer, Acme, 2019 – 2021\n\n## Skills\n- Go\n- Rust\n';
    const doc = await parseResume(md);
    expect(doc.meta.format).toBe('markdown');
    expect(doc.text).toBe(md);
    const kinds = doc.sections.map((s) => s.kind);
    expect(kinds).toContain('experience');
    expect(kinds).toContain('skills');
    expect(doc.sections.find((s) => s.kind === 'skills')!.heading).toMatch(/Skills/);
  });

  it('flags very short documents with few-words', async () => {
    const doc = await parseResume('Ana Müller\nSkills: Go');
    expect(doc.diagnostics.map((d) => d.code)).toContain('few-words');
    const long = await parseResume(RESUME_TEXT.repeat(4));
    expect(long.diagnostics.map((d) => d.code)).not.toContain('few-words');
  });
});

describe('HTML', () => {
  it('keeps visible text only and turns blocks into lines', async () => {
    const html = `<!doctype html><html><head><title>CV title</title><style>p { color: red }</style>
      <script>var secret = "<p>not text</p>";</script></head>
      <body><!-- a comment --><h1>Ana &amp; Co</h1><noscript>enable js</noscript>
      <p>Back-end engineer&nbsp;in&#32;Berlin &mdash;
         10&#x2B; years</p>
      <div hidden>hidden skill: COBOL</div><span style="display: none">Fortran</span>
      <template><p>Template text</p></template>
      <h2>Skills</h2><ul><li>Go<li>Rust</ul>
      <table><tr><td>Kafka</td><td>PostgreSQL</td></tr></table>
      <p>a &lt; b</p></body></html>`;
    const doc = await parseResume(html);
    expect(doc.meta.format).toBe('html');
    const lines = lineTexts(doc).filter((l) => l !== '');
    expect(lines).toEqual([
      'Ana & Co',
      'Back-end engineer in Berlin — 10+ years',
      'Skills',
      '• Go',
      '• Rust',
      'Kafka',
      'PostgreSQL',
      'a < b',
    ]);
    for (const hidden of [
      'secret',
      'not text',
      'COBOL',
      'Fortran',
      'Template',
      'enable js',
      'CV title',
      'color',
      'comment',
    ])
      expect(doc.text).not.toContain(hidden);
    expect(doc.diagnostics.map((d) => d.code)).toContain('tables');
    expect(doc.sections.some((s) => s.kind === 'skills' && s.heading === 'Skills')).toBe(true);
  });

  it('marks h1–h6 as heading lines', () => {
    const { lines } = htmlToLines('<h3>Work <b>History</b></h3><p>Engineer</p>');
    expect(lines).toEqual([{ text: 'Work History', heading: true }, { text: 'Engineer' }]);
  });

  it('decodes entities', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x41;&eacute;&unknown; &amp')).toBe('&<>"\'Aé&unknown; &');
  });

  // Hostile markup: a quadratic tokenizer would take hours on these; the test timeout is the guard
  // (speed itself is measured in bench/, never asserted here).
  it('tokenizes hostile markup without blowing up', { timeout: 30_000 }, () => {
    expect(htmlToLines(`${'<a '.repeat(20_000) + '<!--'.repeat(10_000) + '"'.repeat(20_000)}<p>tail`).lines).toEqual(
      [],
    );
    expect(htmlToLines(`${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}`).lines).toEqual([{ text: 'deep' }]);
    expect(htmlToLines('<div>'.repeat(50_000) + '</span><li><td>'.repeat(50_000)).lines).toHaveLength(50_000);
  });
});

describe('DOCX', () => {
  const W14 =
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  const para = (text: string, style?: string): string =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

  it('reads paragraphs, tables in reading order, and text boxes mammoth skips', async () => {
    const table = `<w:tbl><w:tr><w:tc>${para('Languages')}</w:tc><w:tc>${para('Go, Rust')}</w:tc></w:tr><w:tr><w:tc>${para('Databases')}</w:tc><w:tc>${para('PostgreSQL')}</w:tc></w:tr></w:tbl>`;
    // A DrawingML text box with no VML fallback: mammoth only reads mc:Fallback, so it would lose this.
    const textBox = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${para('Contact: ana@example.com')}${para('Kubernetes certified')}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>`;
    const body = para('Ana Müller') + para('Experience') + para('Engineer, Acme — 2019 – 2021') + table + textBox;
    const doc = await parseResume(buildDocx(body, W14), { filename: 'cv.docx' });
    const lines = lineTexts(doc).filter((l) => l !== '');
    expect(lines.slice(0, 3)).toEqual(['Ana Müller', 'Experience', 'Engineer, Acme — 2019 – 2021']);
    expect(lines.slice(3, 7)).toEqual(['Languages', 'Go, Rust', 'Databases', 'PostgreSQL']);
    expect(lines).toContain('Contact: ana@example.com');
    expect(lines).toContain('Kubernetes certified');
    const codes = doc.diagnostics.map((d) => d.code);
    expect(codes).toContain('tables');
    expect(codes).toContain('text-boxes');
    expect(doc.meta).toMatchObject({ format: 'docx', pages: null, filename: 'cv.docx' });
  });

  it('turns heading styles into headings and list items into bullet lines', async () => {
    const numbering = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>';
    const body = `${para('Ana') + para('Professional Experience', 'Heading1') + para('Engineer at Acme, 2019 – 2021') + para('Core Competencies', 'Heading2')}<w:p>${numbering}<w:r><w:t>Go</w:t></w:r></w:p>`;
    const doc = await parseResume(buildDocx(body));
    expect(doc.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['experience', 'skills']));
    expect(doc.sections.find((s) => s.kind === 'experience')!.heading).toBe('Professional Experience');
  });

  it('finds the main document through the package relationships', async () => {
    const doc = await parseResume(buildDocxWithMainPart('<w:p><w:r><w:t>Skills: Go, Rust</w:t></w:r></w:p>'), {
      filename: 'cv.docx',
    });
    expect(doc.text).toBe('Skills: Go, Rust');
  });

  it('reads text in page headers', async () => {
    const header = `<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${para('ana@example.com | +49 151 000')}</w:hdr>`;
    const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para('Skills')}${para('Go')}</w:body></w:document>`;
    const bytes = buildZip([
      ...docxSkeleton(),
      { name: 'word/document.xml', data: utf8(xml) },
      { name: 'word/header1.xml', data: utf8(header) },
    ]);
    const doc = await parseResume(bytes);
    expect(lineTexts(doc)[0]).toBe('ana@example.com | +49 151 000');
    expect(doc.diagnostics.map((d) => d.code)).toContain('headers-footers');
  });
});

describe('PDF text clean-up', () => {
  it.each([
    ['ﬁle ﬂow oﬀer eﬃcient baﬄe', 'file flow offer efficient baffle'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['\uf0b7 Bullet from a Symbol font', '• Bullet from a Symbol font'],
    ['\uf09b GitHub \uf003 icons', ' GitHub  icons'],
    ['\u{1F4F1} (+82) 10-9030', ' (+82) 10-9030'],
  ])('normalises %j', (input, expected) => {
    expect(normalisePdfText(input).text).toBe(expected);
  });

  it('recognises glyph names pdf.js emits for unmapped icon glyphs', () => {
    const icon = { str: 'HOUSE-CHIMNEY', x: 0, y: 0, width: 6.8, height: 13.2, rotated: false };
    expect(isGlyphName(icon)).toBe(true);
    expect(isGlyphName({ ...icon, str: 'LINKEDIN' })).toBe(true);
    expect(isGlyphName({ ...icon, str: 'AWS', width: 20, height: 10 })).toBe(false);
    expect(isGlyphName({ ...icon, str: 'CI-CD', width: 28, height: 10 })).toBe(false);
  });

  it('cleans hostile lines without regex backtracking blow-ups', { timeout: 30_000 }, () => {
    const letters = 'a'.repeat(200_000);
    const joined = joinHyphenatedLines([
      { text: `${letters}x` },
      { text: 'next' },
      { text: `${letters}-` },
      { text: 'tail' },
    ]);
    expect(joined.map((l) => l.text.length)).toEqual([200_001, 4, 200_004]);
    const laidOut = layoutPdf([
      {
        width: 600,
        height: 800,
        items: [
          {
            str: `x${' '.repeat(100_000)}y${' '.repeat(100_000)}`,
            x: 10,
            y: 700,
            width: 500,
            height: 10,
            rotated: false,
          },
        ],
      },
    ]);
    expect(laidOut.lines.map((l) => l.text)).toEqual(['x y']);
  });

  it('counts icon-font glyphs it removes', () => {
    expect(normalisePdfText('\uf09b\uf0e1 x \ufffd').unmapped).toBe(3);
  });

  it.each<[string[], string[]]>([
    [
      ['Built the develop-', 'ment pipeline'],
      ['Built the development', 'pipeline'],
    ],
    [
      ['We migrated to cloud-', 'native services'],
      ['We migrated to cloud-native', 'services'],
    ],
    [
      ['Worked on the Front-', 'End team'],
      ['Worked on the Front-', 'End team'],
    ],
    [
      ['A full-', 'stack role'],
      ['A full-stack', 'role'],
    ],
    [
      ['Moved to event-', 'driven design.'],
      ['Moved to event-driven', 'design.'],
    ],
    [
      ['Implemented multi-', 'tenant billing'],
      ['Implemented multi-tenant', 'billing'],
    ],
    [['Reduced laten-', 'cy.'], ['Reduced latency.']],
    [
      ['2019-', '2021'],
      ['2019-', '2021'],
    ],
    [
      ['Skills -', 'Go'],
      ['Skills -', 'Go'],
    ],
    [
      ['end-to-', 'end tests'],
      ['end-to-end', 'tests'],
    ],
    [
      ['• Led the migra-', '• Second bullet'],
      ['• Led the migra-', '• Second bullet'],
    ],
  ])('hyphenation %j', (input, expected) => {
    const out = joinHyphenatedLines(input.map((text) => ({ text }))).map((l) => l.text);
    expect(out).toEqual(expected);
  });

  const item = (str: string, x: number, y: number, width = str.length * 5): PdfTextItem => ({
    str,
    x,
    y,
    width,
    height: 10,
    rotated: false,
  });

  it('reads a two-column page column by column, header first', () => {
    const items: PdfTextItem[] = [item('Jane Doe — Senior Software Engineer — jane@example.com', 150, 760, 300)];
    for (let i = 0; i < 14; i++) items.push(item(`Left column line ${i} about Go`, 40, 720 - i * 14, 150));
    for (let i = 0; i < 20; i++)
      items.push(item(`Right column line ${i} with experience text`, 260, 722 - i * 13, 280));
    const layout = layoutPdf([{ width: 600, height: 800, items }]);
    expect(layout.twoColumnPages).toEqual([1]);
    const text = layout.lines.map((l) => l.text).filter((t) => t !== '');
    expect(text[0]).toMatch(/^Jane Doe/);
    expect(text.slice(1, 15)).toEqual(Array.from({ length: 14 }, (_, i) => `Left column line ${i} about Go`));
    expect(text.slice(15)).toEqual(Array.from({ length: 20 }, (_, i) => `Right column line ${i} with experience text`));
  });

  it('does not split right-aligned dates from their titles', () => {
    const items: PdfTextItem[] = [];
    const dates = ['Jan 2021 – Present', 'Mar 2018 – Dec 2020', '2016 – 2018', 'Jun 2014 – Feb 2016'];
    dates.forEach((date, k) => {
      const top = 740 - k * 70;
      items.push(
        item(`Engineer at Company ${k}`, 40, top, 150),
        item(date, 560 - date.length * 5, top, date.length * 5),
      );
      items.push(item(`• Built things ${k}`, 50, top - 14, 120), item(`• Shipped things ${k}`, 50, top - 28, 130));
    });
    expect(findColumns(items, 600)).toBeNull();
    const text = layoutPdf([{ width: 600, height: 800, items }]).lines.map((l) => l.text);
    expect(text).toContain('Engineer at Company 0\tJan 2021 – Present');
  });

  it('never emits page-joiner lines', () => {
    const text = layoutPdf([
      { width: 600, height: 800, items: [item('Page one text', 40, 700)] },
      { width: 600, height: 800, items: [item('Page two text', 40, 700)] },
    ]).lines.map((l) => l.text);
    expect(text.filter((t) => /--\s*\d+ of \d+\s*--/.test(t))).toEqual([]);
    expect(text.filter((t) => t !== '')).toEqual(['Page one text', 'Page two text']);
  });

  it('keeps parse errors typed', async () => {
    const error = await parseResume(new Uint8Array([...utf8('%PDF-1.7\n'), 1, 2, 3])).catch((e: unknown) => e);
    expect(isParseError(error)).toBe(true);
    expect(await codeOf(parseResume(new Uint8Array([...utf8('%PDF-1.7\n'), 1, 2, 3])))).toBe('pdf-corrupt');
  });
});

/** A two-page PDF built with pdf-lib: a full-width header over two columns, bullets, a hyphenated break. */
async function buildTwoColumnPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([612, 792]);
  page.drawText('Maria Lopez - Senior Backend Engineer - maria@example.com - Madrid', {
    x: 60,
    y: 740,
    size: 12,
    font: bold,
  });
  const left = [
    'SKILLS',
    'Go, Python, Kafka',
    'PostgreSQL, Redis',
    'Kubernetes, Terraform',
    '',
    'LANGUAGES',
    'Spanish (native)',
    'English (C1)',
    '',
    'EDUCATION',
    'BSc Computer Science',
    'Universidad de Madrid, 2012',
  ];
  const right = [
    'EXPERIENCE',
    'Senior Engineer, Acme Payments',
    'Jan 2019 - Present',
    '\u2022 Built the payment ledger in Go and Kafka with a develop-',
    'ment process based on trunk-based releases.',
    '\u2022 Moved batch jobs to event-',
    'driven services on Kubernetes.',
    '',
    'Backend Developer, Initech',
    'Mar 2015 - Dec 2018',
    '\u2022 Wrote REST APIs in Python and PostgreSQL.',
    '\u2022 Ran the on-call rotation for six services.',
  ];
  for (const [i, text] of left.entries())
    if (text)
      page.drawText(text, {
        x: 50,
        y: 700 - i * 16,
        size: 10,
        font: i === 0 || text === text.toUpperCase() ? bold : font,
      });
  for (const [i, text] of right.entries())
    if (text)
      page.drawText(text, { x: 230, y: 702 - i * 15, size: 10, font: text === text.toUpperCase() ? bold : font });
  const second = pdf.addPage([612, 792]);
  second.drawText('PROJECTS', { x: 50, y: 740, size: 10, font: bold });
  second.drawText('Open-source Kafka connector for PostgreSQL (2021)', { x: 50, y: 724, size: 10, font });
  return pdf.save();
}

describe('PDF end to end (generated)', () => {
  it('reads columns in order, keeps bullets, joins hyphenated breaks, reports pages', async () => {
    const bytes = await buildTwoColumnPdf();
    const withJunk = new Uint8Array([...utf8('garbage before the header\n'), ...bytes]);
    for (const input of [bytes, withJunk]) {
      const doc = await parseResume(input, { filename: 'maria.pdf' });
      expect(doc.meta).toMatchObject({ format: 'pdf', pages: 2, filename: 'maria.pdf' });
      const all = lineTexts(doc).filter((l) => l !== '');
      expect(all[0]).toBe('Maria Lopez - Senior Backend Engineer - maria@example.com - Madrid');
      // Left column whole, then the right column: no line mixes the two.
      expect(all.indexOf('Universidad de Madrid, 2012')).toBeLessThan(all.indexOf('EXPERIENCE'));
      expect(all).toContain('Go, Python, Kafka');
      expect(all).toContain('• Built the payment ledger in Go and Kafka with a development');
      expect(all).toContain('process based on trunk-based releases.');
      expect(all).toContain('• Moved batch jobs to event-driven');
      expect(all).toContain('Open-source Kafka connector for PostgreSQL (2021)');
      expect(doc.text).not.toMatch(/-- \d+ of \d+ --/);
      expect(doc.diagnostics.find((d) => d.code === 'two-columns')?.place).toBe('page 1');
      expect(doc.sections.map((s) => s.kind)).toEqual(
        expect.arrayContaining(['skills', 'education', 'experience', 'projects']),
      );
      expect(doc.timeline.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('rejects a PDF over maxPages before reading it', async () => {
    expect(await codeOf(parseResume(await buildTwoColumnPdf(), { maxPages: 1 }))).toBe('limit-pages');
  });

  it('gives the same document for the same bytes', async () => {
    const bytes = await buildTwoColumnPdf();
    expect(JSON.stringify(await parseResume(bytes))).toBe(JSON.stringify(await parseResume(bytes)));
  });
});
