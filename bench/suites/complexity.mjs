// Complexity suite (issue 13): every input family that once hid a quadratic path, doubled in size,
// parsed (in-process, so only our code is timed) and extracted. Reports the median CPU time at each size
// and the time ratio per doubling: linear code doubles (≈2×), quadratic code quadruples. A family
// passes when every doubling is ≤ 2.3×. Seeded generators only; sizes in bytes of input.
import { median, round, seededRandom as seeded } from '../lib/stats.mjs';

const WORDS = [
  'Built',
  'Node.js',
  'services',
  'with',
  'PostgreSQL',
  'and',
  'Kafka',
  'on',
  'Kubernetes',
  'for',
  'payments',
  'Go',
  'React',
  'team',
  'of',
  'five',
  'Python',
  'Docker',
  'AWS',
  'Terraform',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Repeats what `unit(i)` returns until `size` characters. */
function fill(size, unit) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

function range(i) {
  const y = 1995 + (i % 30);
  return `${MONTHS[i % 12]} ${y} – ${MONTHS[(i + 5) % 12]} ${y + 1 + (i % 3)}`;
}

/** One line of words joined by `sep`. */
const line = (sep) => (size) => {
  const random = seeded(size);
  return fill(size, () => `${WORDS[Math.floor(random() * WORDS.length)]}${sep}`);
};

/** The families: name → (size in characters) → input (string, as the library takes text). */
export const FAMILIES = {
  'line: spaces': line(' '),
  'line: commas': line(', '),
  'line: semicolons': line(';'),
  'line: pipes': line(' | '),
  'line: slashes': line('/'),
  'line: tabs': line('\t'),
  'line: bullets': line(' • '),
  'line: dashes': line(' - '),
  'line: dots': line('.'),
  'line: no separator': (size) => 'x'.repeat(size),
  'many lines': (size) => {
    const random = seeded(size);
    return fill(
      size,
      () =>
        `• ${WORDS[Math.floor(random() * WORDS.length)]} ${WORDS[Math.floor(random() * WORDS.length)]} with PostgreSQL\n`,
    );
  },
  'many headings': (size) =>
    fill(size, (i) => `${['Experience', 'Skills', 'Education', 'Projects', 'Summary'][i % 5]}\nGo and PostgreSQL\n\n`),
  'deep HTML': (size) => {
    const depth = Math.floor(size / 12);
    return `<html><body>${'<div>'.repeat(depth)}Skills: Go, PostgreSQL${'</div>'.repeat(depth)}</body></html>`;
  },
  'JSON Resume entries': (size) => {
    const work = [];
    let length = 0;
    for (let i = 0; length < size; i++) {
      const item = {
        name: `Company ${i}`,
        position: 'Engineer',
        startDate: `${1990 + (i % 30)}-0${1 + (i % 9)}`,
        endDate: `${1991 + (i % 30)}-0${1 + (i % 9)}`,
        highlights: ['Built Go services'],
      };
      length += JSON.stringify(item).length + 1;
      work.push(item);
    }
    return JSON.stringify({ basics: { name: 'Many Jobs' }, work });
  },
  'date ranges on one line': (size) => `Experience\n${fill(size, (i) => `${range(i)}, `)}\n`,
  'dated entries (timeline)': (size) =>
    `Experience\n${fill(size, (i) => `Engineer at Company ${i}, ${range(i)}\n• Built Go services on PostgreSQL\n`)}`,
};

/** CPU milliseconds this process has used so far (all its threads, the garbage collector's included). */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Medians for `input`, after one warm-up: CPU ms of parse, of extract and of both (the judged figure),
 * and wall-clock ms of both beside it. CPU time, not wall time, is judged: on a machine shared with
 * other work a wall-clock doubling swung from 0.7× to 4.6× between runs of the same linear code, while
 * the CPU time this process spends does not depend on who else is running.
 */
async function timeIt(sm, extractor, input, runs) {
  const once = async () => {
    // A collection before each run, so one run does not pay for the garbage of the last (--expose-gc; run.mjs passes it).
    globalThis.gc?.();
    const wall = performance.now();
    const started = cpuMs();
    const doc = await sm.parseResume(input, { asOf: '2025-06', maxTextLength: 1e8 });
    const parsed = cpuMs();
    extractor.extract(doc, { asOf: '2025-06' });
    const ended = cpuMs();
    return { parse: parsed - started, extract: ended - parsed, wall: performance.now() - wall };
  };
  await once();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return {
    ms: median(times.map((t) => t.parse + t.extract)),
    parseMs: median(times.map((t) => t.parse)),
    extractMs: median(times.map((t) => t.extract)),
    wallMs: median(times.map((t) => t.wall)),
  };
}

/** The limit a doubling may cost: about 2× for linear code, with room for noise and cache effects. */
export const MAX_RATIO = 2.3;

/** A family whose point takes longer than this stops doubling: it has already shown its curve. */
const STOP_MS = 8000;

export async function runComplexity(sm, { quick = false, only } = {}) {
  // Quick (CI): smaller sizes, so the slowest families stay within seconds; the curve is still visible.
  const sizes = quick
    ? [32 * 1024, 64 * 1024, 128 * 1024]
    : [64 * 1024, 128 * 1024, 256 * 1024, 512 * 1024, 1024 * 1024];
  const runs = 5;
  const extractor = sm.createExtractor();
  const families = {};
  for (const [name, make] of Object.entries(FAMILIES)) {
    if (only && !only.includes(name)) continue;
    const points = [];
    for (const size of sizes) {
      const t = await timeIt(sm, extractor, make(size), runs);
      points.push({
        bytes: size,
        ms: round(t.ms, 2),
        parseMs: round(t.parseMs, 2),
        extractMs: round(t.extractMs, 2),
        wallMs: round(t.wallMs, 2),
      });
      if (t.ms > STOP_MS) break;
    }
    const ratios = points.slice(1).map((p, i) => round(p.ms / Math.max(points[i].ms, 0.05), 2));
    // Judged per doubling but measured over two (the square root of the time ratio for 4× the input):
    // one point slowed by a collection or a busy machine swung single doublings from 1.1× to 2.3× in
    // linear code (the same family read 2.06× over two doublings), while a quadratic path still shows
    // about 4× per doubling. Times of a few milliseconds are mostly noise: judged only from 5 ms up.
    const judged = points.slice(2).map((p, i) => (points[i].ms >= 5 ? Math.sqrt(p.ms / points[i].ms) : 1));
    const worst = round(judged.length ? Math.max(...judged) : 1, 2);
    const at1MB = points.find((p) => p.bytes === 1024 * 1024);
    families[name] = {
      points,
      ratios,
      ratiosOverTwo: judged.map((r) => round(r, 2)),
      worstRatio: worst,
      pass: worst <= MAX_RATIO,
      ...(at1MB ? { msAt1MB: at1MB.ms } : {}),
    };
    process.stderr.write(
      `  complexity ${name}: ${points.map((p) => `${p.bytes / 1024}K ${p.ms} ms CPU (parse ${p.parseMs}; wall ${p.wallMs})`).join(', ')}; ratios ${ratios.join(', ')} (over two doublings ${families[name].ratiosOverTwo.join(', ')})${worst > MAX_RATIO ? '  OVER' : ''}\n`,
    );
  }
  const failing = Object.entries(families)
    .filter(([, f]) => !f.pass)
    .map(([name]) => name);
  return {
    maxRatio: MAX_RATIO,
    measure: 'CPU ms of this process (median), parse + extract',
    sizes,
    runs,
    families,
    failing,
    worstRatio: Math.max(...Object.values(families).map((f) => f.worstRatio)),
  };
}
