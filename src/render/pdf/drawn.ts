// The record of what a document drew, page by page: every line's text (and where it sits), outline titles and
// internal links. Recorded around pdfmake's drawing whether the speed patches run or not, so the leak check,
// the marking check and the footnote placement read the same record either way. Must not draw anything.
import { requirePdfStack } from './stack.js';

const require = requirePdfStack;

/** What one laid-out document drew: line texts by page, outline titles, internal links. */
export interface DrawnRecord {
  /** Per page (0-based), the text of every line drawn on it, in drawing order. */
  pages: string[][];
  /** Per page (0-based), every line drawn on it, in drawing order: its text, top (pt from the page's top), largest type size and block id (first line of a block only). */
  lines: DrawnLine[][];
  /** Outline (bookmark) titles in document order. */
  outline: string[];
  /** Internal links (GoTo a named destination): page (0-based), destination, rectangle (PDF user space). */
  links: Array<{ page: number; destination: string; rect: [number, number, number, number] }>;
}

/** One drawn line, as the typesetting checks read it. */
export interface DrawnLine {
  text: string;
  y: number;
  size: number;
  id?: string;
}

/** Block ids given only so the drawn record can tell blocks apart: they make no named destination. */
export const RECORD_ONLY_ID = /^[pkr]-/;

/** What `doc` drew (undefined for a document pdfmake did not draw). */
export function drawnRecord(doc: object): DrawnRecord | undefined {
  return writers.get(doc)?.record;
}

// ── pdfmake internals touched here (pdfmake 0.3.11) ────────────────────────────────────────

export interface InlineLike {
  text: string;
  x: number;
  fontSize: number;
  sup?: boolean;
  sub?: boolean;
}
export interface LineLike {
  id?: string;
  _outline?: { text: string };
  inlines: InlineLike[];
  getAscenderHeight(): number;
}
interface PdfKitLike {
  addPage(options: unknown): unknown;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
}
interface RendererLike {
  pdfDocument: PdfKitLike;
}

/**
 * Writes one document's record page by page, as it is drawn or as it will be drawn (./laid-out.ts):
 * a line drawn on the baseline of the one before and to its left (a list number beside its item)
 * reads as one with it, as a PDF reader joins them: no space between.
 */
export class RecordWriter {
  readonly record: DrawnRecord = { pages: [], lines: [], outline: [], links: [] };
  /** The page (0-based) being written. */
  page = 0;
  /** Baseline (pt from the top) and left end of the last line written on this page. */
  private last: { baseline: number; start: number } | undefined;

  /** Starts page `page` (0-based). */
  startPage(page: number): void {
    this.page = page;
    this.last = undefined;
    this.record.pages[page] ??= [];
    this.record.lines[page] ??= [];
  }

  /** A line whose text is `text` and whose first word starts `firstX` from the line's left end `x`. */
  line(line: LineLike, x: number, y: number, text: string, firstX: number): void {
    const baseline = (y || 0) + line.getAscenderHeight();
    const start = (x || 0) + firstX;
    const lines = (this.record.pages[this.page] ??= []);
    const placed = (this.record.lines[this.page] ??= []);
    const previous = this.last;
    let size = 0;
    for (const inline of line.inlines) if (!inline.sup && !inline.sub && inline.fontSize > size) size = inline.fontSize;
    if (lines.length > 0 && previous && Math.abs(previous.baseline - baseline) < 0.01 && start < previous.start) {
      lines[lines.length - 1] += text;
      const last = placed[placed.length - 1];
      if (last) last.text += text;
    } else {
      lines.push(text);
      placed.push({ text, y: y || 0, size, ...(line.id ? { id: line.id } : {}) });
    }
    this.last = { baseline, start };
  }
}

/** The writer of each pdfkit document being drawn. */
const writers = new WeakMap<object, RecordWriter>();

/** Adds a drawn line's text to the page being drawn. */
function recordLine(writer: RecordWriter, line: LineLike, x: number, y: number): void {
  let text = '';
  for (const inline of line.inlines) text += inline.text;
  writer.line(line, x, y, text, line.inlines[0]?.x ?? 0);
}

let installed = false;

/**
 * Wraps Renderer.renderPages and Renderer.renderLine (whatever draws them: pdfmake's code or the speed
 * patches, installed before this) to record each document's drawing: pages as pdfkit adds them, the text of
 * each line drawn, outline titles and the internal links pdfkit annotates. Once per process.
 */
export function installRecording(): void {
  if (installed) return;
  const mod = require('pdfmake/js/Renderer.js') as {
    default?: { prototype: { renderPages?: (this: RendererLike, pages: unknown[]) => unknown; renderLine?: (this: RendererLike, line: LineLike, x: number, y: number) => unknown } };
  };
  const proto = mod.default?.prototype;
  const renderPages = proto?.renderPages;
  const renderLine = proto?.renderLine;
  if (!proto || typeof renderPages !== 'function' || typeof renderLine !== 'function') throw new Error('pdfmake internals changed: Renderer.prototype.renderPages/renderLine not found');
  proto.renderPages = function renderPagesRecorded(this: RendererLike, pages: unknown[]) {
    const doc = this.pdfDocument;
    const writer = new RecordWriter();
    writers.set(doc, writer);
    const { record } = writer;
    const { addPage, annotate } = doc;
    let page = -1;
    doc.addPage = function addPageRecorded(this: PdfKitLike, options: unknown) {
      const result = addPage.call(this, options);
      page += 1;
      writer.startPage(page);
      return result;
    };
    doc.annotate = function annotateRecorded(this: PdfKitLike, x, y, w, h, options) {
      const result = annotate.call(this, x, y, w, h, options);
      const action = (options['A'] as { data?: Record<string, unknown> } | undefined)?.data;
      const destination = action?.['D'];
      const rect = options['Rect'] as number[] | undefined;
      if (action?.['S'] === 'GoTo' && destination instanceof String && rect?.length === 4) {
        record.links.push({ page: writer.page, destination: destination.toString(), rect: rect as [number, number, number, number] });
      }
      return result;
    };
    try {
      return renderPages.call(this, pages);
    } finally {
      doc.addPage = addPage;
      doc.annotate = annotate;
    }
  };
  proto.renderLine = function renderLineRecorded(this: RendererLike, line: LineLike, x: number, y: number) {
    const writer = writers.get(this.pdfDocument);
    if (writer && line._outline) writer.record.outline.push(line._outline.text);
    const result = renderLine.call(this, line, x, y);
    if (writer) recordLine(writer, line, x, y);
    return result;
  };
  installed = true;
}
