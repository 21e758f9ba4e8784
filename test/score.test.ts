import { describe, expect, it } from 'vitest';
import { createScorer, scoreMatch } from '../src/score/index.js';
import { SCORE_DEFAULTS } from '../src/defaults.js';
import type { ExtractedSkill, Role, SkillProfile, Taxonomy } from '../src/types.js';
import { mention, profile, ROLE, senior, skill, TAXONOMY } from './helpers/profiles.js';

const OPTS = { taxonomy: TAXONOMY, asOf: '2026-11' };
const score = (p: SkillProfile, extra = {}) => scoreMatch(p, ROLE, { ...OPTS, ...extra });

/** Every role and every résumé profile of the ranking scenarios (fixtures/rankings), extracted as of 2026-11. */
async function scenarioCases(): Promise<{ roles: Role[]; profiles: { name: string; profile: SkillProfile }[] }> {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { parseResume } = await import('../src/parse/index.js');
  const { createExtractor } = await import('../src/extract/index.js');
  const { getBuiltinRole } = await import('../src/role/builtin.js');
  const { roleFromJobDescription } = await import('../src/job-description/index.js');
  const dir = new URL('../fixtures/rankings/', import.meta.url);
  const extractor = createExtractor();
  const roles: Role[] = [];
  const profiles: { name: string; profile: SkillProfile }[] = [];
  for (const scenario of readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    const at = new URL(`${scenario}/`, dir);
    const spec = JSON.parse(readFileSync(new URL('role.json', at), 'utf8')) as
      | Role
      | { builtin: string }
      | { jobDescription: string };
    let jobFile: string | null = null;
    if ('builtin' in spec) roles.push(getBuiltinRole(spec.builtin)!);
    else if ('jobDescription' in spec) {
      jobFile = spec.jobDescription;
      roles.push(roleFromJobDescription(readFileSync(new URL(spec.jobDescription, at), 'utf8')));
    } else roles.push(spec);
    for (const file of readdirSync(at)
      .filter((f) => /\.(txt|md)$/.test(f) && f !== jobFile)
      .sort()) {
      const text = readFileSync(new URL(file, at), 'utf8');
      if (text.trim() === '') continue; // the empty-input case of a scenario: no profile to score
      profiles.push({
        name: `${scenario}/${file}`,
        profile: extractor.extract(await parseResume(text, { asOf: '2026-11' }), { asOf: '2026-11' }),
      });
    }
  }
  return { roles, profiles };
}

