// Page furniture: markings (top and bottom of every page), the sample notice, the running
// header (every page but the first), the "Page X of Y" footer, and the footnote area at the foot
// of a page (its rule drawn here, its notes laid out once elsewhere and placed here). Knows page
// geometry; must not touch body content or decide where footnotes go.
import type { Block } from './build.js';
import { PAGE_BLOCKS, type LaidOutBlock, type PlacedBlock } from './engine.js';
import { textInlines, type Inline, type TextOrigin, type TextStyle } from './inlines.js';
import { COLOR, FOOTNOTE, LEADING, MARGIN, NOTICE_LAYOUT, PAGE, SIZE } from './styles.js';

/** Texts printed around the body of every page. */
export interface FurnitureOptions {
  runningHeader: string;
  markings: string[];
  sampleNotice?: string;
  file?: string;
}

function style(fontSize: number, extra: Partial<TextStyle> = {}): TextStyle {
  return { bold: false, italics: false, mono: false, fontSize, lineHeight: LEADING.furniture, ...extra };
}

function origin(options: FurnitureOptions, label: string): TextOrigin {
  return { ...(options.file !== undefined ? { file: options.file } : {}), label };
}

/**
 * textInlines, split once per text and style: furniture repeats on every page. Each call gets a
 * fresh array (pdfmake rewrites a node's `text` array in place); the inlines in it are shared.
 */
function furnitureInlines(): (text: string, textStyle: TextStyle, where: TextOrigin) => Inline[] {
  const known = new Map<string, Inline[]>();
  return (text, textStyle, where) => {
    const key = JSON.stringify([text, textStyle, where.label]);
    let inlines = known.get(key);
    if (!inlines) known.set(key, (inlines = textInlines(text, textStyle, where)));
    return [...inlines];
  };
}

function markingBlocks(options: FurnitureOptions, inlines: ReturnType<typeof furnitureInlines>): Block[] {
  return options.markings.map((marking) => ({
    text: inlines(marking, style(SIZE.marking, { bold: true }), origin(options, 'the page markings')),
    alignment: 'center',
    characterSpacing: 0.6,
  }));
}

function noticeBlock(options: FurnitureOptions, inlines: ReturnType<typeof furnitureInlines>, compact = false): Block | undefined {
  if (!options.sampleNotice) return undefined;
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: inlines(
              options.sampleNotice,
              style(SIZE.notice, { bold: true, color: COLOR.noticeText }),
              origin(options, 'the sample notice'),
            ),
            alignment: 'center',
          },
        ],
      ],
    },
    layout: NOTICE_LAYOUT,
    margin: [0, 0, 0, compact ? 0 : 4],
  };
}

/** pdfmake `header` function: markings, then the running header and a hairline from page 2. */
export function header(options: FurnitureOptions): (currentPage: number) => Block {
  const inlines = furnitureInlines();
  return (currentPage) => {
    const stack: Block[] = [...markingBlocks(options, inlines)];
    if (currentPage > 1 && options.runningHeader) {
      stack.push({
        text: inlines(options.runningHeader, style(SIZE.header, { color: COLOR.furniture }), origin(options, 'the running header')),
        alignment: 'left',
        margin: [0, stack.length ? 8 : 0, 0, 1.5],
      });
      stack.push({
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: PAGE.width - 2 * MARGIN, y2: 0, lineWidth: 0.4, lineColor: COLOR.lightRule },
        ],
      });
    }
    return { stack, margin: [MARGIN, options.markings.length ? 24 : 36, MARGIN, 0] };
  };
}

/** Footnotes for one page, laid out (in order), with the height of their area. */
export type PageNotes = (pageIndex: number) => { blocks: LaidOutBlock[]; height: number } | undefined;

/**
 * pdfmake `footer` function: the footnote area (drawn upwards from the bottom of the text
 * block), the sample notice (a box; composers write it long, so it lives in the foot, where it
 * cannot crowd the running header), "Page X of Y", then the markings.
 *
 * Footnotes are drawn here rather than in `background` because pdfmake lays out footers after
 * the body: a background is laid out while the body is (when a page is added), and pdfmake's
 * list layout would then hang a pending list marker on the first footnote line.
 */
export function footer(
  options: FurnitureOptions,
  notesFor: PageNotes,
  compact = false,
): ((currentPage: number, pageCount: number) => Block) & { [PAGE_BLOCKS]: (pageIndex: number) => PlacedBlock[] | undefined } {
  const inlines = furnitureInlines();
  const draw = (currentPage: number, pageCount: number): Block => {
    const notice = noticeBlock(options, inlines, compact);
    const rule = footnoteRule(notesFor(currentPage - 1));
    return {
      stack: [
        ...(rule ? [rule] : []),
        ...(notice ? [notice] : []),
        {
          text: inlines(`Page ${currentPage} of ${pageCount}`, style(SIZE.footer), origin(options, 'the page footer')),
          alignment: 'center',
        },
        ...markingBlocks(options, inlines).map((block, i) => ({ ...block, margin: [0, i === 0 && !compact ? 4 : 0, 0, 0] })),
      ],
      // Compact: a notice of three lines, with no space around, leaves room for the bottom marking.
      margin: [MARGIN, compact ? 0 : notice ? 9 : 22, MARGIN, 0],
    };
  };
  return Object.assign(draw, { [PAGE_BLOCKS]: (pageIndex: number) => footnotePlaces(notesFor(pageIndex)) });
}

/** Height of the footnote area for notes whose measured heights are given (rule included). */
export function footnoteAreaHeight(noteHeights: number[]): number {
  if (noteHeights.length === 0) return 0;
  const notes = noteHeights.reduce((sum, h) => sum + h, 0) + FOOTNOTE.gapBetween * (noteHeights.length - 1);
  return FOOTNOTE.ruleWidth + FOOTNOTE.gapBelowRule + notes;
}

/**
 * The footnote area of a page is a short rule, then the notes, its bottom flush with the bottom
 * of the text block. This is its rule, positioned in footer coordinates (the footer starts at
 * the bottom margin).
 */
function footnoteRule(notes: { blocks: LaidOutBlock[]; height: number } | undefined): Block | undefined {
  if (!notes || notes.blocks.length === 0) return undefined;
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: FOOTNOTE.ruleLength, y2: 0, lineWidth: FOOTNOTE.ruleWidth, lineColor: COLOR.rule }],
    absolutePosition: { x: MARGIN, y: -notes.height },
  };
}

/**
 * Where the notes of the footnote area go on the page: below the rule, one after the other.
 * They were laid out at the left margin of a page whose content starts at its top, so they
 * move down only.
 */
function footnotePlaces(notes: { blocks: LaidOutBlock[]; height: number } | undefined): PlacedBlock[] | undefined {
  if (!notes || notes.blocks.length === 0) return undefined;
  let y = PAGE.height - MARGIN - notes.height + FOOTNOTE.ruleWidth + FOOTNOTE.gapBelowRule;
  return notes.blocks.map((block, i) => {
    if (i > 0) y += FOOTNOTE.gapBetween;
    const place = { block, x: 0, y };
    y += block.height;
    return place;
  });
}
