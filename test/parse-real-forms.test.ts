// Résumés as real exports write them, read end to end by parseResume (issue 11, parse part). All text is
// invented in the shapes of the exports: a job board's plain-text export (labels such as "Company Details",
// "company - …", "description - …", line breaks lost or written "\r\n") and Indeed-style text.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseResume } from '../src/parse/index.js';
import type { ResumeDocument, TimelineEntry } from '../src/types.js';
import { buildZip, docxSkeleton } from './parse-bombs.js';

const asOf = '2026-11';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const brief = (entries: TimelineEntry[]) => entries.map((e) => [e.title, e.organisation, e.start, e.end]);
const kindAt = (doc: ResumeDocument, offset: number) =>
  doc.sections.find((s) => s.span.start <= offset && offset < s.span.end)?.kind;

const EXPORT = [
  'Skills * Programming Languages: Python, Sql, Java * Web: HTML, CSS, JavaScript Education Details ',
  'May 2013 to May 2017 B.E Computer Engineering Pune, Maharashtra Pune University',
  'Java Developer ',
  '',
  'Java Developer - Acme Technologies',
  'Skill Details ',
  'JAVA- Exprience - 18 months',
  'MySQL- Exprience - Less than 1 year months',
  'Spring Boot- Exprience - 6 monthsCompany Details ',
  'company - Acme Technologies',
  'description - Developed REST services in Spring Boot and Hibernate for the billing team. Jan 2017 to Present',
  'company - Beta Soft',
  'description - Built reports with Oracle and PL/SQL.',
  'Duration: June 2015 to Dec 2016',
  'company - Gamma Labs',
  'description - Maintained the intranet in PHP.',
].join('\r\n');

describe('a job-board plain-text export', () => {
  it('reads its glued headings, its company blocks as dated experience, and its education as education', async () => {
    const doc = await parseResume(EXPORT, { asOf });
    expect(doc.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['skills', 'Skills'],
      ['education', 'Education Details'],
      ['skills', 'Skill Details'],
      ['experience', 'Company Details'],
    ]);
    expect(brief(doc.timeline)).toEqual([
      [undefined, 'Acme Technologies', '2017-01', null],
      [undefined, 'Beta Soft', '2015-06', '2016-12'],
    ]);
    // The work described under each company is experience, dated where the block gives dates.
    const spring = EXPORT.indexOf('Spring Boot and Hibernate');
    expect(kindAt(doc, spring)).toBe('experience');
    expect(doc.timeline[0]!.span.start).toBeLessThanOrEqual(spring);
    expect(doc.timeline[0]!.span.end).toBeGreaterThan(spring);
    const php = EXPORT.indexOf('PHP');
    expect(kindAt(doc, php)).toBe('experience');
    expect(doc.timeline.some((e) => e.span.start <= php && php < e.span.end)).toBe(false);
    // Per-skill lengths in the skills list and the degree's years date no job.
    expect(doc.timeline.some((e) => e.estimated)).toBe(false);
    expect(doc.timeline.some((e) => e.start === '2013-05')).toBe(false);
  });

  it('reads the same export with its line breaks as "\\n"', async () => {
    const doc = await parseResume(EXPORT.replace(/\r\n/g, '\n'), { asOf });
    expect(brief(doc.timeline)).toEqual([
      [undefined, 'Acme Technologies', '2017-01', null],
      [undefined, 'Beta Soft', '2015-06', '2016-12'],
    ]);
  });
});

const INDEED = [
  'Meda Example',
  'Associate Software Engineer',
  '',
  'Bengaluru, Karnataka - Email me on Indeed: meda@example.com',
  '',
  'WORK EXPERIENCE',
  '',
  'Associate Software Engineer',
  '',
  'oracle',
  '',
  '• Associate Software Engineer in Oracle India Pvt Ltd. (through Trigent Software Pvt Ltd)',
  '• Experience in Hyperion products and automation scripting. (September 2017 onwards)',
  'Perform automation through python and batch scripting.',
  '',
  'Technical Support Engineer',
  '',
  'Initech -  Bengaluru, Karnataka -',
  '',
  "Sept' 2015 to Aug 2017",
  '',
  '• Resolved escalations in Exchange Server 2010/2013.',
  '',
  'EDUCATION',
  '',
  'B.E. in ENC',
  '',
  'North Maharashtra University',
  '',
  'August 2011 to July 2015',
  '',
  'CERTIFICATIONS',
  '',
  'Oracle Certified Associate (valid till 2021)',
].join('\n');

