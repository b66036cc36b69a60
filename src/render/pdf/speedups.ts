// Faster equivalents of pdfmake 0.3 hot paths (installed once per process by the engine): text
// measuring resolves the style stack once per text node instead of per word and property, and words
// of a run share one prototype holding their style; drawing sets adjacent same-style words of a line
// as one pdfkit text run (same glyphs at the same places, one link annotation per run); a page's
// content operators are written as one chunk; pages are released as soon as they are drawn. Each
// can be switched off (`setSpeedups(false)`, or DOCKETPRESS_PDF_SPEEDUPS=off): pdfmake's own code
// runs instead, and a test builds the samples both ways and compares the bytes. Must not decide
// layout, and records nothing (./drawn.ts records what is drawn, either way).
import { requirePdfStack } from './stack.js';
import { RECORD_ONLY_ID } from './drawn.js';

const require = requirePdfStack;

/** Whether the speed patches run (else each delegates to pdfmake's or pdfkit's own code). */
let enabled = process.env.DOCKETPRESS_PDF_SPEEDUPS !== 'off';

/** Switches every speed patch on or off, for renders from now on (same bytes either way: a test compares them). */
export function setSpeedups(on: boolean): void {
  enabled = on;
}

/** Whether the speed patches are on. */
export function speedupsEnabled(): boolean {
  return enabled;
}

// ── pdfmake internals touched here (pdfmake 0.3.11) ────────────────────────────────────────

type Item = Record<string, unknown> & { text: string };
interface StyleStack {
  getProperty(property: string): unknown;
}
export interface FontLike {
  ascender: number;
  lineHeight(size: number): number;
}
interface TextInlinesLike {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): FontLike };
  widthOfText(text: string, inline: Item): number;
}
export interface InlineLike {
  text: string;
  x: number;
  width: number;
  font: FontLike;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  sup?: boolean;
  sub?: boolean;
  link?: unknown;
  linkToDestination?: unknown;
  linkToPage?: unknown;
  fontFeatures?: unknown;
  characterSpacing?: number;
  _pageNodeRef?: unknown;
}
export interface LineLike {
  id?: string;
  _outline?: { id?: string; parentId?: string; text: string; expanded?: boolean };
  _pageNodeRef?: unknown;
  inlines: InlineLike[];
  getHeight(): number;
  getAscenderHeight(): number;
}
interface OutlineLike {
  addItem(title: string, options: { expanded?: boolean }): OutlineLike;
}
interface PdfKitLike {
  outline: OutlineLike;
  page: unknown;
  addPage(options: unknown): unknown;
  opacity(value: number): unknown;
  fillColor(color: unknown): unknown;
  resolveColor(color: unknown, fallback: unknown): unknown;
  fontSize(size: number): unknown;
  text(text: string, x: number, y: number, options: Record<string, unknown>): unknown;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
  _font: unknown;
  _pdfMakePages?: unknown;
}
interface PageLike {
  pageSize: { width: number; height: number };
  items: Array<{ type: string; item: unknown }>;
  watermark?: unknown;
}
interface RendererLike {
  pdfDocument: PdfKitLike;
  outlineMap: Record<string, OutlineLike>;
  progressCallback?: unknown;
  renderLine(line: LineLike, x: number, y: number): void;
  renderVector(item: unknown): void;
  renderImage(item: unknown): void;
  renderSVG(item: unknown): void;
  renderAttachment(item: unknown): void;
  beginClip(item: unknown): void;
  endClip(): void;
  beginVerticalAlignment(item: unknown): void;
  endVerticalAlignment(item: unknown): void;
  renderWatermark(page: PageLike): void;
}

