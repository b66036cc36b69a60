// Keeping while pages fill up (src/render/pdf/keep.ts): the keeper's predictions from a layout's measures, what it
// measures, and a long generated filing whose every page fault is fixed in a few layouts, not one per page.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderPdfWithText, type PdfRenderOptions } from '../../src/render/pdf/index.js';
import type { DrawnLine } from '../../src/render/pdf/drawn.js';
import { BlockMeasures, KeepFlow, type OfferedLine } from '../../src/render/pdf/keep.js';
import { typesettingRounds } from '../../src/render/pdf/render.js';
import { MARGIN } from '../../src/render/pdf/styles.js';
import { isBodyLine, typesettingFaults } from '../../src/render/pdf/typesetting.js';

const PAGE_ROOM = 648;
const LINE = 15;

/** Measures of blocks given as [id, line count, gap before]. */
function measures(blocks: Array<[string, number, number?]>): BlockMeasures {
  const result = new BlockMeasures();
  for (const [id, lines, gap] of blocks) result.add({ id, lines: Array.from({ length: lines }, () => ({ height: LINE, links: [] })), ...(gap !== undefined ? { gapBefore: gap } : {}) });
  return result;
}

/** A keeper that has put one line on page 0, then is offered the first line of `id` with `available` points left. */
function offer(previous: BlockMeasures | undefined, id: string, available: number, more: Partial<OfferedLine> = {}): boolean {
  const keeper = new KeepFlow(previous);
  keeper.placed({ page: 0, id: 'p-0', height: LINE, top: 72, available: PAGE_ROOM, pageRoom: PAGE_ROOM, links: [] });
  const line: OfferedLine = { page: 0, id, height: LINE, top: 720 - available, available, pageRoom: PAGE_ROOM, links: [], ...more };
  return keeper.offer(line);
}

describe('KeepFlow.offer', () => {
  const blocks = measures([
    ['p-0', 1],
    ['p-1', 6, 9],
    ['h-1', 1, 9],
    ['k-1', 1, 4],
    ['p-2', 4, 9],
    ['#3', 2, 9],
    ['h-2', 1, 9],
    ['#5', 3, 4],
  ]);

  it('moves a paragraph that would leave one line at the foot of a page (orphan) or at the head of the next (widow)', () => {
    expect(offer(blocks, 'p-1', LINE * 1.5)).toBe(false); // 1 line here, 5 there
    expect(offer(blocks, 'p-1', LINE * 5.5)).toBe(false); // 5 here, 1 there
    expect(offer(blocks, 'p-1', LINE * 3.5)).toBe(true); // 3 and 3
    expect(offer(blocks, 'p-1', LINE * 6)).toBe(true); // all here
    expect(offer(blocks, 'p-1', LINE * 0.5)).toBe(true); // none fits: pdfmake moves it anyway
  });

  it('moves a heading with the label after it when what follows cannot start well below them', () => {
    // h-1 (15) + 4 + k-1 (15) + 9 + two lines of p-2 (30) = 73 points.
    expect(offer(blocks, 'h-1', 73)).toBe(true);
    expect(offer(blocks, 'h-1', 72)).toBe(false); // only one line of p-2 would fit: an orphan
    expect(offer(blocks, 'h-1', 35)).toBe(false); // nothing of p-2 below the label
    expect(offer(blocks, 'h-1', 20)).toBe(false); // not even the label
    // The label and the paragraph after the heading are decided with the heading, not again.
    expect(offer(blocks, 'k-1', 16)).toBe(true);
    expect(offer(blocks, 'p-2', 16)).toBe(true);
  });

  it('leaves what it cannot measure to the rounds: content without an id after a heading, blocks it never saw, no measures', () => {
    expect(offer(blocks, 'h-2', 16)).toBe(true);
    expect(offer(blocks, 'p-99', 16)).toBe(true);
    expect(offer(undefined, 'p-1', LINE * 1.5)).toBe(true);
  });

  it('never moves the first line of a page', () => {
    const keeper = new KeepFlow(blocks);
    expect(keeper.offer({ page: 0, id: 'p-1', height: LINE, top: 72, available: LINE * 1.5, pageRoom: PAGE_ROOM, links: [] })).toBe(true);
  });

  it('counts the room footnote references take at the foot of the page', () => {
    const withNotes = new BlockMeasures();
    withNotes.add({ id: 'p-0', lines: [{ height: LINE, links: [] }] });
    withNotes.add({ id: 'p-1', lines: [{ height: LINE, links: ['fn-1'] }, { height: LINE, links: [] }, { height: LINE, links: [] }, { height: LINE, links: [] }] });
    const keeper = (noteRoom?: OfferedLine['noteRoom']) => offer(withNotes, 'p-1', LINE * 4, { links: ['fn-1'], ...(noteRoom ? { noteRoom } : {}) });
    expect(keeper()).toBe(true); // all four lines fit
    expect(keeper(() => LINE * 2.5)).toBe(false); // the note leaves room for one line: an orphan
  });
});

