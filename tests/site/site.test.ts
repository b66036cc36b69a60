// The site stage: same data → same bytes; a business-confidential quote never reaches a page; the local server
// serves the site's own files and nothing outside it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/load/dataset.js';
import { serveSite, siteFiles } from '../../src/site/index.js';
import { cli } from '../helpers/cli.js';
import { DATA, loadEmbeddedDataset } from '../helpers/dataset.js';

const SECRET = 'We find it necessary to set the record straight';

describe('docketpress site', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'docketpress-site-unit-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same bytes for the same data, and a page for every market, edition, stakeholder and docket', async () => {
    const dataset = await loadEmbeddedDataset();
    const first = siteFiles(dataset);
    const second = siteFiles(dataset);
    expect([...second.entries()]).toEqual([...first.entries()]);
    for (const id of dataset.markets.keys()) expect(first.has(`markets/${id}.html`), id).toBe(true);
    for (const edition of dataset.editions) expect(first.has(`editions/${edition.id}.html`), edition.id).toBe(true);
    for (const id of dataset.stakeholders.keys()) expect(first.has(`stakeholders/${id}.html`), id).toBe(true);
    for (const docket of dataset.dockets) expect(first.has(`dockets/${docket.cycle}.html`), String(docket.cycle)).toBe(true);
    // The public quote is on the market page as long as it is not confidential.
    expect(first.get('markets/taobao.html')).toContain(SECRET);
  });

  it('leaves a confidential quote out of every page and the search index, while JSON and text answers mark it', async () => {
    const data = path.join(dir, 'data');
    cpSync(DATA, data, { recursive: true });
    const file = path.join(data, 'positions.yaml');
    const yaml = readFileSync(file, 'utf8');
    const line = yaml.split('\n').findIndex((l) => l.includes(SECRET));
    expect(line).toBeGreaterThan(0);
    const lines = yaml.split('\n');
    const indent = /^(\s*)- text:/.exec(lines[line]!)![1]!;
    lines.splice(line + 1, 0, `${indent}  confidential: true`, `${indent}  confidential_reason: invented for this test`);
    writeFileSync(file, lines.join('\n'));
    const { dataset, diagnostics } = await loadDataset(data, { cache: false });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const [name, content] of siteFiles(dataset)) {
      expect(content.includes(SECRET), name).toBe(false);
      expect(content.includes('set the record straight'), name).toBe(false);
    }
    const json = await cli(['timeline', 'taobao', '--json', '--data', data, '--no-cache']);
    const quotes = (JSON.parse(json.stdout) as { quotes: { text: string; confidential: boolean }[] }[]).flatMap((e) => e.quotes);
    expect(quotes.find((q) => q.text.startsWith(SECRET))?.confidential).toBe(true);
    const text = await cli(['positions', 'alibaba-group', '--data', data, '--no-cache']);
    expect(text.stdout).toContain(`[BUSINESS CONFIDENTIAL] “${SECRET}`);
  });

  it('serves the site folder on localhost and nothing outside it', async () => {
    const out = path.join(dir, 'site');
    const built = await cli(['site', '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^wrote \d+ files to /);
    const server = await serveSite(out, 0);
    try {
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const index = await fetch(`${base}/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toContain('text/html');
      expect(await index.text()).toContain('The Notorious Markets record');
      expect((await fetch(`${base}/markets/taobao.html`)).status).toBe(200);
      expect((await fetch(`${base}/search.js`)).headers.get('content-type')).toContain('javascript');
      expect((await fetch(`${base}/markets/nothing.html`)).status).toBe(404);
      expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
