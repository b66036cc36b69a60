// pdfmake driver: configures the process-wide pdfmake singleton once (bundled fonts, URL and
// local-file access policies, the per-page footnote reserve and line-flow hooks, the footer hook
// that places blocks laid out once, dropping a definition's content when its layout ends, one word
// layout cache per font file shared by the documents of the process, one set of decoded tables per
// font file), turns one fresh definition into a laid-out pdfkit document whose pages are drawn only
// when it is kept (or, for measuring, lays it out without drawing anything, keeping the laid-out
// pages), reads back where footnote references landed, and serialises the bytes.
// Must not build document content or decide styles.
import { requirePdfStack } from './stack.js';
import type Pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { bundledFontFiles, pdfmakeFontDictionary, preloadedFonts } from './fonts.js';
import { drawnRecord, installRecording, type DrawnRecord } from './drawn.js';
import { laidOutRecord, type LaidOutPage } from './laid-out.js';
import type { OfferedLine } from './keep.js';
import { installPageBreakScan } from './page-breaks.js';
import { installSpeedups, speedupsEnabled } from './speedups.js';
import { installLatinShaping } from './latin-shaping.js';

/**
 * Key of a function on the `pageMargins` object that tells how many points at the foot of a
 * page (0-based index) are reserved for that page's footnotes.
 */
export const FOOTNOTE_RESERVE = Symbol.for('docketpress.pdf.footnoteReserve');

/**
 * Key of a function on the `pageMargins` object that starts a `LineFlow` for one layout (pdfmake
 * may lay a document out more than once: `pageBreakBefore` restarts it; each start gets a fresh
 * flow). With a flow, room at the foot of a page is taken while the page fills up.
 */
export const FOOTNOTE_FLOW = Symbol.for('docketpress.pdf.footnoteFlow');

/**
 * Key of a function on the `pageMargins` object that starts a `LineKeeper` for one layout run (each start of
 * pdfmake's layout gets a fresh one, as with FOOTNOTE_FLOW).
 */
export const LINE_KEEPER = Symbol.for('docketpress.pdf.lineKeeper');

/** Page margins as an object, optionally with a footnote reserve for each page. */
export interface ReservingMargins {
  left: number;
  top: number;
  right: number;
  bottom: number;
  [FOOTNOTE_RESERVE]?: (pageIndex: number) => number;
  [FOOTNOTE_FLOW]?: () => LineFlow;
  [LINE_KEEPER]?: () => LineKeeper;
}

/** Where pdfkit will draw the rectangle of an internal link (PDF user space, y up). */
export interface FlowLink {
  destination: string;
  rect: [number, number, number, number];
}

/**
 * Decides, while pdfmake fills a page, how much room its foot keeps. `place` is asked before a
 * body line (or an unbreakable block, e.g. a table row) that holds internal links is put on a
 * page; it answers the points the page must give up below it, or false to move the line to the
 * next page. A line that was refused (or did not fit) once is offered again with `retry` set,
 * and must then be accepted (pdfmake would otherwise drop it).
 */
export interface LineFlow {
  /** Points kept at the foot of a page (0-based) when pdfmake (re)starts filling it. */
  reserve(pageIndex: number): number;
  place(pageIndex: number, links: FlowLink[], retry: boolean): number | false;
  /** Points more the foot of page `pageIndex` (or of a fresh page) would keep if lines linking to `destinations` went on it. */
  roomFor?(pageIndex: number, destinations: readonly string[], freshPage: boolean): number;
}

/**
 * Told of every line of the body's own flow (not of tables, columns, header or footer) before pdfmake puts it on
 * a page. `offer` answering false sends the line to the next page, where it is put without being offered again,
 * below its block's top margin — where a page break before the block would have put it. `placed` follows every
 * line that went on a page, `other` everything else the body's flow put on one.
 */
export interface LineKeeper {
  offer(line: OfferedLine): boolean;
  placed(line: OfferedLine): void;
  /** Something else went on page `page` (a table row, a line of a column), its bottom `bottom` pt from the page's top. */
  other(page: number, bottom: number): void;
}

/** A rendered but not yet ended pdfkit document (drawn pages are already written out). */
export interface LaidOutDocument extends NodeJS.ReadableStream {
  info: Record<string, unknown>;
  end(): void;
}

const require = requirePdfStack;
const pdfmake = require('pdfmake') as typeof Pdfmake;
let configured = false;