function isValue(value: unknown): boolean {
  return value !== undefined && value !== null;
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/** The style of a word as TextInlines.measure resolves it (in the order it resolves it). */
interface Resolved {
  font: FontLike;
  alignment: unknown;
  fontSize: number;
  fontFeatures: unknown;
  characterSpacing: unknown;
  color: unknown;
  decoration: unknown;
  decorationColor: unknown;
  decorationStyle: unknown;
  decorationThickness: unknown;
  background: unknown;
  link: unknown;
  linkToPage: unknown;
  linkToDestination: unknown;
  noWrap: unknown;
  opacity: unknown;
  sup: unknown;
  sub: unknown;
  height: number;
  preserveLeadingSpaces: unknown;
  preserveTrailingSpaces: unknown;
}

function resolve(measurer: TextInlinesLike, item: Item, get: (item: Item, property: string, fallback: unknown) => unknown): Resolved {
  const font = measurer.pdfDocument.provideFont(get(item, 'font', 'Roboto'), get(item, 'bold', false), get(item, 'italics', false));
  const alignment = get(item, 'alignment', 'left');
  let fontSize = get(item, 'fontSize', 12) as number;
  const fontFeatures = get(item, 'fontFeatures', null);
  const characterSpacing = get(item, 'characterSpacing', 0);
  const color = get(item, 'color', 'black');
  const decoration = get(item, 'decoration', null);
  const decorationColor = get(item, 'decorationColor', null);
  const decorationStyle = get(item, 'decorationStyle', null);
  const decorationThickness = get(item, 'decorationThickness', null);
  const background = get(item, 'background', null);
  const link = get(item, 'link', null);
  const linkToPage = get(item, 'linkToPage', null);
  const linkToDestination = get(item, 'linkToDestination', null);
  const noWrap = get(item, 'noWrap', null);
  const opacity = get(item, 'opacity', 1);
  const sup = get(item, 'sup', false);
  const sub = get(item, 'sub', false);
  // Font size reduction as pdfmake's (https://en.wikipedia.org/wiki/Subscript_and_superscript#Desktop_publishing).
  if (sup || sub) fontSize *= 0.58;
  const lineHeight = get(item, 'lineHeight', 1) as number;
  return {
    font,
    alignment,
    fontSize,
    fontFeatures,
    characterSpacing,
    color,
    decoration,
    decorationColor,
    decorationStyle,
    decorationThickness,
    background,
    link,
    linkToPage,
    linkToDestination,
    noWrap,
    opacity,
    sup,
    sub,
    height: font.lineHeight(fontSize) * lineHeight,
    preserveLeadingSpaces: get(item, 'preserveLeadingSpaces', false),
    preserveTrailingSpaces: get(item, 'preserveTrailingSpaces', false),
  };
}

/** The properties TextInlines.measure sets from a word's resolved style. */
const RESOLVED = new Set([
  'font',
  'alignment',
  'fontFeatures',
  'characterSpacing',
  'color',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'link',
  'linkToPage',
  'linkToDestination',
  'noWrap',
  'opacity',
  'sup',
  'sub',
  'fontSize',
  'height',
]);

/** Set a word's resolved style on it, as TextInlines.measure does. */
function assignResolved(item: Record<string, unknown>, style: Resolved): void {
  item['font'] = style.font;
  item['alignment'] = style.alignment;
  item['fontFeatures'] = style.fontFeatures;
  item['characterSpacing'] = style.characterSpacing;
  item['color'] = style.color;
  item['decoration'] = style.decoration;
  item['decorationColor'] = style.decorationColor;
  item['decorationStyle'] = style.decorationStyle;
  item['decorationThickness'] = style.decorationThickness;
  item['background'] = style.background;
  item['link'] = style.link;
  item['linkToPage'] = style.linkToPage;
  item['linkToDestination'] = style.linkToDestination;
  item['noWrap'] = style.noWrap;
  item['opacity'] = style.opacity;
  item['sup'] = style.sup;
  item['sub'] = style.sub;
  item['fontSize'] = style.fontSize;
  item['height'] = style.height;
}

/** Per-word properties: never shared by a run of words. */
const OWN = new Set(['text', 'lineEnd', 'noNewLine', 'leadingIndent', 'leadingCut', 'trailingCut', 'width', 'x']);

/**
 * The prototype of the words of one run: the style properties of its first word (those a run
 * shares by its `styleKey`) and the resolved style. Laid-out words live until their page is
 * drawn; with ~30 properties each, they were most of a long document's memory.
 */
function sharedStyle(first: Item, style: Resolved): Record<string, unknown> {
  const shared: Record<string, unknown> = {};
  for (const property in first) {
    if (Object.prototype.hasOwnProperty.call(first, property) && !OWN.has(property)) shared[property] = first[property];
  }
  assignResolved(shared, style);
  // One prototype per distinct style in a document: V8 gives the objects of every prototype their own shapes.
  // Looked up by the document's font (every document has its own), so a list holds one document's styles only
  // and goes with the document.
  let byKey = sharedStyles.get(style.font);
  if (!byKey) sharedStyles.set(style.font, (byKey = new WeakMap()));
  const key = first['styleKey'] as object;
  let known = byKey.get(key);
  if (!known) byKey.set(key, (known = []));
  const keys = Object.keys(shared);
  for (const candidate of known) {
    if (candidate.keys.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(candidate.style, k) && candidate.style[k] === shared[k])) return candidate.style;
  }
  known.push({ style: shared, keys });
  return shared;
}