describe('an Indeed-style export', () => {
  it('dates a job by a range in its first bullets, and keeps the month of "Sept\'"', async () => {
    const doc = await parseResume(INDEED, { asOf });
    expect(brief(doc.timeline)).toEqual([
      ['Associate Software Engineer', 'oracle', '2017-09', null],
      ['Technical Support Engineer', 'Initech', '2015-09', '2017-08'],
    ]);
    for (const entry of doc.timeline) {
      expect(INDEED.slice(entry.titleSpan!.start, entry.titleSpan!.end)).toBe(entry.title);
      expect(INDEED.slice(entry.organisationSpan!.start, entry.organisationSpan!.end)).toBe(entry.organisation);
    }
  });
});

describe('documentDate: what "present" means', () => {
  const OLD =
    'Jane Doe\nExperience\nBackend Developer, Acme Corp, Jan 2016 – Present\n• Built services in Go.\nJava Developer, Initech\nYears of Experience: 1 Year\n';

  it('takes the option first, and reports it', async () => {
    const doc = await parseResume(OLD, { asOf, documentDate: '2018-06' });
    expect(doc.documentDate).toEqual({ month: '2018-06', source: 'option' });
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('document-date-assumed');
  });

  it('falls back to asOf, and says so when the résumé writes nothing for years', async () => {
    const doc = await parseResume(OLD, { asOf });
    expect(doc.documentDate).toEqual({ month: asOf, source: 'as-of' });
    const note = doc.diagnostics.find((d) => d.code === 'document-date-assumed');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain('2016-01');
    expect(note?.message).toContain('`documentDate`');
    // A résumé that writes a recent month is not flagged.
    const recent = await parseResume(OLD.replace('Jan 2016', 'Jan 2025'), { asOf });
    expect(recent.diagnostics.map((d) => d.code)).not.toContain('document-date-assumed');
    // Nor one without open-ended entries: nothing was closed at asOf.
    const closed = await parseResume('Experience\nBackend Developer, Acme Corp, Jan 2012 – Dec 2015\n', { asOf });
    expect(closed.diagnostics.map((d) => d.code)).not.toContain('document-date-assumed');
  });

  it("'estimate' reads an undated archive résumé's present as a year after the latest month it writes", async () => {
    const doc = await parseResume(OLD, { asOf, documentDate: 'estimate' });
    expect(doc.documentDate).toEqual({ month: '2017-01', source: 'estimated' });
    // The open job runs to the estimate, not to asOf: a year, not ten.
    expect(doc.timeline.find((e) => e.organisation === 'Acme Corp')).toMatchObject({ start: '2016-01', end: null });
    const note = doc.diagnostics.find((d) => d.code === 'document-date-estimated');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain('2016-01');
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('document-date-assumed');
    // Never after asOf; a résumé that writes no month at all keeps asOf.
    expect(
      (await parseResume(OLD.replace('Jan 2016', 'Jan 2026'), { asOf, documentDate: 'estimate' })).documentDate,
    ).toEqual({ month: asOf, source: 'estimated' });
    expect(
      (await parseResume('Jane Doe\nBackend developer. Go, PostgreSQL.\n', { asOf, documentDate: 'estimate' }))
        .documentDate,
    ).toEqual({ month: asOf, source: 'as-of' });
    // A month still to come when it was written ("Expected graduation: May 2015") is not its latest month.
    const student = await parseResume(`${OLD}Education\nBSc Computer Science, Expected Graduation: May 2019\n`, {
      asOf,
      documentDate: 'estimate',
    });
    expect(student.documentDate).toEqual({ month: '2017-01', source: 'estimated' });
    const graduated = await parseResume(`${OLD}Education\nBSc Computer Science, graduated May 2019\n`, {
      asOf,
      documentDate: 'estimate',
    });
    expect(graduated.documentDate).toEqual({ month: '2020-05', source: 'estimated' });
  });

  it("'estimate' still takes a believable file date first", async () => {
    const pdf = await pdfWith(PDF_LINES, { modified: new Date('2018-06-15T10:00:00Z') });
    expect((await parseResume(pdf, { asOf, documentDate: 'estimate' })).documentDate).toEqual({
      month: '2018-06',
      source: 'metadata',
    });
  });

  it('rejects a malformed or future documentDate, naming it', async () => {
    for (const bad of ['2018', '2018-13', 'June 2018', 201806]) {
      await expect(parseResume(OLD, { asOf, documentDate: bad as string })).rejects.toThrow(RangeError);
      await expect(parseResume(OLD, { asOf, documentDate: bad as string })).rejects.toThrow(/`documentDate`/);
    }
    await expect(parseResume(OLD, { asOf, documentDate: '2027-01' })).rejects.toThrow(/after `asOf`/);
    // Checked before any work, so also before an isolated parse is sent to a worker.
    await expect(parseResume(OLD, { asOf, documentDate: 'x', isolate: true })).rejects.toThrow(RangeError);
  });

  async function pdfWith(text: string[], dates: { modified?: Date; created?: Date }): Promise<Uint8Array> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([612, 792]);
    for (const [i, line] of text.entries()) page.drawText(line, { x: 72, y: 720 - i * 16, size: 11, font });
    if (dates.modified) pdf.setModificationDate(dates.modified);
    if (dates.created) pdf.setCreationDate(dates.created);
    return pdf.save();
  }
  const PDF_LINES = [
    'Jane Doe',
    'Experience',
    'Backend Developer, Acme Corp, Jan 2016 - Present',
    'Built services in Go and PostgreSQL for the billing team.',
    'Skills',
    'Go, PostgreSQL, Docker',
  ];

  it("takes a PDF's ModDate, else its CreationDate", async () => {
    const modified = await parseResume(
      await pdfWith(PDF_LINES, {
        modified: new Date('2018-06-15T10:00:00Z'),
        created: new Date('2017-01-02T10:00:00Z'),
      }),
      { asOf },
    );
    expect(modified.documentDate).toEqual({ month: '2018-06', source: 'metadata' });
    expect(modified.diagnostics.map((d) => d.code)).not.toContain('document-date-assumed');
    const created = await parseResume(await pdfWith(PDF_LINES, { created: new Date('2017-03-02T10:00:00Z') }), {
      asOf,
    });
    expect(created.documentDate).toEqual({ month: '2017-03', source: 'metadata' });
    // The option still wins over the file.
    const option = await parseResume(await pdfWith(PDF_LINES, { modified: new Date('2018-06-15T10:00:00Z') }), {
      asOf,
      documentDate: '2019-01',
    });
    expect(option.documentDate).toEqual({ month: '2019-01', source: 'option' });
  });

  it('does not believe a file date before a month the résumé writes, or after asOf', async () => {
    const template = await parseResume(await pdfWith(PDF_LINES, { modified: new Date('2012-01-10T10:00:00Z') }), {
      asOf,
    });
    expect(template.documentDate).toEqual({ month: asOf, source: 'as-of' });
    expect(template.diagnostics.map((d) => d.code)).toContain('document-date-metadata-ignored');
    const future = await parseResume(await pdfWith(PDF_LINES, { modified: new Date('2030-01-10T10:00:00Z') }), {
      asOf,
    });
    expect(future.documentDate).toEqual({ month: asOf, source: 'as-of' });
  });

  function docxWith(core: string | null): Uint8Array {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const paragraphs = [
      'Jane Doe',
      'Experience',
      'Backend Developer, Acme Corp, Jan 2016 – Present',
      'Built services in Go.',
    ]
      .map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`)
      .join('');
    const parts = [
      ...docxSkeleton(),
      {
        name: 'word/document.xml',
        data: utf8(
          `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraphs}</w:body></w:document>`,
        ),
      },
    ];
    if (core !== null) parts.push({ name: 'docProps/core.xml', data: utf8(core) });
    return buildZip(parts);
  }
  const core = (inner: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${inner}</cp:coreProperties>`;

  it("takes a DOCX's dcterms:modified, else dcterms:created", async () => {
    const modified = await parseResume(
      docxWith(
        core(
          '<dcterms:created xsi:type="dcterms:W3CDTF">2017-02-01T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2018-05-20T09:00:00Z</dcterms:modified>',
        ),
      ),
      { asOf },
    );
    expect(modified.documentDate).toEqual({ month: '2018-05', source: 'metadata' });
    const created = await parseResume(
      docxWith(core('<dcterms:created xsi:type="dcterms:W3CDTF">2017-02-01T09:00:00Z</dcterms:created>')),
      { asOf },
    );
    expect(created.documentDate).toEqual({ month: '2017-02', source: 'metadata' });
    for (const missing of [null, core(''), core('<dcterms:modified>not a date</dcterms:modified>')]) {
      expect((await parseResume(docxWith(missing), { asOf })).documentDate).toEqual({ month: asOf, source: 'as-of' });
    }
  });

  it('ends a job known only by its length at the document month (a 2018 résumé does not gain 8 years)', async () => {
    // Below a job with written dates, a length alone places nothing: the gap between them is unknown.
    const doc = await parseResume(OLD, { asOf, documentDate: '2018-06' });
    expect(doc.timeline.find((e) => e.organisation === 'Initech')).toBeUndefined();
    const lengthOnly = await parseResume('Experience\nJava Developer\nInitech\nYears of Experience: 1 Year\n', {
      asOf,
      documentDate: '2018-06',
    });
    expect(brief(lengthOnly.timeline)).toEqual([['Java Developer', 'Initech', '2017-07', '2018-06']]);
    expect(lengthOnly.timeline[0]!.estimated).toBe(true);
  });
});
