/**
 * Explaining a rating: per requirement, the skill that earned the credit, how (direct, implied,
 * related), the mentions behind it, the other skills that added depth, months and last use; then a
 * plain-English summary a recruiter can check against the evidence, and the score stage's diagnostics.
 */
import type {
  Diagnostic,
  Evidence,
  ExtractedSkill,
  RequirementResult,
  RequirementStatus,
  SkillProfile,
  Span,
} from '../types.js';
import type { CompiledRole, Plan } from './compile.js';
import type { EvidenceMath } from './evidence.js';
import type { Config } from './options.js';
import type { Credit, Credits, Rater } from './rate.js';

export const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** The mentions behind a skill's credit, strongest first; text repeated verbatim counts once. */
function evidenceFor(skill: ExtractedSkill, stuffing: number, ev: EvidenceMath, max: number): Evidence[] {
  const seen = new Set<string>();
  const items: Evidence[] = [];
  for (const m of skill.mentions) {
    const strength = ev.mentionStrength(m, stuffing);
    if (strength === 0) continue;
    const key = `${m.context}\u0000${m.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ ...m, skillId: skill.id, strength: round4(strength) });
  }
  items.sort((a, b) => b.strength - a.strength || a.span.start - b.span.start);
  return items.slice(0, max);
}

const byValue = (a: Credit, b: Credit): number =>
  b.value - a.value || (a.skill.id < b.skill.id ? -1 : a.skill.id > b.skill.id ? 1 : 0);

/** The winning credit of a requirement and the other credits of its winning member. */
function winnerOf(
  plan: Plan,
  rater: Rater,
  credits: Credits,
  req: number,
): { win: Credit | null; supporting: Credit[]; alternatives: Credit[] } {
  if (plan.category !== null) {
    const ranked = credits.byCategory[req]!.sort(byValue);
    return { win: ranked[0] ?? null, supporting: [], alternatives: ranked.slice(1, 6) };
  }
  let bestSlot = -1;
  let bestValue = 0;
  for (let s = plan.slotStart; s < plan.slotEnd; s++) {
    const v = rater.slotValue(s);
    if (v > bestValue) {
      bestValue = v;
      bestSlot = s;
    }
  }
  if (bestSlot < 0) return { win: null, supporting: [], alternatives: [] };
  const ranked = credits.bySlot[bestSlot]!.sort(byValue);
  return { win: ranked[0] ?? null, supporting: ranked.slice(1).filter((c) => c.value > 0), alternatives: [] };
}

/** One requirement's result. */
export function requirementResult(
  c: CompiledRole,
  cfg: Config,
  ev: EvidenceMath,
  rater: Rater,
  credits: Credits,
  req: number,
  stuffing: number,
): RequirementResult {
  const plan = c.plans[req]!;
  const score = rater.best[req]!;
  const { win, supporting, alternatives } = winnerOf(plan, rater, credits, req);
  let status: RequirementStatus = 'missing';
  if (win && score >= cfg.minScore) status = win.via === 'direct' && score >= cfg.metScore ? 'met' : 'partial';
  const result: RequirementResult = {
    id: plan.id,
    label: plan.label,
    requirement: plan.requirement,
    importance: plan.importance,
    core: plan.core,
    weight: round4(plan.weight),
    status,
    score: round4(score),
    via: win ? win.via : null,
    skill: win ? { id: win.skill.id, name: win.skill.name } : null,
    evidence: win ? evidenceFor(win.skill, stuffing, ev, cfg.maxEvidence) : [],
    months: win ? win.skill.months : 0,
    lastUsed: win ? win.skill.lastUsed : null,
    claimedYears: win ? win.skill.claimedYears : null,
  };
  if (win && win.via !== 'direct') result.creditedAs = { id: win.member, name: c.nameOf(win.member) };
  if (supporting.length > 0) {
    result.supporting = supporting
      .slice(0, 5)
      .map((s) => ({ id: s.skill.id, name: s.skill.name, via: s.via, score: round4(s.value) }));
  }
  if (alternatives.length > 0)
    result.alternatives = alternatives.map((w) => ({ id: w.skill.id, name: w.skill.name, score: round4(w.value) }));
  return result;
}

/** Sentences holding a skill mention that are pasted many times over (white-text-style padding). */
export function repeatedText(profile: SkillProfile, threshold: number): Diagnostic[] {
  const seen = new Map<string, { starts: Set<number>; first: Span }>();
  for (const skill of profile.skills) {
    for (const m of skill.mentions) {
      const key = m.sentence.trim().toLowerCase();
      if (key.length < 3) continue;
      let entry = seen.get(key);
      if (!entry) seen.set(key, (entry = { starts: new Set(), first: m.sentenceSpan }));
      entry.starts.add(m.sentenceSpan.start);
      if (m.sentenceSpan.start < entry.first.start) entry.first = m.sentenceSpan;
    }
  }
  const out: Diagnostic[] = [];
  for (const [sentence, { starts, first }] of [...seen].sort((a, b) => a[1].first.start - b[1].first.start)) {
    if (starts.size < threshold) continue;
    const text = sentence.length > 80 ? `${sentence.slice(0, 77)}...` : sentence;
    out.push({
      severity: 'warning',
      code: 'repeated-text',
      message: `The same text is repeated ${starts.size} times ("${text}"); it counts once.`,
      source: 'score',
      span: { start: first.start, end: first.end },
    });
  }
  return out;
}

function describeYears(months: number): string {
  if (months < 12) return `${months} month${months === 1 ? '' : 's'}`;
  const years = Math.round((months / 12) * 10) / 10;
  return `${years} year${years === 1 ? '' : 's'}`;
}

const CONTEXT_WORDS: Record<string, string> = {
  experience: 'in experience',
  project: 'in a project',
  'skills-list': 'listed in skills',
  summary: 'in the summary',
  education: 'in education',
  certification: 'in a certification',
  other: 'mentioned',
};

function describeStrength(r: RequirementResult): string {
  const parts: string[] = [];
  if (r.months > 0) parts.push(describeYears(r.months));
  else if (r.claimedYears !== null) parts.push(`${r.claimedYears} years claimed`);
  if (r.lastUsed !== null) parts.push(`last used ${r.lastUsed}`);
  const top = r.evidence[0];
  if (top)
    parts.push(
      top.context === 'experience' && top.timelineEntry === null
        ? 'in experience (undated)'
        : (CONTEXT_WORDS[top.context] ?? 'mentioned'),
    );
  if (r.supporting && r.supporting.length > 0)
    parts.push(
      `with ${r.supporting
        .slice(0, 3)
        .map((s) => s.name)
        .join(', ')}`,
    );
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** One paragraph a recruiter can check against the evidence. */
export function summarise(
  reqs: RequirementResult[],
  score: number,
  band: string,
  unreadable: boolean,
  noSkills: boolean,
): string {
  if (unreadable) return 'Scores 0: the résumé has no readable text, so nothing could be matched. See the diagnostics.';
  if (noSkills) return 'Scores 0: no skills were found in the résumé. See the diagnostics.';
  const sentences: string[] = [];
  const counted = (list: RequirementResult[]): number => list.filter((r) => r.status !== 'missing').length;
  const required = reqs.filter((r) => r.importance === 'required');
  const core = reqs.filter((r) => r.core);
  const others = reqs.filter((r) => !r.core);
  const missing = required.filter((r) => r.status === 'missing').map((r) => r.label);
  sentences.push(
    `Score ${score.toFixed(2)} (${band} fit). ` +
      (required.length > 0
        ? `Meets ${counted(required)} of ${required.length} must-have${required.length === 1 ? '' : 's'}${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''}; `
        : '') +
      `core ${counted(core)} of ${core.length}` +
      (others.length > 0 ? `, other ${counted(others)} of ${others.length}.` : '.'),
  );
  const strongest = reqs
    .filter((r) => r.status === 'met')
    .sort(
      (a, b) => Number(b.core) - Number(a.core) || b.score * b.weight - a.score * a.weight || (a.id < b.id ? -1 : 1),
    )
    .slice(0, 3);
  if (strongest.length > 0)
    sentences.push(`Strongest: ${strongest.map((r) => `${r.skill!.name}${describeStrength(r)}`).join('; ')}.`);
  const partial = reqs.filter((r) => r.status === 'partial');
  if (partial.length > 0) {
    sentences.push(
      `Partial: ${partial
        .map((r) =>
          r.via === 'direct'
            ? `${r.label} (weak evidence${r.evidence[0]?.aspiration ? ': aspiration only' : ''})`
            : `${r.skill!.name} counted for ${r.creditedAs?.name ?? r.label} (${r.via})`,
        )
        .join('; ')}.`,
    );
  }
  const weak = reqs.filter((r) => r.status === 'met' && r.lastUsed !== null && r.score < 0.5 && r.months > 0);
  if (weak.length > 0)
    sentences.push(`Dated or short use: ${weak.map((r) => `${r.label}${describeStrength(r)}`).join('; ')}.`);
  return sentences.join(' ');
}
