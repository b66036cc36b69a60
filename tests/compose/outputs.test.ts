// The built sample filings end to end: Markdown passes markdownlint, the PDF says everything the Markdown says,
// its outline is the headings, its metadata is set, and a rebuild is byte-identical.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfText, type PdfText } from '../helpers/pdf-text.js';
import { cli } from '../helpers/cli.js';
import { ROOT, sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is built here. */
const SAMPLE = sampleProject('outputs-project');
const BRIEFS = ['aafa-2015-comment', 'alibaba-2015-response']; // single-version briefs; the BC/P pair is tested in tests/check
const out = mkdtempSync(path.join(tmpdir(), 'docketpress-outputs-'));
const again = mkdtempSync(path.join(tmpdir(), 'docketpress-outputs-again-'));
const lines = mkdtempSync(path.join(tmpdir(), 'docketpress-outputs-lines-'));
afterAll(() => {
  rmSync(SAMPLE, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  rmSync(again, { recursive: true, force: true });
  rmSync(lines, { recursive: true, force: true });
});

const squash = (text: string): string => text.replace(/\s+/g, '');
const file = (dir: string, id: string, ext: string): string => path.join(dir, id, `${id}.${ext}`);

let pdfs: Map<string, PdfText>;
beforeAll(async () => {
  const first = await cli(['build', ...BRIEFS, '--format', 'md,pdf', '--out', out], SAMPLE);
  expect(first.code, first.stderr).toBe(0);
  const second = await cli(['build', ...BRIEFS, '--format', 'pdf', '--out', again], SAMPLE);
  expect(second.code, second.stderr).toBe(0);
  pdfs = new Map(await Promise.all(BRIEFS.map(async (id) => [id, await readPdfText(readFileSync(file(out, id, 'pdf')))] as const)));
}, 180_000);

function markdownTree(id: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file(out, id, 'md'), 'utf8'));
}

describe.each(BRIEFS)('%s', (id) => {
  it('prints one line per file written', async () => {
    const built = await cli(['build', id, '--format', 'md', '--out', lines], SAMPLE);
    expect(built.stdout).toBe(`wrote ${file(lines, id, 'md')}\n`);
  });

  it('has every text run of the Markdown in the PDF', () => {
    const pages = pdfs.get(id)!.pages.map(squash);
    // A run is on one page, or begins at the foot of one page's body and ends on the next.
    const inPdf = (run: string): boolean =>
      pages.some((here, p) => {
        if (here.includes(run)) return true;
        const next = pages[p + 1];
        if (next === undefined) return false;
        for (let k = run.length - 1; k > 0; k--) if (here.includes(run.slice(0, k)) && next.includes(run.slice(k))) return true;
        return false;
      });
    const runs: string[] = [];
    visit(markdownTree(id), (node) => {
      if ((node.type === 'text' || node.type === 'inlineCode') && node.value.trim()) runs.push(node.value);
    });
    expect(runs.length).toBeGreaterThan(50);
    const missing = runs.filter((run) => !inPdf(squash(run)));
    expect(missing).toEqual([]);
  });

  it('has an outline equal to the headings', () => {
    const headings: string[] = [];
    visit(markdownTree(id), 'heading', (node) => {
      headings.push(toString(node));
    });
    expect(pdfs.get(id)!.outline).toEqual(headings);
  });

  it('sets title, author, subject and keywords', () => {
    const info = pdfs.get(id)!.info;
    expect(info.Title).toMatch(/SAMPLE/);
    expect(info.Author).toBeTruthy();
    expect(info.Subject).toMatch(/^Docket No\. USTR-\d{4}-\d{4}$/);
    expect(String(info.Keywords)).toMatch(/Notorious Markets/);
  });

  it('marks every page SAMPLE', () => {
    for (const page of pdfs.get(id)!.pages) expect(page).toMatch(/SAMPLE/);
  });

  it('rebuilds byte-identical', () => {
    const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');
    expect(hash(file(again, id, 'pdf'))).toBe(hash(file(out, id, 'pdf')));
  });
});

describe('Markdown output', () => {
  it('passes markdownlint-cli2 with the committed config', async () => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2');
    const files = BRIEFS.map((id) => file(out, id, 'md'));
    const result = await promisify(execFile)(bin, ['--config', path.join(ROOT, '.markdownlint-cli2.jsonc'), ...files], { cwd: ROOT }).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
    );
    expect(result.output).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });
});
