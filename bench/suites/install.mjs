// What adopting the package costs an application (issue 14): the tarball (`npm pack --dry-run --json`), a
// fresh consumer's node_modules after `npm install --no-audit --no-fund <tarball>` (size, package count,
// what the biggest dependencies weigh, pdf-parse's canvas among them), the time `import()` of the package
// takes beside `import('pdf-parse')`, and a one-file CLI run beside a bare pdf-parse script, all in the
// same run and interleaved so machine drift hits both sides alike.
//
// `node bench/suites/install.mjs [--quick] [--package <dir>]` measures another checkout (e.g. an older
// commit, built) the same way. The helpers are shared with test/install.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round, summarise } from '../lib/stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MB = 2 ** 20;
/** A PDF résumé shipped with the fixtures: the one-file CLI run and the import probes read it. */
export const SAMPLE_PDF = join(ROOT, 'fixtures/resumes/pdf-backend-java/input.pdf');
/** A string found only in the taxonomy data: the files holding it are the copies of the taxonomy. */
const TAXONOMY_MARKER = 'Pixologic ZBrush';

const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * MB });

/** `npm pack --dry-run --json` of a package folder: what the tarball holds, as npm reports it. */
export function tarballListing(packageDir = ROOT) {
  const [report] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], packageDir));
  return report;
}

/** Packs `packageDir` into `dest` (no build: the caller built it) and returns the tarball's path. */
export function packTarball(dest, packageDir = ROOT) {
  const [report] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dest], packageDir));
  return join(dest, report.filename);
}

/** A fresh consumer project in `dir` with the tarball installed as a registry user would install it. */
export function installConsumer(tarball, dir, { type = 'module' } = {}) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type }, null, 2)}\n`,
  );
  const started = performance.now();
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], dir);
  return { ms: Math.round(performance.now() - started) };
}

function sizeOf(path) {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of readdirSync(path)) total += sizeOf(join(path, name));
  return total;
}

/** Every installed package under a node_modules folder (nested ones too), with its own size. */
function packagesIn(nodeModules, out = []) {
  if (!existsSync(nodeModules)) return out;
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    const path = join(nodeModules, name);
    if (name.startsWith('@')) {
      for (const inner of readdirSync(path)) visit(`${name}/${inner}`, join(path, inner), out);
    } else visit(name, path, out);
  }
  return out;
}

function visit(name, path, out) {
  if (!existsSync(join(path, 'package.json'))) return;
  const version = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).version;
  out.push({
    name,
    version,
    bytes: sizeOf(path) - (existsSync(join(path, 'node_modules')) ? sizeOf(join(path, 'node_modules')) : 0),
  });
  packagesIn(join(path, 'node_modules'), out);
}

/** Size and package count of a consumer's node_modules, and its heaviest packages. */
export function nodeModulesStats(dir) {
  const packages = packagesIn(join(dir, 'node_modules'));
  const bytes = sizeOf(join(dir, 'node_modules'));
  const heaviest = [...packages]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10)
    .map((p) => ({ name: p.name, version: p.version, mb: round(p.bytes / MB, 1) }));
  const canvas = packages.filter((p) => p.name.startsWith('@napi-rs/'));
  return {
    mb: round(bytes / MB, 1),
    packages: packages.length,
    names: packages.map((p) => p.name).sort(),
    heaviest,
    // pdf-parse depends on @napi-rs/canvas (a native binary per platform) for page rendering; text extraction never loads it.
    canvas: {
      mb: round(canvas.reduce((s, p) => s + p.bytes, 0) / MB, 1),
      packages: canvas.map((p) => `${p.name}@${p.version}`),
    },
  };
}

/** Files of an unpacked package folder that hold the taxonomy data. */
function taxonomyCopies(dir, base = dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (lstatSync(path).isDirectory()) taxonomyCopies(path, base, out);
    else if (readFileSync(path, 'latin1').includes(TAXONOMY_MARKER)) out.push(path.slice(base.length + 1));
  }
  return out;
}

/** Median wall time (ms) of a command, and of a second one run alternately with it. */
function pairedWallMs(runs, a, b, cwd) {
  const times = { a: [], b: [] };
  for (let r = -1; r < runs; r++) {
    for (const [key, [cmd, args]] of [
      ['a', a],
      ['b', b],
    ]) {
      const started = performance.now();
      const result = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      const ms = performance.now() - started;
      if (result.status !== 0)
        throw new Error(`${[cmd, ...args].join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
      if (r >= 0) times[key].push(ms);
    }
  }
  return { a: summarise(times.a.map((t) => round(t, 1))), b: summarise(times.b.map((t) => round(t, 1))) };
}

/** Time of `import(specifier)` measured inside a fresh process (the process start not counted). */
const IMPORT_PROBE = 'const t = performance.now(); await import(process.argv[1]); console.log(performance.now() - t);';

function pairedImportMs(runs, ours, bare, cwd) {
  const times = { ours: [], bare: [] };
  for (let r = -1; r < runs; r++) {
    for (const [key, specifier] of [
      ['ours', ours],
      ['bare', bare],
    ]) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', IMPORT_PROBE, specifier], {
        cwd,
        encoding: 'utf8',
      });
      if (r >= 0) times[key].push(round(Number(out.trim()), 1));
    }
  }
  return { ours: summarise(times.ours), bare: summarise(times.bare) };
}

