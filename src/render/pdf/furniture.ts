// Page furniture: markings (top and bottom of every page), the sample notice, the running
// header (every page but the first), the "Page X of Y" footer, and the footnote area at the foot
// of a page. Knows page geometry; must not touch body content or decide where footnotes go.
import type { Block } from './build.js';
import { textInlines, type TextOrigin, type TextStyle } from './inlines.js';
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

function markingBlocks(options: FurnitureOptions): Block[] {
  return options.markings.map((marking) => ({
    text: textInlines(marking, style(SIZE.marking, { bold: true }), origin(options, 'the page markings')),
    alignment: 'center',
    characterSpacing: 0.6,
  }));
}

function noticeBlock(options: FurnitureOptions): Block | undefined {
  if (!options.sampleNotice) return undefined;
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: textInlines(
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
    margin: [0, 0, 0, 4],
  };
}

/** pdfmake `header` function: markings, then the running header and a hairline from page 2. */
export function header(options: FurnitureOptions): (currentPage: number) => Block {
  return (currentPage) => {
    const stack: Block[] = [...markingBlocks(options)];
    if (currentPage > 1 && options.runningHeader) {
      stack.push({
        text: textInlines(options.runningHeader, style(SIZE.header, { color: COLOR.furniture }), origin(options, 'the running header')),
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

/** Footnotes for one page, ready to draw, with the height of their area. */
export type PageNotes = (pageIndex: number) => { blocks: Block[]; height: number } | undefined;

/**
 * pdfmake `footer` function: the footnote area (drawn upwards from the bottom of the text
 * block), the sample notice (a box; composers write it long, so it lives in the foot, where it
 * cannot crowd the running header), "Page X of Y", then the markings.
 *
 * Footnotes are drawn here rather than in `background` because pdfmake lays out footers after
 * the body: a background is laid out while the body is (when a page is added), and pdfmake's
 * list layout would then hang a pending list marker on the first footnote line.
 */
export function footer(options: FurnitureOptions, notesFor: PageNotes): (currentPage: number, pageCount: number) => Block {
  return (currentPage, pageCount) => {
    const notice = noticeBlock(options);
    const notes = footnoteArea(notesFor(currentPage - 1));
    return {
      stack: [
        ...(notes ? [notes] : []),
        ...(notice ? [notice] : []),
        {
          text: textInlines(`Page ${currentPage} of ${pageCount}`, style(SIZE.footer), origin(options, 'the page footer')),
          alignment: 'center',
        },
        ...markingBlocks(options).map((block, i) => ({ ...block, margin: [0, i === 0 ? 4 : 0, 0, 0] })),
      ],
      margin: [MARGIN, notice ? 9 : 22, MARGIN, 0],
    };
  };
}

/** Height of the footnote area for notes whose measured heights are given (rule included). */
export function footnoteAreaHeight(noteHeights: number[]): number {
  if (noteHeights.length === 0) return 0;
  const notes = noteHeights.reduce((sum, h) => sum + h, 0) + FOOTNOTE.gapBetween * (noteHeights.length - 1);
  return FOOTNOTE.ruleWidth + FOOTNOTE.gapBelowRule + notes;
}

/**
 * The footnote area of a page: a short rule, then the notes, its bottom flush with the bottom
 * of the text block. Positioned in footer coordinates (the footer starts at the bottom margin).
 */
function footnoteArea(notes: { blocks: Block[]; height: number } | undefined): Block | undefined {
  if (!notes || notes.blocks.length === 0) return undefined;
  const stack: Block[] = [
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: FOOTNOTE.ruleLength, y2: 0, lineWidth: FOOTNOTE.ruleWidth, lineColor: COLOR.rule },
      ],
      margin: [0, 0, 0, FOOTNOTE.gapBelowRule + FOOTNOTE.ruleWidth],
    },
    ...notes.blocks.map((block, i) => ({ ...block, margin: [0, i === 0 ? 0 : FOOTNOTE.gapBetween, 0, 0] })),
  ];
  return {
    // A fixed-width column keeps the notes to the width of the text block.
    columns: [{ width: PAGE.width - 2 * MARGIN, stack }],
    absolutePosition: { x: MARGIN, y: -notes.height },
  };
}