/** Word prototypes (with their own keys) by the document's font and `styleKey` (see sharedStyle). */
const sharedStyles = new WeakMap<object, WeakMap<object, Array<{ style: Record<string, unknown>; keys: string[] }>>>();

/**
 * TextInlines.measure with the style stack read once per call: every word of a text node sees the
 * same stack below itself, so a property a word does not set has the same value for all of them
 * (pdfmake walks the stack again for every word and every one of ~22 properties).
 */
function installMeasure(): void {
  const { default: StyleContextStack } = require('pdfmake/js/StyleContextStack.js') as {
    default: { getStyleProperty(item: unknown, stack: StyleStack | undefined, property: string, fallback: unknown): unknown };
  };
  const mod = require('pdfmake/js/TextInlines.js') as { default?: { prototype: { measure?: unknown } } };
  const proto = mod.default?.prototype;
  if (!proto || typeof proto.measure !== 'function') throw new Error('pdfmake internals changed: TextInlines.prototype.measure not found');
  const original = proto.measure as (this: TextInlinesLike, array: Item[], stack: StyleStack | undefined) => Item[];
  proto.measure = function measureResolved(this: TextInlinesLike, array: Item[], stack: StyleStack | undefined): Item[] {
    if (!enabled) return original.call(this, array, stack);
    const below: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const get = (item: Item, property: string, fallback: unknown): unknown => {
      const own = item[property];
      if (own !== undefined && own !== null) return own;
      if (!stack) return fallback;
      // Named styles on the word itself would sit between it and the stack: take the long way.
      if (item['style'] !== undefined && item['section'] === undefined) {
        return StyleContextStack.getStyleProperty(item, stack, property, fallback);
      }
      let value = below[property];
      if (value === undefined && !(property in below)) {
        value = stack.getProperty(property);
        below[property] = value;
      }
      return isValue(value) ? value : fallback;
    };
    const first = array[0];
    if (first) {
      const leadingIndent = get(first, 'leadingIndent', 0) as number;
      if (leadingIndent) {
        first['leadingCut'] = -leadingIndent;
        first['leadingIndent'] = leadingIndent;
      }
    }
    // Words cut from one source inline (or from inlines set alike) share a `styleKey` object
    // (copied onto every word by pdfmake's TextBreaker): their style resolves the same way.
    let lastKey: unknown;
    let style: Resolved | undefined;
    let shared: Record<string, unknown> | undefined;
    const result: Item[] = new Array<Item>(array.length);
    for (let i = 0; i < array.length; i++) {
      const source = array[i] as Item;
      const key = source['styleKey'];
      if (!style || key === undefined || key !== lastKey) {
        style = resolve(this, source, get);
        lastKey = key;
        shared = key === undefined ? undefined : sharedStyle(source, style);
      }
      let item: Item;
      if (shared) {
        // The style lives on one prototype per run of words; a word keeps only what is its own.
        item = Object.create(shared) as Item;
        for (const property in source) {
          if (!Object.prototype.hasOwnProperty.call(source, property)) continue;
          const value = source[property];
          if (shared[property] !== value && !RESOLVED.has(property)) item[property] = value;
        }
        item.text = source.text;
      } else {
        item = source;
        assignResolved(item, style);
      }
      item['width'] = this.widthOfText(item.text, item);
      if (!item['leadingCut']) item['leadingCut'] = 0;
      if (!style.preserveLeadingSpaces) {
        const leadingSpaces = item.text.match(LEADING);
        if (leadingSpaces) (item['leadingCut'] as number) += this.widthOfText(leadingSpaces[0], item);
      }
      item['trailingCut'] = 0;
      if (!style.preserveTrailingSpaces) {
        const trailingSpaces = item.text.match(TRAILING);
        if (trailingSpaces) item['trailingCut'] = this.widthOfText(trailingSpaces[0], item);
      }
      result[i] = item;
    }
    return result;
  };
}

/**
 * Can `inline` share a pdfkit text run with its neighbours (nothing drawn per word)? Words of one
 * link share its annotation: pdfkit gives a run one rectangle, the union of its words' ones.
 */
function mergeable(inline: InlineLike): boolean {
  return (
    !inline.linkToPage &&
    !inline.fontFeatures &&
    !inline.characterSpacing &&
    !inline._pageNodeRef
  );
}

