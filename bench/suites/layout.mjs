// Layout invariance: the same résumé rendered four ways should yield the same skills.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from './corpus.mjs';

const FILES = ['single-column', 'two-column', 'modern-single-column', 'modern-two-column'].map(
  (n) => `resume-matcher_${n}.pdf`,
);

export async function runLayout(sm) {
  const dir = join(DATA, 'resume-pdf-variety/files');
  if (!existsSync(dir)) return { skipped: `${dir} is absent` };
  const sets = {};
  for (const file of FILES) {
    const doc = await sm.parseResume(new Uint8Array(readFileSync(join(dir, file))), { filename: file });
    sets[file] = sm
      .extractSkills(doc)
      .skills.filter((s) => s.mentions.some((m) => !m.negated))
      .map((s) => s.id);
  }
  const all = Object.values(sets);
  const union = new Set(all.flat());
  const inAll = [...union].filter((id) => all.every((ids) => ids.includes(id)));
  return {
    files: FILES.length,
    agreement: union.size === 0 ? 0 : Math.round((inAll.length / union.size) * 10000) / 10000,
    skillsInAll: inAll.length,
    skillsInAny: union.size,
    disagreements: [...union]
      .filter((id) => !inAll.includes(id))
      .map((id) => ({ id, in: FILES.filter((f) => sets[f].includes(id)) })),
  };
}
