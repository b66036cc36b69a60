// renderPdf: mdast Root + options → PDF bytes. Assembles the document definition (page
// geometry, furniture, metadata, PDF/A switch) around the content builder and the footnote
// paginator, then serialises. Must not convert mdast nodes or place footnotes itself.
import type { Root } from 'mdast';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { visit } from 'unist-util-visit';
import { ContentBuilder, type Block } from './build.js';
import { FOOTNOTE_FLOW, FOOTNOTE_RESERVE, LINE_KEEPER, discard, draw, finish, layOutPages, record, type LaidOutDocument, type ReservingMargins } from './engine.js';
import { KeepFlow, type BlockMeasures } from './keep.js';
import { LONG_DOCUMENT_PAGES, collectGarbage } from './memory.js';
import { PdfRenderError } from './errors.js';
import { BASE_SERIF, preloadFonts } from './fonts.js';
import { measureFootnotes, placeFootnotes, type FootnotePlan } from './footnotes.js';
import { footer, header, type FurnitureOptions } from './furniture.js';
import { textInlines } from './inlines.js';
import { documentInfo, installXmp } from './metadata.js';
import type { DrawnLine } from './drawn.js';
import { blockPlacements, typesettingFaults } from './typesetting.js';
import { BODY_HEIGHT, LEADING, MARGIN, PAGE, SIZE } from './styles.js';

/**
 * At most this many extra layouts fix stranded headings, widows and orphans: the first lets the keeper (./keep.ts)
 * fix them all as the pages fill up, by the first layout's measures; each later one a fault the keeper missed.
 */
const MAX_TYPESETTING_ROUNDS = 8;

/** Typesetting rounds run so far in this process (each is one more footnote placement, usually one layout). */
export const typesettingRounds = { count: 0 };

/** Options of `renderPdf`. */
export interface PdfRenderOptions {
  /** PDF metadata Title. */
  title: string;
  /** PDF metadata Author (the filer). */
  author: string;
  /** PDF metadata Subject (the docket, e.g. "Docket No. USTR-2016-0013"). */
  subject: string;
  /** PDF metadata Keywords. */
  keywords: string[];
  /** Creation and modification date (from the brief, so rebuilds are byte-identical). */
  creationDate: Date;
  /** Small text at the top of every page but the first. */
  runningHeader: string;
  /** Lines printed bold and centred at the top and bottom of every page. */
  markings?: string[];
  /** Printed on every page in a shaded box when set. */
  sampleNotice?: string;
  /** PDF/A-2b output. */
  pdfa?: boolean;
  /** File name used in error messages. */
  sourceName?: string;
}

interface NodeInfoLike {
  headlineLevel?: number;
  pageNumbers?: number[];
  startPosition?: { pageInnerHeight?: number; top?: number; pageNumber?: number };
}

/** Body nodes sit in the text block; header and footer nodes in their own, smaller areas. */
function isBody(node: NodeInfoLike): boolean {
  return node.startPosition?.pageInnerHeight === BODY_HEIGHT;
}

/** Keep a heading with what follows: move it to the next page when it would end a page. */
function keepHeadingsWithNext(
  node: NodeInfoLike,
  context: { getFollowingNodesOnPage(): NodeInfoLike[]; getNodesOnNextPage(): NodeInfoLike[] },
): boolean {
  if (typeof node.headlineLevel !== 'number' || !isBody(node)) return false;
  // At the top of a page already (a forced break put it there): another break would leave a page empty.
  if ((node.startPosition?.top ?? Infinity) <= MARGIN + 1) return false;
  // A following node counts when one of its lines stayed on this page (the footnote flow may have moved its first line on).
  const page = node.startPosition?.pageNumber;
  if (context.getFollowingNodesOnPage().some((next) => isBody(next) && (page === undefined || !next.pageNumbers || next.pageNumbers.includes(page)))) return false;
  return context.getNodesOnNextPage().some(isBody);
}

function checkOptions(options: PdfRenderOptions): void {
  const file = options.sourceName !== undefined ? { file: options.sourceName } : {};
  if (!(options.creationDate instanceof Date) || Number.isNaN(options.creationDate.getTime())) {
    throw new PdfRenderError('`creationDate` is not a valid date: pass the brief’s date', 'pdf-invalid-option', file);
  }
  // Furniture may appear on pages a short document lacks, and metadata is not drawn at all:
  // check them all up front so a bad character fails every build, not only long ones.
  for (const [label, value] of [
    ['the title', options.title],
    ['the author', options.author],
    ['the running header', options.runningHeader],
    ['the sample notice', options.sampleNotice ?? ''],
    ...(options.markings ?? []).map((marking) => ['the page markings', marking] as const),
  ] as const) {
    textInlines(value, { bold: false, italics: false, mono: false, fontSize: 12, lineHeight: 1 }, { ...file, label });
  }
}

/** Every code point the document may draw: text values of the tree and the furniture texts. */
function codePoints(root: Root, options: PdfRenderOptions): Set<number> {
  const result = new Set<number>();
  const add = (text: string | undefined) => {
    if (text) for (const char of text) result.add(char.codePointAt(0) ?? 0);
  };
  visit(root, (node) => {
    if (node.type !== 'html' && 'value' in node && typeof node.value === 'string') add(node.value);
  });
  for (const text of [options.title, options.author, options.runningHeader, options.sampleNotice, ...(options.markings ?? [])]) {
    add(text);
  }
  add('Page of 0123456789');
  return result;
}

