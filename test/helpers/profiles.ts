/** Hand-built profiles and a small taxonomy for unit tests of the score and rank stages. */
import type {
  ExtractedSkill,
  ImpliedSkill,
  MentionContext,
  Role,
  SkillMention,
  SkillProfile,
  Taxonomy,
} from '../../src/types.js';

export const TAXONOMY: Taxonomy = {
  version: 'test',
  skills: [
    {
      id: 'django',
      name: 'Django',
      category: 'backend-frameworks',
      aliases: [],
      implies: [{ id: 'python', weight: 0.9 }],
    },
    { id: 'docker', name: 'Docker', category: 'containers-and-orchestration', aliases: [] },
    { id: 'java', name: 'Java', category: 'programming-languages', aliases: [] },
    { id: 'kubernetes', name: 'Kubernetes', category: 'containers-and-orchestration', aliases: [] },
    { id: 'mongodb', name: 'MongoDB', category: 'databases', aliases: [] },
    { id: 'mysql', name: 'MySQL', category: 'databases', aliases: [], related: ['postgresql'] },
    { id: 'node-js', name: 'Node.js', category: 'backend-frameworks', aliases: [] },
    { id: 'postgresql', name: 'PostgreSQL', category: 'databases', aliases: [], related: ['mysql'] },
    { id: 'python', name: 'Python', category: 'programming-languages', aliases: [] },
    { id: 'react', name: 'React', category: 'frontend', aliases: [] },
    { id: 'redis', name: 'Redis', category: 'databases', aliases: [] },
  ],
};

export const ROLE: Role = {
  id: 'test-backend',
  title: 'Test Back-end Developer',
  requirements: [
    { skill: 'node-js', importance: 'required', minYears: 3 },
    { skill: 'postgresql', importance: 'required', minYears: 2 },
    { anyOf: ['python', 'java'], importance: 'preferred' },
    { skill: 'kubernetes', importance: 'preferred' },
    { category: 'databases', importance: 'bonus', id: 'any-database' },
  ],
};

let offset = 0;

export interface MentionSpec {
  context?: MentionContext;
  entry?: number | null;
  sentence?: string;
  negated?: boolean;
  aspiration?: boolean;
  fuzzy?: boolean;
  level?: SkillMention['level'];
}

export function mention(text: string, spec: MentionSpec = {}): SkillMention {
  const start = (offset += 100);
  const sentence = spec.sentence ?? `Used ${text} at work.`;
  const context = spec.context ?? 'experience';
  const m: SkillMention = {
    span: { start, end: start + text.length },
    text,
    section:
      context === 'experience'
        ? 'experience'
        : context === 'skills-list'
          ? 'skills'
          : context === 'project'
            ? 'projects'
            : null,
    context,
    timelineEntry: spec.entry === undefined ? (context === 'experience' ? 0 : null) : spec.entry,
    sentence,
    sentenceSpan: { start: start - 5, end: start - 5 + sentence.length },
    negated: spec.negated ?? false,
    aspiration: spec.aspiration ?? false,
    fuzzy: spec.fuzzy ?? false,
  };
  if (spec.level) m.level = spec.level;
  return m;
}

export function skill(
  id: string,
  mentions: SkillMention[],
  extra: { months?: number; lastUsed?: string | null; claimedYears?: number | null; implied?: ImpliedSkill[] } = {},
): ExtractedSkill {
  const def = TAXONOMY.skills.find((s) => s.id === id);
  return {
    id,
    name: def?.name ?? id,
    category: def?.category ?? 'programming-languages',
    mentions,
    implied: extra.implied ?? [],
    months: extra.months ?? 0,
    lastUsed: extra.lastUsed ?? null,
    claimedYears: extra.claimedYears ?? null,
  };
}

export function profile(skills: ExtractedSkill[], words = 400): SkillProfile {
  return {
    version: '1',
    skills: [...skills].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    diagnostics: [],
    document: { format: 'text', words },
  };
}

/** A senior: dated Node.js and PostgreSQL for years, recent. */
export function senior(): SkillProfile {
  return profile([
    skill('node-js', [mention('Node.js')], { months: 60, lastUsed: '2026-10' }),
    skill('postgresql', [mention('PostgreSQL')], { months: 60, lastUsed: '2026-10' }),
    skill('python', [mention('Python', { context: 'skills-list' })]),
    skill('kubernetes', [mention('Kubernetes')], { months: 24, lastUsed: '2026-10' }),
  ]);
}