describe('scoreMatch: shape', () => {
  it('returns a versioned, explained, plain-JSON result', () => {
    const r = score(senior());
    expect(r.version).toBe('2');
    expect(r.role).toEqual({ id: 'test-backend', title: 'Test Back-end Developer' });
    expect(r.requirements.map((q) => q.id)).toEqual([
      'node-js',
      'postgresql',
      'python-or-java',
      'kubernetes',
      'any-database',
    ]);
    expect(r.mustHavesMet).toBe(true);
    expect(r.missingRequired).toEqual([]);
    expect(r.score).toBeGreaterThan(85);
    expect(r.score).toBeLessThanOrEqual(100);
    const node = r.requirements[0]!;
    expect(node).toMatchObject({
      status: 'met',
      via: 'direct',
      skill: { id: 'node-js', name: 'Node.js' },
      months: 60,
      lastUsed: '2026-10',
      importance: 'required',
      weight: 1,
    });
    expect(node.evidence[0]).toMatchObject({ skillId: 'node-js', text: 'Node.js', context: 'experience', strength: 1 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.band).toBe('strong');
    expect(r.breakdown.core).toBeGreaterThan(90);
    expect(r.summary).toMatch(
      /^Score \d+\.\d\d \(strong fit\)\. Meets 2 of 2 must-haves; core 2 of 2, other 3 of 3\. Strongest: .*Node\.js \(5 years, last used 2026-10, in experience\)/,
    );
  });

  it('is deterministic: same input, same bytes', () => {
    const p = senior();
    expect(JSON.stringify(score(p))).toBe(JSON.stringify(score(structuredClone(p))));
  });

  it('rate() gives exactly the numbers match() gives', () => {
    const scorer = createScorer(ROLE, OPTS);
    const profiles = [
      senior(),
      profile([]),
      profile([skill('mysql', [mention('MySQL')], { months: 30, lastUsed: '2020-01' })]),
      profile([skill('node-js', [mention('Node.js', { context: 'skills-list' })])]),
    ];
    for (const p of profiles) {
      const m = scorer.match(p);
      expect(scorer.rate(p)).toEqual({ score: m.score, mustHavesMet: m.mustHavesMet, band: m.band });
    }
  });

  it('rejects misuse with TypeError/RangeError naming the option', () => {
    expect(() => scoreMatch(senior(), {} as never, OPTS)).toThrow(TypeError);
    expect(() => score(senior(), { asOf: '2026' })).toThrow(/`asOf`/);
    expect(() => score(senior(), { relatedDiscount: 2 })).toThrow(RangeError);
    expect(() => score(senior(), { asOf: '2026-13' })).toThrow(RangeError);
    expect(() => score(senior(), { asOf: 202611 as never })).toThrow(RangeError);
    expect(() => score(senior(), { contextWeights: { nowhere: 1 } })).toThrow(/`contextWeights.nowhere`/);
    expect(() => scoreMatch({} as SkillProfile, ROLE, OPTS)).toThrow(/`profile`/);
  });

  it('SCORE_DEFAULTS is frozen', () => {
    expect(Object.isFrozen(SCORE_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(SCORE_DEFAULTS.contextWeights)).toBe(true);
  });
});

describe('evidence strength by context', () => {
  const only = (ctx: Parameters<typeof mention>[1]) =>
    score(profile([skill('node-js', [mention('Node.js', ctx)])])).requirements[0]!.score;
  it('dated experience > undated experience > project > skills list > summary > education > other', () => {
    const order = [
      only({ context: 'experience', entry: 0 }),
      only({ context: 'experience', entry: null }),
      only({ context: 'project' }),
      only({ context: 'skills-list' }),
      only({ context: 'summary' }),
      only({ context: 'education' }),
      only({ context: 'other' }),
    ];
    for (let i = 1; i < order.length; i++) expect(order[i - 1]).toBeGreaterThan(order[i]!);
  });
  it('negated counts nothing; aspiration little', () => {
    const negated = score(profile([skill('kubernetes', [mention('Kubernetes', { negated: true })])]));
    expect(negated.requirements[3]).toMatchObject({ status: 'missing', score: 0, via: null, evidence: [] });
    const learning = score(
      profile([
        skill('kubernetes', [mention('Kubernetes', { aspiration: true, sentence: 'Currently learning Kubernetes.' })]),
      ]),
    );
    const used = score(profile([skill('kubernetes', [mention('Kubernetes')], { months: 12, lastUsed: '2026-10' })]));
    expect(learning.requirements[3]!.score).toBeLessThan(0.05);
    expect(learning.requirements[3]!.status).toBe('missing');
    expect(used.requirements[3]!.score).toBeGreaterThan(learning.requirements[3]!.score * 10);
  });
  it('a basic level or a fuzzy find counts less', () => {
    expect(only({ level: 'basic' })).toBeLessThan(only({}));
    expect(only({ fuzzy: true })).toBeLessThan(only({}));
  });
});

describe('months, minYears and recency', () => {
  // The résumé's latest dated work reaches 2026-11: recency is measured from there.
  const node = (months: number, lastUsed: string | null, claimedYears: number | null = null) =>
    score({
      ...profile([
        skill('node-js', [mention('Node.js', { entry: months > 0 ? 0 : null })], { months, lastUsed, claimedYears }),
      ]),
      experience: {
        months: 120,
        functionMonths: { development: 0, testing: 0, operations: 0, other: 0 },
        latest: '2026-11',
      },
    }).requirements[0]!.score;
  it('saturates: more years help less and less, never past 1', () => {
    const s = [6, 12, 36, 60, 120, 240].map((m) => node(m, '2026-10'));
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThanOrEqual(s[i - 1]!);
    expect(s[1]! - s[0]!).toBeGreaterThan(s[5]! - s[4]!);
    expect(s[5]).toBeLessThanOrEqual(1);
    expect(s[2]).toBeGreaterThan(0.9); // 3 years = minYears: 95% of depth
  });
  it('a skill last used eight years ago counts less than one used now, but not nothing', () => {
    const now = node(48, '2026-11');
    const old = node(48, '2018-10');
    expect(old).toBeLessThan(now * 0.31); // two half-lives of four years, held at the floor of 0.3
    expect(node(48, '2020-11')).toBeCloseTo(now * 0.5 ** 1.5, 3); // six years: 1.5 half-lives
    expect(node(48, '1990-01')).toBeCloseTo(now * SCORE_DEFAULTS.recencyFloor, 3);
  });
  it('claimed years count partly when nothing dated backs the skill', () => {
    expect(node(0, null, 5)).toBeGreaterThan(node(0, null, null));
    expect(node(0, null, 5)).toBeLessThan(node(60, '2026-10'));
  });
});

describe('saturation: volume earns nothing', () => {
  it('the same skill repeated twenty times scores as once', () => {
    const once = score(profile([skill('node-js', [mention('Node.js', { context: 'skills-list' })])]));
    const twenty = score(
      profile([
        skill(
          'node-js',
          Array.from({ length: 20 }, () =>
            mention('Node.js', { context: 'skills-list', sentence: 'Node.js, Node.js, Node.js' }),
          ),
        ),
      ]),
    );
    expect(twenty.score).toBe(once.score);
  });
  it('white-text-style repetition of a sentence counts once and is reported', () => {
    const line = 'Built Node.js services on PostgreSQL.';
    const honest = profile([skill('node-js', [mention('Node.js', { context: 'other', sentence: line })])]);
    const padded = profile([
      skill(
        'node-js',
        Array.from({ length: 30 }, () => mention('Node.js', { context: 'other', sentence: line })),
      ),
    ]);
    const a = score(honest);
    const b = score(padded);
    expect(b.score).toBe(a.score);
    expect(b.requirements[0]!.evidence).toHaveLength(1);
    expect(b.diagnostics.map((d) => d.code)).toContain('repeated-text');
    expect(a.diagnostics.map((d) => d.code)).not.toContain('repeated-text');
  });
  it('a skills section with two hundred technologies is discounted', () => {
    const filler = Array.from({ length: 200 }, (_, i) =>
      skill(`tech-${i}`, [mention(`Tech${i}`, { context: 'skills-list' })]),
    );
    const honest = score(
      profile([
        skill('node-js', [mention('Node.js', { context: 'skills-list' })]),
        skill('postgresql', [mention('PostgreSQL', { context: 'skills-list' })]),
      ]),
    );
    const stuffed = score(
      profile([
        ...filler,
        skill('node-js', [mention('Node.js', { context: 'skills-list' })]),
        skill('postgresql', [mention('PostgreSQL', { context: 'skills-list' })]),
      ]),
    );
    expect(stuffed.score).toBeLessThan(honest.score);
    expect(stuffed.diagnostics.find((d) => d.code === 'skills-list-stuffed')?.message).toMatch(/202 distinct skills/);
    expect(score(senior()).score).toBeGreaterThan(honest.score * 2);
  });
  it('mentions in several contexts add a little, capped below 1', () => {
    const one = score(profile([skill('node-js', [mention('Node.js', { context: 'skills-list' })])])).requirements[0]!
      .score;
    const two = score(
      profile([
        skill('node-js', [mention('Node.js', { context: 'skills-list' }), mention('Node.js', { context: 'summary' })]),
      ]),
    ).requirements[0]!.score;
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThan(one * 1.5);
  });
});

describe('partial credit through the taxonomy', () => {
  it('MySQL earns related credit for PostgreSQL, marked partial', () => {
    const r = score(profile([skill('mysql', [mention('MySQL')], { months: 60, lastUsed: '2026-10' })]));
    const pg = r.requirements[1]!;
    expect(pg).toMatchObject({
      status: 'partial',
      via: 'related',
      skill: { id: 'mysql' },
      creditedAs: { id: 'postgresql', name: 'PostgreSQL' },
    });
    expect(pg.score).toBeCloseTo(0.5 * r.requirements[4]!.score, 3);
    expect(r.summary).toContain('MySQL counted for PostgreSQL (related)');
  });
  it('Django implies Python at the edge weight × impliedDiscount', () => {
    const django = skill('django', [mention('Django')], {
      months: 36,
      lastUsed: '2026-10',
      implied: [{ id: 'python', name: 'Python', weight: 0.9, implied: true }],
    });
    const r = score(profile([django]));
    const lang = r.requirements[2]!;
    expect(lang).toMatchObject({
      status: 'partial',
      via: 'implied',
      skill: { id: 'django' },
      creditedAs: { id: 'python' },
    });
    const direct = score(profile([skill('python', [mention('Python')], { months: 36, lastUsed: '2026-10' })]))
      .requirements[2]!;
    expect(lang.score).toBeCloseTo(direct.score * 0.9 * 0.8, 3);
  });
  it('a direct match beats an implied one', () => {
    const r = score(
      profile([
        skill('django', [mention('Django')], {
          months: 36,
          lastUsed: '2026-10',
          implied: [{ id: 'python', name: 'Python', weight: 0.9, implied: true }],
        }),
        skill('python', [mention('Python')], { months: 36, lastUsed: '2026-10' }),
      ]),
    );
    expect(r.requirements[2]).toMatchObject({ via: 'direct', status: 'met', skill: { id: 'python' } });
  });
  it('anyOf takes its best member; a category its best skill', () => {
    const r = score(
      profile([
        skill('java', [mention('Java', { context: 'skills-list' })]),
        skill('python', [mention('Python')], { months: 48, lastUsed: '2026-10' }),
        skill('redis', [mention('Redis')], { months: 24, lastUsed: '2026-10' }),
        skill('mongodb', [mention('MongoDB', { context: 'skills-list' })]),
      ]),
    );
    expect(r.requirements[2]!.skill?.id).toBe('python');
    expect(r.requirements[4]).toMatchObject({ status: 'met', skill: { id: 'redis' }, label: 'Any databases skill' });
    expect(r.requirements[4]!.alternatives?.map((a) => a.id)).toEqual(['mongodb']);
  });
});

describe('a disclaimed skill (negated or aspiration only) neither gives nor takes inferred credit', () => {
  // The helper taxonomy with Docker and Kubernetes as related siblings, as in the built-in one.
  const TAX = {
    ...TAXONOMY,
    skills: TAXONOMY.skills.map((k) => (k.id === 'docker' ? { ...k, related: ['kubernetes'] } : k)),
  };
  const role = {
    id: 'ops',
    title: 'Ops',
    requirements: [
      { skill: 'kubernetes', importance: 'required' as const },
      { skill: 'docker', importance: 'preferred' as const },
      { skill: 'python', importance: 'preferred' as const },
    ],
  };
  const opts = { taxonomy: TAX, asOf: '2026-11' };
  const run = (skills: Parameters<typeof profile>[0]) => {
    const p = profile(skills);
    const r = scoreMatch(p, role, opts);
    expect(createScorer(role, opts).rate(p)).toEqual({ score: r.score, mustHavesMet: r.mustHavesMet, band: r.band });
    return r;
  };
  const docker = () => skill('docker', [mention('Docker')], { months: 36, lastUsed: '2026-10' });
  const django = (flags: { negated?: boolean; aspiration?: boolean } = {}) =>
    skill('django', [mention('Django', flags)], {
      months: 36,
      lastUsed: '2026-10',
      implied: [{ id: 'python', name: 'Python', weight: 0.9, implied: true }],
    });
  const noKubernetes = () =>
    skill('kubernetes', [
      mention('Kubernetes', { negated: true, sentence: 'No hands-on experience with Kubernetes.' }),
    ]);
  const learningKubernetes = () =>
    skill('kubernetes', [mention('Kubernetes', { aspiration: true, sentence: 'Currently learning Kubernetes.' })]);

  it('without a disclaimer, Docker earns related credit for Kubernetes and Django implied credit for Python', () => {
    const r = run([docker(), django()]);
    expect(r.requirements[0]).toMatchObject({ status: 'partial', via: 'related', skill: { id: 'docker' } });
    expect(r.requirements[2]).toMatchObject({ status: 'partial', via: 'implied', skill: { id: 'django' } });
  });
  it('"No hands-on experience with Kubernetes": Docker earns no Kubernetes credit', () => {
    const r = run([docker(), noKubernetes()]);
    expect(r.requirements[0]).toMatchObject({ status: 'missing', score: 0, via: null, skill: null });
    expect(r.requirements[1]).toMatchObject({ status: 'met', via: 'direct' });
    expect(r.mustHavesMet).toBe(false);
  });
  it('nor does the negated Kubernetes earn Docker credit', () => {
    expect(run([noKubernetes()]).requirements[1]).toMatchObject({ status: 'missing', score: 0, via: null });
  });
  it('the disclaimer holds whichever skill comes first in the profile', () => {
    // "docker" sorts before "kubernetes": here the disclaimed skill is read before the one that would credit it.
    const noDocker = skill('docker', [mention('Docker', { negated: true, sentence: 'No Docker.' })]);
    const kubernetes = skill('kubernetes', [mention('Kubernetes')], { months: 24, lastUsed: '2026-10' });
    const r = run([noDocker, kubernetes]);
    expect(r.requirements[1]).toMatchObject({ status: 'missing', score: 0, via: null });
    expect(r.requirements[0]).toMatchObject({ status: 'met', via: 'direct' });
  });
  it('"Currently learning Kubernetes": only its own aspiration counts for Kubernetes, and it earns Docker nothing', () => {
    const alone = run([learningKubernetes()]);
    const withDocker = run([docker(), learningKubernetes()]);
    expect(withDocker.requirements[0]).toMatchObject({ via: 'direct', skill: { id: 'kubernetes' } });
    expect(withDocker.requirements[0]!.score).toBe(alone.requirements[0]!.score);
    expect(alone.requirements[1]).toMatchObject({ status: 'missing', score: 0, via: null });
  });
  it('a negated Python takes no implied credit from Django; an aspiration-only Django gives none', () => {
    const noPython = skill('python', [
      mention('Python', { negated: true, sentence: 'No experience with Python outside Django.' }),
    ]);
    expect(run([django(), noPython]).requirements[2]).toMatchObject({ status: 'missing', score: 0, via: null });
    // A profile from older JSON may still carry the implied list of an aspiration-only skill.
    expect(run([django({ aspiration: true })]).requirements[2]).toMatchObject({
      status: 'missing',
      score: 0,
      via: null,
    });
    expect(run([django({ negated: true })]).requirements[2]).toMatchObject({ status: 'missing', score: 0, via: null });
    // Negated once and an aspiration elsewhere: still disclaimed; only the aspiration's own (small) credit counts.
    const learningPython = skill('python', [
      mention('Python', { negated: true, sentence: 'No Python 2.' }),
      mention('Python', { aspiration: true }),
    ]);
    const alone = run([learningPython]).requirements[2]!;
    expect(run([django(), learningPython]).requirements[2]).toMatchObject({
      status: 'missing',
      via: 'direct',
      skill: { id: 'python' },
      score: alone.score,
    });
  });
  it('one positive mention is enough: a skill also used for real keeps giving and taking inferred credit', () => {
    const usedDjango = skill(
      'django',
      [mention('Django', { negated: true }), mention('Django', { context: 'project' })],
      { months: 0, implied: [{ id: 'python', name: 'Python', weight: 0.9, implied: true }] },
    );
    expect(run([usedDjango]).requirements[2]).toMatchObject({ status: 'partial', via: 'implied' });
    const usedKubernetes = skill('kubernetes', [
      mention('Kubernetes', { negated: true, sentence: 'No Kubernetes in production.' }),
      mention('Kubernetes', { context: 'project' }),
    ]);
    expect(run([usedKubernetes]).requirements[1]).toMatchObject({ status: 'partial', via: 'related' });
  });
  it('end to end on the built-in taxonomy: "No experience with Kubernetes." beside dated Docker work', async () => {
    const { createMatcher } = await import('../src/rank/matcher.js');
    const text =
      'Jane Roe\n\nExperience\nPlatform Engineer, Acme Ltd\nJan 2020 – Present\n- Built and shipped services with Docker.\n- No experience with Kubernetes.\n';
    const builtinRole = {
      id: 'k8s',
      title: 'K8s',
      requirements: [
        { skill: 'kubernetes', importance: 'required' as const },
        { skill: 'docker', importance: 'required' as const },
      ],
    };
    const matcher = createMatcher();
    try {
      const r = await matcher.match(text, builtinRole, { asOf: '2026-11', isolate: false });
      expect(r.requirements[1]).toMatchObject({ status: 'met', via: 'direct' });
      expect(r.requirements[0]).toMatchObject({ status: 'missing', score: 0, via: null });
      const silent = await matcher.match(
        text.replace('No experience with Kubernetes.', 'Some shell scripting.'),
        builtinRole,
        { asOf: '2026-11', isolate: false },
      );
      expect(silent.requirements[0]).toMatchObject({ status: 'partial', via: 'related' });
    } finally {
      await matcher.close();
    }
  });
});

describe('tiers and must-haves', () => {
  it('required outweighs preferred outweighs bonus', () => {
    const role = {
      id: 'tiers',
      title: 'Tiers',
      requirements: [
        { skill: 'node-js', importance: 'required' as const },
        { skill: 'python', importance: 'preferred' as const },
        { skill: 'redis', importance: 'bonus' as const },
      ],
    };
    const has = (...ids: string[]) =>
      scoreMatch(profile(ids.map((id) => skill(id, [mention(id)], { months: 36, lastUsed: '2026-10' }))), role, OPTS)
        .score;
    expect(has('node-js', 'python')).toBeGreaterThan(has('node-js', 'redis'));
    expect(has('node-js', 'redis')).toBeGreaterThan(has('node-js'));
    expect(has('node-js')).toBeGreaterThan(0);
    // The periphery is a bonus on the core, never a stand-in for it: without core evidence it is worth a
    // twentieth of its share, enough to order candidates who have no core, never to pass one who has.
    expect(has('python', 'redis')).toBeGreaterThan(0);
    expect(has('python', 'redis')).toBeLessThan(has('node-js') / 4);
  });
  it('missing a required requirement is marked and listed', () => {
    const r = score(profile([skill('node-js', [mention('Node.js')], { months: 60, lastUsed: '2026-10' })]));
    expect(r.mustHavesMet).toBe(false);
    expect(r.missingRequired).toEqual(['PostgreSQL']);
    expect(r.summary).toContain('Meets 1 of 2 must-haves (missing: PostgreSQL)');
  });
  it('weights and tiers can be overridden', () => {
    const base = score(senior()).score;
    expect(score(senior(), { tierWeights: { preferred: 0 }, categoryTopK: 1 }).score).not.toBe(base);
  });
});

describe('absent data is never agreement', () => {
  it('a résumé with no readable text scores 0 with the parse diagnostics and a reason', () => {
    const p: SkillProfile = {
      ...profile([], 0),
      diagnostics: [{ severity: 'warning', code: 'no-text-layer', message: 'image only', source: 'parse' }],
    };
    const r = score(p);
    expect(r.score).toBe(0);
    expect(r.mustHavesMet).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['no-text-layer', 'no-readable-text']);
    expect(r.summary).toMatch(/^Scores 0: the résumé has no readable text/);
    expect(createScorer(ROLE, OPTS).rate(p)).toEqual({ score: 0, mustHavesMet: false, band: 'unlikely' });
  });
  it('no skills found scores 0, not a neutral middle', () => {
    const r = score(profile([], 300));
    expect(r.score).toBe(0);
    expect(r.requirements.every((q) => q.status === 'missing')).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toContain('no-skills-found');
  });
  it('skills the role does not ask for earn nothing', () => {
    expect(score(profile([skill('react', [mention('React')], { months: 60, lastUsed: '2026-10' })])).score).toBe(0);
  });
});

describe('end to end: stuffing and white text earn nothing over honest use', () => {
  const role = {
    id: 'stuff',
    title: 'Stuff',
    requirements: [
      { skill: 'nodejs', importance: 'required' as const, minYears: 3 },
      { skill: 'postgresql', importance: 'required' as const },
      { skill: 'redis', importance: 'preferred' as const },
    ],
  };
  const honest = [
    'Logan Ferreira',
    '',
    'EXPERIENCE',
    'Back-end Engineer, Woodgrove Bank',
    'May 2022 – Present',
    '- Built Node.js services on PostgreSQL.',
    '',
    'SKILLS',
    'Node.js, PostgreSQL, Redis',
    '',
  ].join('\n');
  const run = async (text: string) => {
    const { createMatcher } = await import('../src/rank/matcher.js');
    const matcher = createMatcher();
    try {
      return await matcher.match(text, role, { asOf: '2026-11', isolate: false });
    } finally {
      await matcher.close();
    }
  };

  it('the skills line pasted twenty times scores as once', async () => {
    const a = await run(honest);
    const b = await run(
      honest.replace(
        'Node.js, PostgreSQL, Redis',
        Array.from({ length: 20 }, () => 'Node.js, PostgreSQL, Redis').join('\n'),
      ),
    );
    expect(a.score).toBeGreaterThan(50);
    expect(b.score).toBe(a.score);
  });

  it('an experience line pasted forty times (white text) scores as once, and is reported', async () => {
    const a = await run(honest);
    const line = '- Built Node.js services on PostgreSQL.';
    const b = await run(honest.replace(line, Array.from({ length: 40 }, () => line).join('\n')));
    expect(b.score).toBe(a.score);
    expect(b.diagnostics.some((d) => d.code === 'repeated-text' && d.source === 'score')).toBe(true);
  });

  it('a two-hundred-technology skills section discounts listed-only skills', async () => {
    const { builtinTaxonomy } = await import('../src/taxonomy/builtin.js');
    const names = builtinTaxonomy()
      .skills.filter(
        (k) =>
          !k.ambiguous &&
          ['databases', 'frontend', 'backend-frameworks', 'data-science-and-ml'].includes(k.category) &&
          !/[,()]/.test(k.name) &&
          !['nodejs', 'postgresql', 'redis'].includes(k.id),
      )
      .map((k) => k.name)
      .slice(0, 200);
    expect(names.length).toBe(200);
    const a = await run(honest);
    const b = await run(
      honest.replace('Node.js, PostgreSQL, Redis', `Node.js, PostgreSQL, Redis, ${names.join(', ')}`),
    );
    expect(b.diagnostics.some((d) => d.code === 'skills-list-stuffed')).toBe(true);
    expect(b.score).toBeLessThan(a.score);
    // Dated use is untouched by the discount: Node.js keeps its score.
    expect(b.requirements[0]!.score).toBeCloseTo(a.requirements[0]!.score, 2);
  });
});

describe('rate() equals match() on many profiles', () => {
  /** Seeded, so a failure names a reproducible profile. */
  function mulberry32(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const expectSame = (scorer: ReturnType<typeof createScorer>, p: SkillProfile, what: string) => {
    const m = scorer.match(p);
    expect(scorer.rate(p), what).toEqual({ score: m.score, mustHavesMet: m.mustHavesMet, band: m.band });
  };

  it('on every résumé of the ranking scenarios, against every scenario role', async () => {
    const { roles, profiles } = await scenarioCases();
    expect(roles.length).toBeGreaterThanOrEqual(12);
    expect(profiles.length).toBeGreaterThanOrEqual(40);
    let credited = 0;
    for (const role of roles) {
      for (const options of [
        { asOf: '2026-11' },
        { asOf: '2030-01', categoryTopK: 3, aspirationWeight: 1, contextWeights: { 'skills-list': 1 } },
      ]) {
        const scorer = createScorer(role, options);
        for (const { name, profile: p } of profiles) {
          expectSame(scorer, p, `${role.id} ${name}`);
          if (scorer.rate(p).score > 0) credited++;
        }
      }
    }
    // The comparison means something only if most pairs score above 0.
    expect(credited).toBeGreaterThan(roles.length * profiles.length * 0.5);
  }, 60_000);

  it('on 3,000 random profiles (known, unknown, related, implying skills; every context, flag and level; odd dates)', async () => {
    const { builtinTaxonomy } = await import('../src/taxonomy/builtin.js');
    const { getBuiltinRole } = await import('../src/role/builtin.js');
    const taxonomy = builtinTaxonomy();
    const random = mulberry32(20261125);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const backend = getBuiltinRole('backend-developer')!;
    const members = backend.requirements.flatMap((q) => ('skill' in q ? [q.skill] : 'anyOf' in q ? q.anyOf : []));
    const byId = new Map(taxonomy.skills.map((k) => [k.id, k]));
    const near = taxonomy.skills.filter(
      (k) =>
        members.includes(k.id) ||
        k.related?.some((r) => members.includes(r)) ||
        k.implies?.some((e) => members.includes(e.id)) ||
        k.category === 'databases',
    );
    const ids = [
      ...members,
      ...near.map((k) => k.id),
      ...taxonomy.skills.slice(0, 200).map((k) => k.id),
      'x-unknown-a',
      'x-unknown-b',
      'x-unknown-c',
    ];
    const contexts = [
      'experience',
      'project',
      'skills-list',
      'summary',
      'education',
      'certification',
      'other',
    ] as const;
    const levels = [undefined, undefined, undefined, 'expert', 'advanced', 'intermediate', 'basic'] as const;
    const month = (): string | null =>
      random() < 0.3
        ? null
        : `${1995 + Math.floor(random() * 40)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
    const randomProfile = (): SkillProfile => {
      const chosen = [
        ...new Set(Array.from({ length: Math.floor(random() * (random() < 0.05 ? 90 : 25)) }, () => pick(ids))),
      ].sort();
      return profile(
        chosen.map((id) => {
          const known = byId.get(id);
          const mentions = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
            mention(id, {
              context: pick(contexts),
              entry: random() < 0.5 ? null : 0,
              negated: random() < 0.1,
              aspiration: random() < 0.1,
              fuzzy: random() < 0.1,
              level: pick(levels),
            }),
          );
          // Mostly the taxonomy's own implies edges (as extraction writes them), sometimes a list the taxonomy does not back.
          const implied = (random() < 0.9 ? (known?.implies ?? []) : [{ id: pick(members), weight: 0.7 }]).map((e) => ({
            id: e.id,
            name: e.id,
            weight: e.weight,
            implied: true as const,
          }));
          const s = skill(id, mentions, {
            months: random() < 0.4 ? 0 : random() < 0.9 ? Math.floor(random() * 200) : random() * 2000,
            lastUsed: month(),
            claimedYears: random() < 0.2 ? Math.round(random() * 200) / 10 : null,
            implied,
          });
          return known
            ? { ...s, name: known.name, category: known.category }
            : { ...s, category: pick(['databases', 'frontend', 'x-cat']) };
        }),
      );
    };
    const withCategory: Role = {
      id: 'mixed',
      title: 'Mixed',
      requirements: [
        ...backend.requirements.slice(0, 6),
        { category: 'databases', importance: 'preferred' },
        { category: 'frontend', importance: 'bonus', minYears: 5 },
      ],
    };
    const scorers = [
      createScorer(backend, { asOf: '2026-11' }),
      createScorer(withCategory, { asOf: '2026-11', categoryTopK: 2 }),
      createScorer(withCategory, {
        asOf: '2015-06',
        aspirationWeight: 1,
        undatedExperience: 1,
        levelWeights: { basic: 1 },
        skillsListLimit: 10,
      }),
    ];
    let nonZero = 0;
    for (let i = 0; i < 1000; i++) {
      const p = randomProfile();
      for (const scorer of scorers) {
        expectSame(scorer, p, `profile ${i} on ${scorer.role.id}`);
        if (scorer.rate(p).score > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(2000);
  }, 60_000);
});

describe('evidence bits (ExtractedSkill.evidence)', () => {
  it('record where plain mentions sit, skills-list use, flagged-only contexts and disclaimers', async () => {
    const { evidenceBits } = await import('../src/util/evidence.js');
    expect(evidenceBits([mention('Go')])).toBe(1);
    expect(evidenceBits([mention('Go', { entry: null }), mention('Go', { context: 'skills-list' })])).toBe(2 | 8 | 256);
    expect(
      evidenceBits(
        ['project', 'summary', 'education', 'certification', 'other'].map((c) =>
          mention('Go', { context: c as never }),
        ),
      ),
    ).toBe(4 | 16 | 32 | 64 | 128);
    // A flagged mention beside a plain one in the same context changes nothing; alone in a context it is flagged.
    expect(evidenceBits([mention('Go'), mention('Go', { level: 'expert' }), mention('Go', { fuzzy: true })])).toBe(1);
    expect(evidenceBits([mention('Go'), mention('Go', { context: 'skills-list', level: 'basic' })])).toBe(
      1 | 256 | 512,
    );
    expect(evidenceBits([mention('Go', { aspiration: true })])).toBe(512 | 1024);
    expect(evidenceBits([mention('Go', { negated: true })])).toBe(1024);
    expect(evidenceBits([mention('Go', { negated: true }), mention('Go', { context: 'project' })])).toBe(4);
    expect(evidenceBits([mention('Go', { negated: true, context: 'skills-list' })])).toBe(1024);
    expect(evidenceBits([])).toBe(0);
    // The month of last use, plus one, above the flags (2026-11 is 2026 × 12 + 11); none when it is null or malformed.
    expect(evidenceBits([mention('Go')], '2026-11')).toBe(1 + (2026 * 12 + 11) * 2048);
    expect(Math.floor(evidenceBits([mention('Go')], '0000-01') / 2048)).toBe(1);
    expect(evidenceBits([mention('Go')], null)).toBe(1);
    expect(evidenceBits([mention('Go')], '2026')).toBe(1);
    const ms = [
      mention('Go', { context: 'project' }),
      mention('Go', { context: 'other', fuzzy: true }),
      mention('Go', { context: 'project' }),
    ];
    expect(evidenceBits([...ms].reverse())).toBe(evidenceBits(ms));
  });

  it("extraction stores the bits of each skill's mentions", async () => {
    const { extractSkills } = await import('../src/extract/index.js');
    const { evidenceBits } = await import('../src/util/evidence.js');
    const p = extractSkills(
      'Experience\nEngineer, Acme\n2020 – 2024\nBuilt Go services on PostgreSQL. Learning Rust.\n\nSkills\nGo, Docker, Kubernetes (basic)\n',
      { asOf: '2026-11' },
    );
    expect(p.skills.length).toBeGreaterThan(3);
    for (const k of p.skills) expect(k.evidence, k.id).toBe(evidenceBits(k.mentions, k.lastUsed));
    const go = p.skills.find((k) => k.id === 'go')!;
    expect(go.lastUsed).toBe('2024-12');
    expect(go.evidence).toBe((1 | 8 | 256) + (2024 * 12 + 12) * 2048);
  });

  /** Scores a profile with its bits and without them (as saved before they existed): both must give the same bytes. */
  const expectBothPaths = async (scorer: ReturnType<typeof createScorer>, p: SkillProfile, what: string) => {
    const { evidenceBits } = await import('../src/util/evidence.js');
    const withSummaries: SkillProfile = {
      ...p,
      skills: p.skills.map((k) => ({ ...k, evidence: evidenceBits(k.mentions, k.lastUsed) })),
    };
    const without: SkillProfile = { ...p, skills: p.skills.map(({ evidence: _evidence, ...k }) => k) };
    const a = scorer.match(withSummaries);
    expect(JSON.stringify(scorer.match(without)), what).toBe(JSON.stringify(a));
    expect(scorer.rate(withSummaries), what).toEqual({ score: a.score, mustHavesMet: a.mustHavesMet, band: a.band });
    expect(scorer.rate(without), what).toEqual({ score: a.score, mustHavesMet: a.mustHavesMet, band: a.band });
    return a.score;
  };

  it('give exactly the scores of the mentions, on every ranking-scenario résumé and role', async () => {
    const { roles, profiles } = await scenarioCases();
    let credited = 0;
    for (const role of roles) {
      for (const options of [
        { asOf: '2026-11' },
        { asOf: '2030-01', aspirationWeight: 1, fuzzyWeight: 0.2, levelWeights: { expert: 0.3 }, skillsListLimit: 5 },
      ]) {
        const scorer = createScorer(role, options);
        for (const { name, profile: p } of profiles)
          if ((await expectBothPaths(scorer, p, `${role.id} ${name}`)) > 0) credited++;
      }
    }
    expect(credited).toBeGreaterThan(roles.length * profiles.length * 0.6);
  }, 60_000);

  it('give exactly the scores of the mentions on 1,000 random profiles (every context, flag, level; stuffed lists)', async () => {
    const { builtinTaxonomy } = await import('../src/taxonomy/builtin.js');
    const { getBuiltinRole } = await import('../src/role/builtin.js');
    const taxonomy = builtinTaxonomy();
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const backend = getBuiltinRole('backend-developer')!;
    const members = backend.requirements.flatMap((q) => ('skill' in q ? [q.skill] : 'anyOf' in q ? q.anyOf : []));
    const ids = [
      ...members,
      ...taxonomy.skills
        .filter((k) => k.category === 'databases' || k.implies?.length)
        .slice(0, 150)
        .map((k) => k.id),
      'docker',
      'kubernetes',
      'x-unknown',
    ];
    const contexts = [
      'experience',
      'project',
      'skills-list',
      'summary',
      'education',
      'certification',
      'other',
    ] as const;
    const levels = [undefined, undefined, 'expert', 'advanced', 'intermediate', 'basic'] as const;
    const role: Role = {
      id: 'mixed',
      title: 'Mixed',
      requirements: [...backend.requirements, { category: 'databases', importance: 'bonus' }],
    };
    const scorers = [
      createScorer(role, { asOf: '2026-11' }),
      createScorer(role, {
        asOf: '2026-11',
        skillsListLimit: 8,
        aspirationWeight: 0.6,
        fuzzyWeight: 0.3,
        levelWeights: { expert: 0.2, basic: 1 },
        categoryTopK: 2,
      }),
    ];
    let nonZero = 0;
    for (let i = 0; i < 1000; i++) {
      const chosen = [...new Set(Array.from({ length: 1 + Math.floor(random() * 25) }, () => pick(ids)))].sort();
      const p = profile(
        chosen.map((id) =>
          skill(
            id,
            Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
              mention(id, {
                context: pick(contexts),
                entry: random() < 0.5 ? null : 0,
                negated: random() < 0.15,
                aspiration: random() < 0.15,
                fuzzy: random() < 0.15,
                level: pick(levels),
              }),
            ),
            {
              months: random() < 0.5 ? 0 : Math.floor(random() * 150),
              lastUsed:
                random() < 0.3
                  ? null
                  : random() < 0.05
                    ? pick(['2026', '', 'abcd-ef', '1890-13', '9999-12'])
                    : `${1980 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}`,
              claimedYears: random() < 0.2 ? 4 : null,
            },
          ),
        ),
      );
      for (const scorer of scorers) if ((await expectBothPaths(scorer, p, `profile ${i}`)) > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(1000);
  }, 60_000);

  it('the implies closure the scorer uses is the one extraction writes into `implied`', async () => {
    const { builtinTaxonomy } = await import('../src/taxonomy/builtin.js');
    const { createExtractor } = await import('../src/extract/index.js');
    const { impliedClosure } = await import('../src/taxonomy/implied.js');
    const { liveSkills } = await import('../src/taxonomy/alias-index.js');
    const taxonomy = builtinTaxonomy();
    const live = liveSkills(taxonomy);
    const extractor = createExtractor(taxonomy);
    const implying = taxonomy.skills.filter((k) => (k.implies?.length ?? 0) > 0 && live.has(k.id));
    let checked = 0;
    for (const k of implying) {
      const found = extractor
        .extract(`Experience\nEngineer, Acme\n2020 – 2024\nBuilt services with ${k.name}.\n`, { asOf: '2026-11' })
        .skills.find((s) => s.id === k.id);
      if (!found || found.implied.length === 0) continue;
      expect(
        found.implied.map((i) => ({ id: i.id, weight: i.weight })),
        k.id,
      ).toEqual(impliedClosure(k.id, live));
      checked++;
    }
    expect(checked).toBeGreaterThan(implying.length * 0.7);
  }, 60_000);
});

describe('category labels', () => {
  it.each(['constructor', 'toString', '__proto__'])(
    'a custom category named %s is labelled by its own name, not a method of Object.prototype',
    (category) => {
      // Read from JSON, as a custom taxonomy is: its category names are whatever the file says.
      const taxonomy = JSON.parse(
        JSON.stringify({ version: 'test', skills: [{ id: 'acme-flow', name: 'Acme Flow', category, aliases: [] }] }),
      ) as Taxonomy;
      const role = JSON.parse(
        JSON.stringify({ id: 'r', title: 'R', requirements: [{ category, importance: 'required' }] }),
      ) as Role;
      const p = profile([{ ...skill('acme-flow', [mention('Acme Flow')]), category } as ExtractedSkill]);
      const r = scoreMatch(p, role, { taxonomy, asOf: '2026-11' });
      expect(r.requirements[0]!.label).toBe(`Any ${category.replace(/-/g, ' ')} skill`);
    },
  );
});

describe('ordinals (ExtractedSkill.ordinal)', () => {
  it("extraction writes each skill's position in the taxonomy it extracted with", async () => {
    const { builtinTaxonomy } = await import('../src/taxonomy/builtin.js');
    const { mergeTaxonomy } = await import('../src/taxonomy/merge.js');
    const { createExtractor } = await import('../src/extract/index.js');
    const text =
      'Experience\nEngineer, Acme\n2020 – 2024\nBuilt Spring Boot services on PostgreSQL and Amazon Web Services.\n\nSkills\nGo, Docker, Kubernetes, Acme Flow\n';
    const builtin = builtinTaxonomy();
    // A custom skill whose id sorts first moves every built-in skill one place on.
    const merged = mergeTaxonomy(builtin, {
      category: 'ci-cd-and-devops-tools',
      skills: [{ id: '0-acme-flow', name: 'Acme Flow', category: 'ci-cd-and-devops-tools', aliases: [] }],
    });
    expect(merged.skills[0]!.id).toBe('0-acme-flow');
    for (const taxonomy of [builtin, merged]) {
      const p = createExtractor(taxonomy).extract(text, { asOf: '2026-11' });
      expect(p.skills.length).toBeGreaterThan(5);
      for (const k of p.skills) expect(taxonomy.skills[k.ordinal!]?.id, k.id).toBe(k.id);
    }
    const ofMerged = createExtractor(merged).extract(text, { asOf: '2026-11' });
    expect(ofMerged.skills.some((k) => k.id === '0-acme-flow' && k.ordinal === 0)).toBe(true);
    // JSON keeps it (a saved profile scores as fast as a fresh one).
    expect(JSON.parse(JSON.stringify(ofMerged)).skills[1].ordinal).toBe(ofMerged.skills[1]!.ordinal);
  });

  it('a wrong, stale or foreign ordinal changes no score: the id decides', async () => {
    const { builtinTaxonomy } = await import('../src/taxonomy/builtin.js');
    const { mergeTaxonomy } = await import('../src/taxonomy/merge.js');
    const { createExtractor } = await import('../src/extract/index.js');
    const { parseResume } = await import('../src/parse/index.js');
    const { roles, profiles } = await scenarioCases();
    const size = builtinTaxonomy().skills.length;
    const variants: [string, (k: SkillProfile['skills'][number], i: number) => unknown][] = [
      ['shifted by one', (k) => k.ordinal! + 1],
      ['reversed', (k) => size - 1 - k.ordinal!],
      ['out of range', (_k, i) => [-1, size, size + 7, 2 ** 31][i % 4]],
      ['not integers', (_k, i) => [0.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null][i % 5]],
    ];
    let compared = 0;
    for (const role of roles) {
      const scorer = createScorer(role, { asOf: '2026-11' });
      for (const { name, profile: p } of profiles) {
        expect(p.skills.every((k) => typeof k.ordinal === 'number')).toBe(true);
        const bare: SkillProfile = { ...p, skills: p.skills.map(({ ordinal: _ordinal, ...k }) => k) };
        const expected = JSON.stringify(scorer.match(bare));
        const rating = scorer.rate(bare);
        expect(JSON.stringify(scorer.match(p)), `${role.id} ${name}`).toBe(expected);
        expect(scorer.rate(p)).toEqual(rating);
        for (const [what, ordinal] of variants) {
          const odd = { ...p, skills: p.skills.map((k, i) => ({ ...k, ordinal: ordinal(k, i) as number })) };
          expect(JSON.stringify(scorer.match(odd)), `${role.id} ${name}, ${what}`).toBe(expected);
          expect(scorer.rate(odd), `${role.id} ${name}, ${what}`).toEqual(rating);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    // Profiles extracted with a merged taxonomy (every ordinal one place on), scored with the built-in one and the other way round.
    const merged = mergeTaxonomy(builtinTaxonomy(), {
      category: 'ci-cd-and-devops-tools',
      skills: [{ id: '0-acme-flow', name: 'Acme Flow', category: 'ci-cd-and-devops-tools', aliases: [] }],
    });
    const text =
      'Experience\nEngineer, Acme\n2019 – 2024\nBuilt Node.js and Spring Boot services on PostgreSQL, Redis and Amazon Web Services.\n\nSkills\nTypeScript, Docker, Kubernetes, Acme Flow\n';
    const doc = await parseResume(text, { asOf: '2026-11' });
    const foreign = createExtractor(merged).extract(doc, { asOf: '2026-11' });
    const native = createExtractor().extract(doc, { asOf: '2026-11' });
    const role = roles[0]!;
    for (const [p, taxonomy] of [
      [foreign, builtinTaxonomy()],
      [native, merged],
    ] as const) {
      const scorer = createScorer(role, { asOf: '2026-11', taxonomy });
      const bare: SkillProfile = { ...p, skills: p.skills.map(({ ordinal: _ordinal, ...k }) => k) };
      expect(scorer.rate(p).score).toBeGreaterThan(0);
      expect(JSON.stringify(scorer.match(p))).toBe(JSON.stringify(scorer.match(bare)));
    }
  }, 60_000);
});

describe('the recruiter model: core first, depth from a stack, a capped periphery', () => {
  const dated = (id: string, months = 48, implied: { id: string; weight: number }[] = []) =>
    skill(id, [mention(id)], {
      months,
      lastUsed: '2026-10',
      implied: implied.map((i) => ({ ...i, name: i.id, implied: true as const })),
    });
  const listed = (id: string, implied: { id: string; weight: number }[] = []) =>
    skill(id, [mention(id, { context: 'skills-list' })], {
      implied: implied.map((i) => ({ ...i, name: i.id, implied: true as const })),
    });
  const TAX = {
    ...TAXONOMY,
    skills: [
      ...TAXONOMY.skills,
      {
        id: 'flask',
        name: 'Flask',
        category: 'backend-frameworks' as const,
        aliases: [],
        implies: [{ id: 'python', weight: 0.9 }],
      },
      {
        id: 'sqlalchemy',
        name: 'SQLAlchemy',
        category: 'orms-and-data-access' as const,
        aliases: [],
        implies: [{ id: 'python', weight: 0.85 }],
      },
    ].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
  const role: Role = {
    id: 'stack',
    title: 'Stack',
    function: 'development',
    requirements: [
      { id: 'language', anyOf: ['python', 'java'], importance: 'required', weight: 3 },
      { skill: 'postgresql', importance: 'required', weight: 2 },
      { skill: 'kubernetes', importance: 'preferred' },
      { skill: 'docker', importance: 'preferred' },
      { skill: 'redis', importance: 'bonus' },
    ],
  };
  const opts = { taxonomy: TAX, asOf: '2026-11' };
  const run = (skills: Parameters<typeof profile>[0], extra: Partial<SkillProfile> = {}) => {
    const p = { ...profile(skills), ...extra };
    const m = scoreMatch(p, role, opts);
    expect(createScorer(role, opts).rate(p)).toEqual({ score: m.score, mustHavesMet: m.mustHavesMet, band: m.band });
    return m;
  };
  const py = [{ id: 'python', weight: 0.9 }];

  it('a framework and a data-access layer add depth to their language, the best credit counting in full', () => {
    const alone = run([listed('python')]).requirements[0]!;
    const stack = run([listed('python'), listed('flask', py), listed('sqlalchemy', [{ id: 'python', weight: 0.85 }])])
      .requirements[0]!;
    expect(stack.score).toBeGreaterThan(alone.score * 1.2);
    expect(stack.skill?.id).toBe('python');
    expect(stack.supporting?.map((s) => s.id)).toEqual(['flask', 'sqlalchemy']);
  });

  it('depth stays within one member: Python with Java listed is not deeper Python', () => {
    const python = run([listed('python')]).requirements[0]!.score;
    const both = run([listed('python'), listed('java')]).requirements[0]!.score;
    expect(both).toBe(python);
  });

  it('only the three next credits add depth, so a listed zoo of implying skills adds no more than three', () => {
    const zoo = Array.from({ length: 12 }, (_, i) => listed(`py-lib-${String(i).padStart(2, '0')}`, py));
    const three = zoo.slice(0, 3);
    const a = run([listed('python'), ...three]).requirements[0]!.score;
    const b = run([listed('python'), ...zoo]).requirements[0]!.score;
    expect(b).toBe(a);
  });

  it('the periphery is a capped bonus: it never lifts a weaker core over a stronger one', () => {
    const strongCore = run([dated('python', 60), dated('postgresql', 60)]);
    const weakCoreEverything = run([
      listed('python'),
      listed('postgresql'),
      dated('kubernetes', 60),
      dated('docker', 60),
      dated('redis', 60),
    ]);
    expect(strongCore.breakdown.core).toBeGreaterThan(weakCoreEverything.breakdown.core);
    expect(strongCore.score).toBeGreaterThan(weakCoreEverything.score);
    expect(weakCoreEverything.breakdown.periphery).toBeGreaterThan(90);
    // With the core equal, the periphery orders: the same core plus Docker ranks higher.
    expect(run([dated('python', 60), dated('postgresql', 60), dated('docker', 60)]).score).toBeGreaterThan(
      strongCore.score,
    );
    // At most `peripheryShare` of the score hangs on the periphery.
    const full = run([
      dated('python', 60),
      dated('postgresql', 60),
      dated('kubernetes', 60),
      dated('docker', 60),
      dated('redis', 60),
    ]);
    expect(strongCore.score / full.score).toBeGreaterThanOrEqual((1 - SCORE_DEFAULTS.peripheryShare) ** 0.61);
  });

  it("a developer's listed skills take depth from the résumé's development months; a tester's do not", () => {
    const skills = [listed('python'), listed('postgresql')];
    const developer = run(skills, {
      experience: {
        months: 60,
        functionMonths: { development: 60, testing: 0, operations: 0, other: 0 },
        latest: '2026-10',
      },
    });
    const tester = run(skills, {
      experience: {
        months: 60,
        functionMonths: { development: 0, testing: 60, operations: 0, other: 0 },
        latest: '2026-10',
      },
    });
    const untitled = run(skills, {
      experience: {
        months: 60,
        functionMonths: { development: 0, testing: 0, operations: 0, other: 0 },
        latest: '2026-10',
      },
    });
    expect(developer.score).toBeGreaterThan(untitled.score * 1.3);
    // Titles that say the work was testing cost a development role's core; titles that say nothing cost nothing.
    expect(tester.breakdown.focus).toBeCloseTo(100 * (1 - SCORE_DEFAULTS.functionMismatch), 5);
    expect(untitled.breakdown.focus).toBe(100);
    expect(tester.score).toBeLessThan(untitled.score);
    expect(tester.summary).toMatch(/Job titles: 0 years of dated work titled as development.*core counts 70%/);
    // A role that names no kind of work reads no titles.
    const { function: _f, ...plain } = role;
    const s = {
      ...profile(skills),
      experience: {
        months: 60,
        functionMonths: { development: 0, testing: 60, operations: 0, other: 0 },
        latest: '2026-10',
      },
    };
    expect(scoreMatch(s, plain, opts).breakdown.focus).toBe(100);
    // Dated months of the skill itself still beat the credit.
    expect(run([dated('python', 60), dated('postgresql', 60)]).score).toBeGreaterThan(developer.score);
  });

  it("recency is measured from the résumé's latest dated month, whatever the calendar says", () => {
    const old = [dated('python', 48), dated('postgresql', 48)].map((s) => ({ ...s, lastUsed: '2018-06' }));
    const asOfNow = scoreMatch(
      {
        ...profile(old),
        experience: {
          months: 48,
          functionMonths: { development: 48, testing: 0, operations: 0, other: 0 },
          latest: '2018-06',
        },
      },
      role,
      { taxonomy: TAX, asOf: '2026-11' },
    );
    const asOfThen = scoreMatch(
      {
        ...profile(old),
        experience: {
          months: 48,
          functionMonths: { development: 48, testing: 0, operations: 0, other: 0 },
          latest: '2018-06',
        },
      },
      role,
      { taxonomy: TAX, asOf: '2018-06' },
    );
    expect(asOfNow.score).toBe(asOfThen.score);
    // A skill last used long before the résumé's latest work counts less.
    const stale = run([{ ...dated('python', 48), lastUsed: '2012-01' }, dated('postgresql', 48)], {
      experience: {
        months: 120,
        functionMonths: { development: 120, testing: 0, operations: 0, other: 0 },
        latest: '2026-10',
      },
    });
    const fresh = run([dated('python', 48), dated('postgresql', 48)], {
      experience: {
        months: 120,
        functionMonths: { development: 120, testing: 0, operations: 0, other: 0 },
        latest: '2026-10',
      },
    });
    expect(stale.requirements[0]!.score).toBeLessThan(fresh.requirements[0]!.score * 0.5);
  });

  it('an anyOf requirement takes no related-sibling credit; a single skill does', () => {
    const tax = {
      ...TAX,
      skills: TAX.skills
        .map((k) => (k.id === 'python' ? { ...k, related: ['ruby'] } : k))
        .concat([{ id: 'ruby', name: 'Ruby', category: 'programming-languages' as const, aliases: [] }])
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
    const ruby = profile([dated('ruby', 60)]);
    expect(scoreMatch(ruby, role, { taxonomy: tax }).requirements[0]).toMatchObject({ status: 'missing', score: 0 });
    const single: Role = { id: 'py', title: 'Py', requirements: [{ skill: 'python', importance: 'required' }] };
    expect(scoreMatch(ruby, single, { taxonomy: tax }).requirements[0]).toMatchObject({
      status: 'partial',
      via: 'related',
    });
  });

  it('scores are calibrated into bands, monotone in the raw total', () => {
    const bands = [
      run([]),
      run([listed('python')]),
      run([dated('python', 12), listed('postgresql')]),
      run([dated('python', 60), dated('postgresql', 60), dated('docker', 30)]),
    ];
    const scores = bands.map((m) => m.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
    expect(bands.map((m) => m.band)).toEqual(['unlikely', 'adjacent', 'plausible', 'strong']);
    for (const m of bands.slice(1)) expect(m.summary).toContain(`(${m.band} fit)`);
  });

  it('options are checked: peripheryShare above 0.4 would let the periphery outweigh the core', () => {
    expect(() => createScorer(role, { ...opts, peripheryShare: 0.5 })).toThrow(/`peripheryShare`/);
    expect(() => createScorer(role, { ...opts, groupGain: -1 })).toThrow(RangeError);
    expect(() => createScorer(role, { ...opts, functionCredit: 'x' as never })).toThrow(TypeError);
    expect(() => createScorer(role, { ...opts, functionMismatch: 2 })).toThrow(/`functionMismatch`/);
  });
});
