// Footnotes at the foot of the page where they are referenced. pdfmake has none, so layout runs
// in passes: each pass reserves room at the foot of every page for the notes the previous pass
// found referenced there, then reads back (from the references' link annotations) where the
// references fell; it stops when nothing moved. A reference pushed to the next page by its own
// note keeps its old page short, so passes cannot oscillate. Must not build content or styles.
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, ContentBuilder } from './build.js';
import { FOOTNOTE_DESTINATION } from './build.js';
import { layOut, linkPages, pageHeights, type LaidOutDocument } from './engine.js';
import { footnoteAreaHeight } from './furniture.js';
import { BODY_HEIGHT, FOOTNOTE } from './styles.js';

/** Where footnotes go in one pass, and how much room each page keeps for them. */
export interface FootnotePlan {
  /** pdfmake `background`-ready notes for a page (0-based), with the area's height. */
  notesFor(pageIndex: number): { blocks: Block[]; height: number } | undefined;
  /** Points reserved at the foot of a page (0-based). */
  reserve(pageIndex: number): number;
}

/** Upper bound on layout passes (each is a full pdfmake layout). */
const MAX_PASSES = 8;

/**
 * Height of every footnote set at text-block width, measured by pdfmake itself: one
 * auto-height page per note. `definition` wraps content into a document definition.
 */
export async function measureFootnotes(
  builder: ContentBuilder,
  definition: (content: Block[]) => TDocumentDefinitions,
): Promise<Map<number, number>> {
  const numbers = [...builder.footnoteNumbers.values()];
  const heights = new Map<number, number>();
  if (numbers.length === 0) return heights;
  const content = numbers.map((n, i) => ({ ...builder.footnote(n), ...(i > 0 ? { pageBreak: 'before' } : {}) }));
  const doc = await layOut(definition(content));
  const pages = pageHeights(doc);
  numbers.forEach((n, i) => heights.set(n, pages[i] ?? 0));
  return heights;
}

function planFor(
  builder: ContentBuilder,
  heights: Map<number, number>,
  placement: Map<number, number>,
  minimum: Map<number, number>,
): FootnotePlan {
  const byPage = new Map<number, number[]>();
  for (const [n, page] of [...placement].sort((a, b) => a[0] - b[0])) {
    const list = byPage.get(page) ?? [];
    list.push(n);
    byPage.set(page, list);
  }
  const cap = BODY_HEIGHT * FOOTNOTE.maxShare;
  const areaHeight = (page: number) => footnoteAreaHeight((byPage.get(page) ?? []).map((n) => heights.get(n) ?? 0));
  return {
    notesFor(page) {
      const list = byPage.get(page);
      if (!list) return undefined;
      return { blocks: list.map((n) => builder.footnote(n)), height: areaHeight(page) };
    },
    reserve(page) {
      const area = areaHeight(page);
      const wanted = area > 0 ? area + FOOTNOTE.gapAbove : 0;
      return Math.min(cap, Math.max(wanted, minimum.get(page) ?? 0));
    },
  };
}

function samePlacement(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [n, page] of a) if (b.get(n) !== page) return false;
  return true;
}

/**
 * Lay the document out until every footnote sits on the page of its first reference.
 * `definition` builds a fresh document definition for a plan. Returns the final (not yet
 * ended) document.
 */
export async function paginate(
  builder: ContentBuilder,
  heights: Map<number, number>,
  definition: (plan: FootnotePlan) => TDocumentDefinitions,
): Promise<LaidOutDocument> {
  let placement = new Map<number, number>();
  const minimum = new Map<number, number>();
  let doc: LaidOutDocument | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const plan = planFor(builder, heights, placement, minimum);
    doc = await layOut(definition(plan));
    if (builder.footnoteCount === 0) return doc;
    const actual = new Map<number, number>();
    for (const [key, page] of linkPages(doc, FOOTNOTE_DESTINATION)) actual.set(Number(key), page);
    if (samePlacement(actual, placement)) return doc;
    for (const [n, planned] of placement) {
      const landed = actual.get(n);
      // The note's own room pushed its reference over: keep that page as short as it was.
      if (landed !== undefined && landed > planned) {
        minimum.set(planned, Math.max(minimum.get(planned) ?? 0, plan.reserve(planned)));
      }
    }
    placement = actual;
  }
  if (!doc) throw new Error('unreachable: no layout pass ran');
  return doc;
}