/** The pdfmake objects the hooks below touch (internal classes of pdfmake 0.3). */
interface FontLike {
  ascender: number;
  descender: number;
}
interface InlineLike {
  fontSize: number;
  font: FontLike;
  linkToDestination?: string | null;
  sup?: boolean;
  sub?: boolean;
}
interface LineLike {
  y?: number;
  id?: string;
  /** The content node of a line that has an id (pdfmake keeps it for page references). */
  _node?: { _margin?: number[] };
  inlines: InlineLike[];
  getHeight(): number;
  getAscenderHeight(): number;
}
interface SnapshotLike {
  page: number;
  availableHeight: number;
  bottomMost?: { page: number; availableHeight: number };
}
interface ContextLike {
  page: number;
  y: number;
  availableHeight: number;
  pageMargins?: ReservingMargins;
  moveDown(offset: number): unknown;
  snapshots: SnapshotLike[];
  getCurrentPage(): { pageSize: { height: number } } | null;
}
interface FragmentLike {
  height: number;
  items: Array<{ type: string; item: LineLike }>;
}
interface WriterLike {
  context(): ContextLike;
}

/**
 * What a layout run's margins start under `key` (its flow, its keeper), one per run: the run's main, page-sized
 * context, made on first use; none when the margins have no such function.
 */
function startedBy<T extends object>(context: ContextLike, key: typeof FOOTNOTE_FLOW | typeof LINE_KEEPER, started: WeakMap<ContextLike, T>): T | undefined {
  const start = context.pageMargins?.[key] as (() => T) | undefined;
  if (typeof start !== 'function') return undefined;
  let value = started.get(context);
  if (!value) {
    value = start();
    started.set(context, value);
  }
  return value;
}
const flows = new WeakMap<ContextLike, LineFlow>();
const keepers = new WeakMap<ContextLike, LineKeeper>();
const flowOf = (context: ContextLike): LineFlow | undefined => startedBy(context, FOOTNOTE_FLOW, flows);
const keeperOf = (context: ContextLike): LineKeeper | undefined => startedBy(context, LINE_KEEPER, keepers);

/** Lines a keeper sent to the next page (put there, below their block's top margin, without asking again). */
const keptBack = new WeakSet<object>();

/** Lines and blocks pdfmake failed to place once (they must be accepted when offered again). */
const refused = new WeakSet<object>();

/**
 * Internal links of a line whose top is at `top` (pt from the top of the page), with the
 * rectangles pdfkit will give them: pdfmake's Renderer puts each inline's baseline on the
 * line's and raises a superscript 0.75 of its size; pdfkit's link box starts at the text's top
 * and is as tall as the font's ascent − descent.
 */
function lineLinks(line: LineLike, top: number, pageHeight: number, out: FlowLink[]): void {
  let ascender: number | undefined;
  for (const inline of line.inlines) {
    const destination = inline.linkToDestination;
    if (typeof destination !== 'string' || destination === '') continue;
    ascender ??= line.getAscenderHeight();
    const size = inline.fontSize;
    let y = top + ascender - (inline.font.ascender / 1000) * size;
    if (inline.sup) y -= size * 0.75;
    if (inline.sub) y += size * 0.35;
    const height = ((inline.font.ascender - inline.font.descender) / 1000) * size;
    out.push({ destination, rect: [0, pageHeight - y - height, 0, pageHeight - y] });
  }
}

/** Take `points` from the room left on `page`, in the context and in its open column groups. */
function takeRoom(context: ContextLike, page: number, points: number): void {
  if (points === 0) return;
  if (context.page === page) context.availableHeight -= points;
  for (const snapshot of context.snapshots) {
    if (snapshot.page === page) snapshot.availableHeight -= points;
    if (snapshot.bottomMost && snapshot.bottomMost.page === page) snapshot.bottomMost.availableHeight -= points;
  }
}

/**
 * Offers a line or block with footnote links to the flow: refused (false) when it does not fit or the flow
 * wants it on the next page; else `add` places it and the footnotes' room is taken from the page.
 */
function placeWithFlow<T>(item: object, height: number, context: ContextLike, flow: LineFlow, links: FlowLink[], add: () => T): T | false {
  const retry = refused.has(item);
  const points = height > context.availableHeight ? false : flow.place(context.page, links, retry);
  if (points === false) {
    refused.add(item);
    return false;
  }
  const pageIndex = context.page;
  const result = add();
  takeRoom(context, pageIndex, points);
  return result;
}

/** A line about to go on the current page, as a LineKeeper is told of it. */
function offeredLine(line: LineLike, context: ContextLike, page: { pageSize: { height: number } }): OfferedLine {
  const margins = context.pageMargins;
  const links: string[] = [];
  for (const inline of line.inlines) if (typeof inline.linkToDestination === 'string' && inline.linkToDestination !== '') links.push(inline.linkToDestination);
  const flow = flowOf(context);
  const pageIndex = context.page;
  return {
    page: pageIndex,
    ...(line.id !== undefined ? { id: line.id } : {}),
    height: line.getHeight(),
    top: context.y + (line.y ?? 0),
    available: context.availableHeight,
    pageRoom: page.pageSize.height - (margins?.top ?? 0) - (margins?.bottom ?? 0),
    links,
    ...(flow?.roomFor ? { noteRoom: (destinations: readonly string[], freshPage: boolean) => flow.roomFor?.(pageIndex, destinations, freshPage) ?? 0 } : {}),
  };
}

