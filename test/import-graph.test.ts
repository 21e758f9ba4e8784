// Holds the stage architecture: each stage's `index.ts` is its only entrance for the others, no
// import runs back up the stage order, and no module imports itself round a circle. The graph is
// read with the TypeScript parser (static, type-only and re-exporting imports, dynamic `import()`,
// `import('…')` types and `require`), so a comment or a string that looks like an import is no edge.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The stages in pipeline order: a module may import its own stage and earlier ones. The service
 * comes before the CLI because `skillmatch serve` starts it.
 */
const STAGES = [
  'taxonomy',
  'role',
  'parse',
  'extract',
  'job-description',
  'score',
  'rank',
  'report',
  'service',
  'cli',
] as const;
/** The public entry points: they may enter any stage (through its index) and nothing may import them. */
const ENTRIES = new Set(['src/index.ts', 'src/tools.ts']);

interface ImportRef {
  /** The imported module, a path from the package root (`src/parse/index.ts`). */
  to: string;
  kind: 'static' | 'type' | 'dynamic' | 'require';
}

type Graph = ReadonlyMap<string, readonly ImportRef[]>;

/** `stage` for a module in a stage folder, `shared` for the leaf modules beside them (src/*.ts, src/util/**), `entry`, or `unknown`. */
function placeOf(
  path: string,
): { kind: 'stage'; stage: string; level: number } | { kind: 'shared' | 'entry' | 'unknown' } {
  if (ENTRIES.has(path)) return { kind: 'entry' };
  const parts = path.split('/');
  if (parts[0] !== 'src') return { kind: 'unknown' };
  if (parts.length === 2 || parts[1] === 'util') return { kind: 'shared' };
  const level = (STAGES as readonly string[]).indexOf(parts[1]!);
  return level === -1 ? { kind: 'unknown' } : { kind: 'stage', stage: parts[1]!, level };
}

/** The highest stage a shared module reaches through other shared modules (−1: none), so a stage cannot reach a later one through a leaf. */
function sharedLevels(graph: Graph): Map<string, number> {
  const levels = new Map<string, number>();
  const visit = (path: string, seen: Set<string>): number => {
    const known = levels.get(path);
    if (known !== undefined) return known;
    if (seen.has(path)) return -1; // a circle of shared modules: reported as a cycle
    seen.add(path);
    let level = -1;
    for (const ref of graph.get(path) ?? []) {
      const place = placeOf(ref.to);
      if (place.kind === 'stage') level = Math.max(level, place.level);
      else if (place.kind === 'shared') level = Math.max(level, visit(ref.to, seen));
    }
    levels.set(path, level);
    return level;
  };
  for (const path of graph.keys()) if (placeOf(path).kind === 'shared') visit(path, new Set());
  return levels;
}

/** One cycle per strongly connected component of more than one module (or a module importing itself), as a path `a → b → a`. */
function findCycles(graph: Graph): string[][] {
  // Tarjan's algorithm, iterative over a sorted graph so the report is stable.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const targets = (path: string) =>
    [...new Set((graph.get(path) ?? []).map((r) => r.to))].filter((to) => graph.has(to)).sort();
  const strongConnect = (root: string) => {
    const work: [string, string[], number][] = [[root, targets(root), 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, next] = frame;
      if (frame[2] < next.length) {
        const to = next[frame[2]++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push([to, targets(to), 0]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || targets(node).includes(node)) components.push(component);
      }
    }
  };
  for (const path of [...graph.keys()].sort()) if (!index.has(path)) strongConnect(path);
  return components.map((component) => cyclePath(graph, new Set(component)));
}

/** A shortest circle through the component's first module (breadth-first inside the component). */
function cyclePath(graph: Graph, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const { to } of graph.get(node) ?? []) {
      if (!component.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = from.get(at)!) path.unshift(at);
        path.unshift(start);
        return path;
      }
      if (!from.has(to)) {
        from.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** Every broken rule of the graph, one line each naming the offending edge. */
function checkGraph(graph: Graph): string[] {
  const problems: string[] = [];
  const levels = sharedLevels(graph);
  for (const [from, refs] of [...graph].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const source = placeOf(from);
    if (source.kind === 'unknown')
      problems.push(`${from}: in no known stage folder (add its folder to STAGES or src/util/)`);
    for (const ref of refs) {
      const edge = `${from} → ${ref.to} (${ref.kind})`;
      const target = placeOf(ref.to);
      if (!graph.has(ref.to) && !ref.to.endsWith('.cjs')) problems.push(`${edge}: no such module`);
      if (target.kind === 'entry') {
        problems.push(`${edge}: imports a public entry point; import the stage's index.ts instead`);
        continue;
      }
      if (target.kind !== 'stage') {
        if (target.kind === 'shared' && source.kind === 'stage' && (levels.get(ref.to) ?? -1) > source.level) {
          problems.push(
            `${edge}: runs back up the stage order (${ref.to} reaches ${STAGES[levels.get(ref.to)!]}, after ${source.stage})`,
          );
        }
        continue;
      }
      const sameStage = source.kind === 'stage' && source.stage === target.stage;
      if (!sameStage && ref.to !== `src/${target.stage}/index.ts`)
        problems.push(`${edge}: enters ${target.stage} not through src/${target.stage}/index.ts`);
      if (source.kind === 'stage' && target.level > source.level)
        problems.push(`${edge}: runs back up the stage order (${target.stage} comes after ${source.stage})`);
      if (source.kind === 'shared' && !sameStage && (ref.kind === 'static' || ref.kind === 'require')) {
        // A leaf that loads a stage's code would make every stage importing it depend on that stage.
        problems.push(`${edge}: a shared module may name a stage's types only (import type / export type)`);
      }
    }
  }
  for (const cycle of findCycles(graph)) problems.push(`cycle: ${cycle.join(' → ')}`);
  return problems;
}

/** The module specifiers a file imports, with how; relative ones only (packages and `node:` are outside the graph). */
function importsOf(fileName: string, text: string): { specifier: string; kind: ImportRef['kind'] }[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: { specifier: string; kind: ImportRef['kind'] }[] = [];
  const add = (node: ts.Node | undefined, kind: ImportRef['kind']) => {
    if (node !== undefined && ts.isStringLiteralLike(node)) out.push({ specifier: node.text, kind });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly ? 'type' : 'static');
    } else if (ts.isExportDeclaration(node)) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause !== undefined &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier, typeOnly ? 'type' : 'static');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, 'require');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, 'type');
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'dynamic');
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require')
        add(node.arguments[0], 'require');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out.filter((i) => i.specifier.startsWith('./') || i.specifier.startsWith('../'));
}

