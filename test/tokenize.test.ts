import { describe, expect, it } from 'vitest';
import { buildAliasIndex, indexAliases, lookupAlias } from '../src/taxonomy/alias-index.js';
import type { Taxonomy } from '../src/taxonomy/schema.js';
import { normaliseAlias, scanTokens, tokenize } from '../src/taxonomy/tokenize.js';

describe('tokenize', () => {
  const WHOLE: string[] = [
    'C#',
    'C++',
    'F#',
    '.NET',
    'ASP.NET',
    'Node.js',
    'Vue.js',
    'CI/CD',
    'PL/SQL',
    'TCP/IP',
    'Objective-C',
    'T-SQL',
    'Win32',
    'HTML5',
    'ES6',
    'VB.NET',
    'Notepad++',
    'A/B',
  ];
  it.each(WHOLE)('keeps %s whole', (name) => {
    const tokens = tokenize(`Skills: ${name}, more.`);
    expect(tokens.map((t) => t.text)).toContain(name);
  });

  it('gives exact half-open spans into the input', () => {
    const text = 'Worked with  Node.js/Express; C# (.NET) and C++.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toEqual([
      'Worked',
      'with',
      'Node.js',
      'Express',
      'C#',
      '.NET',
      'and',
      'C++',
    ]);
  });

  it('splits ordinary slash and hyphen compounds into parts', () => {
    expect(tokenize('Java/J2EE go-to-market').map((t) => t.text)).toEqual(['Java', 'J2EE', 'go', 'to', 'market']);
  });

  it('folds case, full-width forms and keeps sentence punctuation out', () => {
    const [t] = tokenize('ＰＹＴＨＯＮ.');
    expect(t!.norm).toBe('python');
    expect(tokenize('Python.')[0]!.text).toBe('Python');
  });

  it('rejects a non-string', () => {
    expect(() => tokenize(42 as unknown as string)).toThrow(TypeError);
  });

  it('is linear on a hostile 1 MB line', () => {
    const line = 'a.'.repeat(150_000) + '#+/-'.repeat(100_000) + 'C'.repeat(100_000) + '. '.repeat(100_000);
    const tokens = tokenize(line);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.at(-1)!.end).toBeLessThanOrEqual(line.length);
  });
});

describe('scanTokens', () => {
  /** A token's fields as plain data (the scan packs its flags behind getters). */
  const plain = (text: string) =>
    scanTokens(text).map((t) => ({ text: t.text, norm: t.norm, gap: t.gap, hyphenBefore: t.hyphenBefore, url: t.url }));

  it.each<[string, string, ReturnType<typeof plain>[number]]>([
    ['Java/J2EE', 'J2EE', { text: 'J2EE', norm: 'j2ee', gap: '/', hyphenBefore: false, url: false }],
    ['go-to-market', 'to', { text: 'to', norm: 'to', gap: ' ', hyphenBefore: true, url: false }],
    ['R&D', 'D', { text: 'D', norm: 'd', gap: '&', hyphenBefore: false, url: false }],
    ['Go, Rust', 'Rust', { text: 'Rust', norm: 'rust', gap: null, hyphenBefore: false, url: false }],
    ['Go - Rust', 'Rust', { text: 'Rust', norm: 'rust', gap: null, hyphenBefore: false, url: false }],
    [
      'see www.Java.com now',
      'www.Java.com',
      { text: 'www.Java.com', norm: 'www.java.com', gap: ' ', hyphenBefore: false, url: true },
    ],
    ['mail java@python.org', 'java', { text: 'java', norm: 'java', gap: ' ', hyphenBefore: false, url: true }],
    ['ＪＡＶＡ and Java', 'ＪＡＶＡ', { text: 'ＪＡＶＡ', norm: 'java', gap: null, hyphenBefore: false, url: false }],
  ])('reads %j: token %j', (text, surface, expected) => {
    expect(plain(text).find((t) => t.text === surface)).toEqual(expected);
  });

  it('marks no token of a run as a URL until an "@" or "://" says so, then all of them', () => {
    expect(plain('Java python').map((t) => t.url)).toEqual([false, false]);
    expect(plain('java.dev@mail.com Go').map((t) => t.url)).toEqual([true, true, false]);
  });

  it('gives a word written many times one string and one folded form, folded as the first', () => {
    const tokens = scanTokens('Java java JAVA Java '.repeat(50));
    const java = tokens.filter((t) => t.text === 'Java');
    expect(java).toHaveLength(100);
    expect(new Set(java.map((t) => t.norm))).toEqual(new Set(['java']));
    expect(tokens.every((t) => t.norm === t.text.toLowerCase())).toBe(true);
  });

  it('reads a text of more distinct words than its word table holds the same way as a short one', () => {
    // 70,000 distinct words: the table stops taking new ones at 65,536, and the rest are made per token.
    const words = Array.from({ length: 70_000 }, (_, i) => `W${i.toString(36)}x`);
    const tokens = scanTokens(words.join(' '));
    expect(tokens).toHaveLength(words.length);
    tokens.forEach((t, i) => {
      expect(t.text).toBe(words[i]);
      expect(t.norm).toBe(words[i]!.toLowerCase());
    });
  });
});

