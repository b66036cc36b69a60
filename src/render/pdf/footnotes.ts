// Footnotes at the foot of the page where they are referenced. pdfmake has none, so layout runs
// in passes: each pass reserves room at the foot of every page for the notes planned there, then
// reads back (from the references' link annotations) on which page and how low each reference
// fell. The next plan keeps on a page the notes whose reference lines stay above the room those
// notes need, and pushes the rest, with their lines, to the next page (keeping the page short
// enough that they cannot come back, so passes cannot oscillate). It stops when nothing moves.
// Must not build content or styles.
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, ContentBuilder } from './build.js';
import { FOOTNOTE_DESTINATION } from './build.js';
import { layOut, linkPlaces, pageHeights, type LaidOutDocument, type LinkPlace } from './engine.js';
import { footnoteAreaHeight } from './furniture.js';
import { BODY_HEIGHT, FOOTNOTE, MARGIN, PAGE, LEADING } from './styles.js';

/** Where footnotes go in one pass, and how much room each page keeps for them. */
export interface FootnotePlan {
  /** pdfmake `background`-ready notes for a page (0-based), with the area's height. */
  notesFor(pageIndex: number): { blocks: Block[]; height: number } | undefined;
  /** Points reserved at the foot of a page (0-based). */
  reserve(pageIndex: number): number;
}

/** Upper bound on layout passes (each is a full pdfmake layout). */
const MAX_PASSES = 10;

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
 * Bottom (pt from the top of the page) of the text line holding a superscript reference, from
 * the link rectangle pdfkit gives the superscript: its height is the superscript size s times
 * Tinos' 1.107 em; pdfmake sets superscripts at 0.58 of the text size f and raises them 0.75 s;
 * the line ends (1.107 × leading − 0.891) f below its baseline (body leading: the largest).
 */
function lineBottom(place: LinkPlace): number {
  const [, y1, , y2] = place.rect;
  const top = PAGE.height - y2;
  const s = (y2 - y1) / 1.107;
  const f = s / 0.58;
  const baseline = top + 0.891 * s + 0.75 * s;
  return baseline + (1.107 * LEADING.body - 0.891) * f;
}

const TEXT_BOTTOM = PAGE.height - MARGIN;

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
  const room = (notes: number[]) => footnoteAreaHeight(notes.map((n) => heights.get(n) ?? 0)) + FOOTNOTE.gapAbove;
  let doc: LaidOutDocument | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const plan = planFor(builder, heights, placement, minimum);
    doc = await layOut(definition(plan));
    if (builder.footnoteCount === 0) return doc;
    const places = new Map<number, LinkPlace>();
    for (const [key, place] of linkPlaces(doc, FOOTNOTE_DESTINATION)) places.set(Number(key), place);
    const actual = new Map<number, number>([...places].map(([n, place]) => [n, place.page]));
    if (samePlacement(actual, placement)) return doc;

    // A note the plan kept on its page but whose reference was pushed over all the same (its
    // line sits in a table row or a taller line than estimated): keep that page as short as it
    // was in this pass, so the reference cannot come back.
    for (const [n, planned] of placement) {
      const landed = actual.get(n);
      if (landed !== undefined && landed > planned) {
        minimum.set(planned, Math.max(minimum.get(planned) ?? 0, plan.reserve(planned)));
      }
    }

    // Next plan, page by page: keep the longest run of notes (in order) whose reference lines
    // end above the room those notes need; push the rest to the next page.
    const next = new Map<number, number>();
    const byPage = new Map<number, Array<{ n: number; bottom: number }>>();
    for (const [n, place] of places) {
      const list = byPage.get(place.page) ?? [];
      list.push({ n, bottom: lineBottom(place) });
      byPage.set(place.page, list);
    }
    for (const [page, list] of byPage) {
      list.sort((a, b) => a.n - b.n);
      let keep = list.length;
      for (let i = 0; i < list.length; i++) {
        const needed = room(list.slice(0, i + 1).map((r) => r.n));
        if ((list[i] as { bottom: number }).bottom > TEXT_BOTTOM - Math.min(needed, BODY_HEIGHT * FOOTNOTE.maxShare)) {
          keep = i;
          break;
        }
      }
      // References on one line go together; a first line of the page cannot be pushed.
      while (keep > 0 && keep < list.length && Math.abs((list[keep - 1] as { bottom: number }).bottom - (list[keep] as { bottom: number }).bottom) < 1) keep--;
      if (keep === 0 && (list[0] as { bottom: number }).bottom < MARGIN + 2 * LEADING.body * 12) keep = 1;
      list.forEach((r, i) => next.set(r.n, i < keep ? page : page + 1));
      const pushed = list[keep];
      if (pushed) {
        // Keep this page short enough that the pushed line cannot come back.
        const shortBy = TEXT_BOTTOM - pushed.bottom + 0.5;
        minimum.set(page, Math.max(minimum.get(page) ?? 0, shortBy));
      }
    }
    placement = next;
  }
  if (!doc) throw new Error('unreachable: no layout pass ran');
  return doc;
}
