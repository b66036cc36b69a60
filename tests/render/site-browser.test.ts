// The record's website in a real browser: Debian's Chromium driven by playwright-core (never a downloaded browser).
// Builds the site with the real CLI, then opens every page: no console error, no request outside the site, no
// broken internal link; search by name and by Chinese name; axe-core finds no serious or critical violation;
// screenshots at 390 and 1440 px (copied to /tmp/docketpress-site-shots for a person to look at).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, inCi, observe, type Observed } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const SHOTS = path.join(tmpdir(), 'docketpress-site-shots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every .html file under a folder, as paths relative to it. */
function htmlPages(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return htmlPages(dir, relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}



describe.skipIf(!hasChromium && !inCi)('the record as a website, in Chromium', () => {
  let dir = '';
  let siteUrl = '';
  let pages: string[] = [];
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing. CI must install Debian's chromium package (see .ci/run).`);
    dir = mkdtempSync(path.join(tmpdir(), 'docketpress-site-'));
    const built = await cli(['site', '--out', path.join(dir, 'site')]);
    expect(built.code, built.stderr).toBe(0);
    dir = path.join(dir, 'site');
    siteUrl = pathToFileURL(dir).href + '/';
    pages = htmlPages(dir).sort();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  async function open(relative: string, width = 1440): Promise<{ page: Page; seen: Observed }> {
    const page = await context!.newPage();
    await page.setViewportSize({ width, height: 900 });
    const seen = observe(page);
    await page.goto(siteUrl + relative, { waitUntil: 'load' });
    return { page, seen };
  }

  it('has a page for every market, edition, stakeholder and docket', () => {
    for (const needed of ['index.html', 'coverage.html', 'markets/taobao.html', 'markets/amazon-de.html', 'editions/2016.html', 'editions/s301-2009.html', 'stakeholders/aafa.html', 'dockets/2016.html']) {
      expect(pages, needed).toContain(needed);
    }
    expect(pages.filter((p) => p.startsWith('markets/')).length).toBeGreaterThanOrEqual(27);
    expect(pages.length).toBeGreaterThan(60);
  });

  it('loads every page with no console error, requests only its own files and links only to pages that exist', async () => {
    const broken: string[] = [];
    // One tab for every page (a fresh tab per page costs more than the page): what it saw is reset each time.
    const page = await context!.newPage();
    const seen = observe(page);
    for (const relative of pages) {
      seen.requests.length = 0;
      seen.errors.length = 0;
      await page.goto(siteUrl + relative, { waitUntil: 'load' });
      expect(seen.errors, relative).toEqual([]);
      for (const url of seen.requests) {
        expect(url.startsWith(siteUrl), `${relative} requested ${url}`).toBe(true);
        expect(existsSync(fileURLToPath(url.split('#')[0]!)), `${relative} requested a missing ${url}`).toBe(true);
      }
      const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        if (!href.startsWith('file:')) {
          expect(href, `${relative}: only web and mail links leave the site`).toMatch(/^(https?:|mailto:)/);
          continue;
        }
        const [file, fragment] = href.split('#') as [string, string | undefined];
        const target = fileURLToPath(file);
        if (!target.startsWith(dir) || !existsSync(target)) {
          broken.push(`${relative} → ${href}`);
          continue;
        }
        if (fragment && !readFileSync(target, 'utf8').includes(`id="${fragment}"`)) broken.push(`${relative} → ${href} (no such anchor)`);
      }
    }
    await page.close();
    expect(broken).toEqual([]);
  }, 300_000);

  it('cites a source for the facts of a market page', async () => {
    const { page } = await open('markets/taobao.html');
    const statusRows = page.locator('table.status-matrix tbody tr');
    expect(await statusRows.count()).toBeGreaterThan(15);
    const cited = await page.locator('table.status-matrix tbody td.status-listed sup a[data-footnote-ref], table.status-matrix tbody td.status-not-listed sup a[data-footnote-ref]').count();
    const recorded = await page.locator('table.status-matrix tbody td.status-listed, table.status-matrix tbody td.status-not-listed').count();
    expect(recorded).toBeGreaterThan(0);
    expect(cited).toBe(recorded);
    expect(await page.locator('section.footnotes li a[href^="http"]').count()).toBeGreaterThan(10);
    await page.close();
  });

  for (const [query, expected] of [
    ['taobao', 'markets/taobao.html'],
    ['淘宝', 'markets/taobao.html'],
    ['拼多多', 'markets/pinduoduo.html'],
    ['american apparel', 'stakeholders/aafa.html'],
  ] as const) {
    it(`search finds ${expected} for “${query}”, from a page in a sub-folder too`, async () => {
      for (const start of ['index.html', 'editions/2016.html']) {
        const { page, seen } = await open(start);
        await page.getByLabel('Search the record').fill(query);
        const hit = page.locator('#site-search-results a').first();
        await expect.poll(() => hit.count()).toBe(1);
        const href = await hit.evaluate((a) => (a as HTMLAnchorElement).href);
        expect(href).toBe(siteUrl + expected);
        await hit.click();
        await page.waitForURL(siteUrl + expected);
        expect(seen.errors).toEqual([]);
        await page.close();
      }
    });
  }

  it('axe-core reports no serious or critical violation', async () => {
    const sample = ['index.html', 'coverage.html', 'markets/taobao.html', 'editions/2016.html', 'stakeholders/aafa.html', 'dockets/2016.html'];
    for (const relative of sample) {
      for (const width of [390, 1440]) {
        const { page } = await open(relative, width);
        await page.evaluate(axeSource); // evaluate is not subject to the page's CSP
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const result = await axe.run({ resultTypes: ['violations'] });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
        });
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad, `${relative} at ${width}px`).toEqual([]);
        await page.close();
      }
    }
  }, 300_000);

  it('fits a phone: nothing but table scroll regions is wider than 390 px, and the first column stays in view', async () => {
    for (const relative of ['index.html', 'markets/taobao.html', 'editions/2016.html']) {
      const { page } = await open(relative, 390);
      const layout = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const offenders: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          if (el.closest('.table-scroll') && !el.classList.contains('table-scroll')) continue;
          if (el.closest('.site-search-results')) continue;
          const box = el.getBoundingClientRect();
          if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) offenders.push(`${el.tagName.toLowerCase()}.${el.className}`);
        }
        return { width, scrollWidth: document.documentElement.scrollWidth, offenders };
      });
      expect(layout.offenders, relative).toEqual([]);
      expect(layout.scrollWidth, relative).toBeLessThanOrEqual(layout.width);
      const region = page.locator('.table-scroll').first();
      await region.evaluate((el) => el.scrollTo(400, 0));
      const first = await region.locator('tbody tr > :first-child').first().evaluate((el) => Math.round(el.getBoundingClientRect().left - el.closest('.table-scroll')!.getBoundingClientRect().left));
      expect(first, `${relative}: sticky first column`).toBeLessThanOrEqual(1);
      await page.close();
    }
  });

  it('uses the width of a wide window for wide tables', async () => {
    const { page } = await open('editions/2016.html', 1440);
    const fit = await page.locator('.table-scroll').first().evaluate((el) => ({ width: el.getBoundingClientRect().width, scrolls: el.scrollWidth > el.clientWidth + 1 }));
    expect(fit.width).toBeGreaterThan(44 * 16);
    expect(fit.scrolls).toBe(false);
    await page.close();
  });

  it('prints without the site chrome and without clipped tables', async () => {
    const { page } = await open('markets/taobao.html', 816);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header')!).display,
      overflow: getComputedStyle(document.querySelector('.table-scroll')!).overflowX,
    }));
    expect(print).toEqual({ header: 'none', overflow: 'visible' });
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('takes screenshots of the index, a market and an edition at 390 and 1440 px', async () => {
    for (const [name, relative] of [['index', 'index.html'], ['market-taobao', 'markets/taobao.html'], ['edition-2016', 'editions/2016.html']] as const) {
      for (const width of [390, 1440]) {
        const { page } = await open(relative, width);
        const shot = path.join(dir, `${name}-${width}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
        copyFileSync(shot, path.join(SHOTS, `${name}-${width}.png`));
        await page.close();
      }
    }
  }, 180_000);
});
