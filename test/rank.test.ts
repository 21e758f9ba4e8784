import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createMatcher, rankResumes } from '../src/rank/matcher.js';
import { isSkillmatchError, isValidationError } from '../src/errors.js';
import { createScorer } from '../src/score/index.js';
import { parseResume } from '../src/parse/index.js';
import type { RankProgress } from '../src/rank/index.js';
import type { RankItem, Role, SkillProfile } from '../src/types.js';
import { mention, profile, ROLE, senior, skill, TAXONOMY } from './helpers/profiles.js';

const AS_OF = '2026-11';
const DATA = new URL('../../shared/data/', import.meta.url);
const PDF_DIR = new URL('synthetic-resumes/pdf/', DATA);
const BAD_DIR = new URL('synthetic-resumes/adversarial/', DATA);

const strong = senior();
const middling = profile([
  skill('node-js', [mention('Node.js')], { months: 20, lastUsed: '2026-10' }),
  skill('postgresql', [mention('PostgreSQL', { context: 'skills-list' })]),
]);
const noMustHave = profile([
  skill('postgresql', [mention('PostgreSQL')], { months: 120, lastUsed: '2026-10' }),
  skill('python', [mention('Python')], { months: 120, lastUsed: '2026-10' }),
  skill('kubernetes', [mention('Kubernetes')], { months: 120, lastUsed: '2026-10' }),
  skill('redis', [mention('Redis')], { months: 120, lastUsed: '2026-10' }),
]);
const nothing = profile([skill('react', [mention('React')], { months: 60, lastUsed: '2026-10' })]);

