// The linear `pageBreakBefore` scan (src/render/pdf/page-breaks.ts, on with the speed patches) against pdfmake's
// own (speed patches off): the callback is asked about the same nodes in the same order, is handed the same
// node descriptions and the same nodes on the page, the next page and before, gives the same answers; the same
// nodes end up marked, and the document is laid out as many times. On a generated document with many headings
// at the foot of a page (so breaks happen), and on every sample's renders (the callback the renderer uses).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { composeBrief } from '../../src/compose/index.js';
import { documentVersions } from '../../src/compose/versions.js';
import { loadBriefs } from '../../src/load/briefs.js';
import { loadDataset } from '../../src/load/dataset.js';
import { renderDocumentPdfWithText } from '../../src/render/pdf-document.js';
import { configurePdfmake, discard, layOut, record } from '../../src/render/pdf/engine.js';
import { BASE_SERIF, preloadFonts } from '../../src/render/pdf/fonts.js';
import type { NodeInfo, PageBreakBefore, PageBreakContext } from '../../src/render/pdf/page-breaks.js';
import { setSpeedups, speedupsEnabled } from '../../src/render/pdf/speedups.js';
import { requirePdfStack } from '../../src/render/pdf/stack.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is tested here. */
const SAMPLE = sampleProject('page-breaks');
afterAll(() => rmSync(SAMPLE, { recursive: true, force: true }));
// The stack's own copy (the build's bundle when there is one): the renderer's patches are on it.
const require = requirePdfStack;

type LayoutDocument = (this: object, ...args: unknown[]) => unknown;
type TryLayoutDocument = (this: object, ...args: unknown[]) => unknown;
const builder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { layoutDocument: LayoutDocument; tryLayoutDocument: TryLayoutDocument } } }).default.prototype;

/** What a test can compare of a node description (its own keys in order, and the values that say where it is). */
function summary(info: NodeInfo): Record<string, unknown> {
  const start = info.startPosition as Record<string, unknown> | undefined;
  return {
    keys: Object.keys(info),
    id: info['id'],
    text: typeof info['text'] === 'string' ? info['text'] : Array.isArray(info['text']) ? `[${info['text'].length}]` : typeof info['text'],
    headlineLevel: info['headlineLevel'],
    pageBreak: info['pageBreak'],
    pageNumbers: info.pageNumbers,
    pages: info.pages,
    stack: info.stack,
    start: start && { pageNumber: start['pageNumber'], top: start['top'], left: start['left'], pageInnerHeight: start['pageInnerHeight'] },
  };
}

/** Layouts run (pdfmake's tryLayoutDocument) since the test started counting. */
let layouts = 0;

