/**
 * Every fenced `ts`, `js` and `sh` block of README.md and docs/*.md, as pasted. TS blocks are type-checked
 * strictly and JS blocks with checkJs, all in two tsc programs, in a workspace inside the repository whose
 * `node_modules/@skillmatch/core` is this package (built), as it is for an installed user. Then each block runs:
 * TS and JS with node (TS stripped of its types by esbuild), shell blocks with bash, `skillmatch` and
 * `npx skillmatch` being the built CLI, on copies of the bundled fixtures named as the docs name them.
 *
 * A result written in a comment is checked: `expr; // literal` (or the literal on the comment lines below) must
 * match what `expr` gives (objects by the keys they show; `{…}` and `…` stand for what is left out),
 * `expr; // throws Name code` must throw that, and the comment lines under a `console.log` must appear in its
 * output. Other comments are prose.
 *
 * Markers, an HTML comment on the line before the fence:
 * - `<!-- snippet: skip (reason) -->`: not checked at all (a signature, an excerpt, a command that installs);
 * - `<!-- snippet: compile-only (reason) -->`: type-checked, not run (a server that never exits);
 * - `<!-- snippet: continues -->`: the same program as the previous checked block of its language in the file.
 * Skipped and compile-only blocks are counted and printed with their reasons.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_DOC, HEADLINE_END, HEADLINE_START, withHeadline } from '../bench/lib/report.mjs';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, '.tmp-snippets');
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

type Lang = 'ts' | 'js' | 'sh';
type Mode = 'run' | 'compile-only' | 'skip';
interface Block {
  file: string;
  line: number;
  lang: Lang;
  code: string;
  mode: Mode;
  reason: string;
  continues: boolean;
}
/** A program: a block and the blocks that continue it. */
interface Unit extends Block {
  name: string;
  lines: number[];
}

const MARKER = /^<!--\s*snippet:\s*(.*?)\s*-->$/;

/** The checked blocks of one Markdown file, with their markers. */
function readBlocks(markdown: string, file: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const lang = open[1]!;
    if (lang === 'ts' || lang === 'js' || lang === 'sh') {
      let before = i - 1;
      while (before >= 0 && lines[before]!.trim() === '') before--;
      const marker = before >= 0 ? MARKER.exec(lines[before]!.trim()) : null;
      let mode: Mode = 'run';
      let reason = '';
      let continues = false;
      for (const part of marker ? marker[1]!.split(/,\s*(?![^(]*\))/) : []) {
        const m = /^(skip|compile-only|continues)(?:\s*\((.+)\))?$/.exec(part.trim());
        if (!m) throw new Error(`${file}:${before + 1}: unknown snippet marker "${part}"`);
        if (m[1] === 'continues') continues = true;
        else {
          if (!m[2]) throw new Error(`${file}:${before + 1}: "${m[1]}" needs a reason in parentheses`);
          mode = m[1] as Mode;
          reason = m[2];
        }
      }
      blocks.push({ file, line: i + 1, lang, code: lines.slice(i + 1, end).join('\n'), mode, reason, continues });
    }
    i = end;
  }
  return blocks;
}

function toUnits(blocks: Block[]): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    if (block.continues) {
      // The nearest checked block of the same language in the same file: skipped signatures may stand between.
      const last = units.findLast((u) => u.file === block.file && u.lang === block.lang && u.mode !== 'skip');
      if (!last)
        throw new Error(
          `${block.file}:${block.line}: "continues" needs an earlier ${block.lang} block in the same file`,
        );
      last.code += `\n${block.code}`;
      last.lines.push(block.line);
      continue;
    }
    const name = `${block.file.replace(/\W+/g, '-')}-${block.line}`;
    units.push({ ...block, name, lines: [block.line] });
  }
  return units;
}

const STATEMENT =
  /^\s*(?:const|let|var|for|if|else|while|try|catch|finally|import|export|return|function|class|await using|using|[{}])\b|^\s*[{}]/;