/** Does `next` continue `run` (same face, size, colour, opacity, raise and link; no gap)? */
function continues(run: InlineLike, previous: InlineLike, next: InlineLike): boolean {
  return (
    mergeable(next) &&
    (next.link ?? null) === (run.link ?? null) &&
    (next.linkToDestination ?? null) === (run.linkToDestination ?? null) &&
    next.font === run.font &&
    next.fontSize === run.fontSize &&
    next.color === run.color &&
    next.opacity === run.opacity &&
    !next.sup === !run.sup &&
    !next.sub === !run.sub &&
    Math.abs(previous.x + previous.width - next.x) < 1e-6
  );
}

/** Whether `line` is drawn in runs (else by pdfmake's renderLine, one pdfkit text call per word). */
export function drawsInRuns(line: LineLike): boolean {
  return enabled && !line._pageNodeRef && !line.inlines.some((inline) => inline._pageNodeRef || inline.linkToPage);
}

/** The end (exclusive) of the run of words that starts at `start`: pdfkit draws them with one text call. */
export function runEnd(inlines: readonly InlineLike[], start: number): number {
  const first = inlines[start] as InlineLike;
  let end = start + 1;
  if (mergeable(first)) while (end < inlines.length && continues(first, inlines[end - 1] as InlineLike, inlines[end] as InlineLike)) end++;
  return end;
}

/**
 * Renderer.renderLine drawing runs of same-style words with one pdfkit `text` call each (pdfkit
 * lays a string out word by word, so glyphs and advances are those of the separate words). Lines
 * with page references or page links take pdfmake's path.
 */
function installRenderLine(): void {
  const { default: TextDecorator } = require('pdfmake/js/TextDecorator.js') as {
    default: new (doc: PdfKitLike) => { drawBackground(line: LineLike, x: number, y: number): void; drawDecorations(line: LineLike, x: number, y: number): void };
  };
  const mod = require('pdfmake/js/Renderer.js') as { default?: { prototype: RendererLike } };
  const proto = mod.default?.prototype;
  const original = proto?.renderLine;
  if (!proto || typeof original !== 'function') throw new Error('pdfmake internals changed: Renderer.prototype.renderLine not found');
  proto.renderLine = function renderLineInRuns(this: RendererLike, line: LineLike, x: number, y: number) {
    if (!drawsInRuns(line)) {
      original.call(this, line, x, y);
    } else {
      drawLine(this, TextDecorator, line, x, y);
    }
  };
}

function drawLine(
  renderer: RendererLike,
  TextDecorator: new (doc: PdfKitLike) => { drawBackground(line: LineLike, x: number, y: number): void; drawDecorations(line: LineLike, x: number, y: number): void },
  line: LineLike,
  x: number,
  y: number,
): void {
  const doc = renderer.pdfDocument;
  if (line._outline) {
    let parent = doc.outline;
    if (line._outline.parentId && renderer.outlineMap[line._outline.parentId]) parent = renderer.outlineMap[line._outline.parentId] as OutlineLike;
    const outline = parent.addItem(line._outline.text, { expanded: line._outline.expanded } as { expanded?: boolean });
    if (line._outline.id) renderer.outlineMap[line._outline.id] = outline;
  }
  x = x || 0;
  y = y || 0;
  const lineHeight = line.getHeight();
  const ascenderHeight = line.getAscenderHeight();
  const descent = lineHeight - ascenderHeight;
  const decorator = new TextDecorator(doc);
  decorator.drawBackground(line, x, y);
  const inlines = line.inlines;
  for (let i = 0, l = inlines.length; i < l; ) {
    const inline = inlines[i] as InlineLike;
    let text = inline.text;
    let width = inline.width;
    const j = runEnd(inlines, i);
    for (let k = i + 1; k < j; k++) {
      const next = inlines[k] as InlineLike;
      text += next.text;
      width += next.width;
    }
    const shiftToBaseline = lineHeight - (inline.font.ascender / 1000) * inline.fontSize - descent;
    const options: Record<string, unknown> = {
      lineBreak: false,
      textWidth: width,
      characterSpacing: inline.characterSpacing,
      wordCount: 1,
      link: inline.link,
    };
    if (inline.linkToDestination) options['goTo'] = inline.linkToDestination;
    if (line.id && i === 0 && !RECORD_ONLY_ID.test(line.id)) options['destination'] = line.id;
    if (inline.fontFeatures) options['features'] = inline.fontFeatures;
    const opacity = typeof inline.opacity === 'number' ? inline.opacity : 1;
    doc.opacity(opacity);
    // pdfmake calls fill(colour), which also paints the (empty) current path: the colour is all it needs.
    doc.fillColor(doc.resolveColor(inline.color, 'black'));
    doc._font = inline.font;
    doc.fontSize(inline.fontSize);
    let shiftedY = y + shiftToBaseline;
    if (inline.sup) shiftedY -= inline.fontSize * 0.75;
    if (inline.sub) shiftedY += inline.fontSize * 0.35;
    doc.text(text, x + inline.x, shiftedY, options);
    i = j;
  }
  decorator.drawDecorations(line, x, y);
}