/** Hooks pdfmake's ElementWriter so a LineKeeper sees every body line, and a LineFlow every line and block with internal links. */
function installFlowHook(): void {
  const mod = require('pdfmake/js/ElementWriter.js') as {
    default?: {
      prototype: {
        addLine?: (this: WriterLike, line: LineLike, dontUpdateContextPosition?: boolean, index?: number) => unknown;
        addFragment?: (this: WriterLike, block: FragmentLike, useBlockXOffset?: boolean, useBlockYOffset?: boolean, dontUpdate?: boolean) => unknown;
      };
    };
  };
  const proto = mod.default?.prototype;
  const addLine = proto?.addLine;
  const addFragment = proto?.addFragment;
  if (!proto || typeof addLine !== 'function' || typeof addFragment !== 'function') {
    throw new Error('pdfmake internals changed: ElementWriter.prototype.addLine/addFragment not found');
  }
  proto.addLine = function addLineWithFlow(this: WriterLike, line, dontUpdateContextPosition, index) {
    const context = this.context();
    const page = context.getCurrentPage();
    const keeper = !dontUpdateContextPosition && page ? keeperOf(context) : undefined;
    if (!keeper || !page) return addLineThroughFlow.call(this, line, dontUpdateContextPosition, index);
    if (context.snapshots.length > 0) {
      // A line of a table cell or column: the keeper only learns that something is there.
      const pageIndex = context.page;
      const bottom = context.y + (line.y ?? 0) + line.getHeight();
      const placed = addLineThroughFlow.call(this, line, dontUpdateContextPosition, index);
      if (placed !== false) keeper.other(pageIndex, bottom);
      return placed;
    }
    const retry = keptBack.delete(line);
    if (retry) context.moveDown(line._node?._margin?.[1] ?? 0);
    const offered = offeredLine(line, context, page);
    if (!retry && !keeper.offer(offered)) {
      keptBack.add(line);
      return false;
    }
    const placed = addLineThroughFlow.call(this, line, dontUpdateContextPosition, index);
    if (placed !== false) keeper.placed(offered);
    return placed;
  };
  const addLineThroughFlow = function (this: WriterLike, line: LineLike, dontUpdateContextPosition?: boolean, index?: number): unknown {
    const context = this.context();
    const flow = dontUpdateContextPosition ? undefined : flowOf(context);
    const page = context.getCurrentPage();
    if (!flow || !page) return addLine.call(this, line, dontUpdateContextPosition, index);
    const links: FlowLink[] = [];
    lineLinks(line, context.y + (line.y ?? 0), page.pageSize.height, links);
    if (links.length === 0) return addLine.call(this, line, dontUpdateContextPosition, index);
    return placeWithFlow(line, line.getHeight(), context, flow, links, () => addLine.call(this, line, dontUpdateContextPosition, index));
  };
  proto.addFragment = function addFragmentWithFlow(this: WriterLike, block, useBlockXOffset, useBlockYOffset, dontUpdate) {
    const context = this.context();
    const pageIndex = context.page;
    const top = context.y;
    const placed = addFragmentThroughFlow.call(this, block, useBlockXOffset, useBlockYOffset, dontUpdate);
    const keeper = useBlockXOffset || useBlockYOffset || placed === false ? undefined : keeperOf(context);
    // A table row set as one piece (or another unbreakable block): the keeper learns that something is there.
    keeper?.other(pageIndex, top + block.height);
    return placed;
  };
  const addFragmentThroughFlow = function (this: WriterLike, block: FragmentLike, useBlockXOffset?: boolean, useBlockYOffset?: boolean, dontUpdate?: boolean): unknown {
    const context = this.context();
    const flow = useBlockXOffset || useBlockYOffset ? undefined : flowOf(context);
    const page = context.getCurrentPage();
    if (!flow || !page) return addFragment.call(this, block, useBlockXOffset, useBlockYOffset, dontUpdate);
    const links: FlowLink[] = [];
    for (const item of block.items) {
      if (item.type === 'line') lineLinks(item.item, context.y + (item.item.y ?? 0), page.pageSize.height, links);
    }
    if (links.length === 0) return addFragment.call(this, block, useBlockXOffset, useBlockYOffset, dontUpdate);
    return placeWithFlow(block, block.height, context, flow, links, () => addFragment.call(this, block, useBlockXOffset, useBlockYOffset, dontUpdate));
  };
}

