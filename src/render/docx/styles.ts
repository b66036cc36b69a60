// House style of a docketpress Word document as named Word styles (a house template can restyle every one):
// document defaults, paragraph and character styles, the data table style, list numbering, page geometry.
// Constants and docx style options only: no mdast, no I/O.
import { AlignmentType, BorderStyle, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';

/** Twips per point. */
const PT = 20;

/** US Letter and one-inch margins, in twips; headers and footers sit a third of an inch from the page's edge. */
export const PAGE = { width: 12_240, height: 15_840, margin: 1_440, furniture: 480 } as const;
/** Width of the text block, in twips. */
export const BODY_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Body font: Times New Roman (Tinos, which the PDF embeds, is metric-compatible with it). */
export const SERIF = 'Times New Roman';
/** Font Word uses for Chinese, Japanese and Korean characters (East Asian runs carry the `eastAsia` hint). */
export const EAST_ASIAN = 'SimSun';
export const MONO = 'Courier New';

/** Style ids: what the renderer names; what each looks like lives below. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'],
  quote: 'Quote',
  listBullet: ['ListBullet', 'ListBullet2', 'ListBullet3'],
  listNumber: ['ListNumber', 'ListNumber2', 'ListNumber3'],
  listContinue: ['ListContinue', 'ListContinue2', 'ListContinue3'],
  footnoteText: 'FootnoteText',
  footnoteReference: 'FootnoteReference',
  hyperlink: 'Hyperlink',
  table: 'DocketTable',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  afterTable: 'AfterTable',
  header: 'Header',
  runningHeader: 'RunningHeader',
  footer: 'Footer',
  marking: 'PageMarking',
  sampleNotice: 'SampleNotice',
  footerNotice: 'FooterNotice',
  caption: 'FilingCaption',
  addressee: 'Addressee',
  reLine: 'ReLine',
  dateLine: 'DateLine',
  attribution: 'Attribution',
  signature: 'Signature',
  centered: 'Centered',
  code: 'CodeBlock',
  inlineCode: 'CodeChar',
  rule: 'HorizontalRule',
} as const;

/** Numbering definitions the list styles use. */
export const NUMBERING = { bullet: 'docketpress-bullets', number: 'docketpress-numbers' } as const;

/** Nesting depths with their own list styles; deeper lists use the deepest. */
export const LIST_DEPTHS = 3;
const LIST_INDENT = 360;

const COLOR = { furniture: '555555', link: '0B4A9E', rule: '000000', lightRule: '9A9A9A', headerFill: 'EFEFEF', codeFill: 'F4F4F4', noticeText: '8A1C1C', noticeFill: 'FBEAEA', noticeBorder: 'B23A3A' } as const;

const spacing = (after: number, before = 0, line?: number) => ({ before: before * PT, after: after * PT, ...(line ? { line, lineRule: 'auto' as const } : {}) });
/** Single line spacing (240 = one line). */
const SINGLE = 240;
/** Body leading: 259/240 of Times New Roman's line ≈ 15 pt at 12 pt, as the PDF sets it. */
const BODY_LINE = 259;

const headingStyle = (level: number, size: number, before: number, after: number, italics = false) => ({
  id: STYLE.heading[level - 1]!,
  name: `Heading ${level}`,
  basedOn: STYLE.normal,
  next: STYLE.normal,
  quickFormat: true,
  run: { bold: true, italics, size: size * 2, color: '000000' },
  paragraph: { spacing: spacing(after, before, SINGLE), keepNext: true, keepLines: true, outlineLevel: level - 1 },
});

const listStyles = (ids: readonly string[], name: string, reference: string | undefined) =>
  ids.map((id, depth) => ({
    id,
    name: depth === 0 ? name : `${name} ${depth + 1}`,
    basedOn: STYLE.normal,
    quickFormat: depth === 0,
    paragraph: {
      // Tight items (no space between paragraphs of one list style), a body paragraph's space after the list.
      spacing: spacing(9),
      contextualSpacing: true,
      ...(reference ? { numbering: { reference, level: depth } } : { indent: { left: LIST_INDENT * (depth + 1) } }),
    },
  }));

/**
 * The data table style: rules at the top and bottom and under the header row, light rules between rows, no
 * vertical rules, a shaded header row that repeats on every page. docx has no table-style API, so it is
 * written as WordprocessingML, and given to docx as the styles part its own styles are added to.
 */
export const TABLE_STYLES = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Docket Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>\
<w:pPr><w:spacing w:before="0" w:after="0" w:line="${SINGLE}" w:lineRule="auto"/></w:pPr>\
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="${COLOR.rule}"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="${COLOR.rule}"/>\
<w:insideH w:val="single" w:sz="2" w:space="0" w:color="${COLOR.lightRule}"/></w:tblBorders>\
<w:tblCellMar><w:top w:w="70" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="70" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>\
<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:trPr><w:tblHeader/></w:trPr>\
<w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="${COLOR.rule}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="${COLOR.headerFill}"/></w:tcPr></w:tblStylePr></w:style></w:styles>`;

const box = (color: string, size = 6) => ({ style: BorderStyle.SINGLE, size, color, space: 1 });

/** Every style the renderer names, with document defaults: Times New Roman 12 pt, East Asian text in SimSun. */
export function houseStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: { ascii: SERIF, hAnsi: SERIF, cs: SERIF, eastAsia: EAST_ASIAN }, size: 24, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: spacing(9, 0, BODY_LINE) },
      },
    },
    paragraphStyles: [
      { id: STYLE.normal, name: 'Normal', quickFormat: true },
      { id: STYLE.title, name: 'Title', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: { bold: true, size: 28, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: spacing(12, 6, SINGLE), keepNext: true, outlineLevel: 0 } },
      headingStyle(1, 15, 18, 9),
      headingStyle(2, 13, 15, 7),
      headingStyle(3, 12, 12, 6),
      headingStyle(4, 12, 9, 4, true),
      headingStyle(5, 12, 9, 4, true),
      headingStyle(6, 12, 9, 4, true),
      { id: STYLE.quote, name: 'Quote', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, paragraph: { indent: { left: 720, right: 720 }, spacing: spacing(6, 0, SINGLE), keepNext: true } },
      ...listStyles(STYLE.listBullet, 'List Bullet', NUMBERING.bullet),
      ...listStyles(STYLE.listNumber, 'List Number', NUMBERING.number),
      ...listStyles(STYLE.listContinue, 'List Continue', undefined),
      { id: STYLE.footnoteText, name: 'footnote text', basedOn: STYLE.normal, link: 'FootnoteTextChar', run: { size: 20 }, paragraph: { spacing: spacing(2, 0, SINGLE) } },
      { id: STYLE.tableText, name: 'Table Text', basedOn: STYLE.normal, quickFormat: true, run: { size: 21 }, paragraph: { spacing: spacing(0, 0, SINGLE) } },
      { id: STYLE.tableHeading, name: 'Table Heading', basedOn: STYLE.tableText, quickFormat: true, run: { bold: true }, paragraph: { keepNext: true } },
      { id: STYLE.afterTable, name: 'After Table', basedOn: STYLE.normal, run: { size: 12 }, paragraph: { spacing: spacing(0, 0, SINGLE) } },
      { id: STYLE.header, name: 'header', basedOn: STYLE.normal, run: { size: 18, color: COLOR.furniture }, paragraph: { spacing: spacing(0, 0, SINGLE) } },
      { id: STYLE.runningHeader, name: 'Running Header', basedOn: STYLE.header, paragraph: { spacing: spacing(0, 6, SINGLE), border: { bottom: { style: BorderStyle.SINGLE, size: 3, color: COLOR.lightRule, space: 2 } } } },
      { id: STYLE.footer, name: 'footer', basedOn: STYLE.normal, run: { size: 20 }, paragraph: { alignment: AlignmentType.CENTER, spacing: spacing(0, 0, SINGLE) } },
      { id: STYLE.marking, name: 'Page Marking', basedOn: STYLE.normal, run: { bold: true, size: 20, characterSpacing: 12 }, paragraph: { alignment: AlignmentType.CENTER, spacing: spacing(4, 0, SINGLE) } },
      {
        id: STYLE.sampleNotice,
        name: 'Sample Notice',
        basedOn: STYLE.normal,
        run: { bold: true, size: 21, color: COLOR.noticeText },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: spacing(12, 0, SINGLE),
          border: { top: box(COLOR.noticeBorder), bottom: box(COLOR.noticeBorder), left: box(COLOR.noticeBorder), right: box(COLOR.noticeBorder) },
          shading: { type: 'clear', color: 'auto', fill: COLOR.noticeFill },
        },
      },
      { id: STYLE.footerNotice, name: 'Footer Notice', basedOn: STYLE.sampleNotice, run: { size: 15 }, paragraph: { spacing: spacing(4, 0, SINGLE) } },
      { id: STYLE.caption, name: 'Filing Caption', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: spacing(18, 0, SINGLE), keepNext: true, keepLines: true } },
      { id: STYLE.addressee, name: 'Addressee', basedOn: STYLE.normal, quickFormat: true, paragraph: { spacing: spacing(12, 0, SINGLE), keepLines: true } },
      { id: STYLE.reLine, name: 'Re Line', basedOn: STYLE.normal, quickFormat: true, run: { bold: true } },
      { id: STYLE.dateLine, name: 'Date Line', basedOn: STYLE.normal, quickFormat: true, paragraph: { alignment: AlignmentType.RIGHT } },
      { id: STYLE.attribution, name: 'Attribution', basedOn: STYLE.normal, quickFormat: true, paragraph: { alignment: AlignmentType.RIGHT, keepLines: true } },
      { id: STYLE.signature, name: 'Signature', basedOn: STYLE.normal, quickFormat: true, paragraph: { spacing: spacing(12, 12, SINGLE), keepLines: true, keepNext: true } },
      { id: STYLE.centered, name: 'Centered', basedOn: STYLE.normal, quickFormat: true, paragraph: { alignment: AlignmentType.CENTER } },
      { id: STYLE.code, name: 'Code Block', basedOn: STYLE.normal, run: { font: MONO, size: 19 }, paragraph: { spacing: spacing(12, 0, SINGLE), shading: { type: 'clear', color: 'auto', fill: COLOR.codeFill }, keepLines: true } },
      { id: STYLE.rule, name: 'Horizontal Rule', basedOn: STYLE.normal, paragraph: { spacing: spacing(12, 6, SINGLE), border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.lightRule, space: 1 } } } },
    ],
    characterStyles: [
      { id: STYLE.footnoteReference, name: 'footnote reference', run: { superScript: true } },
      { id: 'FootnoteTextChar', name: 'Footnote Text Char', link: STYLE.footnoteText, run: { size: 20 } },
      { id: STYLE.hyperlink, name: 'Hyperlink', run: { color: COLOR.link, underline: { type: 'single' } } },
      { id: STYLE.inlineCode, name: 'Code Char', run: { font: MONO, size: 21 } },
    ],
  };
}

/** Bullets (•, ◦, ▪) and numbers (1., a., i.) for the list styles, one level per nesting depth. */
export function houseNumbering(): INumberingOptions {
  const indent = (level: number) => ({ indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } });
  const bullets = ['\u2022', '\u25E6', '\u25AA'];
  const numbers = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;
  return {
    config: [
      {
        reference: NUMBERING.bullet,
        levels: bullets.map((text, level) => ({ level, format: LevelFormat.BULLET, text, alignment: AlignmentType.LEFT, style: { paragraph: indent(level), run: { font: SERIF } } })),
      },
      {
        reference: NUMBERING.number,
        levels: numbers.map((format, level) => ({ level, format, text: `%${level + 1}.`, alignment: AlignmentType.LEFT, style: { paragraph: indent(level) } })),
      },
    ],
  };
}
