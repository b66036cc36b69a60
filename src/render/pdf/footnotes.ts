// Footnotes at the foot of the page where they are referenced. pdfmake has none. The notes are
// placed while pdfmake fills each page (a LineFlow): a page keeps, in order, the notes whose
// reference lines stay above the room those notes need, and pushes the first line that does not,
// with everything after it, to the next page. The laid-out document is then checked against the
// references' link annotations; should a note have landed elsewhere (content pdfmake places
// without asking the flow), layout falls back to passes: each pass reserves room at the foot of
// every page for the notes planned there, reads back on which page and how low each reference
// fell, and the next plan keeps or pushes notes by the same rule (keeping the page short enough
// that they cannot come back, so passes cannot oscillate) until nothing moves. Every note is laid
// out once (measureFootnotes); the passes place those laid-out notes, they never lay a note out again.
// Must not build content or styles.
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, ContentBuilder } from './build.js';
import { FOOTNOTE_DESTINATION } from './build.js';
import { discard, layOut, layOutPages, linkPlaces, type FlowLink, type LaidOutBlock, type LaidOutDocument, type LineFlow, type LinkPlace } from './engine.js';
import { footnoteAreaHeight } from './furniture.js';
import { BODY_HEIGHT, FOOTNOTE, MARGIN, PAGE, LEADING } from './styles.js';

/** Where footnotes go in one pass, and how much room each page keeps for them. */
export interface FootnotePlan {
  /** The laid-out notes of a page (0-based), in order, with the height of their area. */
  notesFor(pageIndex: number): { blocks: LaidOutBlock[]; height: number } | undefined;
  /** Points reserved at the foot of a page (0-based). */
  reserve(pageIndex: number): number;
  /** When set, notes are placed while pages fill up (see LineFlow), not reserved up front. */
  flow?: () => LineFlow;
}

/** Upper bound on layout passes (each is a full pdfmake layout). */
const MAX_PASSES = 10;

/** Every footnote, laid out once, by number. */
export type LaidOutNotes = Map<number, LaidOutBlock>;

/**
 * Every footnote set at text-block width by pdfmake's layout (nothing is drawn): one auto-height
 * page per note, kept with its height to be placed on the pages of every pass. `definition` wraps
 * content into a document definition.
 */
export function measureFootnotes(builder: ContentBuilder, definition: (content: Block[]) => TDocumentDefinitions): LaidOutNotes {
  const numbers = [...builder.footnoteNumbers.values()];
  const notes: LaidOutNotes = new Map();
  if (numbers.length === 0) return notes;
  const content = numbers.map((n, i) => ({ ...builder.footnote(n), ...(i > 0 ? { pageBreak: 'before' } : {}) }));
  const pages = layOutPages(definition(content));
  numbers.forEach((n, i) => notes.set(n, pages[i] ?? { height: 0, items: [] }));
  return notes;
}

function heightOf(notes: LaidOutNotes, n: number): number {
  return notes.get(n)?.height ?? 0;
}

/** The laid-out notes `numbers` and the height of their area. */
function notesArea(notes: LaidOutNotes, numbers: number[]): { blocks: LaidOutBlock[]; height: number } | undefined {
  if (numbers.length === 0) return undefined;
  const blocks: LaidOutBlock[] = [];
  for (const n of numbers) {
    const block = notes.get(n);
    if (block) blocks.push(block);
  }
  return { blocks, height: footnoteAreaHeight(numbers.map((n) => heightOf(notes, n))) };
}

/** The notes a page carries and the room kept for them at its foot. */
interface PageDecision {
  notes: number[];
  reserve: number;
}

/** Always leave the body a few lines, even beside one very long note. */
const CAP = BODY_HEIGHT - 48;

