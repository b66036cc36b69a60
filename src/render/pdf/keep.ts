// Keeping while pages fill up: the rules of ./typesetting.ts (a heading or run-in label goes on with what
// follows; a paragraph leaves no single line at the foot or head of a page) applied as pdfmake puts each body
// line on a page, so that a long document needs one more layout, not one per page with a fault. Whether a
// block starting near the foot of a page would break a rule is predicted from its lines as the previous layout
// of the same document measured them; if so its first line, with the headings and labels just before it, goes
// to the next page, as a page break before it (`breakBefore`) sends it. What a prediction gets wrong the
// rounds in render.ts still find and fix. Must not lay anything out or draw.

/** One body line as the layout measured it. */
export interface MeasuredLine {
  height: number;
  /** Internal link destinations on the line (a footnote reference takes room at the foot of its page). */
  links: readonly string[];
}

/** One block (`h-`, `k-`, `p-` …; `#N`: content the keeper cannot see into, e.g. a table) of a layout, its lines in order. */
export interface MeasuredBlock {
  id: string;
  lines: MeasuredLine[];
  /** Points between the previous block's last line and this block's first, when a layout had both on one page. */
  gapBefore?: number;
}

/** The blocks a layout placed, in document order. */
export class BlockMeasures {
  readonly blocks: MeasuredBlock[] = [];
  readonly index = new Map<string, number>();

  add(block: MeasuredBlock): void {
    this.index.set(block.id, this.blocks.length);
    this.blocks.push(block);
  }

  /**
   * Points between block `i - 1` and block `i`: as measured, or — when the layout had them on different pages — as
   * measured between another pair of blocks of the same kinds and line heights (none such: 0).
   */
  gapBefore(i: number): number {
    const block = this.blocks[i];
    if (block?.gapBefore !== undefined) return block.gapBefore;
    const key = this.pairKey(i);
    if (key === undefined) return 0;
    if (!this.typicalGaps) {
      this.typicalGaps = new Map();
      this.blocks.forEach((b, k) => {
        const pair = this.pairKey(k);
        if (b.gapBefore !== undefined && pair !== undefined && !this.typicalGaps!.has(pair)) this.typicalGaps!.set(pair, b.gapBefore);
      });
    }
    return this.typicalGaps.get(key) ?? 0;
  }

  private typicalGaps: Map<string, number> | undefined;

  /** The kinds of blocks `i - 1` and `i` with the heights of the lines that meet. */
  private pairKey(i: number): string | undefined {
    const before = this.blocks[i - 1];
    const block = this.blocks[i];
    const last = before?.lines[before.lines.length - 1];
    const first = block?.lines[0];
    if (!before || !block || !last || !first) return undefined;
    return `${before.id.slice(0, 2)}${last.height.toFixed(2)}|${block.id.slice(0, 2)}${first.height.toFixed(2)}`;
  }
}

/** A body line pdfmake is about to put on a page (not in a table or column). */
export interface OfferedLine {
  /** Page, 0-based. */
  page: number;
  /** The block id, on a block's first line only. */
  id?: string;
  height: number;
  /** Top of the line, pt from the top of the page. */
  top: number;
  /** Points left for body lines on the page. */
  available: number;
  /** Points a fresh page gives body lines. */
  pageRoom: number;
  /** Internal link destinations on the line. */
  links: readonly string[];
  /**
   * Points more the foot of this page (or of a fresh page) would take if lines linking to `destinations`
   * went on it (footnotes); none when no flow places notes.
   */
  noteRoom?: (destinations: readonly string[], freshPage: boolean) => number;
}

/** Is `id` a heading or run-in label (kept with what follows)? */
const KEPT_WITH_NEXT = /^[hk]-/;
/** Is `id` a block the widow and orphan rule applies to? */
const UNSPLIT_EDGES = /^[pk]-/;
/** Lines further apart than this on one page belong to different blocks. */
const SAME_BLOCK = 0.5;

/** Room on the pages lines are put on, one after another, footnotes included. */
class PageFill {
  /** Lines put on each page so far. */
  readonly counts = [0];
  private used = 0;
  private links: string[] = [];
  private fresh = false;

  constructor(
    private room: number,
    private readonly pageRoom: number,
    private readonly noteRoom: OfferedLine['noteRoom'],
  ) {}

  private need(line: MeasuredLine): number {
    const links = line.links.length > 0 ? [...this.links, ...line.links] : this.links;
    return this.used + line.height + (this.noteRoom && links.length > 0 ? this.noteRoom(links, this.fresh) : 0);
  }

