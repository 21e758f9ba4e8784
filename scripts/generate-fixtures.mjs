#!/usr/bin/env node
// Writes the synthetic fixtures: `fixtures/resumes/<case>/{input.<ext>,truth.json}` and
// `fixtures/invalid/<case>/{input.<ext>,truth.json}`. Everything is invented and seeded, so a run
// gives the same bytes every time (PDF dates and ZIP timestamps are pinned). `truth.json` records
// what the generator put in (sections, dated roles, technologies, lines that must come out whole);
// `expected.json` goldens are written by `test/fixtures.test.ts` with UPDATE_FIXTURES=1, never here.
import { mkdirSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import * as docx from 'docx';
import { zipSync, unzipSync, strToU8, strFromU8 } from 'fflate';
import { deflateSync } from 'node:zlib';

// SKILLMATCH_FIXTURES_DIR lets the fixture test regenerate into a temporary folder and compare.
const ROOT = process.env.SKILLMATCH_FIXTURES_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const AS_OF = '2025-06';
const FIXED_DATE = new Date(Date.UTC(2025, 0, 15, 12, 0, 0));
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32): every "random" choice below comes from here.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function seedOf(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  return h;
}

// ---------------------------------------------------------------------------------------------
// Dates
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ym = (s) => ({ y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)) });
const pad = (n) => String(n).padStart(2, '0');

/** The range as written in the résumé, and the `YYYY-MM` pair a correct reader must get from it. */
function formatRange(job, style) {
  const s = ym(job.start);
  const e = job.end ? ym(job.end) : null;
  const mon = (d) => MONTHS[d.m - 1].slice(0, 3);
  switch (style) {
    case 'mon': // Jan 2019 – Present
      return { text: `${mon(s)} ${s.y} – ${e ? `${mon(e)} ${e.y}` : 'Present'}`, start: job.start, end: job.end };
    case 'month': // January 2019 - Current
      return {
        text: `${MONTHS[s.m - 1]} ${s.y} - ${e ? `${MONTHS[e.m - 1]} ${e.y}` : 'Current'}`,
        start: job.start,
        end: job.end,
      };
    case 'mm/yyyy': // 03/2018 - 06/2021
      return { text: `${pad(s.m)}/${s.y} - ${e ? `${pad(e.m)}/${e.y}` : 'Present'}`, start: job.start, end: job.end };
    case 'mm/yy': // 03/18 – 06/21
      return {
        text: `${pad(s.m)}/${String(s.y).slice(2)} – ${e ? `${pad(e.m)}/${String(e.y).slice(2)}` : 'now'}`,
        start: job.start,
        end: job.end,
      };
    case 'yyyy': // 2017-2020; a year-only start means January, a year-only end December
      return { text: `${s.y}-${e ? e.y : 'Present'}`, start: `${s.y}-01`, end: e ? `${e.y}-12` : null };
    case 'since': // Since 2020 for the current role, 2016 – 2019 for the rest
      return e
        ? { text: `${s.y} – ${e.y}`, start: `${s.y}-01`, end: `${e.y}-12` }
        : { text: `Since ${s.y}`, start: `${s.y}-01`, end: null };
    case 'apos': // Mar '19 – Aug '21
      return {
        text: `${mon(s)} '${String(s.y).slice(2)} – ${e ? `${mon(e)} '${String(e.y).slice(2)}` : 'Present'}`,
        start: job.start,
        end: job.end,
      };
    case 'dot': // 2018.03 – 2021.06
      return { text: `${s.y}.${pad(s.m)} – ${e ? `${e.y}.${pad(e.m)}` : 'present'}`, start: job.start, end: job.end };
    case 'emdash': // Feb 2016 — Nov 2018
      return { text: `${mon(s)} ${s.y} — ${e ? `${mon(e)} ${e.y}` : 'Present'}`, start: job.start, end: job.end };
    case 'to': // June 2019 to date
      return {
        text: `${MONTHS[s.m - 1]} ${s.y} to ${e ? `${MONTHS[e.m - 1]} ${e.y}` : 'date'}`,
        start: job.start,
        end: job.end,
      };
    case 'till': // 05/2021 – till now
      return { text: `${pad(s.m)}/${s.y} – ${e ? `${pad(e.m)}/${e.y}` : 'till now'}`, start: job.start, end: job.end };
    case 'iso': // 2019-03 – 2021-08
      return { text: `${s.y}-${pad(s.m)} – ${e ? `${e.y}-${pad(e.m)}` : 'Present'}`, start: job.start, end: job.end };
    default:
      throw new Error(`unknown date style ${style}`);
  }
}

const monthIndex = (s) => ym(s).y * 12 + ym(s).m - 1;
/** Months in the union of inclusive `[start, end]` ranges (open ends at `AS_OF`). */
function unionMonths(ranges) {
  const months = new Set();
  for (const r of ranges) for (let i = monthIndex(r.start); i <= monthIndex(r.end ?? AS_OF); i++) months.add(i);
  return months.size;
}

// ---------------------------------------------------------------------------------------------
// Bullet templates: every technology a job lists is written into one of its bullets, so the truth
// knows which dated entry each technology belongs to.
const TEMPLATES2 = {
  dev: [
    'Shipped customer-facing features using {a} together with {b}',
    'Introduced {a} and {b} into the team workflow and mentored four engineers',
    'Worked daily with {a} and {b} on the payments platform, serving 2M requests a day',
    'Rebuilt the order pipeline with {a} and {b}, cutting p95 latency by 40%',
    'Ran code reviews and design sessions for the {a} and {b} parts of the stack',
    'Delivered an efficient reporting workflow on {a} and {b}, cutting the nightly run from 6 h to 40 min',
  ],
  office: [
    'Prepared monthly management accounts in {a} and {b}',
    'Automated the VAT return workflow with {a} and {b}, saving two days per quarter',
    'Built the group consolidation model in {a}, fed from {b}',
  ],
  design: [
    'Designed onboarding flows in {a} and handed off specifications through {b}',
    'Produced campaign artwork in {a} and {b} for 12 markets',
    'Ran usability sessions with prototypes built in {a} and {b}',
  ],
};
const TEMPLATES1 = {
  dev: [
    'Owned the {a} work end to end, from design reviews to on-call',
    'Wrote and reviewed {a} code for the highest-traffic features',
    'Set up {a} for the team and wrote the runbooks',
    'Improved performance around {a} for the largest accounts',
  ],
  office: ['Reconciled 40+ bank accounts a month using {a}', 'Trained the finance team on {a}'],
  design: ['Maintained the design system library in {a}', 'Delivered print-ready files from {a}'],
};

function jobBullets(job, family, rand) {
  const tech = [...(job.tech ?? [])];
  const bullets = [];
  const t2 = TEMPLATES2[family] ?? TEMPLATES2.dev;
  const t1 = TEMPLATES1[family] ?? TEMPLATES1.dev;
  let k = Math.floor(rand() * t2.length);
  while (tech.length >= 2) {
    const [a, b] = tech.splice(0, 2);
    bullets.push(t2[k++ % t2.length].replace('{a}', a).replace('{b}', b));
  }
  // A lone leftover is written beside one of the job's other technologies, as people do; a
  // technology alone in a vague sentence ("improved performance around Jenkins") is too weak a
  // context for an ambiguous name, and that is not what these fixtures test.
  if (tech.length === 1 && job.tech.length > 1)
    bullets.push(t2[k++ % t2.length].replace('{a}', tech[0]).replace('{b}', job.tech[0]));
  else if (tech.length === 1) bullets.push(t1[Math.floor(rand() * t1.length)].replace('{a}', tech[0]));
  return [...bullets, ...(job.bullets ?? [])];
}

// ---------------------------------------------------------------------------------------------
// The résumé as a list of blocks, shared by every renderer.
function buildResume(p) {
  const rand = mulberry32(seedOf(p.case));
  const h = { summary: 'Summary', experience: 'Experience', skills: 'Skills', education: 'Education', ...p.headings };
  const phone = `+1 555 01${pad(Math.floor(rand() * 100))}`;
  const contact = [p.email, phone, p.location].filter(Boolean).join(' · ');
  const jobs = p.jobs.map((job) => {
    const range = formatRange(job, p.dateStyle);
    return { ...job, range, bullets: jobBullets(job, p.family ?? 'dev', rand) };
  });
  const skills = p.skills; // [[group, [items]]] or [[null, [items]]]
  return { p, h, contact, jobs, skills };
}

/** Header lines of one job, in the persona's entry style. */
function jobHeader(job, style) {
  const where = job.city ? `, ${job.city}` : '';
  switch (style) {
    case 'org-first':
      return [`${job.org}${where}`, `${job.title} | ${job.range.text}`];
    case 'inline':
      return [`${job.title}, ${job.org} (${job.range.text})`];
    case 'three-lines':
      return [job.title, job.org, job.range.text];
    case 'date-first':
      return [`${job.range.text}  ${job.title} at ${job.org}`];
    default: // 'title-first'
      return [`${job.title} — ${job.org}${where}`, job.range.text];
  }
}

function skillLines(skills) {
  return skills.map(([group, items]) => (group ? `${group}: ${items.join(', ')}` : items.join(', ')));
}

