// Repeated lines: the parse stage remembers a line's own verdicts (heading, header shape, title words, "holds no
// date range") by its text within one document. These tests pin that context still decides what a repeated line
// is, and that a remembered verdict never carries one line's offsets to another.
import { describe, expect, it } from 'vitest';
import { headingKind } from '../src/parse/sections.js';
import { splitLines, structureDocument } from '../src/parse/structure.js';
import { emptyUnitTexts, flagByText, pushUnit, TextIds, verdictByText } from '../src/parse/unit-texts.js';

const asOf = '2026-11';
const structure = (text: string) => structureDocument({ text, lines: splitLines(text), asOf });

describe('repeated lines', () => {
  it('reads the same inline label by its section: a new section outside Skills, a label inside it', () => {
    const text =
      'Summary\nBackend developer.\nTools: Docker, Git\nSkills\nJava, Go\nTools: Docker, Git\nEducation\nBSc';
    const kinds = structure(text).sections.map((section) => [section.kind, section.heading]);
    expect(kinds).toEqual([
      ['summary', 'Summary'],
      ['skills', 'Tools'],
      ['education', 'Education'],
    ]);
  });

  it('gives each repetition of a dated header its own entry and spans', () => {
    const job = 'Java Developer, Acme Corp — Jan 2019 - Mar 2021';
    const text = [
      'Experience',
      job,
      '• Built services',
      'Education',
      'BSc 2010',
      'Experience',
      job,
      '• Built services',
    ];
    const { timeline } = structure(text.join('\n'));
    expect(timeline).toHaveLength(2);
    const joined = text.join('\n');
    const first = joined.indexOf(job);
    const second = joined.lastIndexOf(job);
    expect(timeline.map((entry) => entry.span.start)).toEqual([first, second]);
    for (const entry of timeline)
      expect(entry).toMatchObject({
        title: 'Java Developer',
        organisation: 'Acme Corp',
        start: '2019-01',
        end: '2021-03',
      });
  });

  it('still finds the one dated job after thousands of repeated undated table rows', () => {
    const rows = 'Skill | Years\nJava | 5\n'.repeat(2000);
    const { sections, timeline } = structure(`Experience\n${rows}Java Developer, Acme Corp\nJan 2019 - Mar 2021\n`);
    expect(sections.map((section) => section.kind)).toEqual(['experience']);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      title: 'Java Developer',
      organisation: 'Acme Corp',
      start: '2019-01',
      end: '2021-03',
    });
  });

  it('reads thousands of the same title-cased line as no heading and no job', () => {
    const { sections, timeline, diagnostics } = structure('Version Control\n'.repeat(5000));
    expect(sections).toHaveLength(1);
    expect(timeline).toHaveLength(0);
    expect(diagnostics.map((d) => d.code)).toEqual(['no-section-headings']);
  });
});

// [heading, kind]: "&" and "+" read as "and", apostrophes dropped inside a word (headingWords' one-pass reading).
const JOINED_WORDS: [string, string | null][] = [
  ['Skills & Tools', 'skills'],
  ['Education & Training', 'education'],
  ['Projects & Achievements', 'projects'],
  ['Awards+Honours', 'other'],
  ['Honors & Awards', 'other'],
  ['R&D', null],
  ['Don’t', null],
  ['Version Control', null],
];

describe('heading words joined by "&", "+" and apostrophes', () => {
  it.each(JOINED_WORDS)('%s → %s', (line, kind) => {
    expect(headingKind(line)).toBe(kind);
  });
});

describe('unit texts: each text numbered once, its verdicts remembered by number', () => {
  const tableOf = (texts: string[]) => {
    const table = emptyUnitTexts(new TextIds());
    let at = 0;
    const text = texts.join('\n');
    for (const value of texts) {
      pushUnit(table, text, { start: at, end: at + value.length });
      at += value.length + 1;
    }
    return table;
  };

  it('numbers equal texts alike, in order of first sight', () => {
    const table = tableOf(['Java | 5', 'Skill | Years', 'Java | 5', 'Go | 2', 'Skill | Years']);
    expect(table.values).toEqual(['Java | 5', 'Skill | Years', 'Java | 5', 'Go | 2', 'Skill | Years']);
    expect(table.ids).toEqual([0, 1, 0, 2, 1]);
    expect(table.numbering.size).toBe(3);
  });

  it('works a flag out once per text, and each time for a text numbered after it was made', () => {
    const table = tableOf(['a', 'b', 'a', 'a']);
    const asked: string[] = [];
    const flag = flagByText(table, (value) => {
      asked.push(value);
      return value === 'a';
    });
    expect([0, 1, 2, 3].map(flag)).toEqual([true, false, true, true]);
    expect(asked).toEqual(['a', 'b']);
    pushUnit(table, 'c', { start: 0, end: 1 });
    expect([flag(4), flag(4)]).toEqual([false, false]);
    expect(asked).toEqual(['a', 'b', 'c', 'c']);
  });

  it('remembers a verdict of any kind, null included, and shares it between equal texts', () => {
    const table = tableOf(['x', 'y', 'x']);
    let calls = 0;
    const verdict = verdictByText(table, (value) => {
      calls++;
      return value === 'x' ? { kind: value } : null;
    });
    expect(verdict(0)).toBe(verdict(2));
    expect([verdict(1), verdict(1)]).toEqual([null, null]);
    expect(calls).toBe(2);
  });
});