function planFor(notes: LaidOutNotes, decisions: Map<number, PageDecision>): FootnotePlan {
  const cap = CAP;
  return {
    notesFor(page) {
      return notesArea(notes, decisions.get(page)?.notes ?? []);
    },
    reserve(page) {
      return Math.min(cap, decisions.get(page)?.reserve ?? 0);
    },
  };
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
/** A reference line ending above this is (one of) the first on its page: it cannot be pushed. */
const FIRST_LINES = MARGIN + 2 * LEADING.body * 12;

/**
 * Places notes while pdfmake fills the pages of one layout run (see LineFlow): a line whose new
 * references' notes still fit below it keeps them on its page and the page gives up their room;
 * one whose notes do not fit (or would take more than their share of the page) moves to the
 * next page. The rules are those the passes of `paginate` apply.
 */
class FootnoteFlow implements LineFlow {
  /** Notes by page (0-based), in the order their references were placed. */
  readonly notes = new Map<number, number[]>();
  private readonly placed = new Set<number>();

  constructor(private readonly room: (notes: number[]) => number) {}

  private reserveOf(notes: number[] | undefined): number {
    return notes && notes.length > 0 ? Math.min(CAP, this.room(notes)) : 0;
  }

  reserve(pageIndex: number): number {
    return this.reserveOf(this.notes.get(pageIndex));
  }

  place(pageIndex: number, links: FlowLink[], retry: boolean): number | false {
    const fresh: Array<{ n: number; bottom: number }> = [];
    for (const link of links) {
      if (!link.destination.startsWith(FOOTNOTE_DESTINATION)) continue;
      const n = Number(link.destination.slice(FOOTNOTE_DESTINATION.length));
      if (!Number.isInteger(n) || this.placed.has(n) || fresh.some((f) => f.n === n)) continue;
      fresh.push({ n, bottom: lineBottom({ page: pageIndex, rect: link.rect }) });
    }
    const first = fresh[0];
    if (!first) return 0;
    const current = this.notes.get(pageIndex) ?? [];
    const next = [...current, ...fresh.map((f) => f.n)];
    if (!retry) {
      const needed = this.room(next);
      // Notes may not take more than their share of the page (beyond the first, which must go somewhere).
      const tooMany = next.length > 1 && needed > BODY_HEIGHT * FOOTNOTE.maxShare;
      const tooLow = fresh.some((f) => f.bottom > TEXT_BOTTOM - needed);
      // A first line of the page cannot be pushed.
      if ((tooMany || tooLow) && !(current.length === 0 && first.bottom < FIRST_LINES)) return false;
    }
    for (const f of fresh) this.placed.add(f.n);
    this.notes.set(pageIndex, next);
    return this.reserveOf(next) - this.reserveOf(current);
  }

  roomFor(pageIndex: number, destinations: readonly string[], freshPage: boolean): number {
    const current = freshPage ? [] : (this.notes.get(pageIndex) ?? []);
    const next = [...current];
    for (const destination of destinations) {
      if (!destination.startsWith(FOOTNOTE_DESTINATION)) continue;
      const n = Number(destination.slice(FOOTNOTE_DESTINATION.length));
      if (Number.isInteger(n) && !this.placed.has(n) && !next.includes(n)) next.push(n);
    }
    return this.reserveOf(next) - this.reserveOf(current);
  }

  /** Page (0-based) of every placed note. */
  pages(): Map<number, number> {
    const result = new Map<number, number>();
    for (const [page, notes] of this.notes) for (const n of notes) result.set(n, page);
    return result;
  }
}

/**
 * Lay the document out once, placing every footnote on the page of its first reference while
 * the pages fill up; check where the references landed, and fall back to `paginate`'s passes
 * (starting from what the flow decided) if any note is not on its reference's page. Returns
 * the final (not yet ended) document.
 */
export async function placeFootnotes(
  builder: ContentBuilder,
  notes: LaidOutNotes,
  definition: (plan: FootnotePlan) => TDocumentDefinitions,
): Promise<LaidOutDocument> {
  if (builder.footnoteCount === 0) return paginate(builder, notes, definition);
  const room = (numbers: number[]) => footnoteAreaHeight(numbers.map((n) => heightOf(notes, n))) + FOOTNOTE.gapAbove;
  let latest: FootnoteFlow | undefined;
  const plan: FootnotePlan = {
    notesFor(page) {
      return notesArea(notes, [...(latest?.notes.get(page) ?? [])].sort((a, b) => a - b));
    },
    reserve: () => 0,
    flow: () => (latest = new FootnoteFlow(room)),
  };
  const doc = await layOut(definition(plan));
  layoutPasses.count += 1;
  const planned = latest?.pages() ?? new Map<number, number>();
  const landed = linkPlaces(doc, FOOTNOTE_DESTINATION);
  let same = landed.size === planned.size;
  for (const [key, place] of landed) if (planned.get(Number(key)) !== place.page) same = false;
  if (same) return doc;
  discard(doc);
  const initial = new Map<number, PageDecision>();
  for (const [page, numbers] of latest?.notes ?? []) {
    const sorted = [...numbers].sort((a, b) => a - b);
    initial.set(page, { notes: sorted, reserve: room(sorted) });
  }
  return paginate(builder, notes, definition, initial);
}

/** Full layout runs made so far in this process (tests keep the count per document bounded). */
export const layoutPasses = { count: 0 };

/**
 * Lay the document out until every footnote sits on the page of its first reference.
 * `definition` builds a fresh document definition for a plan. Returns the final (not yet
 * ended) document.
 *
 * A page's layout depends only on the room kept on it and on earlier pages. So every pass
 * freezes the leading pages whose notes came out as planned, then decides the first page that
 * did not (from where its references fell in this pass, which stays true while earlier pages
 * are frozen) and, tentatively, every later page.
 */
export async function paginate(
  builder: ContentBuilder,
  notes: LaidOutNotes,
  definition: (plan: FootnotePlan) => TDocumentDefinitions,
  initial?: Map<number, PageDecision>,
): Promise<LaidOutDocument> {
  const room = (numbers: number[]) => footnoteAreaHeight(numbers.map((n) => heightOf(notes, n))) + FOOTNOTE.gapAbove;
  const decisions = new Map<number, PageDecision>(initial ?? []);
  let frozen = 0; // pages [0, frozen) are final
  let floor: { page: number; reserve: number } | undefined;
  let doc: LaidOutDocument | undefined;
  const limit = MAX_PASSES + builder.footnoteCount;
  for (let pass = 0; pass < limit; pass++) {
    if (doc) discard(doc);
    doc = await layOut(definition(planFor(notes, decisions)));
    layoutPasses.count += 1;
    if (builder.footnoteCount === 0) return doc;
    const byPage = new Map<number, Array<{ n: number; bottom: number }>>();
    let lastPage = 0;
    for (const [key, place] of linkPlaces(doc, FOOTNOTE_DESTINATION)) {
      const list = byPage.get(place.page) ?? [];
      list.push({ n: Number(key), bottom: lineBottom(place) });
      byPage.set(place.page, list);
      lastPage = Math.max(lastPage, place.page);
    }
    for (const list of byPage.values()) list.sort((a, b) => a.n - b.n);
    const landed = (page: number) => (byPage.get(page) ?? []).map((r) => r.n).join(',');
    const planned = (page: number) => (decisions.get(page)?.notes ?? []).join(',');
    const lastPlanned = Math.max(-1, ...[...decisions].filter(([, d]) => d.notes.length).map(([p]) => p));
    while (frozen <= Math.max(lastPage, lastPlanned) && landed(frozen) === planned(frozen)) frozen++;
    if (frozen > Math.max(lastPage, lastPlanned)) return doc;

    // Decide the first page that came out differently, and every later one tentatively.
    const current = frozen;
    for (const page of [...decisions.keys()]) if (page >= current) decisions.delete(page);
    let carry: number[] = [];
    for (let page = current; page <= lastPage + 1; page++) {
      // Notes pushed from the previous page come first: their lines now open this page.
      const list = [...carry.map((n) => ({ n, bottom: MARGIN + LEADING.body * 12 * 1.2 })), ...(byPage.get(page) ?? [])];
      carry = [];
      if (list.length === 0) continue;
      let keep = list.length;
      for (let i = 0; i < list.length; i++) {
        const needed = room(list.slice(0, i + 1).map((r) => r.n));
        // Notes may not take more than their share of the page (beyond the first, which must go somewhere).
        const tooMany = i > 0 && needed > BODY_HEIGHT * FOOTNOTE.maxShare;
        if (tooMany || (list[i] as { bottom: number }).bottom > TEXT_BOTTOM - needed) {
          keep = i;
          break;
        }
      }
      // References on one line go together; a first line of the page cannot be pushed.
      while (keep > 0 && keep < list.length && Math.abs((list[keep - 1] as { bottom: number }).bottom - (list[keep] as { bottom: number }).bottom) < 1) keep--;
      if (keep === 0 && (list[0] as { bottom: number }).bottom < MARGIN + 2 * LEADING.body * 12) keep = 1;
      const kept = list.slice(0, keep).map((r) => r.n);
      let reserve = kept.length ? room(kept) : 0;
      const pushed = list[keep];
      // Keep the page short enough that a pushed reference line cannot come back.
      if (pushed) reserve = Math.max(reserve, TEXT_BOTTOM - pushed.bottom + 0.5);
      // Deciding the same first page again (a reference the estimate kept was pushed all the
      // same): never give it less room than the pass that pushed the reference.
      if (page === current && floor?.page === current) reserve = Math.max(reserve, floor.reserve);
      decisions.set(page, { notes: kept, reserve });
      carry = list.slice(keep).map((r) => r.n);
    }
    floor = { page: current, reserve: decisions.get(current)?.reserve ?? 0 };
  }
  if (!doc) throw new Error('unreachable: no layout pass ran');
  return doc;
}
