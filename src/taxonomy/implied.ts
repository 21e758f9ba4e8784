/**
 * The `implies` closure of a skill, shared by extraction (`ExtractedSkill.implied`) and the scorer's
 * reverse tables, so that both give an implying skill exactly the same weights.
 */
import type { Skill } from './schema.js';

/**
 * The skills `skillId` implies, transitively, with the best product of edge weights along a path,
 * rounded to 4 decimals, sorted by id: exactly the `implied` list extraction writes for a skill
 * mentioned positively.
 */
export function impliedClosure(skillId: string, skills: ReadonlyMap<string, Skill>): { id: string; weight: number }[] {
  const best = new Map<string, number>();
  const queue: [string, number, number][] = [[skillId, 1, 0]];
  while (queue.length > 0) {
    const [id, weight, depth] = queue.shift()!;
    const skill = skills.get(id);
    if (skill === undefined || depth > 8) continue;
    for (const edge of skill.implies ?? []) {
      if (edge.id === skillId) continue;
      const w = weight * edge.weight;
      if ((best.get(edge.id) ?? 0) >= w) continue;
      best.set(edge.id, w);
      queue.push([edge.id, w, depth + 1]);
    }
  }
  return [...best]
    .filter(([id]) => skills.has(id))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([id, weight]) => ({ id, weight: Math.round(weight * 10_000) / 10_000 }));
}