/** `../parse/index.js` from `src/rank/matcher.ts` → `src/parse/index.ts` (TypeScript's `.js` → `.ts` convention). */
function resolveSpecifier(from: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
}

function graphOf(files: Record<string, string>): Map<string, ImportRef[]> {
  const graph = new Map<string, ImportRef[]>();
  for (const [path, text] of Object.entries(files))
    graph.set(
      path,
      importsOf(path, text).map(({ specifier, kind }) => ({ to: resolveSpecifier(path, specifier), kind })),
    );
  return graph;
}

function sourceFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      // builtin-data.ts is generated by the build (and ignored by git); it imports nothing.
      else if (path.endsWith('.ts') && !path.endsWith('.d.ts'))
        files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(join(root, 'src'));
  return files;
}

describe('the import graph of src/', () => {
  const root = join(dirname(new URL(import.meta.url).pathname), '..');
  const graph = graphOf(sourceFiles(root));

  it('reads every module and finds their imports', () => {
    expect(graph.size).toBeGreaterThan(80);
    expect(graph.get('src/rank/matcher.ts')?.map((r) => r.to)).toContain('src/parse/index.ts');
  });

  it('keeps every stage behind its index.ts, in stage order, with no cycle', () => {
    const problems = checkGraph(graph);
    // One line per offending edge, so a failure says what to change.
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });
});

describe('importsOf', () => {
  it.each([
    ["import { a } from './a.js';", [['./a.js', 'static']]],
    ["import type { A } from '../x/index.js';", [['../x/index.js', 'type']]],
    ["import { type A, type B } from './a.js';", [['./a.js', 'type']]],
    ["import { type A, b } from './a.js';", [['./a.js', 'static']]],
    ["export { a } from './a.js';", [['./a.js', 'static']]],
    ["export type * from './types.js';", [['./types.js', 'type']]],
    ["export * from './a.js';", [['./a.js', 'static']]],
    ["import './side-effect.js';", [['./side-effect.js', 'static']]],
    ["const m = await import('../rank/index.js');", [['../rank/index.js', 'dynamic']]],
    ["let r: import('../role/schema.js').Role;", [['../role/schema.js', 'type']]],
    ["const d = require('./data.cjs');", [['./data.cjs', 'require']]],
    ["import x = require('./data.cjs');", [['./data.cjs', 'require']]],
    // Not edges: packages, node builtins, and import-like text in comments and strings.
    ["import { z } from 'zod'; import { fork } from 'node:child_process';", []],
    ["// import { a } from './a.js';\nconst s = \"import('./b.js')\";", []],
  ])('%s', (text, expected) => {
    expect(importsOf('src/x/y.ts', text).map((i) => [i.specifier, i.kind])).toEqual(expected);
  });
});

