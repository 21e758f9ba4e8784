/**
 * Compiling a role: once per role and options, into flat tables the rater reads with one look-up per
 * profile skill. For every taxonomy id: the requirement members it fills directly, as a related sibling
 * and through its `implies` closure (with the weights extraction writes into `implied[]`), and the
 * category requirements of its category. Depth and recency curves are tabulated here too.
 */
import { impliedClosure, liveSkills, taxonomyOrdinals } from '../taxonomy/index.js';
import type { ExtractedSkill, Importance, MatchVia, Requirement, Role, Taxonomy } from '../types.js';
import type { Config } from './options.js';
import { lookupTable } from '../util/table.js';

/** Months (of use, or between uses) covered by the depth and recency tables: a century. */
export const TABLE_MONTHS = 1200;
/** Ints per entry of `CompiledRole.meta` (see there). */
export const META = 9;

/** How a profile skill reaches a requirement member, and at what share. */
export interface Route {
  req: number;
  /** The (requirement, member) slot credited. */
  slot: number;
  member: string;
  via: MatchVia;
  /** The credit is `evidence × recency × depth × factor × factor2` (two factors for implied routes: edge weight, then `impliedDiscount`). */
  factor: number;
  factor2: number;
}

/** One requirement, compiled. */
export interface Plan {
  id: string;
  label: string;
  requirement: Requirement;
  importance: Importance;
  /** Core requirements make the score; the others (periphery) add a capped bonus on it. */
  core: boolean;
  /** Tier weight × the requirement's own weight, within its group. */
  weight: number;
  minMonths: number;
  category: string | null;
  /** Member slots `[slotStart, slotEnd)`: one per `skill`/`anyOf` member, none for a category. */
  slotStart: number;
  slotEnd: number;
}

/** A compiled role: everything the rater reads, built once. */
export interface CompiledRole {
  role: { id: string; title: string };
  plans: Plan[];
  /** Requirements. */
  n: number;
  /** Member slots. */
  slots: number;
  slotMember: string[];
  weights: Float64Array;
  coreIdx: number[];
  peripheryIdx: number[];
  requiredIdx: number[];
  coreWeight: number;
  peripheryWeight: number;
  categoryReqs: number[];
  classMonths: number[];
  depthTable: Float64Array;
  recencyTable: Float64Array;
  /** Routes of every entry, three ints a route: member slot, its requirement's depth-class offset in `depthTable`, 1 for a direct route (never blocked). */
  routeInts: number[];
  /** Two factors a route: `factor`, `factor2`. */
  routeFactors: number[];
  routeList: Route[];
  /** Category requirements, two ints each: requirement, its depth-class offset. */
  catInts: number[];
  /** Member slots of the skill itself: a résumé that disclaims the skill blocks inferred credit to them. */
  ownSlots: number[];
  /**
   * Per entry, `META` ints: start of its routes in `routeInts`, end of its direct routes, end of all its
   * routes, start and end in `catInts`, start and end in `ownSlots`, 1 when the taxonomy does not know the
   * id (its own `implied[]` is then read), and the start of its routes in `routeFactors`.
   */
  meta: number[];
  NOTHING: number;
  /** The table entry of a profile skill: by its ordinal when the id there is the skill's, else by its id. */
  entryOf(skill: ExtractedSkill): number;
  /** Direct routes by member id, for ids the taxonomy does not know (read through their own `implied[]`). */
  direct: ReadonlyMap<string, Route[]>;
  /** Cheap pre-filter of `direct`: `sieve[sieveKey(id)]` is 0 when no member has that length and first letter. */
  sieve: Uint8Array;
  nameOf(id: string): string;
  /** The kind of work the role is (`Role.function`), or `null`. */
  function: 'development' | 'testing' | 'operations' | null;
}

export const sieveKey = (id: string): number => ((id.length & 63) << 7) | (id.charCodeAt(0) & 127);

// No prototype: a custom taxonomy's category may be named like a method of `Object.prototype`.
const CATEGORY_LABELS = lookupTable<string>({
  'ci-cd-and-devops-tools': 'CI/CD and DevOps tools',
  'apis-and-protocols': 'APIs and protocols',
});

function categoryLabel(category: string): string {
  return `Any ${CATEGORY_LABELS[category] ?? category.replace(/-/g, ' ')} skill`;
}