describe('normaliseAlias', () => {
  const CASES: [string, string][] = [
    ['Node.JS', 'node.js'],
    ['nodejs', 'nodejs'],
    ['node   js', 'node js'],
    ['Spring-Boot', 'spring boot'],
    ['Spring\u2013Boot', 'spring boot'],
    ['CI / CD', 'ci/cd'],
    ['CI/CD', 'ci/cd'],
    ['C#', 'c#'],
    ['.NET', '.net'],
    ['  PostgreSQL;', 'postgresql'],
    ['R&D', 'r&d'],
    ['A/B testing', 'a/b testing'],
  ];
  it.each(CASES)('%s → %s', (alias, norm) => expect(normaliseAlias(alias)).toBe(norm));
});

describe('alias index', () => {
  const taxonomy: Taxonomy = {
    version: 't',
    skills: [
      {
        id: 'go',
        name: 'Go',
        category: 'programming-languages',
        aliases: ['Golang'],
        ambiguous: { aliases: ['Go'], rule: 'tech-context', caseSensitive: true, note: 'verb' },
      },
      { id: 'nodejs', name: 'Node.js', category: 'backend-frameworks', aliases: ['nodejs', 'node js'] },
      { id: 'old-node', name: 'Old Node', category: 'backend-frameworks', aliases: ['io.js'], replacedBy: 'nodejs' },
      { id: 'spring-boot', name: 'Spring Boot', category: 'backend-frameworks', aliases: ['Spring-Boot'] },
    ],
  };
  const index = buildAliasIndex(taxonomy);

  it('looks up whole phrases under the normal form', () => {
    expect(lookupAlias(index, 'NODE.JS')).toEqual([{ skillId: 'nodejs', alias: 'Node.js', ambiguous: false }]);
    expect(lookupAlias(index, 'spring boot')[0]!.skillId).toBe('spring-boot');
    expect(lookupAlias(index, 'go')).toEqual([{ skillId: 'go', alias: 'Go', ambiguous: true }]);
    expect(lookupAlias(index, 'golang')[0]!.ambiguous).toBe(false);
    expect(lookupAlias(index, 'spring')).toEqual([]);
  });

  it('indexes retired skills under their replacement', () => {
    expect(lookupAlias(index, 'io.js')[0]!.skillId).toBe('nodejs');
  });

  it('lists every alias sorted', () => {
    const list = indexAliases(index);
    expect(list.map((a) => a.alias)).toEqual([...list.map((a) => a.alias)].sort());
    expect(list).toContainEqual({ alias: 'Golang', skillId: 'go' });
  });
});