/**
 * pdfmake has no footnote area: its layout gives every page the same body height. The hook
 * below lets one document (and only one whose `pageMargins` object carries FOOTNOTE_RESERVE)
 * shorten the body of a page when pdfmake starts laying out that page.
 */
function installReserveHook(): void {
  const mod = require('pdfmake/js/DocumentContext.js') as {
    default?: { prototype: { initializePage?: (this: ContextLike) => void } };
  };
  const proto = mod.default?.prototype;
  const original = proto?.initializePage;
  if (!proto || typeof original !== 'function') {
    throw new Error('pdfmake internals changed: DocumentContext.prototype.initializePage not found');
  }
  proto.initializePage = function initializePageWithFootnotes(this: ContextLike) {
    original.call(this);
    const reserve = this.pageMargins?.[FOOTNOTE_RESERVE];
    if (typeof reserve === 'function') {
      const points = reserve(this.page);
      if (points > 0) this.availableHeight -= points;
    }
    const flow = flowOf(this);
    if (flow) {
      const points = flow.reserve(this.page);
      if (points > 0) this.availableHeight -= points;
    }
  };
}

/**
 * pdfkit shapes every word again in every document (it caches word layouts per document).
 * Shaping gives the same glyphs and advances for the same font bytes, so the documents of a
 * process share one word layout cache per font file. What each document embeds (its own
 * subset, built from the glyph ids it draws) is unchanged.
 */
/** pdfkit's EmbeddedFont, as far as word layout caching goes. */
interface EmbeddedFontLike {
  font: { stream?: { buffer?: object } };
  layoutCache?: Record<string, unknown>;
  layoutCached(text: string): unknown;
  layout(text: string, features: unknown, onlyWidth: boolean): { advanceWidth: number };
  widthOfString(text: string, size: number, features: unknown): number;
}
let layoutSharingInstalled = false;
const layoutCaches = new WeakMap<object, Record<string, unknown>>();
const SHARED_CACHE = Symbol('docketpress.sharedLayoutCache');

/** Make every pdfkit EmbeddedFont use one word layout cache per (shared) fontkit font. */
function installLayoutSharing(sample: EmbeddedFontLike): void {
  if (layoutSharingInstalled) return;
  const proto = Object.getPrototypeOf(sample) as EmbeddedFontLike;
  const original = proto.layoutCached;
  if (typeof original !== 'function') throw new Error('pdfkit internals changed: EmbeddedFont.prototype.layoutCached not found');
  proto.layoutCached = function layoutCachedShared(this: EmbeddedFontLike & { [SHARED_CACHE]?: true }, text: string) {
    if (!speedupsEnabled()) return original.call(this, text);
    if (this.layoutCache && !this[SHARED_CACHE]) {
      const key = this.font.stream?.buffer ?? this.font;
      const shared = layoutCaches.get(key);
      if (shared) this.layoutCache = shared;
      else layoutCaches.set(key, this.layoutCache);
      this[SHARED_CACHE] = true;
    }
    return original.call(this, text);
  };
  // Widths of whole strings too (pdfkit re-walks a string's words for every width asked).
  const widths = new WeakMap<object, Map<string, number>>();
  proto.widthOfString = function widthOfStringShared(this: EmbeddedFontLike, text: string, size: number, features: unknown) {
    let width: number | undefined;
    if (features) width = this.layout(text, features, true).advanceWidth;
    else {
      const key = this.font.stream?.buffer ?? this.font;
      let known = widths.get(key);
      if (!known) widths.set(key, (known = new Map()));
      width = known.get(text);
      if (width === undefined) {
        width = this.layout(text, features, true).advanceWidth;
        known.set(text, width);
      }
    }
    return width * (size / 1000);
  };
  layoutSharingInstalled = true;
}

/**
 * pdfmake's Printer keeps the document definition, and so every measured content node, until
 * the last page is drawn, though layout is over: drawing needs only the laid-out pages. Every
 * definition this engine hands pdfmake is fresh and used once, so its content is dropped (and
 * the layout builder's node lists with it) as soon as layout ends.
 */
