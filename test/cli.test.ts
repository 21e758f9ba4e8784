/**
 * The `skillmatch` command on the fixtures, run in-process through `main(argv, io)` with fake streams.
 * Two smoke tests run the built bin as a process (`npm run build` first; `npm test` does it through
 * `pretest`): that it runs and sets its exit status, and that a pipe closed early ends it quietly.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs, isResumeFileName } from '../src/cli/files.js';
import { COMMAND_HELP } from '../src/cli/help.js';
import { EXIT } from '../src/cli/main.js';
import { csvField, readabilityOf } from '../src/cli/output.js';
import { fitTable, renderTable, type Column, type FitStep } from '../src/cli/table.js';
import { displayWidth, shortenPath, truncate, truncateStart } from '../src/cli/text.js';
import { DOCUMENT_VERSION } from '../src/defaults.js';
import { BIN, expectFits, ROOT, runBin, runCli } from './helpers/cli.js';

const RESUMES = join('fixtures', 'resumes');
const INVALID = join('fixtures', 'invalid');
const IMAGE_ONLY = join(INVALID, 'pdf-image-only', 'input.pdf');
const AS_OF = '2025-06';

const caseDirs = (kind: string): string[] =>
  readdirSync(join(ROOT, 'fixtures', kind), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
const inputOf = (kind: string, name: string): string => {
  const file = readdirSync(join(ROOT, 'fixtures', kind, name)).find((f) => f.startsWith('input.'));
  return join('fixtures', kind, name, file!);
};

/** Validates against `schemas/v1/<name>.schema.json`, the published contract of the CLI's JSON. */
function schemaErrors(name: string, value: unknown): unknown[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const dir = join(ROOT, 'schemas', 'v1');
  const schemas = readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { $id: string });
  for (const schema of schemas) ajv.addSchema(schema);
  const validate = ajv.getSchema(schemas.find((s) => s.$id.endsWith(`/${name}.schema.json`))!.$id)!;
  return validate(value) ? [] : (validate.errors ?? []).slice(0, 5);
}

