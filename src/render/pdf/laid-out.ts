// What a laid-out document will draw, read from pdfmake's laid-out pages without drawing them: the same
// record (lines with their text, top, size and block id; outline titles; internal links with the
// rectangles pdfkit will give them) as ./drawn.ts records while drawing, so a layout that is thrown
// away is never drawn. Pages holding anything whose drawing this does not follow give no record.
// Must not draw or lay anything out.
import { RecordWriter, type DrawnRecord } from './drawn.js';
import { drawsInRuns, runEnd, type InlineLike as RunInline, type LineLike as RunLine } from './speedups.js';
import { requirePdfStack } from './stack.js';

const require = requirePdfStack;

// ── pdfmake 0.3.11 and pdfkit 0.17 internals read here ─────────────────────────────────────

interface PageRefLike {
  positions?: Array<{ pageNumber: number }>;
}
interface InlineLike extends RunInline {
  font: RunInline['font'] & { descender: number };
  alignment?: string;
  _pageNodeRef?: PageRefLike;
}
interface LineLike extends RunLine {
  x?: number;
  y?: number;
  _pageNodeRef?: PageRefLike;
  inlines: InlineLike[];
}
/** A laid-out page as pdfmake's Renderer draws it. */
export interface LaidOutPage {
  pageSize: { width: number; height: number };
  items: Array<{ type: string; item: unknown }>;
}

/** Item kinds whose drawing annotates nothing and leaves the coordinate system as it is. */
const PLAIN = new Set(['vector', 'beginClip', 'endClip']);

/**
 * The record drawing `pages` would make, or undefined when a page holds an item whose drawing this
 * does not follow (an image, SVG or attachment; a cell aligned by moving the coordinate system; a
 * page reference that cannot be resolved; a line break inside a word).
 */
export function laidOutRecord(pages: readonly LaidOutPage[]): DrawnRecord | undefined {
  const writer = new RecordWriter();
  for (let page = 0; page < pages.length; page++) {
    const { pageSize, items } = pages[page] as LaidOutPage;
    writer.startPage(page);
    for (const { type, item } of items) {
      if (type === 'line') {
        if (!recordLine(writer, item as LineLike, pageSize.height)) return undefined;
      } else if (type === 'beginVerticalAlignment' || type === 'endVerticalAlignment') {
        const cell = item as { isCellContentMultiPage?: boolean; verticalAlignment?: string };
        if (!cell.isCellContentMultiPage && (cell.verticalAlignment === 'middle' || cell.verticalAlignment === 'bottom')) return undefined;
      } else if (!PLAIN.has(type)) {
        return undefined;
      }
    }
  }
  return writer.record;
}

/** An inline as drawn: a page reference's text is the page number, set in its place (pdfmake does it while drawing). */
interface DrawnInline {
  text: string;
  x: number;
  width: number;
}

let measurer: { widthOfText(text: string, inline: unknown): number } | undefined;

/** What pdfmake's Renderer makes of a page reference in `inline` (preparePageNodeRefLine), without changing it. */
function resolvePageReference(reference: PageRefLike, inline: InlineLike, drawn: DrawnInline): boolean {
  const first = reference.positions?.[0];
  if (!first) return false;
  if (!measurer) {
    const { default: TextInlines } = require('pdfmake/js/TextInlines.js') as { default: new (doc: null) => NonNullable<typeof measurer> };
    measurer = new TextInlines(null);
  }
  drawn.text = first.pageNumber.toString();
  const width = measurer.widthOfText(drawn.text, inline);
  const difference = drawn.width - width;
  drawn.width = width;
  if (inline.alignment === 'right') drawn.x += difference;
  else if (inline.alignment === 'center') drawn.x += difference / 2;
  return true;
}

/** Records `line` as drawing it would (its text, its outline entry, the internal links pdfkit would annotate). */
function recordLine(writer: RecordWriter, line: LineLike, pageHeight: number): boolean {
  const inlines = line.inlines;
  let plain = !line._pageNodeRef;
  for (let i = 0; i < inlines.length && plain; i++) {
    const inline = inlines[i] as InlineLike;
    if (inline._pageNodeRef || inline.linkToDestination) plain = false;
  }
  if (plain) {
    // Most lines: no page number to set, no link to annotate.
    if (line._outline) writer.record.outline.push(line._outline.text);
    let text = '';
    for (let i = 0; i < inlines.length; i++) text += (inlines[i] as InlineLike).text;
    writer.line(line, line.x || 0, line.y || 0, text, inlines[0]?.x ?? 0);
    return true;
  }
  const drawn: DrawnInline[] = inlines.map((inline) => ({ text: inline.text, x: inline.x, width: inline.width }));
  if (line._pageNodeRef && inlines[0] && !resolvePageReference(line._pageNodeRef, inlines[0], drawn[0] as DrawnInline)) return false;
  for (let i = 0; i < inlines.length; i++) {
    const reference = (inlines[i] as InlineLike)._pageNodeRef;
    if (reference && !resolvePageReference(reference, inlines[i] as InlineLike, drawn[i] as DrawnInline)) return false;
  }
  if (line._outline) writer.record.outline.push(line._outline.text);
  const x = line.x || 0;
  const y = line.y || 0;
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  const inRuns = drawsInRuns(line);
  let text = '';
  for (let i = 0; i < inlines.length; ) {
    const inline = inlines[i] as InlineLike;
    const end = inRuns ? runEnd(inlines, i) : i + 1;
    let runText = '';
    let width = (drawn[i] as DrawnInline).width;
    for (let k = i; k < end; k++) {
      const part = drawn[k] as DrawnInline;
      if (part.text.includes('\n')) return false;
      runText += part.text;
      if (k > i) width += part.width;
    }
    text += runText;
    const destination = inline.linkToDestination;
    // pdfkit annotates a run that draws something, from its top left, as wide as it is and one font line high.
    if (destination && runText.length > 0) {
      const shiftToBaseline = lineHeight - (inline.font.ascender / 1000) * inline.fontSize - descent;
      let top = y + shiftToBaseline;
      if (inline.sup) top -= inline.fontSize * 0.75;
      if (inline.sub) top += inline.fontSize * 0.35;
      const characterSpacing = inline.characterSpacing || 0;
      const renderedWidth = width + characterSpacing * (runText.length - 1);
      const height = ((inline.font.ascender - inline.font.descender) / 1000) * inline.fontSize;
      writer.record.links.push({ page: writer.page, destination: String(destination), rect: userSpaceRect(x + (drawn[i] as DrawnInline).x, top, renderedWidth, height, pageHeight) });
    }
    i = end;
  }
  writer.line(line, x, y, text, drawn[0]?.x ?? 0);
  return true;
}

/** pdfkit's _convertRect under a page's initial transform (y flipped: [1, 0, 0, -1, 0, page height]). */
function userSpaceRect(x: number, y: number, w: number, h: number, pageHeight: number): [number, number, number, number] {
  return [x, pageHeight - (y + h), x + w, pageHeight - y];
}
