// The sample with BCI: a BC and a P version, each page marked at top and bottom, read back from the PDF.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is built here. */
const SAMPLE = sampleProject('bci-project');
const out = mkdtempSync(path.join(tmpdir(), 'docketpress-bci-'));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(SAMPLE, { recursive: true, force: true });
});

interface Line {
  y: number;
  text: string;
}

/** Each page's text lines, top to bottom. */
async function pageLines(file: string): Promise<Line[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages: Line[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const items = (await (await doc.getPage(i)).getTextContent()).items.flatMap((item) => ('str' in item && item.str.trim() ? [{ y: Math.round(item.transform[5] as number), text: item.str }] : []));
    const byLine = new Map<number, string>();
    for (const item of items) byLine.set(item.y, `${byLine.get(item.y) ?? ''}${item.text}`);
    pages.push([...byLine].sort((a, b) => b[0] - a[0]).map(([y, text]) => ({ y, text: text.trim() })));
  }
  await doc.destroy();
  return pages;
}

let result: Awaited<ReturnType<typeof cli>>;
beforeAll(async () => {
  result = await cli(['build', 'aafa-2016-comment', '--out', out], SAMPLE);
}, 120_000);

describe('aafa-2016-comment (carries invented BCI)', () => {
  const dir = (): string => path.join(out, 'aafa-2016-comment');

  it('builds a BC and a P version and nothing else', () => {
    expect(result.code, result.stderr).toBe(0);
    for (const name of ['BC-aafa-2016-comment.md', 'BC-aafa-2016-comment.pdf', 'P-aafa-2016-comment.md', 'P-aafa-2016-comment.pdf']) expect(existsSync(path.join(dir(), name)), name).toBe(true);
    expect(existsSync(path.join(dir(), 'aafa-2016-comment.pdf'))).toBe(false);
  });

  it.each([
    ['BC-aafa-2016-comment.pdf', 'BUSINESS CONFIDENTIAL'],
    ['P-aafa-2016-comment.pdf', 'PUBLIC VERSION'],
  ])('%s says “%s” at the top and the bottom of every page', async (name, marking) => {
    const pages = await pageLines(path.join(dir(), name));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((lines, i) => {
      const squash = (value: string | undefined): string => (value ?? '').replace(/\s+/g, '');
      expect(squash(lines[0]?.text), `top of page ${i + 1}`).toBe(squash(marking));
      expect(squash(lines[lines.length - 1]?.text), `bottom of page ${i + 1}`).toBe(squash(marking));
    });
  });

  it('brackets the invented figures in the BC version and removes them from the public one', () => {
    const bc = readFileSync(path.join(dir(), 'BC-aafa-2016-comment.md'), 'utf8');
    const pub = readFileSync(path.join(dir(), 'P-aafa-2016-comment.md'), 'utf8');
    expect(bc).toMatch(/\\\[INVENTED FOR THIS SAMPLE — 31 of 40 test\s+purchases/);
    expect(pub).not.toMatch(/31 of 40|INVENTED FOR THIS SAMPLE|reopened under new store names/);
    expect(pub).toMatch(/point the same way: \\\[ ], and/);
  });
});
