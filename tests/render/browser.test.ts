// HTML renderer in a real browser: Debian's Chromium driven by playwright-core (never a downloaded browser).
// Loads the rendered timeline fixture from disk and checks rows, sources, requests, console, overflow,
// rendered contrast and print styles; saves screenshots. Needs /usr/bin/chromium (CI fails without it).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { List, Root, Table } from 'mdast';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, inCi, observe, type Observed } from '../helpers/browser.js';
import { renderHtml } from '../../src/render/html.js';
import { markStatusCells } from '../helpers/status-cells.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const FIXTURE = fileURLToPath(new URL('../fixtures/render-html/timeline.md', import.meta.url));

if (!hasChromium && !inCi) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING tests/render/browser.test.ts: ${CHROMIUM} not found.\n` +
      `!! Install Debian's chromium (apt-get install -y chromium) to run the browser checks; CI fails without it.\n${'!'.repeat(78)}\n`,
  );
}

function parse(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(markdown)) as Root;
}



describe.skipIf(!hasChromium && !inCi)('HTML timeline in Chromium', () => {
  const root = markStatusCells(parse(readFileSync(FIXTURE, 'utf8')));
  const events = root.children.find((n): n is List => n.type === 'list' && n.ordered === true)!;
  const table = root.children.find((n): n is Table => n.type === 'table')!;
  const html = renderHtml(root, {
    title: 'Taobao, AliExpress and WeChat — timeline',
    description: 'A sourced chronology of three markets on the USTR Notorious Markets List.',
    sampleNotice: 'SAMPLE — illustrative timeline built from public reporting; not an official record',
  });

  let dir = '';
  let file = '';
  let url = '';
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(`${CHROMIUM} is missing. CI must install Debian's chromium package (see .ci/run); the browser tests never download a browser.`);
    }
    dir = mkdtempSync(path.join(tmpdir(), 'docketpress-html-'));
    file = path.join(dir, 'timeline.html');
    writeFileSync(file, html);
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    // No JavaScript at all: the page must work without it.
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 800 } });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(width: number, height = 800): Promise<{ page: Page; seen: Observed }> {
    const page = await context!.newPage();
    await page.setViewportSize({ width, height });
    const seen = observe(page);
    await page.goto(url, { waitUntil: 'load' });
    return { page, seen };
  }

  it('shows every event with its source, every matrix row, and loads nothing but the page', async () => {
    const { page, seen } = await open(1024);

    expect(await page.title()).toBe('Taobao, AliExpress and WeChat — timeline');
    expect(await page.locator('script').count()).toBe(0);
    await expect.poll(() => page.locator('p.sample-banner[role="note"]').isVisible()).toBe(true);

    // Events: the chronology list (not the Sources list).
    const rows = page.locator('main > ol:not(section.footnotes ol) > li');
    expect(await rows.count()).toBe(events.children.length);
    for (let i = 0; i < events.children.length; i++) {
      const row = rows.nth(i);
      const ref = row.locator('sup > a[data-footnote-ref]');
      expect(await ref.count(), `event ${i + 1} cites a source`).toBe(1);
      const target = (await ref.getAttribute('href'))!;
      expect(target).toMatch(/^#user-content-fn-/);
      const entry = page.locator(`section.footnotes li[id="${target.slice(1)}"]`);
      expect(await entry.count(), `source entry for ${target}`).toBe(1);
      const sourceLinks = await entry.locator('a[href^="http"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(sourceLinks.length, `http(s) link in ${target}`).toBeGreaterThan(0);
      const backs = await entry.locator('a[data-footnote-backref]').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]));
      expect(backs.map(([href]) => href), 'a back-link to the citing text').toContain(`#${(await ref.getAttribute('id'))!}`);
      for (const [, label] of backs) expect(label).toMatch(/^Back to text citing source \d+/);
    }
    expect(await page.locator('section.footnotes h2').textContent()).toBe('Sources');

    // Matrix: one body row per market, one header cell per column, status classes visible as text too.
    const region = page.locator('div.table-scroll[role="region"][tabindex="0"]');
    expect(await region.count()).toBe(1);
    expect(await region.getAttribute('aria-label')).toBe('Table 1: Status by edition');
    expect(await region.locator('tbody tr').count()).toBe(table.children.length - 1);
    expect(await region.locator('thead th[scope="col"]').count()).toBe(table.children[0]!.children.length);
    for (const [cls, words] of [['status-listed', 'listed'], ['status-not-listed', 'not listed'], ['status-no-record', 'no record']] as const) {
      const texts = await region.locator(`td.${cls}`).allInnerTexts();
      expect(texts.length, cls).toBeGreaterThan(0);
      for (const t of texts) expect(t.replace(/\s+/g, ' ')).toMatch(new RegExp(`^[●○—] ${words}`));
    }
    expect((await page.locator('p.status-legend').innerText()).replace(/\s+/g, ' ')).toMatch(/Key:.*● listed.*○ not listed.*— no record/s);

    // Nothing but the page itself was requested; no console errors (a CSP violation would show here).
    expect(seen.requests).toEqual([url]);
    expect(seen.errors).toEqual([]);

    const shots = path.join(dir, 'shots');
    const shot = path.join(shots, 'timeline-1024.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    copyFileSync(shot, '/tmp/html-shot.png');
    await page.close();
  });

  it('has no horizontal overflow at 375px except inside the table scroll region', async () => {
    const { page, seen } = await open(375, 740);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const offenders: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (el.closest('.table-scroll') && !el.classList.contains('table-scroll')) continue;
        const box = el.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) offenders.push(`${el.tagName.toLowerCase()}.${el.className} right=${box.right.toFixed(1)}`);
      }
      const region = document.querySelector('.table-scroll')!;
      return {
        width,
        scrollWidth: document.documentElement.scrollWidth,
        offenders,
        regionScrolls: region.scrollWidth > region.clientWidth,
        regionOverflow: getComputedStyle(region).overflowX,
      };
    });
    expect(overflow.width).toBe(375);
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
    expect(overflow.regionOverflow).toBe('auto');
    expect(overflow.regionScrolls).toBe(true); // the wide matrix scrolls inside its region

    // The scroll region can be reached and scrolled from the keyboard.
    await page.keyboard.press('Tab');
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'table-scroll'; i++) {
      focused = await page.evaluate(() => document.activeElement?.className ?? '');
      if (focused !== 'table-scroll') await page.keyboard.press('Tab');
    }
    expect(focused).toBe('table-scroll');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.table-scroll').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // The market column stays in view while the matrix scrolls.
    const sticky = await page.locator('.table-scroll tbody th').first().evaluate((el) => Math.round(el.getBoundingClientRect().left - el.closest('.table-scroll')!.getBoundingClientRect().left));
    expect(sticky).toBeLessThanOrEqual(1);
    await page.locator('.table-scroll').evaluate((el) => {
      el.scrollTo(0, 0);
      (el as HTMLElement).blur();
    });

    const shot = path.join(dir, 'shots', 'timeline-375.png');
    await page.screenshot({ path: shot, fullPage: true });
    copyFileSync(shot, '/tmp/html-shot-375.png');
    expect(seen.requests).toEqual([url]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('gives a wide window\'s width to the status matrix: every market column in view at 1440 px', async () => {
    const { page, seen } = await open(1440, 900);
    const fit = await page.locator('div.table-scroll').first().evaluate((el) => {
      const box = el.getBoundingClientRect();
      const table = el.querySelector('table')!.getBoundingClientRect();
      const text = document.querySelector('main > p')!.getBoundingClientRect();
      return { region: box.width, right: box.right, table: table.width, scrolls: el.scrollWidth > el.clientWidth + 1, textWidth: text.width, viewport: document.documentElement.clientWidth };
    });
    expect(fit.scrolls).toBe(false); // the AliExpress and WeChat columns are not cut off
    expect(fit.right).toBeLessThanOrEqual(fit.viewport);
    expect(fit.textWidth).toBeLessThanOrEqual(44 * 17 + 1); // prose keeps its readable column
    expect(seen.errors).toEqual([]);
    const shot = path.join(dir, 'shots', 'timeline-1440.png');
    await page.screenshot({ path: shot, fullPage: false });
    copyFileSync(shot, '/tmp/html-shot-1440.png');
    await page.close();
  });

  it('renders every text with WCAG AA contrast against its actual background', async () => {
    const { page } = await open(1024);
    const samples = await page.evaluate(() => {
      const parse = (value: string): [number, number, number, number] => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(value);
        if (!m) throw new Error(`unparsed colour ${value}`);
        return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      };
      const out: { where: string; fg: number[]; bg: number[] }[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (!ownText || (el as HTMLElement).offsetParent === null) continue;
        let bg: number[] = [255, 255, 255, 1];
        for (let node: Element | null = el; node; node = node.parentElement) {
          const c = parse(getComputedStyle(node).backgroundColor);
          if (c[3] > 0) {
            bg = c;
            break;
          }
        }
        out.push({ where: `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent!.trim().slice(0, 30)}`, fg: parse(getComputedStyle(el).color), bg });
      }
      return out;
    });
    const lum = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    expect(samples.length).toBeGreaterThan(50);
    for (const { where, fg, bg } of samples) {
      expect(fg[3], `${where}: opaque text`).toBe(1);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
      expect((hi + 0.05) / (lo + 0.05), where).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });

  it('prints without clipping tables and shows external link URLs', async () => {
    const { page, seen } = await open(816);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => {
      const region = document.querySelector('.table-scroll')!;
      const external = document.querySelector('a.show-url')!;
      const own = document.querySelector('section.footnotes a[href^="http"]')!;
      return {
        overflow: getComputedStyle(region).overflowX,
        fits: region.scrollWidth <= region.clientWidth + 1,
        after: getComputedStyle(external, '::after').content,
        href: external.getAttribute('href'),
        ownAfter: getComputedStyle(own, '::after').content,
        rowBreak: getComputedStyle(document.querySelector('tbody tr')!).breakInside,
        backref: getComputedStyle(document.querySelector('.data-footnote-backref')!).display,
      };
    });
    expect(print.overflow).toBe('visible');
    expect(print.fits).toBe(true);
    expect(print.after).toBe(`" <${print.href}>"`);
    expect(print.ownAfter).toBe('none'); // a link whose text is its URL is not repeated
    expect(print.rowBreak).toBe('avoid');
    expect(print.backref).toBe('none');
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