describe('matcher.rank on profiles', () => {
  it('rejects bad pool limits when the matcher is made, naming the option', () => {
    expect(() => createMatcher({ timeoutMs: -1 })).toThrow(/`timeoutMs`/);
    expect(() => createMatcher({ maxMemoryMb: 0 })).toThrow(RangeError);
  });

  const matcher = createMatcher({ taxonomy: TAXONOMY });
  afterAll(() => matcher.close());
  const opts = { asOf: AS_OF, isolate: false } as const;

  it('orders must-haves first, then score, then id, and numbers the ranks', async () => {
    const ranking = await matcher.rank([nothing, noMustHave, middling, strong], ROLE, opts);
    expect(ranking.version).toBe('2');
    expect(ranking.role).toEqual({ id: ROLE.id, title: ROLE.title });
    expect(ranking.total).toBe(4);
    expect(ranking.results.map((r) => r.id)).toEqual(['3', '2', '1', '0']);
    expect(ranking.results.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(ranking.results[2]!.mustHavesMet).toBe(false);
    // The candidate without Node.js has the higher raw score but misses a must-have.
    expect(ranking.results[2]!.score).toBeGreaterThan(ranking.results[1]!.score);
    expect(ranking.errors).toEqual([]);
  });

  it('with strictRequired: false orders by score alone', async () => {
    const ranking = await matcher.rank([nothing, noMustHave, middling, strong], ROLE, {
      ...opts,
      strictRequired: false,
    });
    expect(ranking.results.map((r) => r.id)).toEqual(['3', '1', '2', '0']);
  });

  it('breaks ties by id, numerically for the default ids', async () => {
    const inputs = Array.from({ length: 12 }, () => nothing);
    const ranking = await matcher.rank(inputs, ROLE, opts);
    expect(ranking.results.map((r) => r.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    const named = await matcher.rank(
      [
        { id: 'b', data: nothing },
        { id: 'a', data: nothing },
      ],
      ROLE,
      opts,
    );
    expect(named.results.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('one bad input never fails the batch: it gets a per-item error with a code', async () => {
    const ranking = await matcher.rank(
      [strong, 42 as never, null as never, { id: 'weird', data: { foo: 1 } } as never, middling],
      ROLE,
      opts,
    );
    expect(ranking.results.map((r) => r.id)).toEqual(['0', '4']);
    expect(ranking.errors.map((e) => [e.id, e.index, e.error.code])).toEqual([
      ['1', 1, 'unsupported-format'],
      ['2', 2, 'unsupported-format'],
      ['weird', 3, 'unsupported-format'],
    ]);
    expect(ranking.errors[0]!.error.message).toMatch(/a number/);
  });

  it('keeps the top N results and every error', async () => {
    const ranking = await matcher.rank([nothing, strong, middling, 7 as never], ROLE, { ...opts, top: 2 });
    expect(ranking.results.map((r) => r.id)).toEqual(['1', '2']);
    expect(ranking.errors).toHaveLength(1);
    expect(ranking.total).toBe(4);
    await expect(matcher.rank([strong], ROLE, { ...opts, top: -1 })).rejects.toThrow(/`top`/);
  });

  it('a long batch with `top` keeps the same best results as a full ranking', async () => {
    const many = Array.from({ length: 300 }, (_, i) => [strong, middling, noMustHave, nothing][i % 4]!);
    const full = await matcher.rank(many, ROLE, opts);
    const cut = await matcher.rank(many, ROLE, { ...opts, top: 5 });
    expect(cut.results.map((r) => [r.id, r.rank])).toEqual(full.results.slice(0, 5).map((r) => [r.id, r.rank]));
    expect(cut.total).toBe(300);
  });

  it('reports progress and accepts async iterables', async () => {
    const seen: RankProgress[] = [];
    async function* gen() {
      yield strong;
      yield middling;
      yield nothing;
    }
    const ranking = await matcher.rank(gen(), ROLE, { ...opts, onProgress: (p) => seen.push(p) });
    expect(ranking.results).toHaveLength(3);
    expect(seen).toEqual([
      { done: 1, total: null, id: '0', index: 0, ok: true },
      { done: 2, total: null, id: '1', index: 1, ok: true },
      { done: 3, total: null, id: '2', index: 2, ok: true },
    ]);
    const counted: RankProgress[] = [];
    await matcher.rank([strong, { id: 'bad', data: 42 as unknown as string }], ROLE, {
      ...opts,
      onProgress: (p) => counted.push(p),
    });
    expect(counted).toEqual([
      { done: 1, total: 2, id: '0', index: 0, ok: true },
      { done: 2, total: 2, id: 'bad', index: 1, ok: false, code: 'unsupported-format' },
    ]);
  });

  it('rankIterator yields every item as it completes, unranked', async () => {
    const items: RankItem[] = [];
    for await (const item of matcher.rankIterator([strong, 'x' as never, middling], ROLE, opts)) items.push(item);
    expect(items).toHaveLength(3);
    expect(items.filter((i) => i.ok).every((i) => i.ok && i.rank === 0)).toBe(true);
    expect(items.map((i) => i.index).sort()).toEqual([0, 1, 2]);
  });

  it('scores like createScorer, and explains one candidate with match()', async () => {
    const ranking = await matcher.rank([strong], ROLE, opts);
    const direct = createScorer(ROLE, { taxonomy: TAXONOMY, asOf: AS_OF }).match(strong);
    expect(ranking.results[0]!.match).toEqual(direct);
    expect(await matcher.match(strong, ROLE, opts)).toEqual(direct);
    expect(matcher.score(strong, ROLE, { asOf: AS_OF })).toEqual(direct);
  });

  it('resolves roles by id (own roles first) and rejects unknown or invalid roles with typed errors', async () => {
    const own = createMatcher({ taxonomy: TAXONOMY, roles: [ROLE] });
    expect(own.role('test-backend')).toEqual(ROLE);
    const ranking = await own.rank([strong], 'test-backend', opts);
    expect(ranking.role.id).toBe('test-backend');
    await own.close();
    await expect(matcher.rank([strong], 'no-such-role', opts)).rejects.toSatisfy(
      (e: unknown) => isSkillmatchError(e) && (e as { code: string }).code === 'unknown-role',
    );
    const bad = { id: 'bad', title: 'Bad', requirements: [{ skill: 'not-a-skill', importance: 'required' }] } as Role;
    await expect(matcher.rank([strong], bad, opts)).rejects.toSatisfy(
      (e: unknown) => isValidationError(e) && (e as { code: string }).code === 'invalid-role',
    );
    await expect(matcher.rank('abc' as never, ROLE, opts)).rejects.toThrow(TypeError);
  });
});

describe('matcher.rank on résumé text and bytes', () => {
  const seniorText = readFileSync(
    new URL('../fixtures/rankings/senior-junior-frontend-chef/senior.txt', import.meta.url),
    'utf8',
  );
  const chefText = readFileSync(
    new URL('../fixtures/rankings/senior-junior-frontend-chef/chef.txt', import.meta.url),
    'utf8',
  );
  const role: Role = JSON.parse(
    readFileSync(new URL('../fixtures/rankings/senior-junior-frontend-chef/role.json', import.meta.url), 'utf8'),
  );

  it('reads strings, documents and bytes alike, and a document with no text scores 0', async () => {
    const matcher = createMatcher();
    try {
      const doc = await matcher.parse(seniorText, { isolate: false, asOf: AS_OF });
      const ranking = await matcher.rank(
        [
          { id: 'chef', data: chefText },
          { id: 'senior-doc', data: doc },
          { id: 'senior-bytes', data: new TextEncoder().encode(seniorText), filename: 'senior.txt' },
          { id: 'blank', data: ' \n\n ' },
        ],
        role,
        { asOf: AS_OF, isolate: false },
      );
      const byId = Object.fromEntries(ranking.results.map((r) => [r.id, r]));
      expect(byId['senior-doc']!.score).toBe(byId['senior-bytes']!.score);
      expect(byId['senior-doc']!.score).toBeGreaterThan(50);
      expect(byId.chef!.score).toBe(0);
      const blank = byId.blank ?? ranking.errors.find((e) => e.id === 'blank');
      expect(blank).toBeDefined();
      if (blank && 'score' in blank) expect(blank.score).toBe(0);
      else expect((blank as { error: { code: string } }).error.code).toBe('empty-input');
    } finally {
      await matcher.close();
    }
  });

  describe.skipIf(!existsSync(PDF_DIR))('through the isolated pool (../shared/data)', () => {
    if (!existsSync(PDF_DIR)) console.warn(`skipping pool tests: ${PDF_DIR.pathname} is absent`);
    it('parses PDFs in child processes; hostile files fail alone with their codes', async () => {
      const pdfs = readdirSync(PDF_DIR)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .slice(0, 6);
      const inputs = [
        ...pdfs.map((f) => ({ id: f, data: new Uint8Array(readFileSync(new URL(f, PDF_DIR))), filename: f })),
        { id: 'truncated.pdf', data: new Uint8Array(readFileSync(new URL('truncated-1k.pdf', BAD_DIR))) },
        { id: 'encrypted.pdf', data: new Uint8Array(readFileSync(new URL('encrypted-userpw-aes256.pdf', BAD_DIR))) },
        { id: 'random.docx', data: new Uint8Array(readFileSync(new URL('random-bytes.docx', BAD_DIR))) },
      ];
      const progress: number[] = [];
      const ranking = await rankResumes(inputs, 'backend-developer', {
        asOf: AS_OF,
        poolSize: 2,
        onProgress: (p) => progress.push(p.done),
      });
      expect(ranking.total).toBe(inputs.length);
      expect(ranking.results).toHaveLength(pdfs.length);
      expect(ranking.results.every((r) => r.score > 0)).toBe(true);
      expect(Object.fromEntries(ranking.errors.map((e) => [e.id, e.error.code]))).toEqual({
        'truncated.pdf': 'pdf-corrupt',
        'encrypted.pdf': 'pdf-encrypted',
        'random.docx': expect.stringMatching(/unsupported-format|docx-corrupt/),
      });
      expect(progress).toEqual(inputs.map((_, i) => i + 1));
      // Isolated and in-process reads give the same scores.
      const inProcess = await rankResumes(inputs.slice(0, pdfs.length), 'backend-developer', {
        asOf: AS_OF,
        isolate: false,
      });
      expect(inProcess.results.map((r) => [r.id, r.score])).toEqual(ranking.results.map((r) => [r.id, r.score]));
    });

    it('a document that blows the time budget fails alone and the pool goes on', async () => {
      const pdf = new Uint8Array(
        readFileSync(
          new URL(
            readdirSync(PDF_DIR)
              .filter((f) => f.endsWith('.pdf'))
              .sort()[0]!,
            PDF_DIR,
          ),
        ),
      );
      const matcher = createMatcher({ poolSize: 1, timeoutMs: 1 });
      try {
        // Text given as a string goes through the pool (and its budget) too, so the fast input is a parsed document.
        const text = await parseResume('Node.js developer since 2020', { asOf: AS_OF });
        const ranking = await matcher.rank(
          [
            { id: 'slow', data: pdf },
            { id: 'text', data: text },
          ],
          'backend-developer',
          { asOf: AS_OF },
        );
        expect(ranking.errors.map((e) => [e.id, e.error.code])).toEqual([['slow', 'limit-time']]);
        expect(ranking.results.map((r) => r.id)).toEqual(['text']);
      } finally {
        await matcher.close();
      }
      const fresh = createMatcher({ poolSize: 1 });
      try {
        const again = await fresh.rank([pdf], 'backend-developer', { asOf: AS_OF });
        expect(again.results).toHaveLength(1);
      } finally {
        await fresh.close();
      }
    });
  });
});

describe('documentDate in a batch: what "present" means for each résumé', () => {
  const matcher = createMatcher();
  afterAll(() => matcher.close());
  const TEXT =
    'Jane Doe\nExperience\nBackend Developer, Acme Corp, Jan 2016 – Present\n• Built REST APIs in Java with Spring and PostgreSQL.\n';
  const javaMonths = (profile: SkillProfile | undefined) => profile?.skills.find((s) => s.id === 'java')?.months;

  it('takes each input its own month, the batch its estimate, and fails one malformed input alone', async () => {
    const ranking = await matcher.rank(
      [
        { id: 'now', data: TEXT },
        { id: 'own', data: TEXT, documentDate: '2018-01' },
        { id: 'bad', data: TEXT, documentDate: '2018-13' },
        { id: 'late', data: TEXT, documentDate: '2027-01' },
      ],
      'backend-developer',
      { asOf: AS_OF, isolate: false },
    );
    expect(ranking.results.map((r) => r.id).sort()).toEqual(['now', 'own']);
    expect(ranking.errors.map((e) => [e.id, e.error.code])).toEqual([
      ['bad', 'invalid-input'],
      ['late', 'invalid-input'],
    ]);
    expect(ranking.errors[0]?.error.message).toContain('`documentDate`');
    const byId = new Map(ranking.results.map((r) => [r.id, r]));
    // Read in 2026, a 2018 résumé's current job is two years, not ten: it scores lower.
    expect((byId.get('own')?.score ?? 100) < (byId.get('now')?.score ?? 0)).toBe(true);
  });

  it("estimates the month of undated résumés with documentDate: 'estimate'", async () => {
    const atAsOf = await matcher.extract(TEXT, { asOf: AS_OF, isolate: false });
    const estimated = await matcher.extract(TEXT, { asOf: AS_OF, isolate: false, documentDate: 'estimate' });
    expect(estimated.document.date).toBe('2017-01');
    expect(javaMonths(estimated)).toBe(13);
    expect(javaMonths(atAsOf)).toBe(131);
    const ranking = await matcher.rank([TEXT, { data: TEXT, documentDate: '2016-06' }], 'backend-developer', {
      asOf: AS_OF,
      isolate: false,
      documentDate: 'estimate',
    });
    // An input's own month wins over the batch's estimate.
    const scores = new Map(ranking.results.map((r) => [r.id, r.score]));
    expect((scores.get('1') ?? 100) < (scores.get('0') ?? 0)).toBe(true);
    await expect(
      matcher.rank([TEXT], 'backend-developer', { asOf: AS_OF, isolate: false, documentDate: '2018-01' as 'estimate' }),
    ).rejects.toThrow(RangeError);
    await expect(matcher.extract(TEXT, { asOf: AS_OF, isolate: false, documentDate: '2027-01' })).rejects.toThrow(
      /`documentDate`/,
    );
  });
});

describe('profiles built by hand are accepted as they are', () => {
  it('a SkillProfile passes through without re-extraction', async () => {
    const p: SkillProfile = senior();
    const ranking = await rankResumes([p], ROLE, { taxonomy: TAXONOMY, asOf: AS_OF, isolate: false });
    expect(ranking.results[0]!.match.requirements[0]!.evidence[0]!.span).toEqual(
      p.skills.find((s) => s.id === 'node-js')!.mentions[0]!.span,
    );
  });
});
