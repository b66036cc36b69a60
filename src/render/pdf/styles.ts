// House style of a docketpress filing: page geometry, type sizes, leading, colours, spacing and
// table layouts. Constants and small layout objects only: no mdast, no fonts, no I/O.
import type { CustomTableLayout } from 'pdfmake/interfaces.js';

/** US Letter, points. */
export const PAGE = { width: 612, height: 792 } as const;
/** One-inch margins. */
export const MARGIN = 72;
/** Width of the text block. */
export const BODY_WIDTH = PAGE.width - 2 * MARGIN;
/** Height of the text block on a page without footnotes. */
export const BODY_HEIGHT = PAGE.height - 2 * MARGIN;

/**
 * pdfmake's `lineHeight` multiplies a font's ascent+descent (1.107 em for Tinos); these factors
 * give the leading in em stated beside them.
 */
export const LEADING = {
  body: 1.13, // ≈ 1.25 em: 15 pt lines at 12 pt
  tight: 1.04, // ≈ 1.15 em: headings, tables, footnotes
  quote: 1.04,
  code: 1.0,
  furniture: 1.0,
} as const;

export const SIZE = {
  body: 12,
  h1: 15,
  h2: 13,
  h3: 12,
  h4: 12,
  title: 14,
  table: 10.5,
  footnote: 10,
  code: 9.5,
  inlineCodeRatio: 0.88,
  header: 9,
  footer: 10,
  marking: 10,
  notice: 7.5,
} as const;

export const COLOR = {
  text: '#000000',
  link: '#0B4A9E',
  furniture: '#555555',
  rule: '#000000',
  lightRule: '#9A9A9A',
  headerFill: '#EFEFEF',
  codeFill: '#F4F4F4',
  codeBorder: '#C8C8C8',
  noticeText: '#8A1C1C',
  noticeFill: '#FBEAEA',
  noticeBorder: '#B23A3A',
} as const;

/** Space after a body paragraph, and before/after headings by depth. */
export const SPACE = {
  paragraph: 9,
  listItem: 3,
  headingBefore: [0, 18, 15, 12, 9, 9, 9] as readonly number[],
  headingAfter: [0, 9, 7, 6, 4, 4, 4] as readonly number[],
  block: 12,
} as const;

/** Footnote area: gap above the short rule, the rule's length, gap below it, gap between notes. */
export const FOOTNOTE = {
  gapAbove: 9,
  ruleLength: 144,
  ruleWidth: 0.5,
  gapBelowRule: 4,
  gapBetween: 2,
  /** Footnotes may take at most this share of a page's text block. */
  maxShare: 0.6,
} as const;

/** Data tables: no vertical rules, a heavier rule at top, under the header and at the bottom. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => {
    const rows = node.table.body.length;
    const header = node.table.headerRows ?? 0;
    return i === 0 || i === rows || i === header ? 0.8 : 0.35;
  },
  vLineWidth: () => 0,
  hLineColor: (i, node) => {
    const rows = node.table.body.length;
    const header = node.table.headerRows ?? 0;
    return i === 0 || i === rows || i === header ? COLOR.rule : COLOR.lightRule;
  },
  paddingLeft: (i) => (i === 0 ? 2 : 6),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 1) - 1 ? 2 : 6),
  paddingTop: () => 3.5,
  paddingBottom: () => 3.5,
  fillColor: (row, node) => (row < (node.table.headerRows ?? 0) ? COLOR.headerFill : null),
};

/** Code blocks: a light box. */
export const CODE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => COLOR.codeBorder,
  vLineColor: () => COLOR.codeBorder,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 4,
  fillColor: () => COLOR.codeFill,
};

/** The sample notice: a shaded box with a coloured rule. */
export const NOTICE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.75,
  vLineWidth: () => 0.75,
  hLineColor: () => COLOR.noticeBorder,
  vLineColor: () => COLOR.noticeBorder,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 2,
  paddingBottom: () => 2,
  fillColor: () => COLOR.noticeFill,
};