function installReleaseHook(): void {
  interface BuilderLike {
    linearNodeList?: unknown[];
    docPreprocessor?: unknown;
    docMeasure?: unknown;
  }
  const mod = require('pdfmake/js/LayoutBuilder.js') as {
    default?: { prototype: { layoutDocument?: (this: BuilderLike, content: unknown, ...rest: unknown[]) => unknown } };
  };
  const proto = mod.default?.prototype;
  const original = proto?.layoutDocument;
  if (!proto || typeof original !== 'function') throw new Error('pdfmake internals changed: LayoutBuilder.prototype.layoutDocument not found');
  proto.layoutDocument = function layoutDocumentReleasing(this: BuilderLike, content: unknown, ...rest: unknown[]) {
    const pages = original.call(this, content, ...rest);
    if (!speedupsEnabled()) return pages;
    if (Array.isArray(content)) content.length = 0;
    this.linearNodeList = [];
    this.docPreprocessor = undefined;
    this.docMeasure = undefined;
    return pages;
  };
}

/** fontkit's TrueType font, as far as decoding its tables goes. */
interface TrueTypeLike {
  stream: { buffer: object };
  variationCoords: unknown;
  _directoryPos: number;
  _tables: Record<string, unknown>;
  directory: unknown;
  _decodeDirectory(): unknown;
}
let tableSharingInstalled = false;
/** The font files whose parses share decoded tables: the bundled fonts handed to pdfmake. */
const sharedFontFiles = new WeakSet<object>();

/**
 * pdfkit parses a font file again for every document it embeds it in, and fontkit decodes every table a
 * document reads (names, metrics, character map, layout tables) again for each parse: most of the cost of a
 * typesetting round's fresh document. Decoded tables are a function of the file's bytes and are only read
 * (fontkit's subsetter copies the ones it changes), so the parses of one bundled file share its directory
 * and tables; each parse keeps its own glyph cache, and each document its own subset, widths and ToUnicode map.
 */
function installTableSharing(sample: TrueTypeLike): void {
  if (tableSharingInstalled) return;
  const proto = Object.getPrototypeOf(sample) as TrueTypeLike;
  const decodeDirectory = proto._decodeDirectory;
  if (typeof decodeDirectory !== 'function' || !('_tables' in sample)) throw new Error('fontkit internals changed: TTFFont.prototype._decodeDirectory not found');
  const decoded = new WeakMap<object, { directory: unknown; tables: Record<string, unknown> }>();
  proto._decodeDirectory = function decodeDirectoryShared(this: TrueTypeLike) {
    const file = this.stream.buffer;
    if (!speedupsEnabled() || !sharedFontFiles.has(file) || this.variationCoords || this._directoryPos !== 0) return decodeDirectory.call(this);
    const known = decoded.get(file);
    if (known) {
      this._tables = known.tables;
      this.directory = known.directory;
      return known.directory;
    }
    const directory = decodeDirectory.call(this);
    decoded.set(file, { directory, tables: this._tables });
    return directory;
  };
  tableSharingInstalled = true;
}

/** Register bundled fonts and access policies on the pdfmake singleton (once per process). */
export function configurePdfmake(): void {
  if (configured) return;
  const allowed = bundledFontFiles();
  pdfmake.addFonts(pdfmakeFontDictionary());
  // Nothing is ever fetched: content cannot pull images or fonts from the network.
  pdfmake.setUrlAccessPolicy(() => false);
  // Only the bundled font files may be read; standard-font names and any other path are refused.
  pdfmake.setLocalAccessPolicy((file: string) => allowed.has(file));
  installReserveHook();
  installFlowHook();
  installPageBlocksHook();
  installPageBreakScan();
  installReleaseHook();
  installSpeedups();
  installRecording();
  installDeferredDrawing();
  configured = true;
}

interface VirtualFs {
  existsSync(file: string): boolean;
  writeFileSync(file: string, content: Buffer): void;
}

/**
 * Hand pdfmake the decompressed copies of bundled fonts through its in-memory file system,
 * under the same names as the registered files, so pdfkit parses plain TrueType.
 */
function shareDecompressedFonts(): void {
  const vfs = (pdfmake as unknown as { virtualfs?: VirtualFs }).virtualfs;
  if (!vfs) return;
  for (const [file, bytes] of preloadedFonts()) {
    sharedFontFiles.add(bytes);
    if (!vfs.existsSync(file)) vfs.writeFileSync(file, bytes);
  }
}

/** Key on a definition's margins object: its pages are drawn by `draw`, not as soon as they are laid out. */
export const DRAW_LATER = Symbol.for('docketpress.pdf.drawLater');

interface PendingDrawing {
  renderer: object;
  pages: LaidOutPage[];
  /** What drawing the pages will record (read from them), once asked for; null: they must be drawn to tell. */
  record?: DrawnRecord | null;
}
/** Documents laid out and not drawn yet, with their renderer and pages. */
const pending = new WeakMap<object, PendingDrawing>();
/** pdfmake's Renderer.renderPages as wrapped by the speed patches and the recording (it draws). */
let drawPages: ((this: object, pages: LaidOutPage[]) => unknown) | undefined;

