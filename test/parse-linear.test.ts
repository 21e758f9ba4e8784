// Hostile sizes for the date and timeline paths (issue 13, defect 6): they must come back, with sane output.
// Correctness only; the time per doubling is measured in the bench, never asserted here.
import { describe, expect, it } from 'vitest';
import { findDateRanges } from '../src/parse/dates.js';
import { splitLines, structureDocument } from '../src/parse/structure.js';

const asOf = '2026-11';
const repeatTo = (unit: string, length: number): string =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const structure = (text: string) => structureDocument({ text, lines: splitLines(text), asOf });

describe('linear paths on hostile input', () => {
  it('reads a 1 MB line of date ranges', () => {
    const unit = 'Jan 2015 - Feb 2016, ';
    const line = repeatTo(unit, 1_000_000);
    const ranges = findDateRanges(line, { asOf });
    expect(ranges).toHaveLength(Math.floor(1_000_000 / unit.length));
    expect(ranges.every((range) => range.start === '2015-01' && range.end === '2016-02')).toBe(true);
  }, 60_000);

  it('builds the timeline of a 1 MB line of year ranges, one entry per range', () => {
    const text = `Experience\n${repeatTo('2015-2016 ', 1_000_000)}`;
    const { timeline } = structure(text);
    expect(timeline).toHaveLength(100_000);
    expect(timeline[99_999]).toMatchObject({ start: '2015-01', end: '2016-12' });
    for (let i = 1; i < timeline.length; i += 997)
      expect(timeline[i]!.span.start).toBeGreaterThanOrEqual(timeline[i - 1]!.span.end);
  }, 60_000);

  it('builds the timeline of 50,000 résumé-like lines', () => {
    const titles = ['Senior Java Developer', 'Software Engineer', 'Team Lead', 'Data Analyst'];
    const employers = ['Acme Corp', 'Globex Ltd', 'Initech Inc', 'Umbrella Systems'];
    const lines = ['EXPERIENCE'];
    for (let i = 0; lines.length < 50_000; i++) {
      lines.push(
        titles[i % 4]!,
        `${employers[i % 4]} - Pune, Maharashtra`,
        `Jan ${2000 + (i % 20)} to Dec ${2001 + (i % 20)}`,
        '• Built REST services in Spring Boot and PostgreSQL for the billing team.',
        '',
      );
    }
    const { timeline } = structure(lines.slice(0, 50_000).join('\n'));
    expect(timeline).toHaveLength(10_000);
    expect(timeline[9_999]).toMatchObject({
      title: 'Data Analyst',
      organisation: 'Umbrella Systems',
      start: '2019-01',
      end: '2020-12',
    });
  }, 60_000);

  it('builds the timelines of 50,000 lines of jobs dated in their descriptions, and of company blocks', () => {
    const undated = ['EXPERIENCE'];
    while (undated.length < 50_000)
      undated.push('Java Developer', 'Acme Corp', '• Built services (September 2017 onwards)', '');
    expect(structure(undated.join('\n')).timeline).toHaveLength(12_500);
    const blocks = ['Company Details'];
    while (blocks.length < 50_000)
      blocks.push('company - Acme Technologies', 'description - Built REST services. Jan 2017 to Dec 2018');
    const { timeline } = structure(blocks.join('\r\n'));
    expect(timeline).toHaveLength(25_000);
    expect(timeline[0]).toMatchObject({ organisation: 'Acme Technologies', start: '2017-01', end: '2018-12' });
  }, 60_000);

  // Flattened text: one line whose line breaks became runs of spaces (src/parse/flattened.ts).
  it('reads a 1 MB flattened line of words and one of a sentence wrapped a hundred thousand times', () => {
    for (const unit of ['word  ', 'built the billing service and  ']) {
      const { sections, timeline } = structure(`Experience\n${repeatTo(unit, 1_000_000)}`);
      expect(sections.map((s) => s.kind)).toEqual(['experience']);
      expect(timeline).toHaveLength(0);
    }
  }, 60_000);

  it('reads a 1 MB flattened line of ranges whose dashes were lost', () => {
    const unit = 'Jan 2015  Present  ';
    const { timeline } = structure(`Experience\n${repeatTo(unit, 1_000_000)}`);
    expect(timeline).toHaveLength(Math.floor(1_000_000 / unit.length));
    expect(timeline.every((entry) => entry.start === '2015-01' && entry.end === null)).toBe(true);
  }, 60_000);

  it('reads a 1 MB flattened line of job headers written around their dates', () => {
    const { timeline } = structure(`Experience\n${repeatTo('Acme College  2015 - 2016  Instructor:  ', 1_000_000)}`);
    expect(timeline).toHaveLength(25_000);
    expect(timeline.every((entry) => entry.title === 'Instructor' && entry.organisation === 'Acme College')).toBe(true);
  }, 60_000);

  it('reads a 1 MB flattened line of experience headings glued to their jobs', () => {
    const unit = 'Experience Acme Corp Group  Jan 2015  Present    ';
    const { sections, timeline } = structure(`Experience\n${repeatTo(unit, 1_000_000)}`);
    const jobs = Math.floor(1_000_000 / unit.length);
    expect(sections.filter((s) => s.kind === 'experience' && s.heading === 'Experience')).toHaveLength(jobs + 1);
    expect(timeline).toHaveLength(jobs);
    expect(timeline.every((entry) => entry.organisation === 'Acme Corp Group' && entry.start === '2015-01')).toBe(true);
  }, 60_000);

  it('infers experience across 25,000 headings each over a dated role', () => {
    const lines: string[] = [];
    while (lines.length < 50_000) lines.push('Education', 'Software Engineer, Acme Corp, 2015 - 2018');
    const { sections, timeline } = structure(lines.join('\n'));
    expect(sections.filter((s) => s.kind === 'experience')).toHaveLength(25_000);
    expect(timeline.length).toBeGreaterThan(0);
  }, 60_000);
});