function truthOf(r, format, layout, extra = {}) {
  const { p, h } = r;
  const sections = [];
  if (p.summary) sections.push({ kind: 'summary', heading: h.summary });
  sections.push({ kind: 'experience', heading: h.experience });
  if (p.projects) sections.push({ kind: 'projects', heading: h.projects ?? 'Projects' });
  sections.push({ kind: 'skills', heading: h.skills });
  if (p.education) sections.push({ kind: 'education', heading: h.education });
  const timeline = r.jobs.map((j) => ({
    title: j.title,
    organisation: j.org,
    start: j.range.start,
    end: j.range.end,
    dateText: j.range.text,
  }));
  // Which dated entries mention each technology, found the way a reader would: in the entry's
  // title and bullets, longest surface first so "SQL Server" is not also counted as "SQL".
  const surfaces = [
    ...new Set([
      ...r.jobs.flatMap((j) => j.tech ?? []),
      ...r.skills.flatMap(([, items]) => items),
      ...(p.extraTech ?? []),
    ]),
  ];
  const bySurface = new Map(surfaces.map((t) => [t, { surface: t, ranges: [] }]));
  const byLength = [...surfaces].sort((a, b) => b.length - a.length);
  for (const j of r.jobs) {
    let text = [j.title, j.org, ...j.bullets].join('\n');
    for (const t of byLength) {
      // Case-insensitive ("microservices" counts for "Microservices"), except one- and two-letter
      // names (Go, R), which only count as written.
      const re = new RegExp(
        `(?<![\\p{L}\\p{N}.#+])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}#+]|\\.[\\p{L}\\p{N}])`,
        t.length > 2 ? 'giu' : 'gu',
      );
      if (re.test(text)) {
        bySurface.get(t).ranges.push({ start: j.range.start, end: j.range.end });
        text = text.replace(re, (m) => ' '.repeat(m.length));
      }
    }
  }
  const technologies = [...bySurface.values()].map((e) => ({
    surface: e.surface,
    months: unionMonths(e.ranges),
    lastUsed: e.ranges.length
      ? e.ranges
          .map((x) => x.end ?? AS_OF)
          .sort()
          .at(-1)
      : null,
    entries: e.ranges.length,
  }));
  return {
    case: p.case,
    description: p.description,
    format,
    layout,
    asOf: AS_OF,
    name: p.name,
    profession: p.profession,
    sections: p.sectionsTruth ?? sections,
    timeline,
    technologies: technologies.filter((t) => !(p.notTech ?? []).includes(t.surface)),
    absent: p.absent ?? [],
    flags: p.flags ?? [],
    diagnostics: p.diagnostics ?? [],
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Text-like renderers: plain text, Markdown, HTML.
function renderText(r) {
  const { p, h } = r;
  const heading = (t) => {
    switch (p.headingStyle) {
      case 'colon':
        return [`${t}:`];
      case 'underline':
        return [t, '='.repeat(t.length)];
      case 'title':
        return [t];
      default:
        return [t.toUpperCase()];
    }
  };
  const bullet = p.bullet ?? '•';
  const out = [p.name, p.headline, r.contact, ''];
  if (p.summary) out.push(...heading(h.summary), p.summary, '');
  out.push(...heading(h.experience));
  for (const job of r.jobs) {
    out.push(...jobHeader(job, p.entryStyle));
    for (const b of job.bullets) out.push(`${bullet} ${b}`);
    out.push('');
  }
  if (p.projects) {
    out.push(...heading(h.projects ?? 'Projects'));
    for (const pr of p.projects) out.push(`${bullet} ${pr}`);
    out.push('');
  }
  out.push(...heading(h.skills), ...skillLines(r.skills), '');
  if (p.education) out.push(...heading(h.education), ...p.education, '');
  const eol = p.crlf ? '\r\n' : '\n';
  return out.join(eol);
}

function renderMarkdown(r) {
  const { p, h } = r;
  const out = [`# ${p.name}`, '', `**${p.headline}**  `, r.contact, ''];
  if (p.summary) out.push(`## ${h.summary}`, '', p.summary, '');
  out.push(`## ${h.experience}`, '');
  for (const job of r.jobs) {
    out.push(`### ${job.title} — ${job.org}`, '', `*${job.range.text}*${job.city ? ` · ${job.city}` : ''}`, '');
    for (const b of job.bullets) out.push(`- ${b}`);
    out.push('');
  }
  if (p.projects) {
    out.push(`## ${h.projects ?? 'Projects'}`, '');
    for (const pr of p.projects) out.push(`- ${pr}`);
    out.push('');
  }
  out.push(`## ${h.skills}`, '');
  for (const [group, items] of r.skills)
    out.push(group ? `- **${group}:** ${items.join(', ')}` : `- ${items.join(', ')}`);
  out.push('');
  if (p.education) out.push(`## ${h.education}`, '', ...p.education.map((e) => `- ${e}`), '');
  return out.join('\n');
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function renderHtml(r) {
  const { p, h } = r;
  const dash = (s) => esc(s).replace(/–/g, '&ndash;').replace(/—/g, '&mdash;');
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(p.name)} — CV</title>`,
    // Technology words inside style and script blocks are traps: none of them is in the résumé.
    '<style>body { font-family: Haskell, "Elixir Sans", sans-serif; } .skills li::before { content: "Kotlin"; }</style>',
    '<script>window.analytics = { stack: ["Haskell", "Elixir", "COBOL"], track() { return "Kotlin"; } };</script>',
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(p.name)}</h1>`,
    `<p class="headline">${esc(p.headline)}</p>`,
    `<p class="contact">${esc(r.contact)}</p>`,
    '</header>',
  ];
  if (p.summary) parts.push(`<section><h2>${esc(h.summary)}</h2><p>${esc(p.summary)}</p></section>`);
  parts.push(`<section id="experience"><h2>${esc(h.experience)}</h2>`);
  for (const job of r.jobs) {
    parts.push(
      '<article class="job">',
      `<h3>${esc(job.title)} <span class="at">at</span> ${esc(job.org)}</h3>`,
      `<p class="dates"><time>${dash(job.range.text)}</time></p>`,
      `<ul>${job.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`,
      '</article>',
    );
  }
  parts.push('</section>');
  if (p.projects)
    parts.push(
      `<section><h2>${esc(h.projects ?? 'Projects')}</h2><ul>${p.projects.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></section>`,
    );
  if (p.skillsTable) {
    parts.push(
      `<section class="skills"><h2>${esc(h.skills)}</h2><table>`,
      ...r.skills.map(([g, items]) => `<tr><th>${esc(g ?? '')}</th><td>${esc(items.join(', '))}</td></tr>`),
      '</table></section>',
    );
  } else {
    parts.push(
      `<section class="skills"><h2>${esc(h.skills)}</h2><ul>${skillLines(r.skills)
        .map((l) => `<li>${esc(l)}</li>`)
        .join('')}</ul></section>`,
    );
  }
  if (p.education)
    parts.push(`<section><h2>${esc(h.education)}</h2>${p.education.map((e) => `<p>${esc(e)}</p>`).join('')}</section>`);
  parts.push(
    '<script>document.querySelectorAll(".job").forEach((el) => el.dataset.stack = "Haskell, Elixir");</script>',
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}

function renderJsonResume(r) {
  const { p } = r;
  const iso = (s) => (s ? `${s}-01` : undefined);
  const json = {
    $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    basics: {
      name: p.name,
      label: p.headline,
      email: p.email,
      summary: p.summary,
      location: { city: p.location?.split(',')[0], countryCode: p.countryCode ?? 'US' },
      profiles: [{ network: 'GitHub', username: p.email.split('@')[0] }],
    },
    work: r.jobs.map((j) => ({
      name: j.org,
      position: j.title,
      location: j.city,
      startDate: iso(j.range.start),
      ...(j.range.end ? { endDate: iso(j.range.end) } : {}),
      summary: j.summary ?? undefined,
      highlights: j.bullets,
    })),
    education: (p.educationJson ?? []).map((e) => ({ ...e })),
    skills: r.skills.map(([group, items]) => ({ name: group ?? 'Skills', keywords: items })),
    ...(p.projectsJson ? { projects: p.projectsJson } : {}),
    languages: p.languages ?? [{ language: 'English', fluency: 'Native speaker' }],
    meta: { version: 'v1.0.0', lastModified: '2025-01-15T12:00:00' },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// PDF (pdfkit). Lines are wrapped here, not by pdfkit, so the generator knows every rendered line
// and can name the ones a correct column reader must return whole.
const LIBERATION = (() => {
  try {
    const base = dirname(require.resolve('pdfjs-dist/package.json'));
    const regular = join(base, 'standard_fonts', 'LiberationSans-Regular.ttf');
    const bold = join(base, 'standard_fonts', 'LiberationSans-Bold.ttf');
    return existsSync(regular) && existsSync(bold) ? { regular, bold } : null;
  } catch {
    return null;
  }
})();

function pdfBytes(draw, options = {}) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      autoFirstPage: true,
      info: {
        Title: options.title ?? 'Résumé',
        Author: 'skillmatch fixtures',
        CreationDate: FIXED_DATE,
        ModDate: FIXED_DATE,
      },
      ...options.pdf,
    });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

function wrap(doc, text, width, font, size) {
  doc.font(font).fontSize(size);
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && doc.widthOfString(next) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A column writer: keeps a cursor, starts new pages, records each line it draws. */
function columnWriter(doc, { x, width, top = 50, bottom = 800, fonts, record }) {
  let y = top;
  const w = {
    get y() {
      return y;
    },
    set y(v) {
      y = v;
    },
    line(text, { font = fonts.regular, size = 10, gap = 3, indent = 0 } = {}) {
      if (y + size > bottom) {
        doc.addPage();
        y = top;
      }
      doc
        .font(font)
        .fontSize(size)
        .text(text, x + indent, y, { lineBreak: false });
      record?.(text);
      y += size + gap;
    },
    para(text, opts = {}) {
      const size = opts.size ?? 10;
      for (const l of wrap(doc, text, width - (opts.indent ?? 0), opts.font ?? fonts.regular, size)) w.line(l, opts);
    },
    bullet(text, opts = {}) {
      const size = opts.size ?? 10;
      const lines = wrap(doc, text, width - 12, fonts.regular, size);
      for (const [i, l] of lines.entries()) w.line(i === 0 ? `• ${l}` : l, { ...opts, indent: i === 0 ? 0 : 9 });
    },
    heading(text, opts = {}) {
      y += 6;
      w.line(opts.upper === false ? text : text.toUpperCase(), { font: fonts.bold, size: opts.size ?? 12, gap: 2 });
      doc
        .moveTo(x, y)
        .lineTo(x + width, y)
        .lineWidth(0.6)
        .strokeColor('#888888')
        .stroke()
        .strokeColor('#000000');
      y += 5;
    },
    space(n = 6) {
      y += n;
    },
  };
  return w;
}

function pdfFonts(doc, unicode) {
  if (unicode && LIBERATION) {
    doc.registerFont('Body', LIBERATION.regular);
    doc.registerFont('BodyBold', LIBERATION.bold);
    return { regular: 'Body', bold: 'BodyBold' };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold' };
}

function drawJobs(w, r, fonts, { hyphenate } = {}) {
  for (const job of r.jobs) {
    const [first, ...rest] = jobHeader(job, r.p.entryStyle);
    w.line(first, { font: fonts.bold, size: 10.5 });
    for (const l of rest) w.line(l, { size: 9.5 });
    for (const b of job.bullets) {
      if (hyphenate && b.includes(hyphenate.word)) {
        // A word broken across two lines with a hyphen, as justified layouts do.
        const [before, after] = b.split(hyphenate.word);
        w.line(`• ${before}${hyphenate.head}-`);
        w.line(`${hyphenate.tail}${after}`, { indent: 9 });
      } else w.bullet(b);
    }
    w.space(4);
  }
}

function renderPdfOneColumn(r) {
  const { p, h } = r;
  return pdfBytes(
    (doc) => {
      const fonts = pdfFonts(doc, p.unicodeFont);
      const w = columnWriter(doc, { x: 56, width: 483, fonts });
      w.line(p.name, { font: fonts.bold, size: 20, gap: 4 });
      w.line(p.headline, { size: 11 });
      w.line(r.contact, { size: 9.5 });
      if (p.summary) {
        w.heading(h.summary, p.pdfHeading);
        w.para(p.summary);
      }
      w.heading(h.experience, p.pdfHeading);
      drawJobs(w, r, fonts, { hyphenate: p.hyphenate });
      if (p.projects) {
        w.heading(h.projects ?? 'Projects', p.pdfHeading);
        for (const pr of p.projects) w.bullet(pr);
      }
      if (p.pageBreakBeforeSkills) {
        doc.addPage();
        w.y = 50;
      }
      w.heading(h.skills, p.pdfHeading);
      for (const l of skillLines(r.skills)) w.para(l);
      if (p.education) {
        w.heading(h.education, p.pdfHeading);
        for (const e of p.education) w.para(e);
      }
    },
    { title: `${p.name} — Résumé`, pdf: p.pdfOptions },
  );
}

/**
 * Two columns on one page. The content stream draws the two columns interleaved row by row
 * (as many HTML-to-PDF engines do), so a reader that sorts text by y alone mixes them up.
 */
async function renderPdfTwoColumn(r, kind) {
  const { p, h } = r;
  const left = [];
  const right = [];
  const whole = [];
  const bytes = await pdfBytes(
    (doc) => {
      const fonts = pdfFonts(doc, p.unicodeFont);
      const geometry =
        kind === 'sidebar'
          ? { left: { x: 36, width: 160 }, right: { x: 226, width: 333 } }
          : { left: { x: 40, width: 250 }, right: { x: 310, width: 250 } };
      if (kind === 'sidebar') doc.rect(0, 0, 210, 842).fill('#eef1f5').fillColor('#000000');
      // Lay each column out without drawing it, then draw both columns' lines in y order.
      const collect = (geo, target, fill) => {
        const items = [];
        const fake = new Proxy(doc, {
          get(obj, prop) {
            if (prop === 'text') return (t, x, y) => items.push({ t, x, y, font: current.font, size: current.size });
            if (prop === 'font') {
              return (f) => {
                current.font = f;
                obj.font(f);
                return fake;
              };
            }
            if (prop === 'fontSize') {
              return (s) => {
                current.size = s;
                obj.fontSize(s);
                return fake;
              };
            }
            if (prop === 'addPage') return () => fake;
            if (['moveTo', 'lineTo', 'lineWidth', 'strokeColor', 'stroke'].includes(prop)) return () => fake;
            const v = obj[prop];
            return typeof v === 'function' ? v.bind(obj) : v;
          },
        });
        const current = { font: fonts.regular, size: 10 };
        const w = columnWriter(fake, { ...geo, top: 50, bottom: 820, fonts, record: (t) => target.push(t) });
        fill(w);
        return items;
      };
      const fillLeft = (w) => {
        if (kind === 'sidebar') {
          w.line(p.name.split(' ')[0], { font: fonts.bold, size: 18, gap: 2 });
          w.line(p.name.split(' ').slice(1).join(' '), { font: fonts.bold, size: 18, gap: 6 });
          for (const c of r.contact.split(' · ')) w.line(c, { size: 8.5 });
          w.heading(h.skills, { ...p.pdfHeading, size: 11 });
          for (const [group, items] of r.skills) {
            if (group) w.line(group, { font: fonts.bold, size: 9 });
            for (const it of items) w.line(it, { size: 9, gap: 2 });
            w.space(3);
          }
          if (p.education) {
            w.heading(h.education, { ...p.pdfHeading, size: 11 });
            for (const e of p.education) w.para(e, { size: 8.5 });
          }
        } else {
          w.line(p.name, { font: fonts.bold, size: 18, gap: 4 });
          w.line(p.headline, { size: 10 });
          if (p.summary) {
            w.heading(h.summary, p.pdfHeading);
            w.para(p.summary, { size: 9.5 });
          }
          w.heading(h.experience, p.pdfHeading);
          drawJobs(w, { ...r, jobs: r.jobs.slice(0, p.splitAt ?? r.jobs.length) }, fonts);
        }
      };
      const fillRight = (w) => {
        if (kind === 'sidebar') {
          w.line(p.headline, { font: fonts.bold, size: 13, gap: 8 });
          if (p.summary) {
            w.heading(h.summary, p.pdfHeading);
            w.para(p.summary);
          }
          w.heading(h.experience, p.pdfHeading);
          drawJobs(w, r, fonts);
        } else {
          for (const c of r.contact.split(' · ')) w.line(c, { size: 9 });
          const rest = r.jobs.slice(p.splitAt ?? r.jobs.length);
          if (rest.length) drawJobs(w, { ...r, jobs: rest }, fonts);
          if (p.projects) {
            w.heading(h.projects ?? 'Projects', p.pdfHeading);
            for (const pr of p.projects) w.bullet(pr, { size: 9.5 });
          }
          w.heading(h.skills, p.pdfHeading);
          for (const l of skillLines(r.skills)) w.para(l, { size: 9.5 });
          if (p.education) {
            w.heading(h.education, p.pdfHeading);
            for (const e of p.education) w.para(e, { size: 9.5 });
          }
        }
      };
      const li = collect(geometry.left, left, fillLeft);
      const ri = collect(geometry.right, right, fillRight);
      const rules = (items, geo) =>
        items
          .filter((it) => it.font === fonts.bold && it.size >= 11 && it.size <= 12)
          .map((it) => ({ x: geo.x, y: it.y + it.size + 2, w: geo.width }));
      const all = [...li.map((it) => ({ ...it, col: 0 })), ...ri.map((it) => ({ ...it, col: 1 }))].sort(
        (a, b) => a.y - b.y || a.col - b.col,
      );
      for (const it of all) doc.font(it.font).fontSize(it.size).text(it.t, it.x, it.y, { lineBreak: false });
      for (const rule of [...rules(li, geometry.left), ...rules(ri, geometry.right)])
        doc
          .moveTo(rule.x, rule.y)
          .lineTo(rule.x + rule.w, rule.y)
          .lineWidth(0.6)
          .strokeColor('#888888')
          .stroke();
      const bottom = Math.max(...all.map((it) => it.y));
      if (bottom > 820) throw new Error(`${p.case}: two-column content overflows the page`);
    },
    { title: `${p.name} — CV`, pdf: p.pdfOptions },
  );
  // Lines of at least four words from both columns must come out whole (not spliced with the other column).
  for (const l of [...left, ...right])
    if (l.replace(/^• /, '').split(' ').length >= 4) whole.push(l.replace(/^• /, ''));
  return { bytes, wholeLines: whole };
}

// ---------------------------------------------------------------------------------------------
// DOCX (docx package), re-zipped with pinned timestamps and ids so the bytes are reproducible.
const { Document, Packer, Paragraph, TextRun, HeadingLevel, Table, TableRow, TableCell, WidthType, Textbox } = docx;

function docxParagraphs(r, { headings = true } = {}) {
  const { p, h } = r;
  const H = (text) =>
    headings
      ? new Paragraph({ text, heading: HeadingLevel.HEADING_2 })
      : new Paragraph({
          children: [new TextRun({ text: text.toUpperCase(), bold: true, size: 24 })],
          spacing: { before: 200 },
        });
  const B = (text) => new Paragraph({ text, bullet: { level: 0 } });
  const out = [];
  if (p.summary) out.push(H(h.summary), new Paragraph(p.summary));
  out.push(H(h.experience));
  for (const job of r.jobs) {
    const [first, ...rest] = jobHeader(job, p.entryStyle);
    out.push(
      headings
        ? new Paragraph({ text: first, heading: HeadingLevel.HEADING_3 })
        : new Paragraph({ children: [new TextRun({ text: first, bold: true })] }),
    );
    for (const l of rest) out.push(new Paragraph({ children: [new TextRun({ text: l, italics: true })] }));
    for (const b of job.bullets) out.push(B(b));
  }
  if (p.projects) {
    out.push(H(h.projects ?? 'Projects'));
    for (const pr of p.projects) out.push(B(pr));
  }
  return { out, H, B };
}

function cell(text, opts = {}) {
  const paras = (Array.isArray(text) ? text : [text]).map(
    (t) => new Paragraph({ children: [new TextRun({ text: t, bold: opts.bold })] }),
  );
  return new TableCell({
    children: paras,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
  });
}

async function renderDocx(r, kind) {
  const { p, h } = r;
  const head = [
    new Paragraph({ text: p.name, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: p.headline, bold: true })] }),
  ];
  let body;
  if (kind === 'headings') {
    const { out, H } = docxParagraphs(r);
    body = [
      ...head,
      new Paragraph(r.contact),
      ...out,
      H(h.skills),
      ...skillLines(r.skills).map((l) => new Paragraph(l)),
    ];
    if (p.education) body.push(H(h.education), ...p.education.map((e) => new Paragraph(e)));
  } else if (kind === 'tables') {
    // Europass-like: experience in a two-column table (dates | role), skills in a table too.
    const H = (text) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
    body = [...head, new Paragraph(r.contact)];
    if (p.summary) body.push(H(h.summary), new Paragraph(p.summary));
    body.push(H(h.experience));
    if (p.experienceTable) {
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: r.jobs.map(
            (job) =>
              new TableRow({
                children: [
                  cell(job.range.text, { width: 25 }),
                  cell([`${job.title} — ${job.org}`, ...job.bullets.map((b) => `• ${b}`)], { width: 75 }),
                ],
              }),
          ),
        }),
      );
    } else {
      const { out } = docxParagraphs({ ...r, p: { ...p, summary: undefined, projects: undefined } });
      body.push(...out.slice(1));
    }
    body.push(
      H(h.skills),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: r.skills.map(
          ([group, items]) =>
            new TableRow({
              children: [cell(group ?? '', { bold: true, width: 30 }), cell(items.join(', '), { width: 70 })],
            }),
        ),
      }),
    );
    if (p.education) body.push(H(h.education), ...p.education.map((e) => new Paragraph(e)));
  } else if (kind === 'textbox') {
    // Contact details and the skills list sit in a floating text box, as many Word templates do.
    const { out, H } = docxParagraphs(r, { headings: false });
    body = [
      ...head,
      new Textbox({
        style: { width: '180pt', height: '260pt', positionHorizontal: 400, positionVertical: 20, marginLeft: '0' },
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Contact', bold: true })] }),
          ...r.contact.split(' · ').map((c) => new Paragraph(c)),
          new Paragraph({ children: [new TextRun({ text: h.skills, bold: true })] }),
          ...skillLines(r.skills).map((l) => new Paragraph(l)),
        ],
      }),
      ...out,
    ];
    if (p.education) body.push(H(h.education), ...p.education.map((e) => new Paragraph(e)));
  }
  const document = new Document({
    creator: 'skillmatch fixtures',
    title: `${p.name} CV`,
    description: 'Synthetic résumé',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: body }],
  });
  const buffer = await Packer.toBuffer(document);
  return normaliseZip(new Uint8Array(buffer));
}