/**
 * pdfmake draws a document's pages as soon as they are laid out; most layouts of a render are thrown away
 * (a typesetting round or footnote pass lays the document out again). Pages of a document whose margins
 * carry DRAW_LATER wait, with their renderer, until `draw`; `record` reads what they will draw from them.
 */
function installDeferredDrawing(): void {
  const mod = require('pdfmake/js/Renderer.js') as { default?: { prototype: { renderPages?: (this: { pdfDocument: object }, pages: LaidOutPage[]) => unknown } } };
  const proto = mod.default?.prototype;
  const original = proto?.renderPages;
  if (!proto || typeof original !== 'function') throw new Error('pdfmake internals changed: Renderer.prototype.renderPages not found');
  drawPages = original as NonNullable<typeof drawPages>;
  proto.renderPages = function renderPagesLater(this: { pdfDocument: object }, pages: LaidOutPage[]) {
    const margins = (pages[0] as { pageMargins?: Record<symbol, unknown> } | undefined)?.pageMargins;
    if (margins?.[DRAW_LATER] !== true) return original.call(this, pages);
    pending.set(this.pdfDocument, { renderer: this, pages });
    return undefined;
  };
}

/**
 * Lay out `definition` (a fresh object: pdfmake mutates it); the document is not ended. With the speed
 * patches on, its pages are drawn only when `draw` (or `finish`) is called, or when `record` cannot read
 * what they draw without drawing them; else they are drawn now.
 */
export async function layOut(definition: TDocumentDefinitions): Promise<LaidOutDocument> {
  configurePdfmake();
  shareDecompressedFonts();
  getMeasuringDocument();
  const margins = (definition as { pageMargins?: unknown }).pageMargins;
  if (speedupsEnabled() && typeof margins === 'object' && margins !== null && !Array.isArray(margins)) {
    (margins as Record<symbol, unknown>)[DRAW_LATER] = true;
  }
  const doc = await pdfmake.createPdf(definition).getStream();
  return doc as unknown as LaidOutDocument;
}

/** Let go of the pages of a laid-out document that will not be drawn (the next layout replaces it). */
export function discard(doc: LaidOutDocument): void {
  pending.delete(doc);
}

/** Draw the pages of a laid-out document that are waiting to be drawn (see layOut); nothing if it is drawn. */
export function draw(doc: LaidOutDocument): void {
  const waiting = pending.get(doc);
  if (!waiting || !drawPages) return;
  pending.delete(doc);
  drawPages.call(waiting.renderer, waiting.pages);
}

interface PdfmakeSingleton {
  fonts?: Record<string, unknown>;
  virtualfs?: unknown;
  localAccessPolicy?: (file: string) => boolean;
}
interface LayoutPage {
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
  items: Array<{ type: string; item: { y?: number; _height?: number; y1?: number; y2?: number; h?: number; getHeight?: () => number } }>;
}
type LayoutBuilderClass = new (pageSize: unknown, pageMargins: unknown, svgMeasure: unknown) => {
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(...args: unknown[]): LayoutPage[];
};

/** A pdfkit document kept for measuring only (never drawn on nor ended): its fonts load once. */
let measuringDocument: { font(src: Buffer): { _font: EmbeddedFontLike } } | undefined;

function getMeasuringDocument(): NonNullable<typeof measuringDocument> {
  if (!measuringDocument) {
    const singleton = pdfmake as unknown as PdfmakeSingleton;
    const { default: PdfKitDocument } = require('pdfmake/js/PDFDocument.js') as { default: new (...args: unknown[]) => NonNullable<typeof measuringDocument> };
    measuringDocument = new PdfKitDocument(singleton.fonts ?? {}, {}, {}, {}, { autoFirstPage: false, font: null, compress: false }, singleton.virtualfs, singleton.localAccessPolicy);
  }
  if (!layoutSharingInstalled) {
    const sample = preloadedFonts().values().next().value;
    if (sample) {
      const font = measuringDocument.font(sample)._font;
      installLayoutSharing(font);
      installLatinShaping(font);
      installTableSharing(font.font as unknown as TrueTypeLike);
    }
  }
  return measuringDocument;
}

/**
 * Bottom of an auto-height page's content (as pdfmake's Printer computes it before drawing):
 * the lowest item bottom plus the bottom margin.
 */
function autoPageHeight(page: LayoutPage): number {
  let height = page.pageMargins.top;
  for (const { type, item } of page.items) {
    let itemHeight = 0;
    if (typeof item.getHeight === 'function') itemHeight = item.getHeight();
    else if (item._height) itemHeight = item._height;
    else if (type === 'vector') itemHeight = item.y1 !== undefined ? Math.max(item.y1, item.y2 ?? 0) : (item.h ?? 0);
    height = Math.max(height, (item.y ?? 0) + itemHeight);
  }
  return height + page.pageMargins.bottom;
}

