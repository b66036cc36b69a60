// Typesetting rules read from what the PDF drew: every shipped sample (each version) has no heading or
// run-in label ending a page, no single-line widow or orphan, whole table rows and repeated table headers;
// footnotes never overlap body text or the footer at any fill (property test); the built Markdown of every
// sample, BC and public versions included, passes markdownlint.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/compose/index.js';
import { documentVersions } from '../../src/compose/versions.js';
import { loadBriefs } from '../../src/load/briefs.js';
import { loadDataset } from '../../src/load/dataset.js';
import { renderDocumentPdfWithText } from '../../src/render/pdf-document.js';
import { renderPdfWithText, type PdfRenderOptions } from '../../src/render/pdf/index.js';
import type { DrawnLine } from '../../src/render/pdf/drawn.js';
import { MARGIN, PAGE, SIZE } from '../../src/render/pdf/styles.js';
import { blockPlacements, isBodyLine, typesettingFaults } from '../../src/render/pdf/typesetting.js';
import { cli } from '../helpers/cli.js';
import { ROOT, sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is tested here. */
const SAMPLE = sampleProject('typesetting');
afterAll(() => rmSync(SAMPLE, { recursive: true, force: true }));
const line = (y: number, id?: string, size: number = SIZE.body): DrawnLine => ({ text: id ?? 'text', y, size, ...(id ? { id } : {}) });

describe('typesettingFaults', () => {
  it('finds a heading or label that ends a page, and nothing when it goes on', () => {
    const stranded = [[line(100, 'p-1'), line(115), line(690, 'h-1')], [line(72, 'p-2'), line(87)]];
    expect(typesettingFaults(stranded)).toEqual([{ rule: 'stranded-heading', id: 'h-1', page: 0 }]);
    const label = [[line(100, 'p-1'), line(115), line(690, 'k-1')], [line(72, 'p-2'), line(87)]];
    expect(typesettingFaults(label).map((f) => f.rule)).toEqual(['stranded-heading']);
    const kept = [[line(100, 'p-1'), line(660, 'h-1'), line(680, 'p-2'), line(695)], [line(72), line(87), line(102, 'p-3')]];
    expect(typesettingFaults(kept)).toEqual([]);
  });

  it('finds single-line widows and orphans, not two-line parts', () => {
    const orphan = [[line(100, 'p-1'), line(115), line(695, 'p-2')], [line(72), line(87), line(102, 'p-3')]];
    expect(typesettingFaults(orphan)).toEqual([{ rule: 'widow-orphan', id: 'p-2', page: 0 }]);
    const widow = [[line(100, 'p-1'), line(680, 'p-2'), line(695)], [line(72), line(87, 'p-3')]];
    expect(typesettingFaults(widow)).toEqual([{ rule: 'widow-orphan', id: 'p-2', page: 1 }]);
    const fine = [[line(100, 'p-1'), line(680, 'p-2'), line(695)], [line(72), line(87), line(102, 'p-3')]];
    expect(typesettingFaults(fine)).toEqual([]);
  });

  it('finds split rows and tables whose header does not repeat; ignores footnotes and furniture', () => {
    const rowSplit = [[line(680, 'r-1-0-0', 10.5), line(695, 'r-1-1-0', 10.5)], [line(72, 'r-1-0-0', 10.5), line(87, 'r-1-1-1', 10.5), line(100, 'p-1'), line(115)]];
    expect(typesettingFaults(rowSplit).map((f) => f.rule)).toContain('split-row');
    const noHeader = [[line(600, 'r-1-0-0', 10.5), line(620, 'r-1-1-0', 10.5)], [line(72, 'r-1-2-0', 10.5), line(100, 'p-1'), line(115)]];
    expect(typesettingFaults(noHeader)).toEqual([{ rule: 'header-not-repeated', id: 'r-1-0', page: 1 }]);
    const repeated = [[line(600, 'r-1-0-0', 10.5), line(620, 'r-1-1-0', 10.5)], [line(72, 'r-1-0-0', 10.5), line(92, 'r-1-2-0', 10.5), line(120, 'p-1'), line(135)]];
    expect(typesettingFaults(repeated)).toEqual([]);
    const furniture = [[line(36, undefined, SIZE.header), line(100, 'p-1'), line(115), line(650, 'fn-1', SIZE.footnote), line(742, undefined, SIZE.footer)]];
    expect(blockPlacements(furniture).map((b) => [b.id, b.pages.get(0)])).toEqual([['p-1', 2]]);
  });
});

describe('every shipped sample PDF', () => {
  const drawnBy = new Map<string, DrawnLine[][]>();
  beforeAll(async () => {
    const { dataset } = await loadDataset(path.join(SAMPLE, 'data'));
    const { briefs } = await loadBriefs(path.join(SAMPLE, 'briefs'));
    for (const brief of briefs) {
      const { document } = await composeBrief(brief, dataset!, { templatesDir: path.join(SAMPLE, 'templates') });
      for (const version of documentVersions(document!, brief.brief, 'filer')) {
        const { drawn } = await renderDocumentPdfWithText(version.document, { pdfa: false, sourceName: version.fileStem, ...(version.marking ? { markings: [version.marking] } : {}) });
        drawnBy.set(version.fileStem, (drawn as { lines: DrawnLine[][] }).lines);
      }
    }
  }, 240_000);

  it('are all rendered, with headings, labels and tables to check', () => {
    expect(drawnBy.size).toBeGreaterThanOrEqual(8);
    const ids = [...drawnBy.values()].flatMap((pages) => blockPlacements(pages).map((b) => b.id));
    expect(ids.some((id) => id.startsWith('h-'))).toBe(true);
    expect(ids.some((id) => id.startsWith('k-'))).toBe(true);
    expect(ids.some((id) => id.startsWith('r-'))).toBe(true);
    // A multi-page table is there to show its header repeating (the timelines' status matrix).
    const spanning = [...drawnBy.values()].some((pages) => blockPlacements(pages).some((b) => /^r-\d+-0$/.test(b.id) && b.pages.size > 0) && new Set(blockPlacements(pages).filter((b) => b.id.startsWith('r-1-')).flatMap((b) => [...b.pages.keys()])).size > 1);
    expect(spanning).toBe(true);
  });

  it('end no page with a heading or run-in label, leave no single-line widow or orphan, keep rows whole and repeat headers', () => {
    for (const [name, pages] of drawnBy) expect(typesettingFaults(pages), name).toEqual([]);
  });
});

describe('footnotes at any page fill', () => {
  const OPTIONS: PdfRenderOptions = {
    title: 'Footnote fill',
    author: 'Sample',
    subject: 'Docket No. USTR-0000-0000',
    keywords: [],
    creationDate: new Date('2020-01-01T00:00:00Z'),
    runningHeader: 'Sample · footnote fill',
    markings: ['PUBLIC VERSION'],
  };
  const words = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => ['market', 'listing', 'seller', 'notice', 'takedown'][(i + seed) % 5]).join(' ');

  it('never overlap body text or the footer (random paragraph and footnote lengths)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ words: fc.integer({ min: 3, max: 160 }), notes: fc.array(fc.integer({ min: 2, max: 90 }), { maxLength: 3 }) }), { minLength: 3, maxLength: 14 }), async (paragraphs) => {
        let n = 0;
        const body: string[] = [];
        const notes: string[] = [];
        paragraphs.forEach((p, i) => {
          let text = words(p.words, i);
          for (const length of p.notes) {
            n += 1;
            text += ` ref.[^${n}]`;
            notes.push(`[^${n}]: ${words(length, n)}.`);
          }
          body.push(text);
        });
        const root = unified().use(remarkParse).use(remarkGfm).parse([...body, ...notes].join('\n\n')) as Root;
        const { drawn } = await renderPdfWithText(root, OPTIONS);
        for (const page of (drawn as { lines: DrawnLine[][] }).lines) {
          const bodyBottom = Math.max(0, ...page.filter(isBodyLine).map((l) => l.y + l.size * 1.25));
          const noteLines = page.filter((l) => l.size === SIZE.footnote && l.y >= MARGIN && l.y < PAGE.height - MARGIN);
          const footerTop = Math.min(PAGE.height, ...page.filter((l) => l.y >= PAGE.height - MARGIN).map((l) => l.y));
          for (const note of noteLines) {
            expect(note.y).toBeGreaterThanOrEqual(bodyBottom);
            expect(note.y + note.size).toBeLessThanOrEqual(footerTop);
          }
        }
      }),
      { numRuns: 6, seed: 20261201 },
    );
  }, 120_000);
});

describe('built Markdown', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'docketpress-lint-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('passes markdownlint-cli2 for every sample, BC and public versions included', async () => {
    const built = await cli(['build', '--format', 'md', '--out', out], SAMPLE);
    expect(built.code, built.stderr).toBe(0);
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join(out, f));
    expect(files.some((f) => path.basename(f).startsWith('BC-'))).toBe(true);
    expect(files.some((f) => path.basename(f).startsWith('P-'))).toBe(true);
    const bin = path.join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2');
    const result = await promisify(execFile)(bin, ['--config', path.join(ROOT, '.markdownlint-cli2.jsonc'), ...files], { cwd: ROOT }).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
    );
    expect(result.output).toContain('0 error(s)');
    expect(result.code).toBe(0);
  }, 120_000);
});