/** Pins timestamps and generated ids inside a ZIP so the same input gives the same bytes. */
function normaliseZip(bytes) {
  const files = unzipSync(bytes);
  const out = {};
  let counter = 0;
  const ids = new Map();
  for (const name of Object.keys(files).sort()) {
    let data = files[name];
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      let xml = strFromU8(data);
      xml = xml.replace(
        /<dcterms:(created|modified)([^>]*)>[^<]*<\/dcterms:\1>/g,
        '<dcterms:$1$2>2025-01-15T12:00:00Z</dcterms:$1>',
      );
      // Random ids the docx package gives shapes and text boxes.
      xml = xml.replace(/\b(id|o:spid)="([A-Za-z0-9_-]{10,})"/g, (_m, attr, v) => {
        if (!ids.has(v)) ids.set(v, `_x0000_s${1025 + counter++}`);
        return `${attr}="${ids.get(v)}"`;
      });
      data = strToU8(xml);
    }
    out[name] = [data, { mtime: FIXED_DATE, level: 6 }];
  }
  return zipSync(out);
}

// ---------------------------------------------------------------------------------------------
// Invalid inputs
async function invalidCases() {
  const rand = mulberry32(seedOf('invalid'));
  const randomBytes = (n) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
    return b;
  };
  const sample = buildResume(PERSONAS.find((p) => p.format === 'pdf'));
  const fullPdf = await renderPdfOneColumn(sample);
  const cases = [];

  cases.push({
    case: 'pdf-truncated',
    ext: 'pdf',
    bytes: fullPdf.slice(0, Math.floor(fullPdf.length * 0.4)),
    truth: {
      expect: 'error',
      codes: ['pdf-corrupt'],
      description: 'A real résumé PDF cut at 40% of its bytes: no xref table, no trailer.',
    },
  });
  cases.push({
    case: 'pdf-random-bytes',
    ext: 'pdf',
    bytes: randomBytes(4096),
    truth: {
      expect: 'error',
      codes: ['unsupported-format', 'pdf-corrupt'],
      description: '4 KB of seeded random bytes named .pdf: no PDF header, not text.',
    },
  });
  const headerOnly = new Uint8Array(4096);
  headerOnly.set(strToU8('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n'));
  headerOnly.set(randomBytes(4096 - 20), 20);
  cases.push({
    case: 'pdf-header-then-garbage',
    ext: 'pdf',
    bytes: headerOnly,
    truth: { expect: 'error', codes: ['pdf-corrupt'], description: 'A PDF header followed by random bytes.' },
  });
  cases.push({
    case: 'pdf-encrypted-user-password',
    ext: 'pdf',
    bytes: await pdfBytes(
      (doc) => {
        doc
          .font('Helvetica')
          .fontSize(11)
          .text('Confidential résumé: Senior Backend Engineer, Node.js, PostgreSQL, AWS.', 56, 60);
      },
      { pdf: { userPassword: 'open-sesame', ownerPassword: 'owner-secret', pdfVersion: '1.4' } },
    ),
    truth: {
      expect: 'error',
      codes: ['pdf-encrypted'],
      description: 'RC4-128 encryption with a user password: cannot be read without it.',
    },
  });
  cases.push({
    case: 'pdf-image-only',
    ext: 'pdf',
    bytes: await pdfBytes((doc) => {
      // A "scan": an image and vector shapes, no text operators at all.
      doc.image(Buffer.from(makePng(120, 160, rand)), 56, 56, { width: 480 });
      for (let i = 0; i < 30; i++) doc.rect(70, 720 + (i % 5) * 14, 100 + Math.floor(rand() * 300), 6).fill('#333333');
    }),
    truth: {
      expect: 'document',
      diagnostics: ['no-text-layer'],
      description:
        'A page holding only an image and vector bars: a document with empty text and the no-text-layer diagnostic, not an error.',
    },
  });
  cases.push({
    case: 'pdf-too-many-pages',
    ext: 'pdf',
    bytes: await pdfBytes((doc) => {
      for (let i = 1; i <= 31; i++) {
        if (i > 1) doc.addPage();
        doc.font('Helvetica').fontSize(10).text(`Appendix page ${i} of 31: publications and references.`, 56, 60);
      }
    }),
    truth: { expect: 'error', codes: ['limit-pages'], description: '31 pages, one past the default maxPages of 30.' },
  });
  cases.push({
    case: 'empty-file',
    ext: 'pdf',
    bytes: new Uint8Array(0),
    truth: { expect: 'error', codes: ['empty-input'], description: 'A 0-byte file.' },
  });
  const notZip = new Uint8Array(2048);
  notZip.set(strToU8('PK\x03\x04'));
  notZip.set(randomBytes(2044), 4);
  cases.push({
    case: 'docx-not-a-zip',
    ext: 'docx',
    bytes: notZip,
    truth: {
      expect: 'error',
      codes: ['docx-corrupt'],
      description: 'A ZIP local-file signature followed by random bytes: no central directory.',
    },
  });
  cases.push({
    case: 'docx-without-document-xml',
    ext: 'docx',
    bytes: zipSync(
      {
        '[Content_Types].xml': [
          strToU8(
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
          ),
          { mtime: FIXED_DATE },
        ],
        'word/styles.xml': [
          strToU8(
            '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
          ),
          { mtime: FIXED_DATE },
        ],
      },
      { level: 6 },
    ),
    truth: {
      expect: 'error',
      codes: ['docx-corrupt', 'unsupported-format'],
      description: 'A valid ZIP with Office parts but no word/document.xml.',
    },
  });
  const bomb = docxBomb(80 * 1024 * 1024);
  cases.push({
    case: 'docx-zip-bomb',
    ext: 'docx',
    bytes: bomb,
    truth: {
      expect: 'error',
      codes: ['limit-expanded-size'],
      description: `A ${Math.round(bomb.length / 1024)} KB DOCX whose word/document.xml expands to 80 MB (past maxExpandedBytes 64 MB and maxDocumentXmlBytes 16 MB).`,
    },
  });
  const liar = lieAboutSizes(docxBomb(40 * 1024 * 1024), 'word/document.xml', 4096);
  cases.push({
    case: 'docx-zip-bomb-lying-sizes',
    ext: 'docx',
    bytes: liar,
    truth: {
      expect: 'error',
      codes: ['limit-expanded-size', 'docx-corrupt'],
      description: `A ${Math.round(liar.length / 1024)} KB DOCX whose ZIP directory claims word/document.xml is 4 KB while it inflates to 40 MB: only a capped streaming inflate catches it.`,
    },
  });
  return cases;
}