/** Content laid out once, on its own auto-height page, to be placed on pages of documents later. */
export interface LaidOutBlock {
  /** Height of the content (as pdfmake's Printer sizes an auto-height page). */
  height: number;
  /** pdfmake's page items, positioned from the top left of the auto-height page. */
  items: LayoutPage['items'];
}

/**
 * Lay `definition` out as pdfmake would, without drawing or serialising anything, and return
 * every page: its height (content height for `height: 'auto'` pages) and its laid-out items.
 * Only content, styles, page size, margins and `pageBreakBefore` are read: no header, footer
 * or background.
 */
export function layOutPages(definition: TDocumentDefinitions): LaidOutBlock[] {
  configurePdfmake();
  shareDecompressedFonts();
  const { default: LayoutBuilder } = require('pdfmake/js/LayoutBuilder.js') as { default: LayoutBuilderClass };
  const { default: SVGMeasure } = require('pdfmake/js/SVGMeasure.js') as { default: new () => unknown };
  const sizes = require('pdfmake/js/PageSize.js') as {
    normalizePageSize(size: unknown, orientation: unknown): { width: number; height: number };
    normalizePageMargin(margin: unknown): unknown;
  };
  const { tableLayouts } = require('pdfmake/js/tableLayouts.js') as { tableLayouts: unknown };
  const measuring = getMeasuringDocument();
  const def = definition as unknown as Record<string, unknown>;
  const pageSize = sizes.normalizePageSize(def['pageSize'], def['pageOrientation']);
  const builder = new LayoutBuilder(pageSize, sizes.normalizePageMargin(def['pageMargins'] ?? 40), new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  const pages = builder.layoutDocument(def['content'], measuring, def['styles'] ?? {}, def['defaultStyle'], undefined, undefined, undefined, undefined, def['pageBreakBefore']);
  return pages.map((page) => {
    // A line's content node (kept for page references, which placed blocks never have) would keep its node alive.
    for (const { type, item } of page.items) if (type === 'line' && '_node' in item) (item as { _node?: unknown })._node = undefined;
    return { height: page.pageSize.height === Infinity ? autoPageHeight(page) : page.pageSize.height, items: page.items };
  });
}

/**
 * Key of a function on a document's `footer` function that answers, for a page (0-based), the
 * laid-out blocks (from `layOutPages`) to put on it and where (pt from the top left of the
 * page). They join the page's items just before its footer, as if the footer had laid them out.
 */
export const PAGE_BLOCKS = Symbol.for('docketpress.pdf.pageBlocks');

/** A laid-out block and where its top left goes on a page. */
export interface PlacedBlock {
  block: LaidOutBlock;
  x: number;
  y: number;
}

interface LayoutFontLike {
  fontCache?: Record<string, Record<string, object>>;
  provideFont(family: string, bold: boolean, italics: boolean): object;
}

/** Family and face of every font the measuring document loaded, by font object. */
function measuringFaces(): Map<object, { family: string; bold: boolean; italics: boolean }> {
  const faces = new Map<object, { family: string; bold: boolean; italics: boolean }>();
  const cache = (measuringDocument as unknown as LayoutFontLike | undefined)?.fontCache ?? {};
  for (const [family, types] of Object.entries(cache)) {
    for (const [type, font] of Object.entries(types)) {
      faces.set(font, { family, bold: type === 'bold' || type === 'bolditalics', italics: type === 'italics' || type === 'bolditalics' });
    }
  }
  return faces;
}

interface PlacedLineLike {
  x?: number;
  y?: number;
  inlines: Array<{ font?: object }>;
  clone(): PlacedLineLike;
}

/**
 * Copy the items of laid-out blocks onto `page`, moved to their places, as pdfmake's
 * ElementWriter copies a fragment; words take `doc`'s copy of their font (the measuring
 * document's fonts belong to it).
 */
function placeBlocks(page: { items: Array<{ type: string; item: unknown }> }, doc: LayoutFontLike, placed: PlacedBlock[]): void {
  const tools = require('pdfmake/js/helpers/tools.js') as { pack(item: unknown): Record<string, unknown>; offsetVector(v: unknown, x: number, y: number): void };
  let faces: ReturnType<typeof measuringFaces> | undefined;
  const fonts = new Map<object, object>();
  const fontFor = (font: object): object => {
    let mapped = fonts.get(font);
    if (!mapped) {
      faces ??= measuringFaces();
      const face = faces.get(font);
      mapped = face ? doc.provideFont(face.family, face.bold, face.italics) : font;
      fonts.set(font, mapped);
    }
    return mapped;
  };
  for (const { block, x, y } of placed) {
    for (const { type, item } of block.items) {
      if (type === 'line') {
        const line = (item as PlacedLineLike).clone();
        line.x = (line.x ?? 0) + x;
        line.y = (line.y ?? 0) + y;
        // A word's style may sit on its prototype (see speedups): keep it.
        line.inlines = line.inlines.map((inline) =>
          inline.font ? Object.assign(Object.create(Object.getPrototypeOf(inline) as object) as object, inline, { font: fontFor(inline.font) }) : inline,
        );
        page.items.push({ type, item: line });
      } else if (type === 'vector') {
        const vector = tools.pack(item);
        // offsetVector moves a polyline's points in place: give the copy its own (the block is placed again by later passes).
        if (Array.isArray(vector['points'])) vector['points'] = (vector['points'] as Array<Record<string, unknown>>).map((point) => ({ ...point }));
        tools.offsetVector(vector, x, y);
        page.items.push({ type, item: vector });
      } else {
        const other = tools.pack(item);
        other['x'] = ((other['x'] as number | undefined) ?? 0) + x;
        other['y'] = ((other['y'] as number | undefined) ?? 0) + y;
        page.items.push({ type, item: other });
      }
    }
  }
}

type Repeatable = ((page: number, count: number, size: unknown) => unknown) & { [PAGE_BLOCKS]?: (pageIndex: number) => PlacedBlock[] | undefined };

/** Hooks pdfmake's footer layout so a footer function can bring laid-out blocks (PAGE_BLOCKS). */
function installPageBlocksHook(): void {
  const mod = require('pdfmake/js/LayoutBuilder.js') as {
    default?: {
      prototype: {
        addDynamicRepeatable?: (this: BuilderLike, getter: unknown, size: unknown, name: string) => unknown;
      };
    };
  };
  interface BuilderLike {
    writer: { context(): { pages: Array<{ items: Array<{ type: string; item: unknown }> }> } };
    docMeasure: { pdfDocument: LayoutFontLike };
  }
  const proto = mod.default?.prototype;
  const original = proto?.addDynamicRepeatable;
  if (!proto || typeof original !== 'function') throw new Error('pdfmake internals changed: LayoutBuilder.prototype.addDynamicRepeatable not found');
  proto.addDynamicRepeatable = function addDynamicRepeatableWithBlocks(this: BuilderLike, getter, size, name) {
    const blocks = typeof getter === 'function' ? (getter as Repeatable)[PAGE_BLOCKS] : undefined;
    if (name !== 'footer' || typeof blocks !== 'function') return original.call(this, getter, size, name);
    const footer = getter as Repeatable;
    const withBlocks = (pageNumber: number, count: number, pageSize: unknown) => {
      const placed = blocks(pageNumber - 1);
      const page = this.writer.context().pages[pageNumber - 1];
      if (placed && placed.length > 0 && page) placeBlocks(page, this.docMeasure.pdfDocument, placed);
      return footer(pageNumber, count, pageSize);
    };
    return original.call(this, withBlocks, size, name);
  };
}

/**
 * What a laid-out document drew (recorded while pdfmake drew it) or, if it waits to be drawn, what it
 * will draw (read from its pages; the same record: a test compares them for every sample).
 */
export function record(doc: LaidOutDocument): DrawnRecord {
  const waiting = pending.get(doc);
  if (waiting) {
    if (waiting.record === undefined) waiting.record = laidOutRecord(waiting.pages) ?? null;
    if (waiting.record) return waiting.record;
    draw(doc);
  }
  const drawn = drawnRecord(doc);
  if (!drawn) throw new Error('unreachable: the document was not laid out by the docketpress renderer');
  return drawn;
}

/** Where an internal link sits: 0-based page and its rectangle (PDF user space, y up). */
export interface LinkPlace {
  page: number;
  rect: [number, number, number, number];
}

/**
 * For every internal link whose destination starts with `prefix`, where its first occurrence
 * sits, keyed by the rest of the destination name.
 */
export function linkPlaces(doc: LaidOutDocument, prefix: string): Map<string, LinkPlace> {
  const result = new Map<string, LinkPlace>();
  for (const link of record(doc).links) {
    if (!link.destination.startsWith(prefix)) continue;
    const key = link.destination.slice(prefix.length);
    if (!result.has(key)) result.set(key, { page: link.page, rect: link.rect });
  }
  return result;
}

/** End a laid-out document (drawing it first if it waits to be drawn) and collect its bytes. */
export function finish(doc: LaidOutDocument): Promise<Uint8Array> {
  draw(doc);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      const buffer = Buffer.concat(chunks);
      resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    });
    doc.end();
  });
}