describe('BlockMeasures.gapBefore', () => {
  it('takes a gap the layout did not see (the blocks were on two pages) from a pair of the same kinds and line heights', () => {
    const blocks = measures([
      ['k-1', 1],
      ['p-1', 2, 12],
      ['p-2', 3, 9],
      ['k-2', 1, 9],
      ['p-3', 2], // began a page: its gap was not seen
    ]);
    expect(blocks.gapBefore(1)).toBe(12);
    expect(blocks.gapBefore(4)).toBe(12); // as between k-1 and p-1
    expect(blocks.gapBefore(0)).toBe(0);
    // So a label with room for itself and the paragraph's two lines, but not the gap, goes to the next page.
    expect(offer(blocks, 'k-2', 15 + 12 + 30)).toBe(true);
    expect(offer(blocks, 'k-2', 15 + 30)).toBe(false);
  });
});

describe('KeepFlow measures', () => {
  it('records blocks, their lines and the gaps between them; content it cannot see into as one block', () => {
    const keeper = new KeepFlow(undefined);
    const put = (page: number, top: number, id?: string) => keeper.placed({ page, top, height: LINE, available: 0, pageRoom: PAGE_ROOM, links: [], ...(id ? { id } : {}) });
    put(0, 72, 'h-1');
    put(0, 96, 'p-1');
    put(0, 111);
    keeper.other(0, 160); // a table row
    keeper.other(0, 180);
    put(0, 190, 'p-2');
    put(1, 72); // continues on the next page
    put(1, 100); // a line without an id after a gap: something else
    const blocks = keeper.measured.blocks.map((b) => [b.id, b.lines.length, b.gapBefore]);
    expect(blocks).toEqual([
      ['h-1', 1, undefined],
      ['p-1', 2, 9],
      ['#2', 0, undefined],
      ['p-2', 2, 10],
      ['#4', 1, undefined],
    ]);
  });
});

describe('a long filing', () => {
  const OPTIONS: PdfRenderOptions = {
    title: 'Keeping',
    author: 'Sample',
    subject: 'Docket No. USTR-0000-0000',
    keywords: [],
    creationDate: new Date('2020-01-01T00:00:00Z'),
    runningHeader: 'Sample · keeping',
  };
  const WORDS = ['market', 'listing', 'seller', 'notice', 'takedown', 'counterfeit', 'platform', 'rightholder'];
  const words = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => WORDS[(i * 7 + seed) % WORDS.length]).join(' ');

  it('has no stranded heading, widow or orphan on any page, in three layouts or fewer', async () => {
    // 60 nominations, each a heading, a run-in label and paragraphs of lengths that fall on page feet everywhere.
    const parts: string[] = [];
    const notes: string[] = [];
    for (let i = 1; i <= 60; i++) {
      parts.push(`## Market ${i}`, '**Evidence.**');
      for (let k = 0; k < 3; k++) {
        const note = i * 3 + k;
        parts.push(`${words(20 + ((i * 37 + k * 53) % 90), i + k)}.${k === 1 ? `[^${note}]` : ''}`);
        if (k === 1) notes.push(`[^${note}]: ${words(8 + ((i * 13) % 30), note)}.`);
      }
    }
    const root = unified().use(remarkParse).use(remarkGfm).parse([...parts, ...notes].join('\n\n')) as Root;
    const rounds = typesettingRounds.count;
    const { drawn } = await renderPdfWithText(root, OPTIONS);
    const pages = (drawn as { lines: DrawnLine[][] }).lines;
    expect(pages.length).toBeGreaterThan(30);
    expect(typesettingFaults(pages).filter((f) => f.rule === 'stranded-heading' || f.rule === 'widow-orphan')).toEqual([]);
    // The first layout measures; the second keeps; a third at most for what the keeper missed.
    expect(typesettingRounds.count - rounds).toBeLessThanOrEqual(2);
    // A heading the keeper moved sits where a page break before it puts one, below its top margin, as the first
    // heading sits on page 1; one whose top margin did not fit on the page before is put at the very top by pdfmake.
    const firstLine = (page: DrawnLine[]) => page.find(isBodyLine);
    const top = firstLine(pages[0]!);
    expect(top?.id).toBe('h-1');
    const opening = pages.slice(1).map(firstLine).filter((l) => l?.id?.startsWith('h-'));
    const belowMargin = opening.filter((l) => Math.abs(l!.y - top!.y) < 0.001);
    expect(belowMargin.length).toBeGreaterThan(3);
    for (const heading of opening) expect([Number(top!.y.toFixed(3)), MARGIN], heading?.id).toContainEqual(Number(heading!.y.toFixed(3)));
  }, 120_000);
});