/** A DOCX whose document.xml is `size` bytes of repeated paragraphs. */
function docxBomb(size) {
  const headXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const para = '<w:p><w:r><w:t>Backend engineer with Node.js and PostgreSQL.</w:t></w:r></w:p>';
  const xml = new Uint8Array(size);
  const enc = new TextEncoder();
  xml.set(enc.encode(headXml));
  const p = enc.encode(para);
  let off = headXml.length;
  while (off + p.length + tail.length <= size) {
    xml.set(p, off);
    off += p.length;
  }
  xml.set(enc.encode(tail), off);
  const doc = xml.subarray(0, off + tail.length);
  return zipSync(
    {
      '[Content_Types].xml': [
        strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        { mtime: FIXED_DATE },
      ],
      '_rels/.rels': [
        strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
        { mtime: FIXED_DATE },
      ],
      'word/document.xml': [doc, { mtime: FIXED_DATE, level: 9 }],
    },
    { level: 9 },
  );
}

/** Rewrites the uncompressed size of one entry in both its local header and the central directory. */
function lieAboutSizes(zip, entry, size) {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const name = strToU8(entry);
  const matches = (at) => name.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && matches(i + 30))
      view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && matches(i + 46))
      view.setUint32(i + 24, size, true);
  }
  return out;
}

/** A grey-scale PNG with noisy "text-like" stripes (a stand-in for a scanned page). */
function makePng(width, height, rand) {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    const inkRow = y % 8 < 3 && y > 10 && y < height - 10;
    for (let x = 0; x < width; x++)
      raw[y * (width + 1) + 1 + x] = inkRow && x > 8 && x < width - 8 && rand() < 0.6 ? 40 : 245;
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(strToU8(type), 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array(0)),
  ];
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
function writeCase(kind, name, ext, bytes, truth) {
  const dir = join(ROOT, kind, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith('input.') && f !== `input.${ext}`) rmSync(join(dir, f));
  writeFileSync(join(dir, `input.${ext}`), bytes);
  writeFileSync(join(dir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
}

/** Removes generated case folders (they hold a truth.json) that the current generator no longer makes. */
function pruneStale(kind, keep) {
  const dir = join(ROOT, kind);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir))
    if (!keep.has(name) && existsSync(join(dir, name, 'truth.json'))) rmSync(join(dir, name), { recursive: true });
}