/** What a rendered PDF shows a reader, as drawn (the shape `readPdfText` reads back). */
export interface DrawnText {
  /** Per page, the text of every line drawn on it (body, footnotes, furniture), joined by spaces. */
  pages: string[];
  /** Per page, every line drawn on it with its top, type size and block id (read by the typesetting checks). */
  lines: DrawnLine[][];
  /** The document information dictionary (dates as PDF date strings, `D:YYYYMMDDHHmmssZ`). */
  info: Record<string, unknown>;
  /** Outline (bookmark) titles, depth first. */
  outline: string[];
}

/** A date as pdfkit writes it into the information dictionary. */
function pdfDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** Render an mdast tree as a PDF filing in the house style. */
export async function renderPdf(root: Root, options: PdfRenderOptions): Promise<Uint8Array> {
  return (await renderPdfWithText(root, options)).bytes;
}

/** Render an mdast tree as a PDF filing, and say what it drew (text per page, metadata, outline). */
export async function renderPdfWithText(root: Root, options: PdfRenderOptions): Promise<{ bytes: Uint8Array; drawn: DrawnText }> {
  await preloadFonts(codePoints(root, options));
  checkOptions(options);
  const builder = new ContentBuilder(root, options.sourceName);
  const furniture: FurnitureOptions = {
    runningHeader: options.runningHeader,
    markings: options.markings ?? [],
    ...(options.sampleNotice ? { sampleNotice: options.sampleNotice } : {}),
    ...(options.sourceName !== undefined ? { file: options.sourceName } : {}),
  };
  const info = documentInfo(options);

  const base = (): Record<string, unknown> => ({
    version: '1.7',
    ...(options.pdfa ? { subset: 'PDF/A-2b' } : {}),
    language: 'en-US',
    displayTitle: true,
    compress: true,
    info: { ...info },
    defaultStyle: { font: BASE_SERIF, fontSize: SIZE.body, lineHeight: LEADING.body },
  });

  const measuring = (content: Block[]) =>
    ({
      ...base(),
      pageSize: { width: PAGE.width, height: 'auto' },
      pageMargins: [MARGIN, 0, MARGIN, 0],
      content,
    }) as unknown as TDocumentDefinitions;

  // The foot of a page is the bottom margin: a footer taller than that (a long SAMPLE notice) loses its last lines,
  // the bottom marking among them, so such a footer is set without the space around its notice. Without a notice
  // the footer is far shorter than the margin.
  const foot = options.sampleNotice ? footer(furniture, () => undefined)(1, 1) : undefined;
  const compactFooter = foot !== undefined && (layOutPages(measuring([{ ...foot, margin: [0, (foot['margin'] as number[])[1], 0, 0] }]))[0]?.height ?? 0) > MARGIN;

  // Each layout run keeps blocks together by the measures of the run before it (the first run has none).
  let keeper: KeepFlow | undefined;
  let measures: BlockMeasures | undefined;
  const startKeeper = () => {
    measures = keeper?.measured ?? measures;
    keeper = new KeepFlow(measures);
    return keeper;
  };
  const keeping = () => keeper?.keeping === true;
  const full = (plan: FootnotePlan) => {
    const margins: ReservingMargins = { left: MARGIN, top: MARGIN, right: MARGIN, bottom: MARGIN };
    margins[FOOTNOTE_RESERVE] = (pageIndex) => plan.reserve(pageIndex);
    margins[LINE_KEEPER] = startKeeper;
    if (plan.flow) margins[FOOTNOTE_FLOW] = plan.flow;
    return {
      ...base(),
      pageSize: { width: PAGE.width, height: PAGE.height },
      pageMargins: margins,
      header: header(furniture),
      footer: footer(furniture, (pageIndex) => plan.notesFor(pageIndex), compactFooter),
      pageBreakBefore: keepHeadingsWithNext,
      content: builder.body(),
    } as unknown as TDocumentDefinitions;
  };

  const notes = measureFootnotes(builder, measuring);
  let doc: LaidOutDocument = await placeFootnotes(builder, notes, full);
  // A heading or label left at the foot of a page, or a paragraph split with one line on a page, starts the
  // next page instead. The first layout only measures; the next one's keeper moves such blocks as the pages fill
  // up. A fault it missed is then fixed by a page break before the block (with the headings and labels just
  // before it), the earliest first, as that changes everything after it.
  for (let round = 0; round < MAX_TYPESETTING_ROUNDS; round++) {
    const lines = record(doc).lines;
    const blocks = blockPlacements(lines).map((b) => b.id);
    const target = (id: string): string => {
      let i = blocks.indexOf(id);
      while (i > 0 && /^[hk]-/.test(blocks[i - 1]!)) i--;
      return blocks[i] ?? id;
    };
    const fault = typesettingFaults(lines).find((f) => (f.rule === 'stranded-heading' || f.rule === 'widow-orphan') && !builder.breakBefore.has(target(f.id)));
    if (!fault) break;
    if (keeping()) builder.breakBefore = new Set([...builder.breakBefore, target(fault.id)]);
    typesettingRounds.count += 1;
    // Its pages go before the next layout is made, not after (two layouts of a long document are a lot of memory).
    discard(doc);
    if (lines.length >= LONG_DOCUMENT_PAGES) collectGarbage();
    doc = await placeFootnotes(builder, notes, full);
  }
  // Only the layout kept is drawn (the rounds read what the others would draw from their pages).
  draw(doc);
  installXmp(doc, options.keywords);
  const drawn = record(doc);
  const written: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc.info)) {
    if (value instanceof Date) written[key] = pdfDate(value);
    else if (value !== undefined && value !== null) written[key] = String(value);
  }
  const text: DrawnText = {
    pages: drawn.pages.map((lines) => (lines ?? []).join(' ')),
    lines: drawn.lines.map((lines) => [...(lines ?? [])]),
    info: written,
    outline: [...drawn.outline],
  };
  return { bytes: await finish(doc), drawn: text };
}
