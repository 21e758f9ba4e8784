/**
 * The HTML shortlist report: escaping and highlighting tables, then the page in headless
 * Chromium (Debian's `chromium`, driven by playwright-core): DOM, no console errors, no network
 * request, keyboard navigation, and screenshots in .tmp-artifacts/report/. A résumé carrying
 * `<script>`, `javascript:` links and `on*=` attributes must come out as inert text.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatcher } from '../src/rank/index.js';
import { escapeHtml, highlightRange, renderShortlistHtml } from '../src/report/index.js';
import type { Ranking } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = join(ROOT, '.tmp-artifacts', 'report');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AS_OF = '2025-06';

const HOSTILE_NAME = 'Mallory <script>alert("name")</script> "><img src=x onerror=alert(5)>.txt';
const HOSTILE = `Mallory <script>alert("xss")</script>
<a href="javascript:alert(1)">portfolio</a> <img src=x onerror="alert(2)">

Experience
Backend Engineer, Evil Corp — Jan 2019 – Present
Built REST APIs in Node.js <b onmouseover="alert(3)">and PostgreSQL</b>, deployed with Docker.

Skills
Node.js, PostgreSQL, Docker, Redis "><svg onload=alert(4)>
`;

describe('report: escaping and highlighting', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["' onfocus='x", '&#39; onfocus=&#39;x'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['plain text', 'plain text'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  const ev = (sentence: string, sentenceStart: number, text: string, start: number) => ({
    sentence,
    sentenceSpan: { start: sentenceStart, end: sentenceStart + sentence.length },
    text,
    span: { start, end: start + text.length },
  });
  it.each([
    ['by offset', ev('Built APIs in Java and Go.', 100, 'Java', 114), [14, 18]],
    ['the second of two occurrences, by offset', ev('Java, then Java again', 0, 'Java', 11), [11, 15]],
    ['by search when the sentence was trimmed', ev('Java and Go', 10, 'Go', 5), [9, 11]],
    ['case-insensitively when searching', ev('uses NODE.JS daily', 0, 'Node.js', 99), [5, 12]],
    ['nothing when the words are absent', ev('No match here', 0, 'Kotlin', 50), null],
  ])('highlights %s', (_name, evidence, expected) => {
    expect(highlightRange(evidence)).toEqual(expected);
  });

  it('refuses what is not a ranking', () => {
    expect(() => renderShortlistHtml(null as unknown as Ranking)).toThrow(TypeError);
    expect(() => renderShortlistHtml({ results: [] } as unknown as Ranking)).toThrow(TypeError);
  });
});

describe('report: in headless Chromium', () => {
  let ranking: Ranking;
  let html: string;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run installs it), or set CHROMIUM_PATH`,
      );
    const matcher = createMatcher({ poolSize: 1 });
    try {
      const inputs = [
        { id: HOSTILE_NAME, data: HOSTILE, filename: 'mallory.txt' },
        { id: 'node.txt', data: readFileSync(join(ROOT, 'fixtures/resumes/txt-backend-node-flags/input.txt'), 'utf8') },
        {
          id: 'java.pdf',
          data: new Uint8Array(readFileSync(join(ROOT, 'fixtures/resumes/pdf-backend-java/input.pdf'))),
          filename: 'java.pdf',
        },
        {
          id: 'chef.html',
          data: readFileSync(join(ROOT, 'fixtures/resumes/html-chef/input.html'), 'utf8'),
          filename: 'chef.html',
        },
        {
          id: 'broken <b>.pdf',
          data: new Uint8Array(readFileSync(join(ROOT, 'fixtures/invalid/pdf-truncated/input.pdf'))),
          filename: 'broken.pdf',
        },
      ];
      ranking = await matcher.rank(inputs, 'backend-developer', { asOf: AS_OF });
    } finally {
      await matcher.close();
    }
    html = renderShortlistHtml(ranking, { generatedAt: '2025-06-30T12:00:00Z' });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'shortlist.html'), html);
    dataDir = mkdtempSync(join(tmpdir(), 'skillmatch-chromium-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Without the background-networking flags Chromium keeps calling home, which this network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
      env: { ...process.env, HOME: dataDir },
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the report from disk, recording console errors, page errors and every request. */
  async function open(
    file = join(ARTIFACTS, 'shortlist.html'),
  ): Promise<{ page: Page; errors: string[]; requests: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    return { page, errors, requests, dialogs };
  }

  it('is deterministic and self-contained', () => {
    expect(renderShortlistHtml(ranking, { generatedAt: '2025-06-30T12:00:00Z' })).toBe(html);
    // Every real tag of the page is one the renderer writes, with attributes it writes: no résumé text became markup.
    const tags = [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)];
    const names = new Set(tags.map((t) => t[1]!.toLowerCase()));
    expect(
      [...names].filter(
        (n) =>
          ![
            'html',
            'head',
            'meta',
            'title',
            'style',
            'body',
            'a',
            'header',
            'h1',
            'h2',
            'p',
            'code',
            'nav',
            'ol',
            'ul',
            'li',
            'main',
            'section',
            'span',
            'details',
            'summary',
            'q',
            'mark',
            'table',
            'thead',
            'tbody',
            'tr',
            'th',
            'td',
            'footer',
          ].includes(n),
      ),
    ).toEqual([]);
    const attributes = tags.flatMap((t) =>
      [...t[2]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((a): [string, string] => [a[1]!, a[2] ?? '']),
    );
    expect(attributes.filter(([name]) => /^on|^src|^action|^formaction/.test(name))).toEqual([]);
    expect(attributes.filter(([name, value]) => name === 'href' && !value.startsWith('#'))).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('shows the ranking: candidates in order, bars per requirement, evidence with matched words, missing must-haves, unreadable files, role and version', async () => {
    const { page, errors, requests, dialogs } = await open();
    try {
      const names = await page.locator('section.candidate .name').allTextContents();
      expect(names).toEqual(ranking.results.map((r) => r.id));
      expect(await page.locator('header .meta').textContent()).toBe(
        `Role backend-developer · Back End Developer · scoring version ${ranking.version} · 4 ranked of 5 received · 1 unreadable · generated 2025-06-30T12:00:00Z`,
      );
      const first = ranking.results[0]!;
      const bars = page.locator('#c-1 ul.requirements [role="meter"]');
      expect(await bars.count()).toBe(first.match.requirements.length);
      const values = await bars.evaluateAll((els) => els.map((el) => Number(el.getAttribute('aria-valuenow'))));
      expect(values).toEqual(first.match.requirements.map((r) => Math.round(r.score * 100)));
      const marks = await page.locator('#c-1 mark').allTextContents();
      const evidenceWords = first.match.requirements.flatMap((r) =>
        r.evidence.slice(0, 3).map((e) => e.text.toLowerCase()),
      );
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(evidenceWords).toContain(mark.toLowerCase());
      const chef = ranking.results.find((r) => r.id === 'chef.html')!;
      expect(chef.match.missingRequired.length).toBeGreaterThan(0);
      expect(await page.locator(`#c-${chef.rank} .missing-list`).textContent()).toContain(
        chef.match.missingRequired[0],
      );
      const unreadable = await page.locator('#unreadable tbody tr').allTextContents();
      expect(unreadable).toHaveLength(1);
      expect(unreadable[0]).toContain('broken <b>.pdf');
      expect(unreadable[0]).toContain('pdf-corrupt');
      const withDiagnostics = ranking.results.find((r) => r.match.diagnostics.length > 0);
      if (withDiagnostics)
        expect(await page.locator(`#c-${withDiagnostics.rank} .diagnostics li`).count()).toBe(
          withDiagnostics.match.diagnostics.length,
        );
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([page.url()]);
      await page.screenshot({ path: join(ARTIFACTS, 'shortlist.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('keeps a hostile résumé inert: its markup is text, nothing runs, no link or handler comes from it', async () => {
    const { page, errors, dialogs, requests } = await open();
    try {
      expect(await page.locator('script').count()).toBe(0);
      const handlers = await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes]
            .filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value))
            .map((a) => `${el.tagName}.${a.name}`),
        ),
      );
      expect(handlers).toEqual([]);
      expect(
        await page
          .locator('a[href]')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')).filter((href) => !href!.startsWith('#'))),
      ).toEqual([]);
      expect(await page.locator('img, svg, b[onmouseover]').count()).toBe(0);
      const mallory = ranking.results.find((r) => r.id === HOSTILE_NAME)!;
      const section = page.locator(`#c-${mallory.rank}`);
      expect(await section.locator('.name').textContent()).toBe(HOSTILE_NAME);
      await section.locator('summary').first().click();
      const sentences = (await section.locator('.evidence q').allTextContents()).join('\n');
      expect(sentences).toContain('<b onmouseover="alert(3)">and PostgreSQL</b>');
      expect(sentences).toContain('"><svg onload=alert(4)>');
      await section.hover();
      await page.waitForTimeout(100);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([page.url()]);
      await page.screenshot({ path: join(ARTIFACTS, 'hostile.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('works from the keyboard: skip link, then each requirement opens with Enter', async () => {
    const { page, errors } = await open();
    try {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the candidates');
      await page.keyboard.press('Enter');
      expect(new URL(page.url()).hash).toBe('#candidates');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('candidates');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        tag: document.activeElement?.tagName,
        inFirst: document.activeElement?.closest('section')?.id,
      }));
      expect(focused).toEqual({ tag: 'SUMMARY', inFirst: 'c-1' });
      const details = page.locator('#c-1 ul.requirements details').first();
      expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
      await page.keyboard.press('Enter');
      expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
      expect(await details.locator('.evidence').isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.previousElementSibling !== null)).toBe(
        true,
      );
      await page.screenshot({ path: join(ARTIFACTS, 'keyboard.png'), fullPage: false });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('`skillmatch rank --format html` writes the same kind of report, files named, unreadable ones listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillmatch-html-'));
    try {
      const hostile = join(dir, 'mallory <img src=x onerror=alert(1)>.txt');
      writeFileSync(hostile, HOSTILE);
      const args = [
        'bin/skillmatch.js',
        'rank',
        '--role',
        'backend-developer',
        '--format',
        'html',
        '--as-of',
        AS_OF,
        'fixtures/resumes/txt-backend-node-flags/input.txt',
        'fixtures/invalid/pdf-truncated/input.pdf',
        hostile,
      ];
      const { stdout, code } = await new Promise<{ stdout: string; code: number }>((resolve) => {
        execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, out) =>
          resolve({ stdout: out, code: error ? Number((error as { code?: number }).code ?? -1) : 0 }),
        );
      });
      expect(code).toBe(1);
      const file = join(ARTIFACTS, 'cli-shortlist.html');
      writeFileSync(file, stdout);
      const { page, errors, requests, dialogs } = await open(file);
      try {
        expect(await page.locator('section.candidate .name').allTextContents()).toEqual(
          expect.arrayContaining(['fixtures/resumes/txt-backend-node-flags/input.txt', hostile]),
        );
        expect(await page.locator('#unreadable tbody tr').allTextContents()).toEqual([
          expect.stringContaining('fixtures/invalid/pdf-truncated/input.pdf'),
        ]);
        expect(await page.locator('img, script').count()).toBe(0);
        expect(errors).toEqual([]);
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([page.url()]);
      } finally {
        await page.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