// ---------------------------------------------------------------------------------------------
// The résumés. All people, employers and figures are invented. `tech` on a job is written into
// that job's bullets (and so dated); `skills` is the skills section; `absent` lists words that
// appear only where they must not count; `flags` lists mentions that must carry a flag.
const PERSONAS = [
  {
    case: 'pdf-backend-node-senior',
    description:
      'One-column PDF over two pages (skills and education on page 2), "Work History" heading, "Jan 2019 – Present" dates, a word hyphenated across a line break, ligature-prone words (efficient, workflow, offline).',
    format: 'pdf',
    layout: 'one-column',
    profession: 'back-end developer',
    name: 'Zoë Ångström',
    headline: 'Senior Backend Engineer',
    email: 'zoe.angstrom@example.com',
    location: 'Malmö, Sweden',
    headings: { summary: 'Profile', experience: 'Work History', skills: 'Technical Skills', education: 'Education' },
    dateStyle: 'mon',
    entryStyle: 'title-first',
    hyphenate: { word: 'Kubernetes', head: 'Kuber', tail: 'netes' },
    pageBreakBeforeSkills: true,
    summary:
      'Backend engineer with nine years of experience building efficient, reliable APIs and event-driven systems for fintech and logistics. Comfortable owning services from design to on-call, including offline batch workflows.',
    jobs: [
      {
        title: 'Senior Backend Engineer',
        org: 'Nordpay AB',
        city: 'Malmö',
        start: '2019-01',
        end: null,
        tech: ['Node.js', 'PostgreSQL', 'TypeScript', 'Redis', 'Kafka'],
        bullets: [
          'Split the payments monolith into 14 microservices behind REST APIs secured with OAuth 2.0 and JWT',
          'Deployed every service on Kubernetes clusters with zero-downtime rollouts',
          'Moved the team to trunk-based development on Git with CI/CD through GitHub Actions',
          'Mentored five engineers and ran the backend guild',
        ],
      },
      {
        title: 'Backend Developer',
        org: 'Fraktlogik',
        city: 'Lund',
        start: '2016-03',
        end: '2018-12',
        tech: ['Node.js', 'Express', 'MongoDB', 'Docker'],
        bullets: ['Cut API error rate from 2% to 0.1% with contract tests'],
      },
      {
        title: 'Software Developer',
        org: 'Skånska Data',
        city: 'Malmö',
        start: '2014-06',
        end: '2016-02',
        tech: ['JavaScript', 'MySQL'],
        bullets: ['Maintained the internal booking tool used by 300 staff'],
      },
      {
        title: 'Junior Developer',
        org: 'Öresund Web',
        city: 'Helsingborg',
        start: '2013-01',
        end: '2014-05',
        tech: ['PHP'],
        bullets: ['Built landing pages and small admin panels for local clients'],
      },
    ],
    skills: [
      ['Languages', ['TypeScript', 'JavaScript', 'SQL', 'PHP']],
      ['Back end', ['Node.js', 'Express', 'GraphQL', 'REST', 'Microservices']],
      ['Security', ['OAuth 2.0', 'JWT']],
      ['Data', ['PostgreSQL', 'MongoDB', 'Redis', 'Kafka']],
      ['Infrastructure', ['Docker', 'Kubernetes', 'AWS', 'Terraform', 'GitHub Actions', 'Git']],
    ],
    extraTech: ['Kubernetes'],
    education: ['MSc Computer Science, Lund University (2012)', 'Certified Kubernetes Application Developer (2021)'],
    diagnostics: [],
  },
  {
    case: 'pdf-backend-java',
    description:
      'One-column PDF, "Professional Experience" / "Technical Skills", "03/2018 - 06/2021" dates, organisation on the first line of each entry.',
    format: 'pdf',
    layout: 'one-column',
    profession: 'back-end developer',
    name: 'José Núñez',
    headline: 'Java Backend Developer',
    email: 'jose.nunez@example.com',
    location: 'Valencia, Spain',
    headings: { summary: 'About Me', experience: 'Professional Experience', skills: 'Technical Skills' },
    dateStyle: 'mm/yyyy',
    entryStyle: 'org-first',
    summary: 'Java developer focused on high-volume transaction systems, clean domain models and observability.',
    jobs: [
      {
        title: 'Backend Developer',
        org: 'Banco Levante Digital',
        city: 'Valencia',
        start: '2021-07',
        end: null,
        tech: ['Java', 'Spring Boot', 'PostgreSQL', 'RabbitMQ', 'Prometheus'],
        bullets: ['Built REST APIs for card payments as Spring Boot microservices, secured with OAuth 2.0'],
      },
      {
        title: 'Java Developer',
        org: 'Turismo Conecta',
        city: 'Madrid',
        start: '2018-03',
        end: '2021-06',
        tech: ['Java', 'Hibernate', 'MySQL', 'Jenkins'],
      },
      {
        title: 'Intern Developer',
        org: 'Soluciones Albufera',
        city: 'Valencia',
        start: '2017-09',
        end: '2018-02',
        tech: ['Java'],
      },
    ],
    skills: [
      ['Languages', ['Java', 'Kotlin', 'SQL']],
      ['Frameworks', ['Spring Boot', 'Hibernate', 'JUnit']],
      ['Architecture', ['Microservices', 'REST', 'OAuth 2.0']],
      ['Tools', ['PostgreSQL', 'MySQL', 'RabbitMQ', 'Jenkins', 'Docker', 'Git', 'Prometheus', 'Grafana']],
    ],
    education: ['Grado en Ingeniería Informática, Universitat Politècnica de València (2017)'],
  },
  {
    case: 'pdf-data-engineer',
    description:
      'One-column PDF, "Employment History" / "Tech Stack", year-only ranges "2017-2020", one-line entries "Title, Organisation (dates)".',
    format: 'pdf',
    layout: 'one-column',
    profession: 'data engineer',
    name: 'Søren Kierkegård',
    headline: 'Data Engineer',
    email: 'soren.k@example.com',
    location: 'Aarhus, Denmark',
    headings: { summary: 'Summary', experience: 'Employment History', skills: 'Tech Stack', education: 'Education' },
    dateStyle: 'yyyy',
    entryStyle: 'inline',
    summary: 'Data engineer who builds batch and streaming pipelines that analysts trust.',
    jobs: [
      {
        title: 'Senior Data Engineer',
        org: 'Vindkraft Analytics',
        start: '2021-01',
        end: null,
        tech: ['Python', 'Apache Airflow', 'Snowflake', 'dbt'],
      },
      {
        title: 'Data Engineer',
        org: 'Jysk Retail Data',
        start: '2017-01',
        end: '2020-12',
        tech: ['Apache Spark', 'Scala', 'Hadoop', 'PostgreSQL'],
      },
      { title: 'BI Developer', org: 'Kommune IT', start: '2015-01', end: '2016-12', tech: ['SQL Server', 'Python'] },
    ],
    skills: [
      [
        null,
        [
          'Python',
          'Scala',
          'SQL',
          'Apache Spark',
          'Apache Airflow',
          'dbt',
          'Snowflake',
          'Hadoop',
          'Kafka',
          'PostgreSQL',
          'SQL Server',
          'Docker',
        ],
      ],
    ],
    education: ['MSc Data Science, Aarhus University (2014)'],
  },
  {
    case: 'pdf-devops-unicode-font',
    description:
      'One-column PDF set in an embedded TrueType font (ligatures fi/fl shaped by the font), Polish name with Ł Ż ó ł ć, "Core Competencies", "Mar \'19 – Aug \'21" dates.',
    format: 'pdf',
    layout: 'one-column',
    profession: 'DevOps engineer',
    unicodeFont: true,
    name: 'Łukasz Żółć',
    headline: 'DevOps Engineer',
    email: 'lukasz.zolc@example.com',
    location: 'Wrocław, Poland',
    headings: { summary: 'Profile', experience: 'Experience', skills: 'Core Competencies', education: 'Education' },
    dateStyle: 'apos',
    entryStyle: 'title-first',
    summary:
      'DevOps engineer who simplifies delivery: fewer manual steps, efficient pipelines, confident releases and offline-first runbooks.',
    jobs: [
      {
        title: 'DevOps Engineer',
        org: 'Odra Cloud',
        city: 'Wrocław',
        start: '2021-09',
        end: null,
        tech: ['Terraform', 'AWS', 'Kubernetes', 'Helm', 'GitLab CI'],
      },
      {
        title: 'Systems Engineer',
        org: 'Śląsk Hosting',
        city: 'Katowice',
        start: '2019-03',
        end: '2021-08',
        tech: ['Ansible', 'Linux', 'Nginx', 'Prometheus'],
      },
    ],
    skills: [
      ['Cloud', ['AWS', 'Terraform', 'Kubernetes', 'Helm']],
      ['Automation', ['Ansible', 'GitLab CI', 'Bash']],
      ['Operations', ['Linux', 'Nginx', 'Prometheus', 'Grafana']],
    ],
    education: ['BSc Computer Science, Wrocław University of Science and Technology (2018)'],
  },
  {
    case: 'pdf-qa-engineer',
    description:
      'One-column PDF, "Career History" / "Tools & Technologies", "2018.03 – 2021.06" dates, three-line entry headers.',
    format: 'pdf',
    layout: 'one-column',
    profession: 'QA engineer',
    name: 'François Lefèvre',
    headline: 'QA Automation Engineer',
    email: 'f.lefevre@example.com',
    location: 'Lyon, France',
    headings: {
      summary: 'Summary',
      experience: 'Career History',
      skills: 'Tools & Technologies',
      education: 'Education',
    },
    dateStyle: 'dot',
    entryStyle: 'three-lines',
    summary: 'Test automation engineer who turns flaky suites into fast, trusted release gates.',
    jobs: [
      {
        title: 'QA Automation Engineer',
        org: 'Rhône Mobilité',
        start: '2021-07',
        end: null,
        tech: ['Cypress', 'TypeScript', 'Playwright'],
      },
      {
        title: 'Test Engineer',
        org: 'Assurances Confluence',
        start: '2018-03',
        end: '2021-06',
        tech: ['Selenium', 'Java', 'JMeter', 'Postman'],
      },
    ],
    skills: [[null, ['Cypress', 'Playwright', 'Selenium', 'JMeter', 'Postman', 'Java', 'TypeScript', 'Jira', 'Git']]],
    education: ['Licence professionnelle Qualité Logicielle, Université Lyon 1 (2017)'],
  },
  {
    case: 'pdf-owner-password-python',
    description:
      'One-column PDF encrypted with an owner password only (RC4-128, no user password): it opens without a password, so it must be read.',
    format: 'pdf',
    layout: 'one-column',
    profession: 'back-end developer',
    pdfOptions: {
      ownerPassword: 'no-editing-please',
      pdfVersion: '1.4',
      permissions: { printing: 'highResolution', copying: true },
    },
    name: 'Anna Müller',
    headline: 'Python Backend Developer',
    email: 'anna.mueller@example.com',
    location: 'Leipzig, Germany',
    headings: { summary: 'Summary', experience: 'Work Experience', skills: 'Skills', education: 'Education' },
    dateStyle: 'mon',
    entryStyle: 'title-first',
    summary: 'Backend developer building APIs and background processing for e-commerce.',
    jobs: [
      {
        title: 'Backend Developer',
        org: 'Sachsen Shop GmbH',
        city: 'Leipzig',
        start: '2020-04',
        end: null,
        tech: ['Python', 'Django', 'PostgreSQL', 'Celery', 'Redis'],
        bullets: ['Designed the REST API for the checkout and added JWT authentication for partner shops'],
      },
      {
        title: 'Software Engineer',
        org: 'Mitteldeutsche Logistik',
        city: 'Halle',
        start: '2017-08',
        end: '2020-03',
        tech: ['Python', 'Flask', 'MySQL', 'Docker'],
      },
    ],
    skills: [
      ['Languages', ['Python', 'SQL', 'JavaScript']],
      ['Frameworks', ['Django', 'Flask', 'FastAPI', 'Celery']],
      ['APIs', ['REST', 'JWT']],
      ['Data & ops', ['PostgreSQL', 'MySQL', 'Redis', 'Docker', 'AWS', 'Git']],
    ],
    education: ['BSc Informatik, Universität Leipzig (2017)'],
  },
  {
    case: 'pdf-accountant',
    description:
      'One-column PDF (embedded font) for an accountant: office and finance software only, Turkish name with ş ı, "January 2019 - Current" dates. A true profile has no programming skills.',
    format: 'pdf',
    layout: 'one-column',
    profession: 'accountant',
    family: 'office',
    unicodeFont: true,
    name: 'Ayşe Yılmaz',
    headline: 'Chartered Accountant',
    email: 'ayse.yilmaz@example.com',
    location: 'İzmir, Türkiye',
    headings: {
      summary: 'Professional Summary',
      experience: 'Professional Experience',
      skills: 'Software',
      education: 'Qualifications',
    },
    dateStyle: 'month',
    entryStyle: 'title-first',
    summary: 'Chartered accountant with ten years in audit and group reporting for manufacturing companies.',
    jobs: [
      {
        title: 'Financial Controller',
        org: 'Ege Tekstil A.Ş.',
        city: 'İzmir',
        start: '2019-01',
        end: null,
        tech: ['SAP', 'Microsoft Excel', 'Power BI'],
        bullets: ['Closed the books in four working days instead of nine'],
      },
      {
        title: 'Senior Auditor',
        org: 'Anadolu Denetim',
        city: 'İstanbul',
        start: '2014-09',
        end: '2018-12',
        tech: ['Microsoft Excel'],
        bullets: ['Led statutory audits for 15 manufacturing clients'],
      },
    ],
    skills: [[null, ['SAP', 'Microsoft Excel', 'Power BI', 'QuickBooks']]],
    education: ['Chartered Accountant (SMMM), 2016', 'BA Business Administration, Dokuz Eylül University (2014)'],
  },
  {
    case: 'pdf-sidebar-frontend',
    description:
      'Sidebar PDF: contact, skills and education in a shaded left column, experience on the right; both columns drawn interleaved row by row.',
    format: 'pdf',
    layout: 'sidebar',
    profession: 'front-end developer',
    name: 'Björn Eriksson',
    headline: 'Frontend Developer',
    email: 'bjorn.eriksson@example.com',
    location: 'Uppsala, Sweden',
    headings: { summary: 'Profile', experience: 'Work Experience', skills: 'Skills', education: 'Education' },
    dateStyle: 'mon',
    entryStyle: 'title-first',
    summary: 'Frontend developer who cares about accessible, fast interfaces and tidy component libraries.',
    jobs: [
      {
        title: 'Frontend Developer',
        org: 'Mälardalen Media',
        start: '2020-02',
        end: null,
        tech: ['React', 'TypeScript', 'Next.js', 'Storybook'],
      },
      {
        title: 'Web Developer',
        org: 'Fyris Design Studio',
        start: '2017-05',
        end: '2020-01',
        tech: ['Vue.js', 'Sass', 'JavaScript'],
      },
    ],
    skills: [
      ['Languages', ['TypeScript', 'JavaScript', 'HTML5', 'CSS3']],
      ['Frameworks', ['React', 'Next.js', 'Vue.js', 'Redux']],
      ['Tooling', ['Webpack', 'Jest', 'Storybook', 'Sass', 'Figma']],
    ],
    education: ['BSc Interaction Design, Uppsala University, 2017'],
    diagnostics: ['two-columns'],
  },
  {
    case: 'pdf-sidebar-mobile',
    description: 'Sidebar PDF for a mobile developer, em-dash ranges "Feb 2016 — Nov 2018".',
    format: 'pdf',
    layout: 'sidebar',
    profession: 'mobile developer',
    name: 'Inés García Peña',
    headline: 'Mobile Developer (iOS & Android)',
    email: 'ines.garcia@example.com',
    location: 'Sevilla, Spain',
    headings: { summary: 'About', experience: 'Experience', skills: 'Skills', education: 'Education' },
    dateStyle: 'emdash',
    entryStyle: 'title-first',
    summary: 'Mobile developer shipping native apps with millions of installs.',
    jobs: [
      {
        title: 'Senior iOS Developer',
        org: 'Giralda Apps',
        start: '2019-01',
        end: null,
        tech: ['Swift', 'SwiftUI', 'Firebase'],
      },
      {
        title: 'Android Developer',
        org: 'Triana Móvil',
        start: '2016-02',
        end: '2018-11',
        tech: ['Kotlin', 'Android SDK'],
      },
    ],
    skills: [
      ['iOS', ['Swift', 'SwiftUI', 'Xcode']],
      ['Android', ['Kotlin', 'Android SDK', 'Jetpack Compose']],
      ['Other', ['Firebase', 'Fastlane', 'Git']],
    ],
    education: ['Ingeniería del Software, Universidad de Sevilla (2015)'],
    diagnostics: ['two-columns'],
  },
  {
    case: 'pdf-sidebar-designer',
    description: 'Sidebar PDF for a product designer: design tools only, "June 2019 to date" ranges.',
    format: 'pdf',
    layout: 'sidebar',
    profession: 'designer',
    family: 'design',
    name: 'Chloé Dubois',
    headline: 'Product Designer',
    email: 'chloe.dubois@example.com',
    location: 'Bordeaux, France',
    headings: { summary: 'Profile', experience: 'Experience', skills: 'Toolkit', education: 'Education' },
    dateStyle: 'to',
    entryStyle: 'title-first',
    summary: 'Product designer turning research into clear, usable flows for marketplaces.',
    jobs: [
      { title: 'Product Designer', org: 'Garonne Market', start: '2019-06', end: null, tech: ['Figma', 'Miro'] },
      {
        title: 'Graphic Designer',
        org: 'Atelier Chartrons',
        start: '2016-09',
        end: '2019-05',
        tech: ['Adobe Photoshop', 'Adobe Illustrator', 'Adobe InDesign'],
      },
    ],
    skills: [[null, ['Figma', 'Sketch', 'Adobe Photoshop', 'Adobe Illustrator', 'Adobe InDesign', 'Miro']]],
    education: ['Master Design Graphique, ECV Bordeaux (2016)'],
    diagnostics: ['two-columns'],
  },
  {
    case: 'pdf-two-column-backend-go',
    description:
      'True two-column PDF: experience flows from the left column into the right one, then skills and education; "03/19 – 08/21" two-digit-year dates.',
    format: 'pdf',
    layout: 'two-column',
    profession: 'back-end developer',
    splitAt: 2,
    name: 'Mateus Gonçalves',
    headline: 'Backend Engineer (Go)',
    email: 'mateus.g@example.com',
    location: 'Porto, Portugal',
    headings: { summary: 'Summary', experience: 'Experience', skills: 'Skills', education: 'Education' },
    dateStyle: 'mm/yy',
    entryStyle: 'title-first',
    summary: 'Backend engineer writing Go services for payments and messaging.',
    jobs: [
      {
        title: 'Backend Engineer',
        org: 'Douro Payments',
        start: '2021-09',
        end: null,
        tech: ['Go', 'gRPC', 'PostgreSQL'],
      },
      {
        title: 'Software Engineer',
        org: 'Ribeira Telecom',
        start: '2019-03',
        end: '2021-08',
        tech: ['Go', 'Kafka', 'Redis'],
      },
      { title: 'Developer', org: 'Invicta Sistemas', start: '2016-10', end: '2019-02', tech: ['Python', 'MySQL'] },
    ],
    skills: [
      ['Languages', ['Go', 'Python', 'SQL']],
      ['Systems', ['gRPC', 'Kafka', 'Redis', 'PostgreSQL', 'MySQL', 'Docker', 'Kubernetes']],
    ],
    education: ['MSc Informatics, University of Porto (2016)'],
    diagnostics: ['two-columns'],
  },
  {
    case: 'pdf-two-column-data-scientist',
    description:
      'True two-column PDF for a data scientist, ISO-like "2019-03 – 2021-08" ranges, projects section in the right column.',
    format: 'pdf',
    layout: 'two-column',
    profession: 'data scientist',
    splitAt: 2,
    name: "Renée O'Connor",
    headline: 'Data Scientist',
    email: 'renee.oconnor@example.com',
    location: 'Galway, Ireland',
    headings: {
      summary: 'Summary',
      experience: 'Experience',
      skills: 'Skills',
      education: 'Education',
      projects: 'Projects',
    },
    dateStyle: 'iso',
    entryStyle: 'title-first',
    summary: 'Data scientist building forecasting and ranking models that ship to production.',
    jobs: [
      {
        title: 'Data Scientist',
        org: 'Atlantic Energy',
        start: '2021-04',
        end: null,
        tech: ['Python', 'scikit-learn', 'pandas'],
      },
      { title: 'Analyst', org: 'Connacht Insurance', start: '2018-09', end: '2021-03', tech: ['R', 'SQL', 'Tableau'] },
    ],
    projects: ['Demand forecasting with PyTorch and NumPy for wind farm output'],
    extraTech: ['PyTorch', 'NumPy'],
    skills: [
      ['Languages', ['Python', 'R', 'SQL']],
      ['Libraries', ['pandas', 'NumPy', 'scikit-learn', 'PyTorch']],
      ['Tools', ['Tableau', 'Jupyter', 'Git']],
    ],
    education: ['MSc Statistics, University of Galway (2018)'],
    diagnostics: ['two-columns'],
  },
  {
    case: 'docx-headings-backend-csharp',
    description:
      'DOCX with Heading 2/Heading 3 paragraph styles and bullet lists, Chinese name, "Jan 2019 – Present" dates.',
    format: 'docx',
    layout: 'headings',
    profession: 'back-end developer',
    name: '李伟 (Li Wei)',
    headline: '.NET Backend Developer',
    email: 'li.wei@example.com',
    location: 'Singapore',
    headings: {
      summary: 'Summary',
      experience: 'Professional Experience',
      skills: 'Technical Skills',
      education: 'Education',
    },
    dateStyle: 'mon',
    entryStyle: 'title-first',
    summary: 'Backend developer building .NET services for logistics and trade finance.',
    jobs: [
      {
        title: 'Senior .NET Developer',
        org: 'Straits Freight Pte Ltd',
        start: '2020-05',
        end: null,
        tech: ['C#', 'ASP.NET Core', 'Azure', 'SQL Server'],
        bullets: [
          'Designed REST APIs for shipment tracking with JWT bearer authentication',
          'Containerised the services with Docker and deployed them to Azure Kubernetes Service',
        ],
      },
      {
        title: '.NET Developer',
        org: 'Lion City Trade Systems',
        start: '2016-07',
        end: '2020-04',
        tech: ['C#', 'Entity Framework', 'RabbitMQ'],
      },
    ],
    skills: [
      ['Languages', ['C#', 'SQL', 'TypeScript']],
      ['Frameworks', ['ASP.NET Core', 'Entity Framework', 'xUnit']],
      ['Platforms', ['Azure', 'SQL Server', 'RabbitMQ', 'Docker', 'Git']],
    ],
    education: ['BEng Computer Engineering, National University of Singapore (2016)'],
  },
  {
    case: 'docx-headings-nurse',
    description:
      'DOCX with heading styles for a registered nurse: clinical work, no technology beyond office software; Vietnamese name with stacked diacritics.',
    format: 'docx',
    layout: 'headings',
    profession: 'nurse',
    family: 'office',
    name: 'Nguyễn Thị Hương',
    headline: 'Registered Nurse',
    email: 'huong.nguyen@example.com',
    location: 'Melbourne, Australia',
    headings: { summary: 'Profile', experience: 'Clinical Experience', skills: 'Skills', education: 'Education' },
    dateStyle: 'month',
    entryStyle: 'title-first',
    summary:
      'Registered nurse with eight years on medical and surgical wards, calm under pressure and quick to spot a deteriorating patient.',
    jobs: [
      {
        title: 'Clinical Nurse',
        org: 'Yarra Valley Hospital',
        start: '2019-02',
        end: null,
        tech: [],
        bullets: ['Coordinated care for a 28-bed surgical ward', 'Precepted 12 graduate nurses'],
      },
      {
        title: 'Registered Nurse',
        org: 'Saigon General Hospital',
        start: '2016-01',
        end: '2018-12',
        tech: [],
        bullets: ['Administered medication and wound care on a medical ward'],
      },
    ],
    skills: [[null, ['Patient assessment', 'Wound care', 'Medication administration', 'Microsoft Excel']]],
    notTech: ['Patient assessment', 'Wound care', 'Medication administration'],
    education: ['Bachelor of Nursing, Monash University (2015)'],
  },
  {
    case: 'docx-headings-sre',
    description:
      'DOCX with heading styles for a site reliability engineer; "Since 2020" for the current role and "2016 – 2019" year ranges.',
    format: 'docx',
    layout: 'headings',
    profession: 'DevOps engineer',
    name: 'Siobhán Ní Bhriain',
    headline: 'Site Reliability Engineer',
    email: 'siobhan.nb@example.com',
    location: 'Dublin, Ireland',
    headings: { summary: 'Summary', experience: 'Work History', skills: 'Technical Skills', education: 'Education' },
    dateStyle: 'since',
    entryStyle: 'title-first',
    summary: 'SRE who keeps large platforms boring: good alerts, tested failover, honest postmortems.',
    jobs: [
      {
        title: 'Site Reliability Engineer',
        org: 'Liffey Streaming',
        start: '2020-03',
        end: null,
        tech: ['Kubernetes', 'Google Cloud Platform', 'Terraform', 'Prometheus'],
      },
      {
        title: 'Systems Administrator',
        org: 'Leinster Hosting',
        start: '2016-01',
        end: '2019-12',
        tech: ['Linux', 'Ansible', 'PostgreSQL'],
      },
    ],
    skills: [
      [
        null,
        [
          'Kubernetes',
          'Google Cloud Platform',
          'Terraform',
          'Prometheus',
          'Grafana',
          'Ansible',
          'Linux',
          'Python',
          'Go',
        ],
      ],
    ],
    education: ['BSc Computing, Trinity College Dublin (2015)'],
  },
  {
    case: 'docx-table-backend-php',
    description:
      'Europass-style DOCX: experience in a two-column table (dates | role and bullets), skills in a table; "03/2018 - 06/2021" dates.',
    format: 'docx',
    layout: 'tables',
    profession: 'back-end developer',
    experienceTable: true,
    name: 'Jürgen Weiß',
    headline: 'PHP Backend Developer',
    email: 'juergen.weiss@example.com',
    location: 'Graz, Austria',
    headings: { summary: 'Summary', experience: 'Work Experience', skills: 'Technical Skills', education: 'Education' },
    dateStyle: 'mm/yyyy',
    entryStyle: 'title-first',
    summary: 'PHP developer with a taste for well-structured Laravel and Symfony applications.',
    jobs: [
      {
        title: 'Backend Developer',
        org: 'Steiermark Online GmbH',
        start: '2019-10',
        end: null,
        tech: ['PHP', 'Laravel', 'MySQL', 'Redis'],
        bullets: ['Exposed the shop catalogue through a versioned REST API with OAuth 2.0 for partners'],
      },
      {
        title: 'Web Developer',
        org: 'Murtal Medien',
        start: '2016-02',
        end: '2019-09',
        tech: ['PHP', 'Symfony', 'PostgreSQL'],
      },
    ],
    skills: [
      ['Languages', ['PHP', 'SQL', 'JavaScript']],
      ['Frameworks', ['Laravel', 'Symfony', 'PHPUnit']],
      ['Databases', ['MySQL', 'PostgreSQL', 'Redis']],
      ['Tools', ['Docker', 'GitLab CI', 'Nginx']],
    ],
    education: ['BSc Software Engineering, TU Graz (2016)'],
    diagnostics: ['tables'],
  },
  {
    case: 'docx-table-frontend',
    description:
      'DOCX with the skills section in a table and experience in styled paragraphs; "2018.03 – 2021.06" dates.',
    format: 'docx',
    layout: 'tables',
    profession: 'front-end developer',
    name: 'Aarav Sharma',
    headline: 'Frontend Engineer',
    email: 'aarav.sharma@example.com',
    location: 'Pune, India',
    headings: { summary: 'Summary', experience: 'Experience', skills: 'Skills Matrix', education: 'Education' },
    dateStyle: 'dot',
    entryStyle: 'org-first',
    summary: 'Frontend engineer building dashboards and design systems in Angular and React.',
    jobs: [
      {
        title: 'Frontend Engineer',
        org: 'Sahyadri Fintech',
        city: 'Pune',
        start: '2021-07',
        end: null,
        tech: ['Angular', 'TypeScript', 'RxJS'],
      },
      {
        title: 'UI Developer',
        org: 'Deccan Software',
        city: 'Pune',
        start: '2018-03',
        end: '2021-06',
        tech: ['React', 'Redux', 'JavaScript'],
      },
    ],
    skills: [
      ['Frameworks', ['Angular', 'React', 'Redux', 'RxJS']],
      ['Languages', ['TypeScript', 'JavaScript', 'HTML5', 'CSS3']],
      ['Testing', ['Jest', 'Cypress']],
    ],
    education: ['BE Computer Engineering, Savitribai Phule Pune University (2018)'],
    diagnostics: ['tables'],
  },
  {
    case: 'docx-table-accountant',
    description: 'DOCX for an accountant with a skills table; Polish name; year-only "2017-2020" ranges.',
    format: 'docx',
    layout: 'tables',
    profession: 'accountant',
    family: 'office',
    name: 'Małgorzata Wiśniewska',
    headline: 'Senior Accountant',
    email: 'm.wisniewska@example.com',
    location: 'Kraków, Poland',
    headings: { summary: 'Summary', experience: 'Professional Experience', skills: 'Software', education: 'Education' },
    dateStyle: 'yyyy',
    entryStyle: 'title-first',
    summary: 'Accountant with experience in shared service centres and month-end close.',
    jobs: [
      {
        title: 'Senior Accountant',
        org: 'Wawel Shared Services',
        start: '2021-01',
        end: null,
        tech: ['SAP', 'Microsoft Excel'],
      },
      {
        title: 'Accountant',
        org: 'Vistula Trading',
        start: '2017-01',
        end: '2020-12',
        tech: ['Xero', 'Microsoft Excel'],
      },
    ],
    skills: [
      ['ERP', ['SAP']],
      ['Accounting', ['Xero', 'QuickBooks']],
      ['Office', ['Microsoft Excel', 'Power BI']],
    ],
    education: ['MA Finance and Accounting, Cracow University of Economics (2016)'],
    diagnostics: ['tables'],
  },
  {
    case: 'docx-textbox-backend-ruby',
    description:
      'DOCX whose contact details and skills list sit in a floating text box (VML w:txbxContent); the text box content must not be lost. "Mar \'19 – Aug \'21" dates.',
    format: 'docx',
    layout: 'textbox',
    profession: 'back-end developer',
    name: 'Ayumi Tanaka (田中 亜由美)',
    headline: 'Ruby on Rails Developer',
    email: 'ayumi.tanaka@example.com',
    location: 'Osaka, Japan',
    headings: { summary: 'Summary', experience: 'Experience', skills: 'Skills', education: 'Education' },
    dateStyle: 'apos',
    entryStyle: 'title-first',
    summary: 'Rails developer who likes small, well-tested services and pragmatic refactoring.',
    jobs: [
      {
        title: 'Backend Developer',
        org: 'Naniwa Commerce',
        start: '2021-09',
        end: null,
        tech: ['Ruby on Rails', 'PostgreSQL', 'Sidekiq'],
      },
      {
        title: 'Web Developer',
        org: 'Kansai Travel Tech',
        start: '2019-03',
        end: '2021-08',
        tech: ['Ruby', 'MySQL', 'Heroku'],
      },
    ],
    skills: [[null, ['Ruby', 'Ruby on Rails', 'RSpec', 'Sidekiq', 'PostgreSQL', 'MySQL', 'Redis', 'Heroku', 'AWS']]],
    education: ['BSc Information Science, Osaka University (2018)'],
    diagnostics: ['text-boxes'],
  },
  {
    case: 'docx-textbox-qa',
    description: 'DOCX with the skills in a text box and bold (unstyled) headings, "2019-03 – 2021-08" dates.',
    format: 'docx',
    layout: 'textbox',
    profession: 'QA engineer',
    name: 'Olúṣẹ́gun Adéyẹmí',
    headline: 'Software Test Engineer',
    email: 'olusegun.adeyemi@example.com',
    location: 'Lagos, Nigeria',
    headings: { summary: 'Summary', experience: 'Work Experience', skills: 'Testing Toolkit', education: 'Education' },
    dateStyle: 'iso',
    entryStyle: 'title-first',
    summary: 'Test engineer covering web and API quality for payments products.',
    jobs: [
      {
        title: 'Software Test Engineer',
        org: 'Lekki Payments',
        start: '2021-09',
        end: null,
        tech: ['Postman', 'Playwright', 'Python'],
      },
      { title: 'QA Analyst', org: 'Ikeja Systems', start: '2019-03', end: '2021-08', tech: ['Selenium', 'Jira'] },
    ],
    skills: [[null, ['Playwright', 'Selenium', 'Postman', 'Python', 'Jira', 'SQL']]],
    education: ['BSc Computer Science, University of Lagos (2018)'],
    diagnostics: ['text-boxes'],
  },
  {
    case: 'html-backend-python',
    description:
      'HTML résumé with style and script blocks naming technologies that are not in the résumé (Haskell, Elixir, COBOL, Kotlin), skills in an HTML table.',
    format: 'html',
    layout: 'html',
    profession: 'back-end developer',
    skillsTable: true,
    name: 'Priya Natarajan',
    headline: 'Backend Engineer',
    email: 'priya.n@example.com',
    location: 'Chennai, India',
    headings: {
      summary: 'Summary',
      experience: 'Professional Experience',
      skills: 'Technical Skills',
      education: 'Education',
    },
    dateStyle: 'mon',
    entryStyle: 'title-first',
    summary: 'Backend engineer building Python APIs for healthcare scheduling.',
    jobs: [
      {
        title: 'Backend Engineer',
        org: 'Kaveri Health',
        start: '2020-08',
        end: null,
        tech: ['Python', 'FastAPI', 'PostgreSQL', 'AWS Lambda'],
        bullets: [
          'Broke the scheduling system into microservices with REST APIs and OAuth 2.0 single sign-on',
          'Packaged every service with Docker and kept the Git history clean with code review rules',
        ],
      },
      {
        title: 'Software Developer',
        org: 'Marina Infotech',
        start: '2017-06',
        end: '2020-07',
        tech: ['Python', 'Django', 'MySQL'],
      },
    ],
    skills: [
      ['Languages', ['Python', 'SQL', 'Bash']],
      ['Frameworks', ['FastAPI', 'Django', 'SQLAlchemy']],
      ['Architecture', ['Microservices', 'REST', 'OAuth 2.0']],
      ['Cloud', ['AWS', 'AWS Lambda', 'Amazon S3', 'Docker', 'Git']],
    ],
    education: ['B.Tech Information Technology, Anna University (2017)'],
    absent: [
      { surface: 'Haskell', why: 'only in style and script blocks' },
      { surface: 'Elixir', why: 'only in a script block' },
      { surface: 'COBOL', why: 'only in a script block' },
      { surface: 'Kotlin', why: 'only in CSS content' },
    ],
  },
  {
    case: 'html-frontend-react',
    description: 'HTML résumé for a front-end developer, "January 2019 - Current" dates, entities (&ndash;) in ranges.',
    format: 'html',
    layout: 'html',
    profession: 'front-end developer',
    name: 'Zoltán Kovács',
    headline: 'Frontend Developer',
    email: 'zoltan.kovacs@example.com',
    location: 'Budapest, Hungary',
    headings: { summary: 'Summary', experience: 'Work History', skills: 'Tech Stack', education: 'Education' },
    dateStyle: 'month',
    entryStyle: 'title-first',
    summary: 'Frontend developer focused on performance budgets and accessible components.',
    jobs: [
      {
        title: 'Frontend Developer',
        org: 'Duna Digital',
        start: '2019-01',
        end: null,
        tech: ['React', 'TypeScript', 'GraphQL', 'Tailwind CSS'],
      },
      {
        title: 'Junior Web Developer',
        org: 'Pest Pixel Kft.',
        start: '2016-09',
        end: '2018-12',
        tech: ['JavaScript', 'jQuery', 'Sass'],
      },
    ],
    skills: [
      [null, ['React', 'TypeScript', 'JavaScript', 'GraphQL', 'Tailwind CSS', 'Sass', 'jQuery', 'Vite', 'Jest']],
    ],
    education: ['BSc Computer Science, Eötvös Loránd University (2016)'],
    absent: [
      { surface: 'Haskell', why: 'only in style and script blocks' },
      { surface: 'Elixir', why: 'only in a script block' },
    ],
  },
  {
    case: 'html-chef',
    description:
      'HTML résumé for a head chef: ordinary words that are also technology names (spring menu, express lunch, react quickly, go-to) must not become skills.',
    format: 'html',
    layout: 'html',
    profession: 'chef',
    family: 'office',
    name: 'Giulia Rossi',
    headline: 'Head Chef',
    email: 'giulia.rossi@example.com',
    location: 'Bologna, Italy',
    headings: {
      summary: 'Profile',
      experience: 'Kitchen Experience',
      skills: 'Skills',
      education: 'Education & Training',
    },
    dateStyle: 'to',
    entryStyle: 'title-first',
    summary:
      'Head chef and the go-to person for seasonal menus; ready to go the extra mile on busy services and to react quickly when the pass backs up.',
    jobs: [
      {
        title: 'Head Chef',
        org: 'Trattoria del Portico',
        start: '2018-04',
        end: null,
        tech: [],
        bullets: [
          'Designed a new spring menu every March around local produce',
          'Ran the express lunch service for 120 covers in 90 minutes',
          'Cut food waste by 25% with weekly stock counts',
        ],
      },
      {
        title: 'Sous Chef',
        org: 'Osteria Bolognese',
        start: '2013-09',
        end: '2018-03',
        tech: [],
        bullets: [
          'Trained six commis chefs in pasta and sauce work',
          'Managed ordering with suppliers in Microsoft Excel',
        ],
      },
    ],
    extraTech: ['Microsoft Excel'],
    skills: [[null, ['Menu development', 'Food cost control', 'HACCP', 'Team leadership']]],
    notTech: ['Menu development', 'Food cost control', 'HACCP', 'Team leadership'],
    education: ['Diploma in Culinary Arts, ALMA Scuola Internazionale di Cucina Italiana (2012)'],
    absent: [
      { surface: 'Spring', why: '"spring menu"' },
      { surface: 'Express', why: '"express lunch service"' },
      { surface: 'React', why: '"react quickly"' },
      { surface: 'Go', why: '"go-to person", "go the extra mile"' },
      { surface: 'Haskell', why: 'only in style and script blocks' },
    ],
  },
  {
    case: 'md-backend-rust',
    description:
      'Markdown résumé: "## Work History", "### Title — Org", italic em-dash ranges, bullets; Go and Rust used in technical context.',
    format: 'markdown',
    layout: 'markdown',
    profession: 'back-end developer',
    name: 'Kwame Mensah',
    headline: 'Systems Backend Engineer',
    email: 'kwame.mensah@example.com',
    location: 'Accra, Ghana',
    headings: { summary: 'Summary', experience: 'Work History', skills: 'Technical Skills', education: 'Education' },
    dateStyle: 'emdash',
    entryStyle: 'title-first',
    summary: 'Backend engineer writing fast, memory-safe services in Rust and Go.',
    jobs: [
      {
        title: 'Senior Backend Engineer',
        org: 'Volta Networks',
        city: 'Accra',
        start: '2021-02',
        end: null,
        tech: ['Rust', 'Tokio', 'PostgreSQL', 'Kubernetes'],
      },
      {
        title: 'Backend Engineer',
        org: 'Gold Coast Logistics',
        city: 'Accra',
        start: '2017-11',
        end: '2021-01',
        tech: ['Go', 'gRPC', 'Redis', 'Docker'],
      },
    ],
    skills: [
      ['Languages', ['Rust', 'Go', 'Python', 'SQL']],
      ['Infrastructure', ['PostgreSQL', 'Redis', 'Kafka', 'Docker', 'Kubernetes', 'gRPC']],
    ],
    education: ['BSc Computer Science, University of Ghana (2017)'],
  },
  {
    case: 'md-data-analyst',
    description: 'Markdown résumé for a data analyst with "05/2021 – till now" and "Key Skills" heading.',
    format: 'markdown',
    layout: 'markdown',
    profession: 'data analyst',
    name: 'Fatima Zahra El Amrani',
    headline: 'Data Analyst',
    email: 'fatima.elamrani@example.com',
    location: 'Casablanca, Morocco',
    headings: { summary: 'Summary', experience: 'Experience', skills: 'Key Skills', education: 'Education' },
    dateStyle: 'till',
    entryStyle: 'title-first',
    summary: 'Data analyst who turns messy operational data into dashboards people actually use.',
    jobs: [
      { title: 'Data Analyst', org: 'Atlas Telecom', start: '2021-05', end: null, tech: ['SQL', 'Power BI', 'Python'] },
      {
        title: 'Reporting Analyst',
        org: 'Casa Retail Group',
        start: '2018-01',
        end: '2021-04',
        tech: ['Microsoft Excel', 'Tableau'],
      },
    ],
    skills: [[null, ['SQL', 'Python', 'pandas', 'Power BI', 'Tableau', 'Microsoft Excel', 'Google BigQuery']]],
    education: ['Master in Business Analytics, Hassan II University (2017)'],
  },
  {
    case: 'md-mobile-flutter',
    description: 'Markdown résumé for a Flutter developer, Vietnamese name, ISO-like ranges.',
    format: 'markdown',
    layout: 'markdown',
    profession: 'mobile developer',
    name: 'Dương Minh Châu',
    headline: 'Mobile Developer',
    email: 'chau.duong@example.com',
    location: 'Hà Nội, Vietnam',
    headings: { summary: 'Summary', experience: 'Experience', skills: 'Skills', education: 'Education' },
    dateStyle: 'iso',
    entryStyle: 'title-first',
    summary: 'Mobile developer shipping cross-platform apps for banking and delivery.',
    jobs: [
      {
        title: 'Mobile Developer',
        org: 'Hồ Tây Fintech',
        start: '2020-06',
        end: null,
        tech: ['Flutter', 'Dart', 'Firebase'],
      },
      {
        title: 'Android Developer',
        org: 'Sông Hồng Software',
        start: '2017-08',
        end: '2020-05',
        tech: ['Kotlin', 'Java'],
      },
    ],
    skills: [[null, ['Flutter', 'Dart', 'Kotlin', 'Java', 'Firebase', 'Git']]],
    education: ['BSc Software Engineering, Hanoi University of Science and Technology (2017)'],
  },
  {
    case: 'txt-backend-node-flags',
    description:
      'Plain text with underlined headings; a negated mention ("no hands-on experience with Kubernetes") and an aspiration ("currently learning Rust") that must be flagged, not counted.',
    format: 'text',
    layout: 'text',
    profession: 'back-end developer',
    headingStyle: 'underline',
    name: 'Olga Petrova (Ольга Петрова)',
    headline: 'Backend Developer',
    email: 'olga.petrova@example.com',
    location: 'Tallinn, Estonia',
    headings: { summary: 'Summary', experience: 'Experience', skills: 'Skills', education: 'Education' },
    dateStyle: 'mon',
    entryStyle: 'title-first',
    summary:
      'Backend developer with Node.js and PostgreSQL in production. No hands-on experience with Kubernetes yet; currently learning Rust in my spare time.',
    jobs: [
      {
        title: 'Backend Developer',
        org: 'Baltic Parcel OÜ',
        city: 'Tallinn',
        start: '2020-01',
        end: null,
        tech: ['Node.js', 'PostgreSQL', 'Docker', 'AWS'],
      },
      {
        title: 'Junior Developer',
        org: 'Harju Soft',
        city: 'Tallinn',
        start: '2018-06',
        end: '2019-12',
        tech: ['JavaScript', 'Express', 'MongoDB'],
      },
    ],
    skills: [
      ['Languages', ['JavaScript', 'TypeScript', 'SQL']],
      ['Back end', ['Node.js', 'Express', 'PostgreSQL', 'MongoDB']],
      ['Ops', ['Docker', 'AWS', 'GitHub Actions']],
    ],
    education: ['BSc Informatics, Tallinn University of Technology (2018)'],
    flags: [
      { surface: 'Kubernetes', negated: true },
      { surface: 'Rust', aspiration: true },
    ],
  },
  {
    case: 'txt-devops-colon-headings',
    description: 'Plain text with "Heading:" lines, "Since 2020" and year ranges, dash bullets.',
    format: 'text',
    layout: 'text',
    profession: 'DevOps engineer',
    headingStyle: 'colon',
    bullet: '-',
    name: 'Aleksander Nowak',
    headline: 'Cloud Engineer',
    email: 'a.nowak@example.com',
    location: 'Gdańsk, Poland',
    headings: {
      summary: 'Summary',
      experience: 'Professional Experience',
      skills: 'Technical Skills',
      education: 'Education',
    },
    dateStyle: 'since',
    entryStyle: 'inline',
    summary: 'Cloud engineer automating AWS and Azure estates for mid-size companies.',
    jobs: [
      {
        title: 'Cloud Engineer',
        org: 'Bałtyk Cloud',
        start: '2020-01',
        end: null,
        tech: ['AWS', 'Terraform', 'Azure', 'Jenkins'],
      },
      {
        title: 'Linux Administrator',
        org: 'Pomorze Net',
        start: '2015-01',
        end: '2019-12',
        tech: ['Linux', 'Bash', 'Ansible'],
      },
    ],
    skills: [[null, ['AWS', 'Azure', 'Terraform', 'Ansible', 'Jenkins', 'Docker', 'Linux', 'Bash', 'Python']]],
    education: ['BEng Telecommunications, Gdańsk University of Technology (2014)'],
  },
  {
    case: 'txt-designer-crlf-bom',
    description:
      'Plain text with a UTF-8 BOM and CRLF line ends, upper-case headings, "03/2018 - 06/2021" dates; offsets must index the text after BOM removal.',
    format: 'text',
    layout: 'text',
    profession: 'designer',
    family: 'design',
    crlf: true,
    bom: true,
    name: 'Lin Mei (林美)',
    headline: 'UX/UI Designer',
    email: 'lin.mei@example.com',
    location: 'Taipei, Taiwan',
    headings: { summary: 'Profile', experience: 'Work Experience', skills: 'Tools', education: 'Education' },
    dateStyle: 'mm/yyyy',
    entryStyle: 'title-first',
    summary: 'Designer crafting clear interfaces for consumer apps, from research to pixel-perfect handoff.',
    jobs: [
      { title: 'UX/UI Designer', org: 'Formosa Apps', start: '2021-07', end: null, tech: ['Figma', 'Adobe XD'] },
      {
        title: 'Visual Designer',
        org: 'Daan Creative',
        start: '2018-03',
        end: '2021-06',
        tech: ['Sketch', 'Adobe Photoshop'],
      },
    ],
    skills: [[null, ['Figma', 'Adobe XD', 'Sketch', 'Adobe Photoshop', 'Adobe Illustrator']]],
    education: ['BA Visual Communication Design, National Taiwan University of Arts (2017)'],
  },
  {
    case: 'txt-junior-frontend',
    description: 'Plain text in title-case headings for a junior: one short role, a projects section, year ranges.',
    format: 'text',
    layout: 'text',
    profession: 'front-end developer',
    headingStyle: 'title',
    name: 'Hannah Schmidt',
    headline: 'Junior Frontend Developer',
    email: 'hannah.schmidt@example.com',
    location: 'Bremen, Germany',
    headings: {
      summary: 'About Me',
      experience: 'Experience',
      skills: 'Skills',
      education: 'Education',
      projects: 'Projects',
    },
    dateStyle: 'yyyy',
    entryStyle: 'title-first',
    summary: 'Junior developer who enjoys building small, friendly web apps.',
    jobs: [
      { title: 'Frontend Intern', org: 'Weser Web GmbH', start: '2023-01', end: null, tech: ['Vue.js', 'JavaScript'] },
    ],
    projects: [
      'Recipe finder single-page app in Svelte with a Supabase back end',
      'Personal site built with Astro and deployed on Netlify',
    ],
    extraTech: ['Svelte', 'Supabase', 'Astro', 'Netlify'],
    skills: [[null, ['JavaScript', 'Vue.js', 'HTML5', 'CSS3', 'Git', 'Svelte']]],
    education: ['BSc Media Informatics, Hochschule Bremen (2022)'],
  },
  {
    case: 'json-backend-java-kotlin',
    description: 'JSON Resume (jsonresume.org v1.0.0): work with startDate/endDate/highlights, skills keywords.',
    format: 'json-resume',
    layout: 'json-resume',
    profession: 'back-end developer',
    name: 'Rafael Sánchez',
    headline: 'Backend Engineer (JVM)',
    email: 'rafael.sanchez@example.com',
    location: 'Bogotá, Colombia',
    sectionsTruth: [
      { kind: 'summary', heading: null },
      { kind: 'experience', heading: null },
      { kind: 'skills', heading: null },
      { kind: 'education', heading: null },
    ],
    dateStyle: 'mon',
    entryStyle: 'title-first',
    summary: 'JVM backend engineer building marketplace services in Kotlin and Java.',
    jobs: [
      {
        title: 'Backend Engineer',
        org: 'Andes Marketplace',
        city: 'Bogotá',
        start: '2020-02',
        end: null,
        tech: ['Kotlin', 'Spring Boot', 'PostgreSQL', 'Kafka'],
      },
      {
        title: 'Java Developer',
        org: 'Cafetera Systems',
        city: 'Medellín',
        start: '2016-05',
        end: '2020-01',
        tech: ['Java', 'Oracle Database', 'Apache Maven'],
      },
    ],
    skills: [
      ['Backend', ['Kotlin', 'Java', 'Spring Boot', 'Apache Maven']],
      ['Data', ['PostgreSQL', 'Oracle Database', 'Kafka', 'Redis']],
      ['Cloud', ['Google Cloud Platform', 'Docker', 'Kubernetes']],
    ],
    educationJson: [
      {
        institution: 'Universidad de los Andes',
        area: 'Systems Engineering',
        studyType: 'Bachelor',
        startDate: '2011-01-01',
        endDate: '2015-12-01',
      },
    ],
  },
  {
    case: 'json-data-ml',
    description: 'JSON Resume for a machine-learning engineer with projects.',
    format: 'json-resume',
    layout: 'json-resume',
    profession: 'data scientist',
    name: 'Amara Okafor',
    headline: 'Machine Learning Engineer',
    email: 'amara.okafor@example.com',
    location: 'Nairobi, Kenya',
    sectionsTruth: [
      { kind: 'summary', heading: null },
      { kind: 'experience', heading: null },
      { kind: 'skills', heading: null },
    ],
    dateStyle: 'mon',
    entryStyle: 'title-first',
    summary: 'ML engineer deploying recommendation and fraud models at scale.',
    jobs: [
      {
        title: 'Machine Learning Engineer',
        org: 'Savanna Pay',
        city: 'Nairobi',
        start: '2021-03',
        end: null,
        tech: ['Python', 'TensorFlow', 'Kubeflow', 'BigQuery'],
      },
      {
        title: 'Data Scientist',
        org: 'Rift Valley Analytics',
        city: 'Nakuru',
        start: '2018-07',
        end: '2021-02',
        tech: ['Python', 'scikit-learn', 'XGBoost'],
      },
    ],
    skills: [
      ['ML', ['TensorFlow', 'PyTorch', 'scikit-learn', 'XGBoost', 'Kubeflow']],
      ['Data', ['Python', 'SQL', 'BigQuery', 'Apache Spark']],
    ],
    educationJson: [],
  },
  {
    case: 'json-qa-automation',
    description: 'JSON Resume for a QA automation engineer; one role with no end date.',
    format: 'json-resume',
    layout: 'json-resume',
    profession: 'QA engineer',
    name: 'Ingrid Hansen',
    headline: 'QA Automation Engineer',
    email: 'ingrid.hansen@example.com',
    location: 'Bergen, Norway',
    sectionsTruth: [
      { kind: 'summary', heading: null },
      { kind: 'experience', heading: null },
      { kind: 'skills', heading: null },
      { kind: 'education', heading: null },
    ],
    dateStyle: 'mon',
    entryStyle: 'title-first',
    summary: 'QA engineer who builds fast, reliable end-to-end suites for web and mobile.',
    jobs: [
      {
        title: 'QA Automation Engineer',
        org: 'Fjord Travel AS',
        city: 'Bergen',
        start: '2022-01',
        end: null,
        tech: ['Playwright', 'TypeScript', 'Appium'],
      },
      {
        title: 'Software Tester',
        org: 'Hordaland Energi',
        city: 'Bergen',
        start: '2018-10',
        end: '2021-12',
        tech: ['Selenium', 'Python', 'Jenkins'],
      },
    ],
    skills: [
      ['Automation', ['Playwright', 'Selenium', 'Appium', 'pytest']],
      ['Languages', ['TypeScript', 'Python']],
      ['CI', ['Jenkins', 'GitHub Actions']],
    ],
    educationJson: [
      {
        institution: 'University of Bergen',
        area: 'Informatics',
        studyType: 'Bachelor',
        startDate: '2015-08-01',
        endDate: '2018-06-01',
      },
    ],
  },
];