/** A comment's text as a JS literal with `{…}` and `…` items removed, or null when it is prose. */
function literalOf(text: string): string | null {
  const cleaned = text
    .replace(/<-.*$/, '')
    .replace(/,?\s*[\w$]+: \{…\}/g, '')
    .replace(/,\s*…/g, '')
    .replace(/\{\s*,\s*/g, '{ ')
    .trim();
  if (!/^[[{'"\d-]|^(?:true|false|null|undefined)$/.test(cleaned) || cleaned.includes('…')) return null;
  try {
    new Function(`return (${cleaned});`);
    return cleaned;
  } catch {
    return null;
  }
}

interface Instrumented {
  code: string;
  checks: number;
  output: string[];
}

/** The code with each result comment turned into a check; `output`: what its console.log lines must print. */
function instrument(code: string): Instrumented {
  const lines = code.split('\n');
  const out: string[] = [];
  const output: string[] = [];
  let checks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trailing = /^(.*?;)\s*\/\/\s?(.*)$/.exec(line);
    const codePart = trailing ? trailing[1]! : line;
    const comment: string[] = trailing ? [trailing[2]!] : [];
    let j = i + 1;
    if (!line.trim().startsWith('//')) {
      while (j < lines.length && /^\s*\/\/ /.test(lines[j]!)) comment.push(lines[j++]!.replace(/^\s*\/\/ /, ''));
    }
    const text = comment.map((c) => c.trim()).join(' ');
    const expression = !STATEMENT.test(codePart) && /;\s*$/.test(codePart) && !codePart.trim().startsWith('//');
    const thrown = /^throws (\w+) ([\w-]+)/.exec(text);
    const literal = comment.length > 0 && expression ? literalOf(text) : null;
    const indent = /^\s*/.exec(codePart)![0];
    const expr = codePart.trim().replace(/;$/, '');
    if (comment.length > 0 && expression && thrown) {
      out.push(
        `${indent}__throws(() => (${expr}), ${JSON.stringify(thrown[1])}, ${JSON.stringify(thrown[2])}, ${JSON.stringify(line.trim())});`,
      );
      checks++;
    } else if (literal !== null) {
      out.push(`${indent}__expect((${expr}), (${literal}), ${JSON.stringify(line.trim())});`);
      checks++;
    } else {
      if (comment.length > 0 && /console\.log\(/.test(codePart))
        output.push(comment.map((c) => c.replace(/\s*<-.*$/, '').trim()).join(' '));
      out.push(line);
      continue;
    }
    // The comment lines under a checked expression are consumed by the check.
    for (let k = i + 1; k < j; k++) out.push('');
    i = j - 1;
  }
  return { code: out.join('\n'), checks, output };
}

/** Checks the instrumented code calls; a failure is printed and fails the process. */
const PRELUDE = `
function __matches(actual, expected) {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => __matches(actual[i], e));
  if (expected !== null && typeof expected === 'object') return actual !== null && typeof actual === 'object' && Object.keys(expected).every((k) => __matches(actual[k], expected[k]));
  return Object.is(actual, expected);
}
function __expect(actual, expected, where) {
  if (!__matches(actual, expected)) {
    console.error('SNIPPET MISMATCH ' + where + '\\n  documented: ' + JSON.stringify(expected) + '\\n  actual:     ' + JSON.stringify(actual));
    process.exitCode = 1;
  }
}
function __throws(fn, name, code, where) {
  try { fn(); } catch (error) {
    if (error && error.name === name && error.code === code) return;
    console.error('SNIPPET MISMATCH ' + where + '\\n  documented: throws ' + name + ' ' + code + '\\n  actual: ' + (error && error.name) + ' ' + (error && error.code));
    process.exitCode = 1;
    return;
  }
  console.error('SNIPPET MISMATCH ' + where + ': documented to throw ' + name + ' ' + code + ', did not');
  process.exitCode = 1;
}
`;

/** `skillmatch` and `npx skillmatch` are the built CLI; each call's exit code is logged. */
const SHELL_PRELUDE = `
skillmatch() { node "${ROOT}bin/skillmatch.js" "$@"; local s=$?; echo "$s skillmatch $*" >> "$SNIPPET_EXITS"; return $s; }
npx() { if [ "$1" = skillmatch ]; then shift; skillmatch "$@"; else command npx "$@"; fi; }
`;

/** Résumés named as the docs name them, copied from the bundled fixtures. */
const FILES: Record<string, string> = {
  'jane.pdf': 'fixtures/resumes/pdf-backend-node-senior/input.pdf',
  'raj.txt': 'fixtures/resumes/txt-backend-node-flags/input.txt',
  'raj.md': 'fixtures/resumes/md-backend-rust/input.md',
  'olga.md': 'fixtures/resumes/md-data-analyst/input.md',
  'omar.docx': 'fixtures/resumes/docx-textbox-qa/input.docx',
  'cv.pdf': 'fixtures/resumes/pdf-two-column-backend-go/input.pdf',
  'broken.pdf': 'fixtures/invalid/pdf-truncated/input.pdf',
  'resumes/jane.pdf': 'fixtures/resumes/pdf-backend-node-senior/input.pdf',
  'resumes/raj.txt': 'fixtures/resumes/txt-backend-node-flags/input.txt',
  'resumes/olga.md': 'fixtures/resumes/md-data-analyst/input.md',
  'resumes/omar.docx': 'fixtures/resumes/docx-textbox-qa/input.docx',
};

function prepareWorkspace(): void {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, 'node_modules', '@skillmatch'), { recursive: true });
  // Installed as a user installs it: the package's own folder, its exports map and its built files.
  symlinkSync(ROOT, join(WORK, 'node_modules', '@skillmatch', 'core'), 'dir');
  for (const [name, from] of Object.entries(FILES)) {
    mkdirSync(dirname(join(WORK, name)), { recursive: true });
    copyFileSync(join(ROOT, from), join(WORK, name));
  }
  // What docs/service.md's first request block writes with printf.
  writeFileSync(
    join(WORK, 'jane.txt'),
    'Jane Doe\nBackend engineer since 2019: Node.js, PostgreSQL, Docker, Kubernetes.\n',
  );
  writeFileSync(join(WORK, 'sam.txt'), 'Sam Roe\nPastry chef. Sauces, menus, kitchen management.\n');
  writeFileSync(join(WORK, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const base = {
    target: 'ES2022',
    lib: ['ES2023', 'ESNext.Disposable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
  };
  writeFileSync(
    join(WORK, 'tsconfig.ts.json'),
    JSON.stringify({ compilerOptions: { ...base, strict: true }, include: ['*.mts'] }),
  );
  // JavaScript users get no strict null checks; the check still finds unknown names, properties and wrong calls.
  writeFileSync(
    join(WORK, 'tsconfig.js.json'),
    JSON.stringify({ compilerOptions: { ...base, allowJs: true, checkJs: true, strict: false }, include: ['*.mjs'] }),
  );
}

const units = toUnits(DOCS.flatMap((file) => readBlocks(readFileSync(join(ROOT, file), 'utf8'), file)));
const typeErrors = new Map<string, string[]>();

async function typeCheck(config: string): Promise<void> {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const result = await run(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: WORK }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  for (const line of result.stdout.split('\n')) {
    const m = /^([\w.-]+)\(\d+,\d+\): error/.exec(line);
    if (m) typeErrors.set(m[1]!, [...(typeErrors.get(m[1]!) ?? []), line]);
    else if (line.trim() !== '' && /^\s/.test(line)) typeErrors.get([...typeErrors.keys()].at(-1) ?? '')?.push(line);
  }
}

const fileOf = (unit: Unit): string => `${unit.name}.${unit.lang === 'ts' ? 'mts' : 'mjs'}`;

beforeAll(async () => {
  prepareWorkspace();
  for (const unit of units)
    if (unit.mode !== 'skip' && unit.lang !== 'sh') writeFileSync(join(WORK, fileOf(unit)), unit.code);
  await Promise.all([typeCheck('tsconfig.ts.json'), typeCheck('tsconfig.js.json')]);
}, 120_000);

afterAll(() => {
  const skipped = units.filter((u) => u.mode === 'skip');
  const compiled = units.filter((u) => u.mode === 'compile-only');
  const list = (us: Unit[]) => us.map((u) => `\n  ${u.file}:${u.lines.join('+')} (${u.lang}): ${u.reason}`).join('');
  const ran = units.filter((u) => u.mode === 'run' && u.lang !== 'sh').map((u) => instrument(u.code));
  const results = ran.reduce((n, r) => n + r.checks + r.output.length, 0);
  console.log(
    `docs snippets: ${units.length} programs from ${units.reduce((n, u) => n + u.lines.length, 0)} blocks in ${DOCS.length} files; ${units.length - skipped.length - compiled.length} run (${results} documented results checked), ${compiled.length} type-checked only, ${skipped.length} skipped.${compiled.length ? `\ntype-checked only:${list(compiled)}` : ''}${skipped.length ? `\nskipped:${list(skipped)}` : ''}`,
  );
  rmSync(WORK, { recursive: true, force: true });
});

/** At most this many snippets at once: each may start a pool of parse workers on a shared machine. */
const PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const exitsOf = (unit: Unit): string => join(WORK, `${unit.name}.exits`);

async function execute(unit: Unit): Promise<{ code: number; stdout: string; stderr: string }> {
  const options = {
    cwd: WORK,
    timeout: 60_000,
    maxBuffer: 32 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', SNIPPET_EXITS: exitsOf(unit) },
  };
  const settle = (p: Promise<{ stdout: string; stderr: string }>) =>
    p
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
      .catch((error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: typeof error.code === 'number' ? error.code : -1,
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? '',
      }));
  if (unit.lang === 'sh') {
    const script = join(WORK, `${unit.name}.sh`);
    writeFileSync(script, `${SHELL_PRELUDE}\n${unit.code}\n`);
    return settle(run('bash', [script], options));
  }
  const { code } = instrument(unit.code);
  const js = unit.lang === 'ts' ? transformSync(code, { loader: 'ts', format: 'esm', target: 'node20' }).code : code;
  const script = join(WORK, `${unit.name}.run.mjs`);
  writeFileSync(script, `${PRELUDE}\n${js}`);
  return settle(run(process.execPath, [script], options));
}

describe('README and docs snippets', () => {
  it('finds the blocks', () => {
    expect(units.reduce((n, u) => n + u.lines.length, 0)).toBeGreaterThan(40);
    expect(units.filter((u) => u.mode === 'run').length).toBeGreaterThanOrEqual(20);
    for (const unit of units) expect(unit.code.trim(), `${unit.file}:${unit.line}`).not.toBe('');
  });

  const checked = units.filter((u) => u.mode !== 'skip');
  it.concurrent.each(
    checked.map(
      (u) =>
        [
          `${u.file}:${u.lines.join('+')} (${u.lang}${u.mode === 'compile-only' ? ', type-checked only' : ''})`,
          u,
        ] as const,
    ),
  )('%s', async (_, unit) => {
    if (unit.lang !== 'sh') expect(typeErrors.get(fileOf(unit)) ?? [], 'type errors').toEqual([]);
    if (unit.mode === 'compile-only') return;
    const result = await limited(() => execute(unit));
    const where = `${relative(ROOT, join(ROOT, unit.file))}:${unit.line}\n${result.stderr}`;
    if (unit.lang === 'sh') {
      expect(result.stderr, where).not.toMatch(/command not found|No such file or directory/);
      const exits = existsSync(exitsOf(unit)) ? readFileSync(exitsOf(unit), 'utf8') : '';
      // 1 is a documented outcome (an input could not be used); usage, configuration or internal errors are not.
      expect(
        exits.split('\n').filter((l) => l !== '' && !/^[01] /.test(l)),
        where,
      ).toEqual([]);
      if (/^(?:npx )?skillmatch /m.test(unit.code)) expect(exits, 'the block ran the CLI').not.toBe('');
      return;
    }
    expect(result.stderr, where).not.toContain('SNIPPET MISMATCH');
    expect(result.code, where).toBe(0);
    const said = result.stdout.replace(/\s+/g, ' ');
    for (const line of instrument(unit.code).output)
      expect(said, `${where}: documented output`).toContain(line.replace(/\s+/g, ' '));
  });
});

describe('snippet checks', () => {
  it('turns result comments into checks and leaves prose alone', () => {
    const { code, checks, output } = instrument(
      [
        "f('x'); // { id: 'x', span: {…} }",
        'g();',
        "// [['a', 1], …]",
        "h(); // throws ValidationError invalid-role, issues: [{ code: 'unknown-skill', … }]",
        'const a = 1; // 1',
        'i(); // prints the table',
        'for (const r of rs) console.log(r.id, r.n);',
        '// a 1',
        '// b 2      <- the second',
      ].join('\n'),
    );
    expect(checks).toBe(3);
    expect(code).toContain("__expect((f('x')), ({ id: 'x' })");
    expect(code).toContain("__expect((g()), ([['a', 1]])");
    expect(code).toContain('__throws(() => (h()), "ValidationError", "invalid-role"');
    expect(code).toContain('const a = 1; // 1');
    expect(code).toContain('i(); // prints the table');
    expect(output).toEqual(['a 1 b 2']);
  });

  it('reads markers and refuses a skip without a reason', () => {
    const md =
      '<!-- snippet: skip (a signature) -->\n```ts\nf(): void\n```\n\n<!-- snippet: continues -->\n```ts\nx;\n```\n```json\n{}\n```\n';
    expect(readBlocks(md, 'x.md').map((b) => [b.line, b.mode, b.reason, b.continues])).toEqual([
      [2, 'skip', 'a signature', false],
      [7, 'run', '', true],
    ]);
    expect(() => readBlocks('<!-- snippet: skip -->\n```sh\nls\n```\n', 'x.md')).toThrow(/needs a reason/);
    expect(() => readBlocks('<!-- snippet: sometimes -->\n```sh\nls\n```\n', 'x.md')).toThrow(/unknown snippet marker/);
  });
});

describe('README and docs links', () => {
  const slug = (heading: string): string =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
  const anchorsOf = (text: string): Set<string> => {
    const seen = new Map<string, number>();
    const out = new Set<string>();
    let fence = false;
    for (const line of text.split('\n')) {
      if (line.startsWith('```')) fence = !fence;
      const m = fence ? null : /^#{1,6} (.*)$/.exec(line);
      if (!m) continue;
      const base = slug(m[1]!);
      const n = seen.get(base);
      seen.set(base, (n ?? -1) + 1);
      out.add(n === undefined ? base : `${base}-${n + 1}`);
    }
    return out;
  };

  it('every relative link and anchor resolves', () => {
    const files = [
      ...DOCS,
      'CHANGELOG.md',
      'taxonomy/README.md',
      ...readdirSync(join(ROOT, 'taxonomy/roles'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `taxonomy/roles/${f}`),
    ];
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const resolved = path === '' ? join(ROOT, file) : join(ROOT, dirname(file), path);
        if (!existsSync(resolved)) broken.push(`${file}: ${target} (no such file)`);
        else if (anchor && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor))
          broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the bench writes its headline table only between the markers of docs/benchmarks.md', () => {
    const doc = readFileSync(join(ROOT, HEADLINE_DOC), 'utf8');
    const updated = withHeadline(doc, [{ label: 'a figure', ours: '1', baseline: '2' }], {
      date: '2026-12-06T10:00:00Z',
      node: 'v20.20.2',
      cpu: 'a CPU',
      cores: 2,
    });
    expect(updated).not.toBeNull();
    const outside = (text: string) =>
      text.slice(0, text.indexOf(HEADLINE_START)) + text.slice(text.indexOf(HEADLINE_END));
    expect(outside(updated!)).toBe(outside(doc));
    expect(updated).toContain('| a figure | 1 | 2 |');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).not.toContain(HEADLINE_START);
    expect(withHeadline('no markers', [], { date: '2026-12-06', node: '', cpu: '', cores: 1 })).toBeNull();
  });
});