let tmp = '';
beforeAll(() => {
  // The isolated parse pool forks the built worker, and the smoke tests run the built bin.
  expect(existsSync(join(ROOT, 'dist', 'esm', 'cli', 'main.js')), 'dist/ is missing: run npm run build').toBe(true);
  expect(process.cwd(), 'paths in these tests are relative to the package root').toBe(ROOT.replace(/[\\/]$/, ''));
  tmp = mkdtempSync(join(tmpdir(), 'skillmatch-cli-'));
  writeFileSync(join(tmp, 'not-json.json'), '{ "id": "x", ');
  writeFileSync(
    join(tmp, 'bad-role.json'),
    JSON.stringify({
      id: 'Bad Id',
      title: '',
      requirements: [{ skill: 'no-such-skill-xyz', importance: 'sometimes' }],
    }),
  );
  writeFileSync(
    join(tmp, 'no-tech.txt'),
    'Office Manager\n\nRequirements:\n- A friendly manner on the phone\n- Keeps the diary\n',
  );
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('folder walk', () => {
  it('takes every input.* of the fixture folders and none of the goldens, truth or role files', async () => {
    const { files, errors } = await collectInputs([RESUMES]);
    expect(errors).toEqual([]);
    expect(files.length).toBe(caseDirs('resumes').length);
    for (const f of files) expect(f).toMatch(/[\\/]input\.(pdf|docx|html|md|txt|json)$/);
    expect(isResumeFileName('expected.json')).toBe(false);
    expect(isResumeFileName('expected-skills.json')).toBe(false);
    expect(isResumeFileName('truth.json')).toBe(false);
    expect(isResumeFileName('role.json')).toBe(false);
    expect(isResumeFileName('cv.json')).toBe(true);
    expect(isResumeFileName('CV.PDF')).toBe(true);
    expect(isResumeFileName('notes.xlsx')).toBe(false);
  });

  it('reports a missing path as file-not-found and keeps going', async () => {
    const { files, errors } = await collectInputs([join(RESUMES, 'md-backend-rust'), 'no/such/folder']);
    expect(files).toEqual([join(RESUMES, 'md-backend-rust', 'input.md')]);
    expect(errors.map((e) => [e.file, e.error.code])).toEqual([['no/such/folder', 'file-not-found']]);
  });
});

describe('output helpers', () => {
  it('aligns wide characters and quotes CSV fields', () => {
    expect(displayWidth('李伟')).toBe(4);
    expect(displayWidth('Zoë')).toBe(3);
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncateStart('abcdefghij', 5)).toBe('…ghij');
    const table = renderTable(
      [{ header: 'name' }, { header: 'n', right: true }],
      [
        ['李伟', '1'],
        ['Zoë Ångström', '10'],
      ],
    ).split('\n');
    expect(displayWidth(table[2]!)).toBe(displayWidth(table[3]!));
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });

  it.each([
    // [path, width, shown]
    ['cv.pdf', 10, 'cv.pdf'],
    ['fixtures/resumes/pdf-backend-node-senior/input.pdf', 51, 'fixtures/resumes/pdf-backend-node-senior/input.pdf'],
    ['fixtures/resumes/pdf-backend-node-senior/input.pdf', 30, '…backend-node-senior/input.pdf'],
    ['/home/hr/applicants/2025/Jane_Doe_CV.pdf', 20, '…025/Jane_Doe_CV.pdf'],
    ['a/very-long-file-name-of-a-candidate.docx', 12, '…didate.docx'],
    ['/tmp/李伟-简历.pdf', 12, '…伟-简历.pdf'],
  ])('shortenPath(%j, %i) keeps the end of the path: %j', (path, width, shown) => {
    const out = shortenPath(path, width);
    expect(out).toBe(shown);
    expect(displayWidth(out)).toBeLessThanOrEqual(width);
  });

  const columns: Column[] = [
    { header: '#', right: true },
    { header: 'file', cut: 'path', max: 40 },
    { header: 'score', right: true },
    { header: 'skills', max: 30 },
    { header: 'notes', max: 30 },
  ];
  const fit: FitStep[] = [
    { narrow: 'skills', to: 12 },
    { narrow: 'file', to: 16 },
    { drop: 'notes' },
    { narrow: 'file', to: 8 },
  ];
  const rows = [
    [
      '1',
      'resumes/2025/june/jane-doe.pdf',
      '92.4',
      { items: ['Node.js', 'PostgreSQL', 'Docker', 'Kubernetes'] },
      'strong on the back end',
    ],
    ['2', 'resumes/2025/june/wang-wei-李伟.docx', '71.0', { items: ['Go'], more: 3 }, ''],
  ];

  it.each([
    // [width, columns shown, a cell that must appear]
    [
      200,
      ['#', 'file', 'score', 'skills', 'notes'],
      '1  resumes/2025/june/jane-doe.pdf         92.4  Node.js, PostgreSQL, Docker +1  strong on the back end',
    ],
    [80, ['#', 'file', 'score', 'skills', 'notes'], '2  …es/2025/june/wang-wei-李伟.docx   71.0  Go +3'],
    [60, ['#', 'file', 'score', 'skills'], '1  …5/june/jane-doe.pdf   92.4  Node.js, PostgreSQL +2'],
    [40, ['#', 'file', 'score', 'skills'], '1  …ne/jane-doe.pdf   92.4  Node.js +3'],
    [30, ['#', 'file', 'score', 'skills'], '1  …-doe.pdf   92.4  Node.… +3'],
  ])('fitTable at %i columns keeps %j, narrows by its steps, and no line is wider', (width, shown, cell) => {
    const { text, dropped } = fitTable(columns, rows, { width, fit });
    expectFits(text, width);
    const header = text.split('\n')[0]!;
    for (const c of columns)
      expect(header.includes(c.header), `${c.header} at ${width}`).toBe(shown.includes(c.header));
    expect(dropped).toEqual(columns.map((c) => c.header).filter((h) => !shown.includes(h)));
    expect(text).toContain(cell);
  });

  it.each([
    // [width, dropped, file cell shown]: the steps never cut into a file name; only the last resort does
    [70, [], 'some/folder/Jane_Doe_Backend_CV.pdf'],
    [50, ['notes'], 'some/folder/Jane_Doe_Backend_CV.pdf'],
    [26, ['notes'], '…r/Jane_Doe_Backend_CV.pdf'],
    [20, ['notes'], '…_Doe_Backend_CV.pdf'],
  ])(
    'a path column at %i columns keeps its file name whole as long as the steps can (drops %j)',
    (width, dropped, shown) => {
      const table = fitTable(
        [{ header: 'file', cut: 'path' }, { header: 'notes' }],
        [['some/folder/Jane_Doe_Backend_CV.pdf', 'a note that is long enough']],
        { width, fit: [{ narrow: 'file', to: 10 }, { drop: 'notes' }] },
      );
      expectFits(table.text, width);
      expect(table.dropped).toEqual(dropped);
      expect(table.text.split('\n')[2]!.split('  ')[0]).toBe(shown);
    },
  );

  it('cuts a list at whole items with the rest counted, and never drops a column it was not told to', () => {
    const { text } = fitTable(columns, rows, { width: 60, fit });
    expect(text).toContain('Go +3');
    expect(text).not.toMatch(/Docker…|PostgreS…/);
    // Without steps a table too wide is still cut to fit, column by column, widest first.
    const unfitted = fitTable(columns, rows, { width: 50 });
    expectFits(unfitted.text, 50);
    expect(unfitted.dropped).toEqual([]);
    expect(() => fitTable(columns, rows, { width: 20, fit: [{ drop: 'nope' }] })).toThrow(RangeError);
  });

  it.each([
    // [diagnostic codes, words, unreadable, reason]
    [['no-text-layer'], 0, true, 'no-text-layer'],
    [['no-text-layer', 'no-readable-text'], undefined, true, 'no-text-layer'],
    [['few-words', 'no-readable-text'], undefined, true, 'no-readable-text'],
    [['few-words'], 0, true, 'no-readable-text'],
    [['few-words'], 12, false, null],
    [['two-columns', 'no-skills-found'], undefined, false, null],
    [[], 400, false, null],
  ] as const)('readabilityOf(%j, %s) is unreadable: %s (%s)', (codes, words, unreadable, reason) => {
    expect(
      readabilityOf(
        codes.map((code) => ({ code })),
        words,
      ),
    ).toEqual({ unreadable, reason });
  });
});

describe.concurrent('skillmatch', { timeout: 120_000 }, () => {
  // Started first, so the two processes run beside the in-process work.
  it('the bin runs as a process: version, a ranking, and its exit status for usage and configuration errors', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const [version, ranked, usage, config] = await Promise.all([
      runBin(['--version']),
      runBin([
        'rank',
        '--role',
        'backend-developer',
        join(RESUMES, 'txt-backend-node-flags', 'input.txt'),
        join(RESUMES, 'md-backend-rust', 'input.md'),
        '--format',
        'json',
        '--as-of',
        AS_OF,
      ]),
      runBin(['rank', '--top', 'many', RESUMES]),
      runBin(['rank', '--role', 'no-such-role', RESUMES]),
    ]);
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(ranked.code, ranked.stderr).toBe(0);
    expect((JSON.parse(ranked.stdout) as { results: unknown[] }).results).toHaveLength(2);
    expect(usage).toMatchObject({ code: 2, stdout: '' });
    expect(config).toMatchObject({ code: 3, stdout: '' });
    expect(config.stderr).toContain('unknown-role');
  });

  it('the bin as a process: extract into a pipe that closes early (| head) ends quietly with 0', async () => {
    const child = spawn(process.execPath, [BIN, 'extract', RESUMES, '--no-isolate', '--as-of', AS_OF], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('prints its version and help; a wrong command line exits 2 with the reason on stderr', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const [version, help, none, unknown, proto, badFormat, badAsOf, badWidth, widthNotTable] = await Promise.all([
      runCli(['--version']),
      runCli(['--help']),
      runCli([]),
      runCli(['frobnicate']),
      runCli(['toString']),
      runCli(['parse', join(RESUMES, 'md-backend-rust', 'input.md'), '--format', 'xml']),
      runCli(['rank', '--role', 'backend-developer', '--as-of', '2025-13', RESUMES]),
      runCli(['rank', '--role', 'backend-developer', '--width', '0', RESUMES]),
      runCli(['rank', '--role', 'backend-developer', '--width', '80', '--format', 'json', RESUMES]),
    ]);
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(help.code).toBe(0);
    for (const command of ['parse', 'extract', 'resolve', 'rank', 'match', 'roles', 'serve'])
      expect(help.stdout).toContain(`skillmatch ${command}`);
    expect(help.stdout).toMatch(/^ {2}3 {4}configuration/m);
    expectFits(help.stdout, 80);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('Usage:');
    for (const run of [unknown, proto]) expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(proto.stderr).toContain('unknown command "toString"');
    expect(badFormat).toMatchObject({ code: 2, stdout: '' });
    expect(badFormat.stderr).toContain('--format must be one of json, text');
    expect(badFormat.stderr).toContain('Run `skillmatch parse --help`');
    expect(badAsOf).toMatchObject({ code: 2, stdout: '' });
    expect(badAsOf.stderr).toContain('--as-of');
    expect(badWidth.code).toBe(2);
    expect(badWidth.stderr).toContain('--width must be a positive integer');
    expect(widthNotTable.code).toBe(2);
    expect(widthNotTable.stderr).toContain('--width applies to --format table only');
  });

  it('--document-date reads stored résumés as of their month, or estimates it, and says so in the output', async () => {
    const file = join(RESUMES, 'txt-backend-node-flags', 'input.txt');
    const [estimated, month, late, bad] = await Promise.all([
      runCli(['parse', file, '--no-isolate', '--as-of', AS_OF, '--document-date', 'estimate']),
      runCli([
        'rank',
        '--role',
        'backend-developer',
        file,
        '--format',
        'json',
        '--no-isolate',
        '--as-of',
        AS_OF,
        '--document-date',
        '2019-06',
      ]),
      runCli([
        'rank',
        '--role',
        'backend-developer',
        file,
        '--no-isolate',
        '--as-of',
        AS_OF,
        '--document-date',
        '2027-01',
      ]),
      runCli(['extract', file, '--no-isolate', '--document-date', 'June 2019']),
    ]);
    expect(estimated.code, estimated.stderr).toBe(0);
    expect(['estimated', 'metadata', 'as-of']).toContain(JSON.parse(estimated.stdout).documentDate.source);
    expect(month.code, month.stderr).toBe(0);
    expect(JSON.parse(month.stdout)).toMatchObject({ asOf: AS_OF, documentDate: '2019-06', total: 1 });
    for (const run of [late, bad]) expect(run).toMatchObject({ code: EXIT.usage, stdout: '' });
    expect(late.stderr).toContain('--document-date (2027-01) is after --as-of');
    expect(bad.stderr).toContain('--document-date must be a month as YYYY-MM or "estimate"');
  });

  it('every command has its own --help: usage, options, an example and the exit codes', async () => {
    const options: Record<string, string[]> = {
      parse: ['--format', '--as-of', '--document-date', '--no-isolate'],
      extract: ['--format', '--as-of', '--document-date', '--no-isolate', '--workers', '--width'],
      resolve: ['--format', '--width'],
      rank: ['--role', '--format', '--top', '--as-of', '--document-date', '--no-isolate', '--workers', '--width'],
      match: ['--role', '--format', '--as-of', '--document-date', '--no-isolate'],
      roles: ['--format', '--width'],
    };
    expect(Object.keys(COMMAND_HELP).sort()).toEqual(Object.keys(options).sort());
    for (const [command, names] of Object.entries(options)) {
      const [flag, short, word] = await Promise.all([
        runCli([command, '--help']),
        runCli([command, '-h', 'ignored.pdf']),
        runCli(['help', command]),
      ]);
      for (const run of [flag, short, word])
        expect(run, command).toEqual({ code: 0, stdout: COMMAND_HELP[command], stderr: '' });
      expect(flag.stdout).toMatch(new RegExp(`^skillmatch ${command} — `));
      expect(flag.stdout).toContain(`\n  skillmatch ${command} `);
      expect(flag.stdout).toMatch(/\nExamples:\n {2}skillmatch /);
      expect(flag.stdout).toContain('130  stopped by SIGINT');
      for (const name of names) expect(flag.stdout, `${command} --help names ${name}`).toContain(name);
      expectFits(flag.stdout, 80);
    }
    const [serve, unknown] = await Promise.all([runCli(['serve', '--help']), runCli(['help', 'frobnicate'])]);
    expect(serve.code).toBe(0);
    expect(serve.stdout).toContain('skillmatch serve — the HTTP service');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
  });

  it.each([
    // [what, exit code, on stderr, args]
    ['an unknown role id', EXIT.config, 'unknown-role', ['rank', '--role', 'no-such-role', RESUMES]],
    ['a role file that is not JSON', EXIT.config, 'invalid-role', ['rank', '--role', '@tmp/not-json.json', RESUMES]],
    [
      'an invalid role file',
      EXIT.config,
      'invalid-role',
      ['match', '--role', '@tmp/bad-role.json', join(RESUMES, 'md-backend-rust', 'input.md')],
    ],
    ['a missing role file', EXIT.config, 'file-not-found', ['rank', '--role', '@tmp/missing.json', RESUMES]],
    [
      'a job description asking for no technology',
      EXIT.config,
      'role-empty',
      ['rank', '--role', '@tmp/no-tech.txt', RESUMES],
    ],
    ['a missing résumé', EXIT.input, 'file-not-found', ['match', '--role', 'backend-developer', 'no-such-cv.pdf']],
    ['no --role', EXIT.usage, '--role is required', ['rank', RESUMES]],
    [
      'a résumé and a good role',
      EXIT.ok,
      '',
      ['match', '--role', 'backend-developer', join(RESUMES, 'md-backend-rust', 'input.md'), '--as-of', AS_OF],
    ],
  ] as const)('%s exits %i', async (_what, code, message, args) => {
    const run = await runCli(args.map((a) => a.replace('@tmp', tmp)));
    expect(run.code, run.stderr).toBe(code);
    if (code !== EXIT.ok) expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('serve on a port already taken exits 3 (configuration), saying why', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const run = await runCli(['serve', '--host', '127.0.0.1', '--port', String(port)]);
      expect(run).toMatchObject({ code: EXIT.config, stdout: '' });
      expect(run.stderr).toMatch(/^skillmatch serve: cannot listen: .*EADDRINUSE/);
    } finally {
      taken.close();
    }
  });

  it('parse prints the ResumeDocument as JSON (through the isolated parse pool)', async () => {
    const run = await runCli(['parse', join(RESUMES, 'pdf-backend-node-senior', 'input.pdf'), '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      version: string;
      text: string;
      meta: { format: string; pages: number };
      sections: { kind: string }[];
      timeline: { start: string; end: string | null }[];
    };
    expect(doc.version).toBe(DOCUMENT_VERSION);
    expect(doc.meta).toMatchObject({ format: 'pdf', pages: 2 });
    expect(doc.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['experience', 'skills', 'education']));
    expect(doc.timeline[0]).toMatchObject({ start: '2019-01', end: null });
    expect(doc.text).toContain('Zoë Ångström');
  });

  it('parse of a bad file prints the error code on stderr and exits 1', async () => {
    const [truncated, missing, encrypted] = await Promise.all([
      runCli(['parse', join(INVALID, 'pdf-truncated', 'input.pdf'), '--no-isolate']),
      runCli(['parse', 'no-such-file.pdf']),
      runCli(['parse', join(INVALID, 'pdf-encrypted-user-password', 'input.pdf'), '--format', 'text', '--no-isolate']),
    ]);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toBe('');
    expect(truncated.stderr).toMatch(
      /^skillmatch: fixtures[\\/]invalid[\\/]pdf-truncated[\\/]input\.pdf: pdf-corrupt: /,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-file.pdf: file-not-found: ');
    expect(encrypted).toMatchObject({ code: 1, stdout: '' });
    expect(encrypted.stderr).toContain(': pdf-encrypted: ');
  });

  it('parse --format text shows sections and the timeline, and says when a PDF has no text', async () => {
    const [run, scan] = await Promise.all([
      runCli([
        'parse',
        join(RESUMES, 'txt-devops-colon-headings', 'input.txt'),
        '--format',
        'text',
        '--no-isolate',
        '--as-of',
        AS_OF,
      ]),
      runCli(['parse', IMAGE_ONLY, '--format', 'text', '--no-isolate', '--as-of', AS_OF]),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Sections:');
    expect(run.stdout).toMatch(/experience\s+"Professional Experience:?"/);
    expect(run.stdout).toMatch(/2020-01 – present/);
    expect(run.stdout.split('\n')[0]).not.toContain('no text');
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stdout.split('\n')[0]).toContain('no text: scanned?');
  });

  it('extract --format jsonl: one line per file, the contract fields, exact offsets, unreadable marked', async () => {
    const files = [
      join(RESUMES, 'txt-backend-node-flags', 'input.txt'),
      join(INVALID, 'empty-file', 'input.pdf'),
      join(RESUMES, 'txt-designer-crlf-bom', 'input.txt'),
      IMAGE_ONLY,
    ];
    const run = await runCli(['extract', ...files, '--format', 'jsonl', '--no-isolate', '--as-of', AS_OF]);
    expect(run.code, 'a failed file makes the exit code 1').toBe(1);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[1]).toEqual({ file: files[1], error: { code: 'empty-input', message: expect.any(String) } });
    expect(run.stderr).toContain(`${files[1]}: empty-input: `);
    expect(lines[3]).toMatchObject({ skills: [], unreadable: true, reason: 'no-text-layer' });
    for (const line of lines) expect(schemaErrors('cli-extract', line)).toEqual([]);
    for (const i of [0, 2]) {
      expect(lines[i]).toMatchObject({ unreadable: false, reason: null });
      const raw = readFileSync(join(ROOT, files[i]!), 'utf8').replace(/^\uFEFF/, '');
      const skills = lines[i]!.skills as Record<string, unknown>[];
      expect(skills.length).toBeGreaterThan(3);
      for (const skill of skills) {
        for (const key of ['id', 'name', 'category', 'months', 'lastUsed', 'claimedYears', 'mentions', 'implied'])
          expect(skill).toHaveProperty(key);
        for (const m of skill.mentions as Record<string, unknown>[]) {
          for (const key of ['start', 'end', 'text', 'section', 'context', 'negated', 'aspiration', 'fuzzy'])
            expect(m).toHaveProperty(key);
          expect(raw.slice(m.start as number, m.end as number), `${String(skill.id)} at ${String(m.start)}`).toBe(
            m.text,
          );
        }
      }
    }
    const node = (
      lines[0]!.skills as { id: string; months: number; lastUsed: string; mentions: { context: string }[] }[]
    ).find((s) => s.id === 'nodejs');
    expect(node).toMatchObject({ months: 66, lastUsed: '2025-06' });
    expect(node!.mentions.map((m) => m.context)).toEqual(expect.arrayContaining(['experience', 'skills-list']));
  });

  it('extract --format json is one array of the same records', async () => {
    const files = [join(RESUMES, 'md-backend-rust', 'input.md'), join(INVALID, 'empty-file', 'input.pdf')];
    const [json, jsonl] = await Promise.all([
      runCli(['extract', ...files, '--format', 'json', '--no-isolate', '--as-of', AS_OF]),
      runCli(['extract', ...files, '--format', 'jsonl', '--no-isolate', '--as-of', AS_OF]),
    ]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual(
      jsonl.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    );
    expect(json.stderr).toBe(jsonl.stderr);
  });

  it('extract --format table: a table per file read; errors on stderr only; a scan marked', async () => {
    const run = await runCli(
      [
        'extract',
        join(RESUMES, 'md-backend-rust', 'input.md'),
        join(INVALID, 'pdf-truncated', 'input.pdf'),
        IMAGE_ONLY,
        '--format',
        'table',
        '--no-isolate',
        '--as-of',
        AS_OF,
      ],
      { columns: 200 },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/input\.md — \d+ skills\n/);
    expect(run.stdout).toMatch(/^Rust\s+rust\s/m);
    expect(run.stdout).toContain('pdf-image-only/input.pdf — 0 skills — no text: scanned?');
    expect(run.stdout).not.toContain('pdf-truncated');
    expect(run.stdout).not.toContain('pdf-corrupt');
    expect(run.stderr).toMatch(/^skillmatch: fixtures[\\/]invalid[\\/]pdf-truncated[\\/]input\.pdf: pdf-corrupt: /m);
  });

  it('resolve --format jsonl: one line per name, id null when nothing resolves', async () => {
    const run = await runCli(['resolve', 'k8s', 'Postgress', 'express delivery', 'Golang', '--format', 'jsonl']);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string; id: string | null; name: string | null; fuzzy: boolean });
    expect(rows.map((r) => r.input)).toEqual(['k8s', 'Postgress', 'express delivery', 'Golang']);
    expect(rows[0]).toMatchObject({ id: 'kubernetes', name: 'Kubernetes', fuzzy: false });
    expect(rows[1]).toMatchObject({ id: 'postgresql', fuzzy: true });
    expect(rows[2]).toMatchObject({ id: null, name: null });
    expect(rows[3]).toMatchObject({ id: 'go', fuzzy: false });
  });

  it('rank --format json: the contract shape, every fixture résumé ranked, every bad input in errors and on stderr', async () => {
    const run = await runCli([
      'rank',
      '--role',
      'backend-developer',
      RESUMES,
      INVALID,
      '--format',
      'json',
      '--workers',
      '2',
      '--as-of',
      AS_OF,
    ]);
    expect(run.code, 'bad inputs make the exit code 1').toBe(1);
    expect(run.stderr, 'no progress bar when stderr is not a terminal').not.toContain('\r');
    const out = JSON.parse(run.stdout) as {
      role: { id: string; title: string };
      results: {
        file: string;
        rank: number;
        score: number;
        mustHavesMet: boolean;
        unreadable: boolean;
        reason: string | null;
        requirements: {
          id: string;
          label: string;
          status: string;
          score: number;
          via: string | null;
          evidence: unknown[];
        }[];
      }[];
      errors: { file: string; code: string; message: string }[];
    };
    expect(out.role).toEqual({ id: 'backend-developer', title: expect.any(String) });

    const invalidTruth = caseDirs('invalid').map((name) => ({
      name,
      file: inputOf('invalid', name),
      truth: JSON.parse(readFileSync(join(ROOT, 'fixtures', 'invalid', name, 'truth.json'), 'utf8')) as {
        expect: string;
        codes?: string[];
      },
    }));
    const readable = invalidTruth.filter((c) => c.truth.expect === 'document').map((c) => c.file);
    const expectedFiles = [...caseDirs('resumes').map((name) => inputOf('resumes', name)), ...readable].sort();
    expect(out.results.map((r) => r.file).sort()).toEqual(expectedFiles);
    expect(out.results.map((r) => r.rank)).toEqual(out.results.map((_, i) => i + 1));
    for (const r of out.results) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(typeof r.mustHavesMet).toBe('boolean');
      expect(r.requirements.length).toBeGreaterThan(5);
      for (const q of r.requirements) expect(['met', 'partial', 'missing']).toContain(q.status);
    }
    // Candidates who meet the must-haves come first; within each group, by score.
    const met = out.results.filter((r) => r.mustHavesMet);
    expect(out.results.slice(0, met.length).every((r) => r.mustHavesMet)).toBe(true);
    // Only the scan has no text; every other result is a read résumé.
    expect(out.results.filter((r) => r.unreadable).map((r) => [r.file, r.reason])).toEqual([
      [IMAGE_ONLY, 'no-text-layer'],
    ]);
    expect(out.results.filter((r) => !r.unreadable).every((r) => r.reason === null)).toBe(true);
    expect(schemaErrors('cli-rank', out)).toEqual([]);
    expect(
      schemaErrors('cli-rank', { ...out, results: [{ ...out.results[0], unreadable: 'no', reason: 'a scan' }] }),
    ).toHaveLength(2);

    const errors = new Map(out.errors.map((e) => [e.file, e]));
    for (const c of invalidTruth.filter((x) => x.truth.expect === 'error')) {
      expect(errors.get(c.file), `${c.file} missing from errors`).toBeDefined();
      expect(c.truth.codes).toContain(errors.get(c.file)!.code);
      expect(errors.get(c.file)!.message.length).toBeGreaterThan(10);
      expect(run.stderr).toContain(`skillmatch: ${c.file}: ${errors.get(c.file)!.code}: `);
    }
    expect(out.errors.length).toBe(invalidTruth.filter((x) => x.truth.expect === 'error').length);

    const rankOf = (name: string): number => out.results.find((r) => r.file === inputOf('resumes', name))!.rank;
    expect(rankOf('pdf-backend-node-senior')).toBeLessThan(rankOf('html-chef'));
    expect(rankOf('pdf-backend-node-senior')).toBeLessThan(rankOf('pdf-sidebar-frontend'));
    expect(out.results.find((r) => r.file.includes('html-chef'))!.score).toBe(0);
  });

  it('rank --format csv: a header row, one row per result with unreadable and reason last; --top cuts the list', async () => {
    const [run, scan] = await Promise.all([
      runCli([
        'rank',
        '--role',
        'backend-developer',
        join(RESUMES, 'md-backend-rust'),
        join(RESUMES, 'txt-backend-node-flags'),
        join(RESUMES, 'html-chef'),
        '--format',
        'csv',
        '--top',
        '2',
        '--no-isolate',
        '--as-of',
        AS_OF,
      ]),
      runCli([
        'rank',
        '--role',
        'backend-developer',
        join(RESUMES, 'md-backend-rust', 'input.md'),
        IMAGE_ONLY,
        join(INVALID, 'pdf-truncated', 'input.pdf'),
        '--format',
        'csv',
        '--no-isolate',
        '--as-of',
        AS_OF,
      ]),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.split('\r\n').filter(Boolean);
    expect(rows.length).toBe(3);
    expect(rows[0]!.startsWith('rank,file,score,mustHavesMet,missingRequired,')).toBe(true);
    expect(rows[0]!.endsWith(',unreadable,reason')).toBe(true);
    expect(rows[1]!.startsWith('1,')).toBe(true);
    expect(rows[1]!.endsWith(',false,')).toBe(true);
    expect(rows[2]!.startsWith('2,')).toBe(true);
    expect(run.stdout).not.toContain('html-chef');
    expect(scan.code).toBe(1);
    const scanRows = scan.stdout.split('\r\n').filter(Boolean);
    expect(scanRows).toHaveLength(3);
    expect(scanRows[2]!.split(',').length, 'as many cells as headers').toBe(scanRows[0]!.split(',').length);
    expect(scanRows[2]).toMatch(
      /^2,fixtures[\\/]invalid[\\/]pdf-image-only[\\/]input\.pdf,0,false,.*,true,no-text-layer$/,
    );
    expect(scan.stdout).not.toContain('pdf-truncated');
    expect(scan.stderr).toMatch(/pdf-truncated[\\/]input\.pdf: pdf-corrupt: /);
  });

  it('rank --format table: rank, file, score, must-haves, matched and missing; a scan marked; bad files on stderr only', async () => {
    const run = await runCli(
      [
        'rank',
        '--role',
        'backend-developer',
        join(RESUMES, 'pdf-backend-node-senior'),
        join(RESUMES, 'html-chef'),
        join(INVALID, 'docx-zip-bomb'),
        IMAGE_ONLY,
        '--no-isolate',
        '--as-of',
        AS_OF,
      ],
      { columns: 160 },
    );
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'Back End Developer (backend-developer) — 3 ranked, 1 with no text, 1 could not be used (on stderr)',
    );
    const header = lines.find((l) => l.startsWith('#'))!;
    for (const col of ['file', 'score', 'must-haves', 'matched', 'missing']) expect(header).toContain(col);
    expect(lines.find((l) => /^1\s/.test(l))).toMatch(
      /pdf-backend-node-senior[\\/]input\.pdf\s+\d+\.\d\s+yes\s+Node\.js, /,
    );
    expect(lines.find((l) => /^2\s/.test(l))).toMatch(/html-chef[\\/]input\.html\s+0\.0\s+no\s+/);
    expect(lines.find((l) => /^3\s/.test(l))).toMatch(
      /pdf-image-only[\\/]input\.pdf\s+—\s+no text: scanned\?\s+images only: OCR it$/,
    );
    expect(run.stdout).not.toContain('docx-zip-bomb');
    expect(run.stderr).toMatch(
      /^skillmatch: fixtures[\\/]invalid[\\/]docx-zip-bomb[\\/]input\.docx: limit-expanded-size: /m,
    );
  });

  it('rank --format table fits the terminal: 60, 80, 120 and 200 columns, 100 when piped, --width wins', async () => {
    // Names short and long, every format, a 0 score, a scan and an error: enough for every column and cut.
    const picked = [
      'pdf-backend-node-senior',
      'html-backend-python',
      'docx-headings-backend-csharp',
      'md-backend-rust',
      'txt-designer-crlf-bom',
      'json-backend-java-kotlin',
      'html-chef',
    ];
    const args = [
      'rank',
      '--role',
      'backend-developer',
      ...picked.map((name) => inputOf('resumes', name)),
      IMAGE_ONLY,
      join(INVALID, 'pdf-truncated', 'input.pdf'),
      '--no-isolate',
      '--as-of',
      AS_OF,
    ];
    const widths = [60, 80, 120, 200];
    const [runs, piped, given] = await Promise.all([
      Promise.all(widths.map((columns) => runCli(args, { columns }))),
      runCli(args),
      runCli([...args, '--width', '72'], { columns: 200 }),
    ]);
    const expectTable = (stdout: string, width: number): void => {
      expectFits(stdout, width);
      const rows = stdout.split('\n').filter((l) => /^\s*\d+\s{2}/.test(l));
      expect(rows, `${width} columns`).toHaveLength(picked.length + 1);
      // Every row keeps its file name, its score and its must-haves.
      for (const row of rows)
        expect(row).toMatch(/input\.(pdf|docx|html|md|txt|json)\s+(\d+\.\d|—)\s+(yes|no|no text: scanned\?)(\s{2}|$)/);
      expect(rows.find((r) => r.includes('no text: scanned?'))).toMatch(/image-only[\\/]input\.pdf\s/);
    };
    for (const [i, run] of runs.entries()) {
      expect(run.code).toBe(1);
      expectTable(run.stdout, widths[i]!);
      expect(run.stdout).not.toContain('pdf-truncated');
    }
    const header = (stdout: string): string => stdout.split('\n').find((l) => /^\s*#\s/.test(l))!;
    // The stated order: matched goes before missing; at 200 nothing goes.
    expect(header(runs[0]!.stdout)).not.toMatch(/matched|missing/);
    expect(runs[0]!.stdout).toContain('(hidden to fit 60 columns: matched, missing)');
    expect(header(runs[1]!.stdout)).toMatch(/must-haves\s+missing/);
    expect(header(runs[2]!.stdout)).toMatch(/matched.*missing/);
    expect(header(runs[3]!.stdout)).toMatch(/matched.*missing/);
    expect(runs[3]!.stdout).not.toContain('hidden to fit');
    // Paths are cut from the left: the folder that tells fixtures apart stays where it fits.
    expect(runs[1]!.stdout).toMatch(/…[\w-]*node-senior[\\/]input\.pdf/);
    expect(runs[3]!.stdout).toContain(join(RESUMES, 'pdf-backend-node-senior', 'input.pdf'));
    expectTable(piped.stdout, 100);
    expect(header(piped.stdout), 'at 100 columns (a pipe) every column shows').toMatch(
      /file\s+score\s+must-haves\s+matched.*missing/,
    );
    expect(Math.max(...piped.stdout.split('\n').map(displayWidth))).toBeGreaterThan(90);
    expectTable(given.stdout, 72);
  });

  it('the other tables fit too: extract, resolve and roles at 60 and 200 columns', async () => {
    for (const columns of [60, 80, 200]) {
      const [extract, resolve, roles] = await Promise.all([
        runCli(
          [
            'extract',
            join(RESUMES, 'pdf-backend-node-senior', 'input.pdf'),
            IMAGE_ONLY,
            '--format',
            'table',
            '--no-isolate',
            '--as-of',
            AS_OF,
          ],
          { columns },
        ),
        runCli(
          [
            'resolve',
            'k8s',
            'Postgress',
            'express delivery',
            'a very long skill name nobody has ever heard of',
            '--format',
            'table',
          ],
          { columns },
        ),
        runCli(['roles'], { columns }),
      ]);
      for (const run of [extract, resolve, roles]) {
        expect(run.code, run.stderr).toBe(0);
        expectFits(run.stdout, columns);
      }
      expect(extract.stdout).toMatch(/^Docker\s/m);
      expect(extract.stdout).toContain('— 0 skills — no text: scanned?');
      expect(resolve.stdout).toMatch(/^k8s\s+kubernetes\s/m);
      expect(roles.stdout).toMatch(/^backend-developer\s/m);
      if (columns === 200) expect(extract.stdout.split('\n')[1]).toMatch(/^skill\s+id\s+category\s+months/);
    }
  });

  it('errors go to stderr in every format; stdout stays machine-readable', async () => {
    const inputs = [
      join(RESUMES, 'md-backend-rust', 'input.md'),
      join(INVALID, 'pdf-truncated', 'input.pdf'),
      'no-such-cv.txt',
    ];
    const formats = ['table', 'json', 'csv', 'html'] as const;
    const runs = await Promise.all(
      formats.map((format) =>
        runCli([
          'rank',
          '--role',
          'backend-developer',
          ...inputs,
          '--format',
          format,
          '--no-isolate',
          '--as-of',
          AS_OF,
        ]),
      ),
    );
    for (const [i, run] of runs.entries()) {
      expect(run.code, formats[i]).toBe(1);
      expect(run.stderr).toMatch(/^skillmatch: fixtures[\\/]invalid[\\/]pdf-truncated[\\/]input\.pdf: pdf-corrupt: /m);
      expect(run.stderr).toMatch(/^skillmatch: no-such-cv\.txt: file-not-found: /m);
    }
    const [table, json, csv, html] = runs.map((r) => r.stdout);
    expect(table).not.toMatch(/pdf-corrupt|file-not-found/);
    expect((JSON.parse(json!) as { errors: { code: string }[] }).errors.map((e) => e.code).sort()).toEqual([
      'file-not-found',
      'pdf-corrupt',
    ]);
    expect(csv!.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(html).toMatch(/^<!doctype html>/i);
    const extracts = await Promise.all(
      ['jsonl', 'json', 'table'].map((format) =>
        runCli(['extract', ...inputs, '--format', format, '--no-isolate', '--as-of', AS_OF]),
      ),
    );
    for (const run of extracts) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^skillmatch: fixtures[\\/]invalid[\\/]pdf-truncated[\\/]input\.pdf: pdf-corrupt: /m);
      expect(run.stderr).toMatch(/^skillmatch: no-such-cv\.txt: file-not-found: /m);
    }
  });

  it('rank takes a role JSON file (validated) and a job description text file', async () => {
    const rolePath = join(tmp, 'rust-role.json');
    writeFileSync(
      rolePath,
      JSON.stringify({
        id: 'rust-engineer',
        title: 'Rust Engineer',
        requirements: [
          { skill: 'rust', importance: 'required', minYears: 2 },
          { anyOf: ['postgresql', 'mysql'], importance: 'preferred' },
        ],
      }),
    );
    const badRole = join(tmp, 'bad-role-2.json');
    writeFileSync(
      badRole,
      JSON.stringify({
        id: 'Bad Id',
        title: '',
        requirements: [{ skill: 'no-such-skill-xyz', importance: 'sometimes' }],
      }),
    );
    const jd = join(tmp, 'job.txt');
    writeFileSync(
      jd,
      'Senior Go Engineer\n\nRequirements:\n- 3+ years of Go\n- Experience with PostgreSQL or MySQL\n- Docker and Kubernetes\n\nNice to have:\n- gRPC\n- Kafka\n',
    );
    const [good, bad, fromJd] = await Promise.all([
      runCli(['rank', '--role', rolePath, RESUMES, '--format', 'json', '--no-isolate', '--top', '3', '--as-of', AS_OF]),
      runCli(['rank', '--role', badRole, RESUMES, '--format', 'json', '--no-isolate']),
      runCli([
        'rank',
        '--role',
        jd,
        join(RESUMES, 'md-backend-rust'),
        join(RESUMES, 'pdf-two-column-backend-go'),
        join(RESUMES, 'html-chef'),
        '--format',
        'json',
        '--no-isolate',
        '--as-of',
        AS_OF,
      ]),
    ]);
    expect(good.code, good.stderr).toBe(0);
    const ranked = JSON.parse(good.stdout) as { role: { id: string }; results: { file: string }[] };
    expect(ranked.role.id).toBe('rust-engineer');
    expect(ranked.results.length).toBe(3);
    expect(ranked.results[0]!.file).toContain('md-backend-rust');
    expect(bad).toMatchObject({ code: EXIT.config, stdout: '' });
    expect(bad.stderr).toContain('invalid-role');
    expect(bad.stderr).toContain('bad-role-2.json');
    expect(fromJd.code, fromJd.stderr).toBe(0);
    const jdRanked = JSON.parse(fromJd.stdout) as { results: { file: string; score: number }[] };
    expect(jdRanked.results.at(-1)!.file).toContain('html-chef');
  });

  it('match explains one candidate: requirements with status, evidence sentences, months and last use', async () => {
    const [text, json, scan, scanJson] = await Promise.all([
      runCli([
        'match',
        '--role',
        'backend-developer',
        join(RESUMES, 'txt-backend-node-flags', 'input.txt'),
        '--no-isolate',
        '--as-of',
        AS_OF,
      ]),
      runCli([
        'match',
        '--role',
        'backend-developer',
        join(RESUMES, 'txt-backend-node-flags', 'input.txt'),
        '--format',
        'json',
        '--no-isolate',
        '--as-of',
        AS_OF,
      ]),
      runCli(['match', '--role', 'backend-developer', IMAGE_ONLY, '--no-isolate', '--as-of', AS_OF]),
      runCli([
        'match',
        '--role',
        'backend-developer',
        IMAGE_ONLY,
        '--format',
        'json',
        '--no-isolate',
        '--as-of',
        AS_OF,
      ]),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Score \d+(\.\d)? \/ 100/);
    expect(text.stdout).toContain('Requirements:');
    expect(text.stdout).toMatch(/✔ met\s+Back-end language \(Node\.js\)/);
    expect(text.stdout).toContain('66 months of dated use, last used 2025-06');
    expect(text.stdout).toContain('“• Worked daily with Node.js and PostgreSQL');
    expect(text.stdout).toMatch(/✘ missing\s+Microservices/);
    expect(text.stdout).not.toContain('no text');
    const match = JSON.parse(json.stdout) as {
      file: string;
      score: number;
      requirements: { status: string }[];
      summary: string;
      unreadable: boolean;
      reason: null;
    };
    expect(match.file).toContain('txt-backend-node-flags');
    expect(match.summary.length).toBeGreaterThan(20);
    expect(match).toMatchObject({ unreadable: false, reason: null });
    expect(Math.abs(match.score - Number(/Score (\d+(?:\.\d)?)/.exec(text.stdout)![1]))).toBeLessThan(0.06);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stdout.split('\n')[1]).toBe(
      'no text: scanned? (images only: OCR it): the score of 0 says nothing of the candidate.',
    );
    expect(JSON.parse(scanJson.stdout)).toMatchObject({ score: 0, unreadable: true, reason: 'no-text-layer' });
  });

  it('roles lists the built-in roles', async () => {
    const [table, json] = await Promise.all([runCli(['roles']), runCli(['roles', '--format', 'json'])]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^backend-developer\s+Back End Developer/m);
    const roles = JSON.parse(json.stdout) as { id: string; requirements: unknown[] }[];
    expect(roles.map((r) => r.id)).toContain('backend-developer');
  });
});