async function main() {
  const made = { resumes: new Set(), invalid: new Set() };
  for (const p of PERSONAS) {
    const r = buildResume(p);
    let bytes;
    let extra = {};
    switch (p.format) {
      case 'pdf':
        if (p.layout === 'one-column') bytes = await renderPdfOneColumn(r);
        else {
          const two = await renderPdfTwoColumn(r, p.layout);
          bytes = two.bytes;
          extra = { wholeLines: two.wholeLines };
        }
        break;
      case 'docx':
        bytes = await renderDocx(r, p.layout);
        break;
      case 'html':
        bytes = strToU8(renderHtml(r));
        break;
      case 'markdown':
        bytes = strToU8(renderMarkdown(r));
        break;
      case 'text': {
        const text = renderText(r);
        bytes = p.bom ? strToU8(`\uFEFF${text}`) : strToU8(text);
        break;
      }
      case 'json-resume':
        bytes = strToU8(renderJsonResume(r));
        break;
      default:
        throw new Error(`${p.case}: unknown format ${p.format}`);
    }
    const ext = { pdf: 'pdf', docx: 'docx', html: 'html', markdown: 'md', text: 'txt', 'json-resume': 'json' }[
      p.format
    ];
    writeCase('resumes', p.case, ext, bytes, truthOf(r, p.format, p.layout, extra));
    made.resumes.add(p.case);
  }
  for (const c of await invalidCases()) {
    writeCase('invalid', c.case, c.ext, c.bytes, { case: c.case, ...c.truth });
    made.invalid.add(c.case);
  }
  pruneStale('resumes', made.resumes);
  pruneStale('invalid', made.invalid);
  process.stdout.write(`fixtures: ${made.resumes.size} résumés, ${made.invalid.size} invalid inputs in ${ROOT}\n`);
}

await main();
