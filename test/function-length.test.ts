// Holds the size rule of the house style: no function in `src/` over 100 lines. A factory closure
// counts as one function with everything inside it, so a long one is split by its structure (a state
// keeper, the per-item step, the schema's named parts), not left to grow. Functions are read with the
// TypeScript parser: declarations, expressions, arrows, methods, accessors and constructors, measured
// from their first line to their last, inclusive.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 100;
/** Generated from `taxonomy/` by the build: data, not code anyone writes. */
const GENERATED = new Set(['src/taxonomy/builtin-data.ts']);

interface LongFunction {
  where: string;
  name: string;
  lines: number;
}

function sourceFiles(dir: string, root: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, root, out);
    else if (name.endsWith('.ts') && !GENERATED.has(relative(root, path).split(sep).join('/'))) out.push(path);
  }
  return out;
}

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node) ||
  ts.isConstructorDeclaration(node);

/** The functions of a source text longer than `max` lines. */
function longFunctions(fileName: string, text: string, max = MAX_LINES): LongFunction[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) {
        const name =
          node.name?.getText(source) ??
          (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : '(anonymous)');
        out.push({ where: `${fileName}:${first + 1}`, name, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('function length', () => {
  it('measures a function from its first line to its last, closures with what they hold', () => {
    const body = (n: number): string => Array.from({ length: n }, (_, i) => `  const x${i} = ${i};`).join('\n');
    const text = [
      `function short() {\n${body(98)}\n}`,
      `function long() {\n${body(99)}\n}`,
      `const factory = () => {\n  function inner() {\n${body(40)}\n  }\n${body(58)}\n  return inner;\n};`,
      `class K {\n  method() {\n${body(99)}\n  }\n}`,
    ].join('\n');
    expect(longFunctions('x.ts', text).map((f) => [f.name, f.lines])).toEqual([
      ['long', 101],
      ['factory', 103],
      ['method', 101],
    ]);
  });

  it(`has no function in src/ over ${MAX_LINES} lines`, () => {
    const root = join(dirname(new URL(import.meta.url).pathname), '..');
    const long = sourceFiles(join(root, 'src'), root).flatMap((path) =>
      longFunctions(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8')),
    );
    expect(long.map((f) => `${f.where} ${f.name}: ${f.lines} lines`)).toEqual([]);
  });
});
