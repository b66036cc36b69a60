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

/** Marks furniture nodes, so page-break rules can tell them from body nodes. */
export const FURNITURE_STYLE = 'docketpress-furniture';

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

/** pdfmake `header` function. */
export function header(options: FurnitureOptions): (currentPage: number) => Block {
  return (currentPage) => {
    const stack: Block[] = [...markingBlocks(options)];
    if (options.sampleNotice) {
      stack.push({
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
        margin: [0, stack.length ? 3 : 0, 0, 0],
      });
    }
    if (currentPage > 1 && options.runningHeader) {
      stack.push({
        text: textInlines(options.runningHeader, style(SIZE.header, { color: COLOR.furniture }), origin(options, 'the running header')),
        alignment: 'left',
        margin: [0, stack.length ? 4 : 0, 0, 1.5],
      });
      stack.push({
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: PAGE.width - 2 * MARGIN, y2: 0, lineWidth: 0.4, lineColor: COLOR.lightRule },
        ],
      });
    }
    return { stack, margin: [MARGIN, 20, MARGIN, 0], style: FURNITURE_STYLE };
  };
}

/** pdfmake `footer` function. */
export function footer(options: FurnitureOptions): (currentPage: number, pageCount: number) => Block {
  return (currentPage, pageCount) => ({
    stack: [
      {
        text: textInlines(`Page ${currentPage} of ${pageCount}`, style(SIZE.footer), origin(options, 'the page footer')),
        alignment: 'center',
      },
      ...markingBlocks(options).map((block, i) => ({ ...block, margin: [0, i === 0 ? 5 : 0, 0, 0] })),
    ],
    margin: [MARGIN, 22, MARGIN, 0],
    style: FURNITURE_STYLE,
  });
}

/** Height of the footnote area for notes whose measured heights are given (rule included). */
export function footnoteAreaHeight(noteHeights: number[]): number {
  if (noteHeights.length === 0) return 0;
  const notes = noteHeights.reduce((sum, h) => sum + h, 0) + FOOTNOTE.gapBetween * (noteHeights.length - 1);
  return FOOTNOTE.ruleWidth + FOOTNOTE.gapBelowRule + notes;
}

/**
 * pdfmake `background` function drawing, on each page, the footnotes `notesFor` gives for it,
 * flush with the bottom of the text block.
 */
export function footnoteArea(
  notesFor: (pageIndex: number) => { blocks: Block[]; height: number } | undefined,
): (currentPage: number) => Block | null {
  return (currentPage) => {
    const notes = notesFor(currentPage - 1);
    if (!notes || notes.blocks.length === 0) return null;
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
      // The background block is page-wide: a fixed-width column keeps notes to the text block.
      columns: [{ width: PAGE.width - 2 * MARGIN, stack }],
      absolutePosition: { x: MARGIN, y: PAGE.height - MARGIN - notes.height },
      style: FURNITURE_STYLE,
    };
  };
}