  /** Does `line` still fit on the current page? */
  fits(line: MeasuredLine): boolean {
    return this.need(line) <= this.room;
  }

  /** Put `line` on the current page, or start the next page with it (a page holding none yet keeps it: it would fit nowhere). */
  put(line: MeasuredLine): void {
    if (!this.fits(line) && (this.counts.length === 1 || this.counts[this.counts.length - 1]! > 0)) {
      this.counts.push(0);
      this.room = this.pageRoom;
      this.used = 0;
      this.links = [];
      this.fresh = true;
    }
    this.counts[this.counts.length - 1]! += 1;
    this.used += line.height;
    if (line.links.length > 0) this.links = [...this.links, ...line.links];
  }

  /** Space between blocks on the current page. */
  skip(points: number): void {
    this.used += points;
  }
}

/**
 * One layout run's keeper: measures every body line it is told of (for the next layout) and, given the
 * previous layout's measures, answers whether a line may go on its page.
 */
export class KeepFlow {
  readonly measured = new BlockMeasures();
  private current: MeasuredBlock | undefined;
  private lastPage = -1;
  private lastBottom = 0;

  constructor(private readonly previous: BlockMeasures | undefined) {}

  /** Whether this run keeps blocks together (it has a layout's measures to go by). */
  get keeping(): boolean {
    return this.previous !== undefined;
  }

  /** False: the line's block (and the headings before it) should start the next page. */
  offer(line: OfferedLine): boolean {
    const previous = this.previous;
    // The first line of a page stays; only a block's first line is decided, and only from measures.
    if (!previous || line.id === undefined || line.page !== this.lastPage) return true;
    const at = previous.index.get(line.id);
    if (at === undefined) return true;
    const before = previous.blocks[at - 1];
    // A block after a heading or label was decided with it.
    if (before && KEPT_WITH_NEXT.test(before.id)) return true;
    const fill = new PageFill(line.available, line.pageRoom, line.noteRoom);
    let i = at;
    // The headings and labels that go on with what follows, then the block they go with.
    while (i < previous.blocks.length && KEPT_WITH_NEXT.test(previous.blocks[i]!.id)) {
      const block = previous.blocks[i]!;
      if (i > at) fill.skip(previous.gapBefore(i));
      for (const measured of block.lines) {
        if (!fill.fits(measured)) return false;
        fill.put(measured);
      }
      i++;
    }
    const next = previous.blocks[i];
    // What follows is unknown (a table's rows, content without an id): the rounds judge it.
    if (!next || next.id.startsWith('#')) return true;
    const kept = i > at;
    const chain = fill.counts[0]!;
    if (kept) fill.skip(previous.gapBefore(i));
    for (const measured of next.lines) fill.put(measured);
    const pages = fill.counts;
    const first = pages[0]! - chain;
    const last = pages[pages.length - 1]!;
    // A heading or label must have something of what follows below it; a paragraph none of whose lines fit moves anyway.
    if (first === 0) return !kept;
    if (pages.length === 1 || !UNSPLIT_EDGES.test(next.id) || next.lines.length < 2) return true;
    return first >= 2 && last >= 2;
  }

  /** Record a line pdfmake put on a page. */
  placed(line: OfferedLine): void {
    const samePage = line.page === this.lastPage;
    if (line.id !== undefined) this.start(line.id, samePage ? line.top - this.lastBottom : undefined);
    // A line without an id below a gap on its page starts content the keeper cannot name.
    else if (!this.current || (samePage && line.top - this.lastBottom > SAME_BLOCK)) this.start(`#${this.measured.blocks.length}`);
    this.current!.lines.push({ height: line.height, links: line.links });
    this.lastPage = line.page;
    this.lastBottom = line.top + line.height;
  }

  /** Record something other than a body line (a table row, a line of a column) that went on `page`, ending at `bottom`. */
  other(page: number, bottom: number): void {
    if (!this.current?.id.startsWith('#')) this.start(`#${this.measured.blocks.length}`);
    this.lastBottom = page === this.lastPage ? Math.max(this.lastBottom, bottom) : bottom;
    this.lastPage = page;
  }

  private start(id: string, gapBefore?: number): void {
    this.current = { id, lines: [], ...(gapBefore !== undefined ? { gapBefore } : {}) };
    this.measured.add(this.current);
  }
}