describe('checkGraph on invented graphs', () => {
  const g = (edges: Record<string, [string, ImportRef['kind']?][]>): Graph =>
    new Map(
      Object.entries(edges).map(([from, refs]) => [from, refs.map(([to, kind]) => ({ to, kind: kind ?? 'static' }))]),
    );
  it.each<[string, Graph, string[]]>([
    [
      'a stage entering an earlier one through its index',
      g({ 'src/extract/a.ts': [['src/taxonomy/index.ts']], 'src/taxonomy/index.ts': [] }),
      [],
    ],
    [
      'modules of one stage importing each other directly',
      g({ 'src/parse/a.ts': [['src/parse/b.ts']], 'src/parse/b.ts': [] }),
      [],
    ],
    [
      'any module importing the shared leaves',
      g({ 'src/taxonomy/a.ts': [['src/errors.ts'], ['src/util/x.ts']], 'src/errors.ts': [], 'src/util/x.ts': [] }),
      [],
    ],
    [
      'a shared module naming a stage type',
      g({
        'src/types.ts': [['src/role/index.ts', 'type']],
        'src/role/index.ts': [],
        'src/score/a.ts': [['src/types.ts', 'type']],
      }),
      [],
    ],
    [
      'the entry points entering stages',
      g({
        'src/index.ts': [['src/rank/index.ts']],
        'src/tools.ts': [['src/parse/index.ts']],
        'src/rank/index.ts': [],
        'src/parse/index.ts': [],
      }),
      [],
    ],
    [
      'a deep import into another stage',
      g({ 'src/score/a.ts': [['src/extract/summary.ts']], 'src/extract/summary.ts': [] }),
      ['src/score/a.ts → src/extract/summary.ts (static): enters extract not through src/extract/index.ts'],
    ],
    [
      'an import running back up the stage order, even type-only',
      g({ 'src/taxonomy/json-schema.ts': [['src/role/index.ts', 'type']], 'src/role/index.ts': [] }),
      [
        'src/taxonomy/json-schema.ts → src/role/index.ts (type): runs back up the stage order (role comes after taxonomy)',
      ],
    ],
    [
      'a dynamic import running back up',
      g({ 'src/role/a.ts': [['src/extract/index.ts', 'dynamic']], 'src/extract/index.ts': [] }),
      ['src/role/a.ts → src/extract/index.ts (dynamic): runs back up the stage order (extract comes after role)'],
    ],
    [
      'a later stage reached through a shared module',
      g({
        'src/taxonomy/a.ts': [['src/types.ts', 'type']],
        'src/types.ts': [['src/role/index.ts', 'type']],
        'src/role/index.ts': [],
      }),
      [
        'src/taxonomy/a.ts → src/types.ts (type): runs back up the stage order (src/types.ts reaches role, after taxonomy)',
      ],
    ],
    [
      'a shared module loading a stage',
      g({ 'src/util/a.ts': [['src/parse/index.ts']], 'src/parse/index.ts': [] }),
      [
        "src/util/a.ts → src/parse/index.ts (static): a shared module may name a stage's types only (import type / export type)",
      ],
    ],
    [
      'a module importing a public entry point',
      g({ 'src/cli/main.ts': [['src/index.ts']], 'src/index.ts': [] }),
      ["src/cli/main.ts → src/index.ts (static): imports a public entry point; import the stage's index.ts instead"],
    ],
    [
      'a module outside every stage',
      g({ 'src/widgets/a.ts': [] }),
      ['src/widgets/a.ts: in no known stage folder (add its folder to STAGES or src/util/)'],
    ],
    [
      'an import of a missing module',
      g({ 'src/parse/a.ts': [['src/parse/gone.ts']] }),
      ['src/parse/a.ts → src/parse/gone.ts (static): no such module'],
    ],
    [
      'a circle inside a stage, type-only or not',
      g({ 'src/parse/index.ts': [['src/parse/pool.ts']], 'src/parse/pool.ts': [['src/parse/index.ts', 'type']] }),
      ['cycle: src/parse/index.ts → src/parse/pool.ts → src/parse/index.ts'],
    ],
    [
      'a longer circle, reported once',
      g({
        'src/rank/a.ts': [['src/rank/b.ts']],
        'src/rank/b.ts': [['src/rank/c.ts']],
        'src/rank/c.ts': [['src/rank/a.ts'], ['src/rank/d.ts']],
        'src/rank/d.ts': [],
      }),
      ['cycle: src/rank/a.ts → src/rank/b.ts → src/rank/c.ts → src/rank/a.ts'],
    ],
    [
      'a module importing itself',
      g({ 'src/rank/a.ts': [['src/rank/a.ts']] }),
      ['cycle: src/rank/a.ts → src/rank/a.ts'],
    ],
  ])('%s', (_name, graph, expected) => {
    expect(checkGraph(graph)).toEqual(expected);
  });
});