interface TaxonomyView {
  name: Map<string, string>;
  related: Map<string, string[]>;
  impliedBy: Map<string, string[]>;
}

const taxonomyViews = new WeakMap<Taxonomy, TaxonomyView>();

function viewOf(taxonomy: Taxonomy): TaxonomyView {
  let view = taxonomyViews.get(taxonomy);
  if (view) return view;
  const name = new Map<string, string>();
  const related = new Map<string, string[]>();
  const impliedBy = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, a: string, b: string): void => {
    const list = map.get(a);
    if (!list) map.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const skill of taxonomy.skills) {
    name.set(skill.id, skill.name);
    // `related` is symmetric in meaning even when a file lists it on one side only.
    for (const other of skill.related ?? []) {
      push(related, skill.id, other);
      push(related, other, skill.id);
    }
    for (const edge of skill.implies ?? []) push(impliedBy, edge.id, skill.id);
  }
  view = { name, related, impliedBy };
  taxonomyViews.set(taxonomy, view);
  return view;
}

/** The requirement plans and their member routes (direct and related), in role order. */
function planRequirements(role: Role, cfg: Config, view: TaxonomyView) {
  const nameOf = (id: string): string => view.name.get(id) ?? id;
  const plans: Plan[] = [];
  const slotMember: string[] = [];
  const direct = new Map<string, Route[]>();
  const related = new Map<string, Route[]>();
  const byCategory = new Map<string, number[]>();
  const usedIds = new Set<string>();
  const add = (table: Map<string, Route[]>, key: string, route: Route): void => {
    const list = table.get(key);
    if (list) list.push(route);
    else table.set(key, [route]);
  };
  role.requirements.forEach((requirement, req) => {
    const minYears =
      requirement.minYears !== undefined && requirement.minYears > 0 ? requirement.minYears : cfg.defaultMinYears;
    let members: string[] = [];
    let id: string;
    let label: string;
    let category: string | null = null;
    if ('skill' in requirement) {
      members = [requirement.skill];
      id = requirement.skill;
      label = nameOf(requirement.skill);
    } else if ('anyOf' in requirement) {
      members = [...new Set(requirement.anyOf)];
      id = members.join('-or-');
      label = members.map(nameOf).join(' or ');
    } else {
      category = requirement.category;
      id = `category-${category}`;
      label = categoryLabel(category);
      byCategory.set(category, [...(byCategory.get(category) ?? []), req]);
    }
    id = requirement.id ?? id;
    if (usedIds.has(id)) {
      let k = 2;
      while (usedIds.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    usedIds.add(id);
    const slotStart = slotMember.length;
    for (const member of members) {
      const slot = slotMember.length;
      slotMember.push(member);
      add(direct, member, { req, slot, member, via: 'direct', factor: 1, factor2: 1 });
      // A requirement that lists its alternatives (`anyOf`) names what counts; a single skill also takes
      // its `related` siblings at a discount (MySQL for PostgreSQL).
      if (members.length > 1) continue;
      for (const sibling of view.related.get(member) ?? []) {
        add(related, sibling, { req, slot, member, via: 'related', factor: cfg.related, factor2: 1 });
      }
    }
    const core = requirement.core ?? requirement.importance === 'required';
    plans.push({
      id,
      label: requirement.label ?? label,
      requirement,
      importance: requirement.importance,
      core,
      weight: cfg.tier[requirement.importance] * (requirement.weight ?? 1),
      minMonths: 12 * minYears,
      category,
      slotStart,
      slotEnd: slotMember.length,
    });
  });
  return { plans, slotMember, direct, related, byCategory, nameOf };
}

/** Depth and recency curves, tabulated with the very expressions `depthAt`/`recencyAt` use. */
function curves(plans: Plan[], cfg: Config) {
  const classMonths = [...new Set(plans.map((p) => p.minMonths))];
  const depthTable = new Float64Array(classMonths.length * TABLE_MONTHS);
  for (let c = 0; c < classMonths.length; c++) {
    for (let m = 0; m < TABLE_MONTHS; m++) depthTable[c * TABLE_MONTHS + m] = depthAt(cfg, m, classMonths[c]!);
  }
  const recencyTable = new Float64Array(TABLE_MONTHS);
  for (let g = 0; g < TABLE_MONTHS; g++) recencyTable[g] = recencyAt(cfg, g);
  return { classMonths, depthTable, recencyTable };
}

/** Depth credit for `months` of use against a requirement wanting `minMonths`: a saturating curve above a floor. */
export function depthAt(cfg: Config, months: number, minMonths: number): number {
  return cfg.depthFloor + (1 - cfg.depthFloor) * (1 - Math.exp((-cfg.curve * months) / minMonths));
}

/** Recency credit for a skill last used `gap` months before the résumé's latest dated month. */
export function recencyAt(cfg: Config, gap: number): number {
  return Math.max(cfg.recencyFloor, 0.5 ** (Math.max(0, gap) / 12 / cfg.halfLife));
}

/** Compiles `role` against `taxonomy` with resolved options (see the module comment). */
export function compileRole(role: Role, cfg: Config, taxonomy: Taxonomy): CompiledRole {
  const view = viewOf(taxonomy);
  const { plans, slotMember, direct, related, byCategory, nameOf } = planRequirements(role, cfg, view);
  const n = plans.length;
  const weights = Float64Array.from(plans, (p) => p.weight);
  const anyCore = plans.some((p) => p.core);
  // A role without core requirements is scored on all of them, as one group.
  const coreIdx = plans.flatMap((p, i) => (p.core || !anyCore ? [i] : []));
  const peripheryIdx = plans.flatMap((p, i) => (p.core || !anyCore ? [] : [i]));
  const sum = (idx: number[]): number => idx.reduce((s, i) => s + weights[i]!, 0);
  const { classMonths, depthTable, recencyTable } = curves(plans, cfg);
  const classOf = Int32Array.from(plans, (p) => classMonths.indexOf(p.minMonths));

  const compiled = {
    role: { id: role.id, title: role.title },
    plans,
    n,
    slots: slotMember.length,
    slotMember,
    weights,
    coreIdx,
    peripheryIdx,
    requiredIdx: plans.flatMap((p, i) => (p.importance === 'required' ? [i] : [])),
    coreWeight: sum(coreIdx),
    peripheryWeight: sum(peripheryIdx),
    categoryReqs: plans.flatMap((p, i) => (p.category === null ? [] : [i])),
    classMonths,
    depthTable,
    recencyTable,
    routeInts: [] as number[],
    routeFactors: [] as number[],
    routeList: [] as Route[],
    catInts: [] as number[],
    ownSlots: [] as number[],
    meta: [] as number[],
    NOTHING: 0,
    entryOf: (_skill: ExtractedSkill): number => 0,
    direct,
    sieve: new Uint8Array(64 * 128),
    nameOf,
    function: role.function ?? null,
  };
  const addEntry = (routes: Route[], nDirect: number, cats: number[], stranger: boolean): number => {
    const entry = compiled.meta.length / META;
    const first = compiled.routeList.length;
    for (const r of routes) {
      compiled.routeInts.push(r.slot, classOf[r.req]! * TABLE_MONTHS, r.via === 'direct' ? 1 : 0);
      compiled.routeFactors.push(r.factor, r.factor2);
      compiled.routeList.push(r);
    }
    const catStart = compiled.catInts.length;
    for (const req of cats) compiled.catInts.push(req, classOf[req]! * TABLE_MONTHS);
    const ownStart = compiled.ownSlots.length;
    for (const r of routes.slice(0, nDirect)) compiled.ownSlots.push(r.slot);
    compiled.meta.push(
      3 * first,
      3 * (first + nDirect),
      3 * compiled.routeList.length,
      catStart,
      compiled.catInts.length,
      ownStart,
      compiled.ownSlots.length,
      stranger ? 1 : 0,
      2 * first,
    );
    return entry;
  };
  compiled.NOTHING = addEntry([], 0, [], false);
  const impliedRoutes = impliedRouteTable(taxonomy, view, direct, cfg);
  const entryFor = (id: string, category: string, stranger: boolean): number => {
    const own = direct.get(id) ?? [];
    const routes = dedupeRoutes([...own, ...(related.get(id) ?? []), ...impliedRoutes(id)]);
    const cats = byCategory.get(category) ?? [];
    if (routes.length === 0 && cats.length === 0 && !stranger) return compiled.NOTHING;
    return addEntry(routes, own.length, cats, stranger);
  };
  compiled.entryOf = entryLookup(taxonomy, entryFor, addEntry, byCategory, compiled.NOTHING, [
    ...direct.keys(),
    ...related.keys(),
  ]);
  for (const id of direct.keys()) compiled.sieve[sieveKey(id)] = 1;
  return compiled;
}

/** Keeps one route per member slot: a direct one, else the best share; so a skill adds to a slot once. Direct routes stay first. */
function dedupeRoutes(routes: Route[]): Route[] {
  const keep = new Map<number, number>();
  routes.forEach((r, k) => {
    const j = keep.get(r.slot);
    const had = j === undefined ? undefined : routes[j]!;
    if (
      had === undefined ||
      (had.via !== 'direct' && (r.via === 'direct' || r.factor * r.factor2 > had.factor * had.factor2))
    )
      keep.set(r.slot, k);
  });
  return routes.filter((r, k) => keep.get(r.slot) === k);
}

/** Implied routes of a taxonomy id: through its `implies` closure, to every member it reaches. */
function impliedRouteTable(
  taxonomy: Taxonomy,
  view: TaxonomyView,
  direct: ReadonlyMap<string, Route[]>,
  cfg: Config,
): (id: string) => Route[] {
  const live = liveSkills(taxonomy);
  // Taxonomy ids from which `implies` edges lead, at any depth, to a member: walked backwards from the members.
  const implying = new Set<string>();
  const walk = [...direct.keys()];
  while (walk.length > 0) {
    for (const from of view.impliedBy.get(walk.pop()!) ?? []) {
      if (implying.has(from)) continue;
      implying.add(from);
      walk.push(from);
    }
  }
  return (id) => {
    if (!implying.has(id) || !live.has(id)) return [];
    const out: Route[] = [];
    for (const { id: target, weight } of impliedClosure(id, live)) {
      for (const r of direct.get(target) ?? [])
        out.push({ req: r.req, slot: r.slot, member: r.member, via: 'implied', factor: weight, factor2: cfg.implied });
    }
    return out;
  };
}

/**
 * The look-up from a profile skill to its table entry: by ordinal (the skill's position in the taxonomy,
 * once the id there checks out: canonical strings, so a pointer comparison), else through a
 * prototype-less dictionary (a keyed load beats `Map.get` on this path), else as a stranger of its category.
 */
function entryLookup(
  taxonomy: Taxonomy,
  entryFor: (id: string, category: string, stranger: boolean) => number,
  addEntry: (routes: Route[], nDirect: number, cats: number[], stranger: boolean) => number,
  byCategory: ReadonlyMap<string, number[]>,
  NOTHING: number,
  memberIds: string[],
): (skill: ExtractedSkill) => number {
  const table: Record<string, number | undefined> = Object.create(null) as Record<string, number | undefined>;
  for (const skill of taxonomy.skills) table[skill.id] = entryFor(skill.id, skill.category, false);
  // Member and sibling ids the taxonomy does not know: no category, and their own `implied[]` is read.
  for (const id of memberIds) if (table[id] === undefined) table[id] = entryFor(id, '', true);
  const ordinalIds = taxonomyOrdinals(taxonomy).ids;
  const ordinalEntry = Int32Array.from(ordinalIds, (id) => table[id] ?? NOTHING);
  const STRANGER = addEntry([], 0, [], true);
  // An id the taxonomy does not know has no direct, related or implied route of its own (every id a
  // requirement names or reaches is in `table`): its entry is its category's requirements.
  const strangers = new Map<string, number>();
  const strangerEntry = (skill: ExtractedSkill): number => {
    if (!byCategory.has(skill.category)) return STRANGER;
    let entry = strangers.get(skill.category);
    if (entry === undefined) {
      entry = entryFor(skill.id, skill.category, true);
      strangers.set(skill.category, entry);
    }
    return entry;
  };
  return (skill) => {
    const o = skill.ordinal;
    const id = skill.id;
    if (o !== undefined && o < ordinalIds.length && ordinalIds[o] === id) return ordinalEntry[o]!;
    return table[id] ?? strangerEntry(skill);
  };
}