/**
 * Renderer.renderPages that releases each page's laid-out items once drawn (pdfmake keeps every
 * page until the whole document is drawn) and has pdfkit write each page's operators as one chunk.
 */
function installRenderPages(): void {
  const mod = require('pdfmake/js/Renderer.js') as { default?: { prototype: RendererLike & { renderPages?: unknown } } };
  const proto = mod.default?.prototype;
  if (!proto || typeof proto.renderPages !== 'function') throw new Error('pdfmake internals changed: Renderer.prototype.renderPages not found');
  const original = proto.renderPages as (this: RendererLike, pages: PageLike[]) => void;
  proto.renderPages = function renderPagesReleasing(this: RendererLike, pages: PageLike[]) {
    if (!enabled) return original.call(this, pages);
    const doc = this.pdfDocument;
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i] as PageLike;
      doc.addPage({ size: [page.pageSize.width, page.pageSize.height] });
      if (i === 0) installPageWrites(doc.page);
      for (const { type, item } of page.items) {
        switch (type) {
          case 'vector':
            this.renderVector(item);
            break;
          case 'line': {
            const line = item as LineLike & { x: number; y: number };
            this.renderLine(line, line.x, line.y);
            break;
          }
          case 'image':
            this.renderImage(item);
            break;
          case 'svg':
            this.renderSVG(item);
            break;
          case 'attachment':
            this.renderAttachment(item);
            break;
          case 'beginClip':
            this.beginClip(item);
            break;
          case 'endClip':
            this.endClip();
            break;
          case 'beginVerticalAlignment':
            this.beginVerticalAlignment(item);
            break;
          case 'endVerticalAlignment':
            this.endVerticalAlignment(item);
            break;
        }
      }
      if (page.watermark) this.renderWatermark(page);
      page.items = [];
    }
  };
}

/** pdfkit's PDFPage, as far as writing its content stream goes. */
interface PdfPageLike {
  content: { write(chunk: unknown): unknown };
  write(chunk: unknown): unknown;
  end(): unknown;
}
const PENDING = Symbol('docketpress.pendingContent');
let pageWritesInstalled = false;

/**
 * pdfkit writes every content operator of a page as its own small Buffer (the operator and a
 * newline). Pages collect the operator strings instead and write them as one chunk, joined by
 * newlines, when the page ends or something else (bytes) is written: the same bytes, in the
 * same order.
 */
function installPageWrites(sample: unknown): void {
  if (pageWritesInstalled || !sample) return;
  const proto = Object.getPrototypeOf(sample) as PdfPageLike;
  const write = proto.write;
  const end = proto.end;
  if (typeof write !== 'function' || typeof end !== 'function') throw new Error('pdfkit internals changed: PDFPage.prototype.write/end not found');
  const flush = (page: PdfPageLike & { [PENDING]?: string[] }) => {
    const pending = page[PENDING];
    if (pending && pending.length > 0) {
      page[PENDING] = [];
      page.content.write(pending.join('\n'));
    }
  };
  proto.write = function writeCollected(this: PdfPageLike & { [PENDING]?: string[] }, chunk: unknown) {
    if (!enabled || chunk instanceof Uint8Array) {
      flush(this);
      return this.content.write(chunk);
    }
    (this[PENDING] ??= []).push(`${chunk as string}`);
    return undefined;
  };
  proto.end = function endCollected(this: PdfPageLike) {
    flush(this);
    return end.call(this);
  };
  pageWritesInstalled = true;
}

let installed = false;

/** Install the replacements on pdfmake's classes (once per process). */
export function installSpeedups(): void {
  if (installed) return;
  installMeasure();
  installRenderLine();
  installRenderPages();
  installed = true;
}