describe('the page-break scan', () => {
  const initially = speedupsEnabled();
  let tryLayoutDocument: TryLayoutDocument;
  beforeAll(() => {
    configurePdfmake();
    tryLayoutDocument = builder.tryLayoutDocument;
    builder.tryLayoutDocument = function counted(this: object, ...args: unknown[]) {
      layouts += 1;
      return tryLayoutDocument.apply(this, args);
    };
  });
  afterAll(() => {
    builder.tryLayoutDocument = tryLayoutDocument;
    setSpeedups(initially);
  });
  afterEach(() => setSpeedups(initially));

  it('asks, answers, marks and lays out as pdfmake does, on a document with headings at page feet', async () => {
    const words = 'the market sells counterfeit goods online and the platform takes them down when notified'.split(' ');
    await preloadFonts(new Set([...words.join(' '), ...'Heading 0123456789 Page of Header Footer-.'].map((c) => c.codePointAt(0)!)));
    /** A fresh definition (pdfmake mutates it) and every content node of it, by id. */
    const definition = (pageBreakBefore: PageBreakBefore) => {
      const nodes = new Map<string, Record<string, unknown>>();
      const node = <T extends Record<string, unknown>>(value: T): T => {
        nodes.set(value['id'] as string, value);
        return value;
      };
      const content: unknown[] = [];
      let seed = 7;
      const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
      for (let section = 0; section < 60; section++) {
        content.push(node({ id: `h-${section}`, text: `Heading ${section}`, headlineLevel: 1 + (section % 2), fontSize: 14, margin: [0, 10, 0, 4] }));
        const paragraphs = 1 + next(3);
        for (let p = 0; p < paragraphs; p++) {
          const text = Array.from({ length: 8 + next(90) }, () => words[next(words.length)]).join(' ');
          // Unbreakable paragraphs that do not fit go to the next page whole, leaving headings at page feet.
          if (p === 1) content.push(node({ id: `s-${section}`, stack: [node({ id: `p-${section}-${p}`, text }), node({ id: `e-${section}`, text: '' })] }));
          else if (p === 2) content.push(node({ id: `l-${section}`, ul: [node({ id: `p-${section}-${p}`, text }), `item ${section}`] }));
          else content.push(node({ id: `p-${section}-${p}`, text, unbreakable: true }));
        }
      }
      const def = {
        pageSize: { width: 612, height: 792 },
        pageMargins: { left: 72, top: 72, right: 72, bottom: 72 },
        defaultStyle: { font: BASE_SERIF, fontSize: 12 },
        header: (page: number) => ({ text: `Header ${page}`, margin: [72, 30, 72, 0] }),
        footer: (page: number, count: number) => ({ text: `Page ${page} of ${count}`, margin: [72, 30, 72, 0] }),
        pageBreakBefore,
        content,
      };
      return { def: def as unknown as TDocumentDefinitions, nodes };
    };
    const run = async (speedups: boolean) => {
      setSpeedups(speedups);
      const asked: unknown[] = [];
      // Move a heading on when nothing of the body follows it on its page (every context question is asked and kept).
      const keepWithNext: PageBreakBefore = (info: NodeInfo, context: PageBreakContext) => {
        const entry: Record<string, unknown> = { node: summary(info) };
        asked.push(entry);
        if (typeof info['headlineLevel'] !== 'number') return false;
        const following = context.getFollowingNodesOnPage();
        const onNext = context.getNodesOnNextPage();
        const previous = context.getPreviousNodesOnPage();
        Object.assign(entry, { following: following.map(summary), onNext: onNext.map(summary), previous: previous.map(summary) });
        // Body nodes have ids (header and footer nodes none); an unbreakable block moved on keeps its other lines'
        // first page numbers, so a node counts as following on this page when it starts on it.
        const body = (other: NodeInfo) => typeof other['id'] === 'string';
        const start = (other: NodeInfo) => other.startPosition as { top?: number; pageNumber?: number } | undefined;
        const answer = (start(info)?.top ?? 0) > 73 && !following.some((other) => body(other) && start(other)?.pageNumber === info.pageNumbers[0]) && onNext.some(body);
        entry['answer'] = answer;
        return answer;
      };
      const { def, nodes } = definition(keepWithNext);
      layouts = 0;
      const doc = await layOut(def);
      const drawn = record(doc);
      discard(doc);
      const marks = [...nodes].map(([id, node]) => [id, node['pageBreak'], node['pageBreakCalculated']]);
      return { asked, marks, layouts, pages: drawn.pages };
    };
    const pdfmakes = await run(false);
    const ours = await run(true);
    // The document is one that needs the scan: several headings moved, each costing a layout.
    expect(pdfmakes.layouts).toBeGreaterThanOrEqual(3);
    expect(pdfmakes.asked.filter((entry) => (entry as { answer?: boolean }).answer).length).toBe(pdfmakes.layouts - 1);
    expect(pdfmakes.marks.filter(([, pageBreak]) => pageBreak === 'before').length).toBe(pdfmakes.layouts - 1);
    expect(pdfmakes.asked.some((entry) => ((entry as { previous?: unknown[] }).previous?.length ?? 0) > 0)).toBe(true);
    expect(ours.layouts).toBe(pdfmakes.layouts);
    expect(ours.marks).toEqual(pdfmakes.marks);
    expect(ours.asked).toEqual(pdfmakes.asked);
    expect(ours.pages).toEqual(pdfmakes.pages);
  }, 120_000);

  it('asks the renderer’s callback the same, and lays out as many times, for every sample', async () => {
    const original = builder.layoutDocument;
    /** Per layout run (a call of layoutDocument with a callback): its questions' nodes and answers, and its layouts. */
    let runs: Array<{ asked: unknown[]; layouts: number }> = [];
    let questionsAsked = 0;
    builder.layoutDocument = function recorded(this: object, ...args: unknown[]) {
      const pageBreakBefore = args[8];
      if (typeof pageBreakBefore !== 'function') return original.apply(this, args);
      const record = { asked: [] as unknown[], layouts: 0 };
      const ask: PageBreakBefore = (info, context) => {
        // The questions the callback asks, with what they answer.
        const questions: Array<[string, unknown[]]> = [];
        const asking = (name: keyof PageBreakContext) => () => {
          const nodes = context[name]();
          questions.push([name, nodes.map(summary)]);
          return nodes;
        };
        const answer: unknown = pageBreakBefore(info, {
          getFollowingNodesOnPage: asking('getFollowingNodesOnPage'),
          getNodesOnNextPage: asking('getNodesOnNextPage'),
          getPreviousNodesOnPage: asking('getPreviousNodesOnPage'),
        });
        record.asked.push([summary(info), answer, questions]);
        if (questions.length > 0) questionsAsked += 1;
        return answer;
      };
      const before = layouts;
      const pages = original.apply(this, [...args.slice(0, 8), ask]);
      record.layouts = layouts - before;
      runs.push(record);
      return pages;
    };
    try {
      const { dataset } = await loadDataset(path.join(SAMPLE, 'data'));
      const { briefs } = await loadBriefs(path.join(SAMPLE, 'briefs'));
      let documents = 0;
      for (const loaded of briefs) {
        const { document } = await composeBrief(loaded, dataset!, { templatesDir: path.join(SAMPLE, 'templates') });
        const version = documentVersions(document!, loaded.brief, 'the filer')[0]!;
        const render = async (speedups: boolean) => {
          setSpeedups(speedups);
          runs = [];
          const { drawn } = await renderDocumentPdfWithText(version.document, { pdfa: false, sourceName: loaded.file.name });
          return { runs, pages: drawn.pages };
        };
        const pdfmakes = await render(false);
        const ours = await render(true);
        expect(pdfmakes.runs.length, version.fileStem).toBeGreaterThan(0);
        expect(ours.runs.map((r) => r.layouts), version.fileStem).toEqual(pdfmakes.runs.map((r) => r.layouts));
        expect(ours.runs, version.fileStem).toEqual(pdfmakes.runs);
        expect(ours.pages, version.fileStem).toEqual(pdfmakes.pages);
        documents += 1;
      }
      expect(documents).toBe(briefs.length);
      // The callback asks about the nodes after headings (the samples' headings are moved by the typesetting
      // rounds before the callback has to: the generated document above is the one whose headings it moves).
      expect(questionsAsked).toBeGreaterThan(documents);
    } finally {
      builder.layoutDocument = original;
    }
  }, 600_000);
});