/** A bare pdf-parse script reading one PDF's text: what a one-file CLI run is weighed against. */
const BARE_PDF_PARSE = `
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
const parser = new PDFParse({ data: new Uint8Array(readFileSync(process.argv[2])) });
const { text } = await parser.getText();
await parser.destroy();
process.stdout.write(text);
`;

/**
 * The whole suite. `packageDir` is the checkout to measure (built); the consumer and the tarball live in
 * a temporary folder that is removed afterwards.
 */
export async function runInstall({ quick = false, packageDir = ROOT } = {}) {
  const runs = quick ? 5 : 15;
  const name = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).name;
  const listing = tarballListing(packageDir);
  const work = mkdtempSync(join(tmpdir(), 'skillmatch-install-'));
  try {
    const tarball = packTarball(work, packageDir);
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const consumer = join(work, 'consumer');
    const install = installConsumer(tarball, consumer);
    const modules = nodeModulesStats(consumer);
    writeFileSync(join(consumer, 'bare-pdf-parse.mjs'), BARE_PDF_PARSE);
    const imports = pairedImportMs(runs, name, 'pdf-parse', consumer);
    const bin = join(consumer, 'node_modules/.bin/skillmatch');
    const cliParse = pairedWallMs(
      runs,
      [bin, ['parse', SAMPLE_PDF]],
      [process.execPath, ['bare-pdf-parse.mjs', SAMPLE_PDF]],
      consumer,
    );
    const cliRank = pairedWallMs(
      runs,
      [bin, ['rank', '--role', 'backend-developer', '--format', 'json', SAMPLE_PDF]],
      [process.execPath, ['bare-pdf-parse.mjs', SAMPLE_PDF]],
      consumer,
    );
    const scripts = JSON.parse(readFileSync(join(unpacked, 'package/package.json'), 'utf8')).scripts ?? {};
    return {
      package: name,
      tarball: {
        kb: round(listing.size / 1024, 1),
        unpackedMb: round(listing.unpackedSize / MB, 2),
        files: listing.entryCount,
        sourceMaps: listing.files.filter((f) => f.path.endsWith('.map')).length,
        sourceMapKb: round(
          listing.files.filter((f) => f.path.endsWith('.map')).reduce((s, f) => s + f.size, 0) / 1024,
          1,
        ),
        taxonomyCopies: taxonomyCopies(join(unpacked, 'package')),
        installScripts: ['preinstall', 'install', 'postinstall', 'prepare'].filter((s) => s in scripts),
      },
      consumer: { installMs: install.ms, ...modules },
      importMs: {
        ours: imports.ours,
        pdfParse: imports.bare,
        ratio: round(imports.ours.median / imports.bare.median, 2),
      },
      cliOneFile: {
        file: SAMPLE_PDF.slice(ROOT.length),
        parseMs: cliParse.a,
        rankMs: cliRank.a,
        barePdfParseMs: cliParse.b,
        parseRatio: round(cliParse.a.median / cliParse.b.median, 2),
        rankRatio: round(cliRank.a.median / cliRank.b.median, 2),
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The suite's figures as Markdown. */
export function installMarkdown(r) {
  const lines = ['', '## Install and start-up (a fresh consumer of the packed tarball)', ''];
  lines.push(
    `Tarball ${r.tarball.kb} KB (${r.tarball.unpackedMb} MB unpacked, ${r.tarball.files} files, ${r.tarball.sourceMaps} source maps); taxonomy data in ${r.tarball.taxonomyCopies.length} file(s): ${r.tarball.taxonomyCopies.join(', ')}; install scripts: ${r.tarball.installScripts.join(', ') || 'none'}.`,
  );
  lines.push(
    '',
    `\`npm install ${r.package}\`: node_modules ${r.consumer.mb} MB, ${r.consumer.packages} packages (${r.consumer.installMs} ms). pdf-parse's canvas: ${r.consumer.canvas.mb} MB (${r.consumer.canvas.packages.join(', ')}).`,
  );
  lines.push(
    '',
    '| heaviest package | MB |',
    '|---|---:|',
    ...r.consumer.heaviest.map((p) => `| ${p.name}@${p.version} | ${p.mb} |`),
  );
  lines.push('', '| figure | ours | bare pdf-parse | ratio |', '|---|---:|---:|---:|');
  lines.push(
    `| \`import()\`, median ms | ${r.importMs.ours.median} | ${r.importMs.pdfParse.median} | ${r.importMs.ratio}× |`,
  );
  lines.push(
    `| one-file \`skillmatch parse\`, median ms | ${r.cliOneFile.parseMs.median} | ${r.cliOneFile.barePdfParseMs.median} | ${r.cliOneFile.parseRatio}× |`,
  );
  lines.push(
    `| one-file \`skillmatch rank\`, median ms | ${r.cliOneFile.rankMs.median} | ${r.cliOneFile.barePdfParseMs.median} | ${r.cliOneFile.rankRatio}× |`,
  );
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--package');
  const result = await runInstall({
    quick: args.includes('--quick'),
    ...(at >= 0 ? { packageDir: args[at + 1] } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n${installMarkdown(result).join('\n')}\n`);
}
