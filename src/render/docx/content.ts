// mdast → Word content: paragraphs named by Word styles (roles, headings, quotes, lists, tables, code) and real
// Word footnotes, numbered in order of first reference as in the PDF. Formatting lives in styles.ts; this
// module only names styles (and sets bold, italics and links inside a paragraph). Must not touch page
// furniture, metadata or packaging.
import { AlignmentType, ExternalHyperlink, FootnoteReferenceRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import type { Nodes, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { externalLink, roleOf, type BlockRole } from '../../document/index.js';
import { BODY_WIDTH, EAST_ASIAN, LIST_DEPTHS, NUMBERING, STYLE } from './styles.js';

type Block = Paragraph | Table;
type Inline = TextRun | ExternalHyperlink | FootnoteReferenceRun;
type FootnoteDefinition = RootContent & { type: 'footnoteDefinition' };

/** Run formatting set by the phrasing around a text: emphasis, strong, strike-through, code, a link. */
interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  /** A character style (Hyperlink for a link's words). */
  style?: string;
}

/** Where blocks are being set: the paragraph style of plain paragraphs, list depth, inside a footnote. */
interface Place {
  paragraphStyle: string;
  listDepth: number;
  inFootnote: boolean;
}

/**
 * Layout roles a composer may set on a block (`data.docketpress.role`), and the Word style each becomes; an exhibit's
 * heading keeps its heading style (and starts a page), the table of contents is a plain list of the headings.
 */
const ROLE_STYLES: Readonly<Record<Exclude<BlockRole, 'exhibit' | 'toc'>, string>> = {
  caption: STYLE.caption,
  title: STYLE.title,
  addressee: STYLE.addressee,
  're-line': STYLE.reLine,
  'date-line': STYLE.dateLine,
  signature: STYLE.signature,
  'sample-notice': STYLE.sampleNotice,
  center: STYLE.centered,
  attribution: STYLE.attribution,
};


/** Characters XML 1.0 cannot carry at all (the loader already refuses control characters in its files). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Runs of Chinese, Japanese and Korean text, which get the East Asian font hint. */
const EAST_ASIAN_RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]+)/u;

/** Text runs with the given format; East Asian stretches in runs of their own, hinted `eastAsia`. */
function textRuns(value: string, format: RunFormat): TextRun[] {
  const style = format.style ?? (format.code ? STYLE.inlineCode : undefined);
  const clean = value.replace(NOT_XML, '');
  return clean
    .split(EAST_ASIAN_RUN)
    .filter((part) => part !== '')
    .map((part, i) => {
      const options: IRunOptions = {
        text: part,
        ...(format.bold ? { bold: true } : {}),
        ...(format.italics ? { italics: true } : {}),
        ...(format.strike ? { strike: true } : {}),
        ...(style ? { style } : {}),
        // split() with a capturing group puts the East Asian stretches at odd indexes
        ...(i % 2 === 1 || EAST_ASIAN_RUN.test(part) ? { font: { eastAsia: EAST_ASIAN, hint: 'eastAsia' } } : {}),
      };
      return new TextRun(options);
    });
}

/** Builds Word content for one mdast tree; footnote numbers are fixed at construction. */
export class DocxContent {
  /** Word footnotes by id (1, 2, 3 … in order of first reference, as the PDF numbers them). */
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private readonly definitions = new Map<string, FootnoteDefinition>();
  private readonly linkDefinitions = new Map<string, string>();
  private readonly footnoteNumbers = new Map<string, number>();
  /** Ordered lists so far (each is its own Word numbering instance, so each counts from 1). */
  private orderedLists = 0;

  constructor(private readonly root: Root) {
    visit(root, (node) => {
      if (node.type === 'footnoteDefinition' && !this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node);
      if (node.type === 'definition' && !this.linkDefinitions.has(node.identifier)) this.linkDefinitions.set(node.identifier, node.url);
    });
    visit(root, (node) => {
      if (node.type === 'footnoteDefinition') return SKIP;
      if (node.type === 'footnoteReference' && this.definitions.has(node.identifier) && !this.footnoteNumbers.has(node.identifier)) {
        this.footnoteNumbers.set(node.identifier, this.footnoteNumbers.size + 1);
      }
      return undefined;
    });
  }

  /** The body (everything but footnote definitions); fills `footnotes` as their references are set. */
  body(): Block[] {
    return this.blocks(this.root.children, { paragraphStyle: STYLE.normal, listDepth: 0, inFootnote: false });
  }

  private blocks(nodes: readonly Nodes[], place: Place): Block[] {
    return nodes.flatMap((node) => this.block(node, place));
  }

  private paragraph(style: string, children: Inline[], alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
    return new Paragraph({ style, children, ...(alignment ? { alignment } : {}) });
  }

  private block(node: Nodes, outer: Place): Block[] {
    const role = roleOf(node);
    const place: Place = role && role !== 'exhibit' && role !== 'toc' ? { ...outer, paragraphStyle: ROLE_STYLES[role] } : outer;
    switch (node.type) {
      case 'paragraph': {
        const inlines = this.phrasing(node.children, {}, place);
        return inlines.length ? [this.paragraph(place.paragraphStyle, inlines)] : [];
      }
      case 'heading': {
        const style = role === 'title' ? STYLE.title : (STYLE.heading[node.depth - 1] ?? STYLE.heading[5]);
        const children = this.phrasing(node.children, place.inFootnote ? { bold: true } : {}, place);
        // An exhibit starts a page of its own.
        if (role === 'exhibit') return [new Paragraph({ style, children, pageBreakBefore: true })];
        return [this.paragraph(place.inFootnote ? place.paragraphStyle : style, children)];
      }
      case 'blockquote':
        return this.blocks(node.children, role || place.inFootnote ? place : { ...place, paragraphStyle: STYLE.quote });
      case 'list':
        return this.list(node, place);
      case 'table':
        return this.table(node, place);
      case 'code': {
        const lines = node.value.replace(/\t/g, '    ').split('\n');
        const runs = lines.flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...textRuns(line, {})]);
        return [this.paragraph(place.inFootnote ? place.paragraphStyle : STYLE.code, runs)];
      }
      case 'thematicBreak':
        return place.inFootnote ? [] : [new Paragraph({ style: STYLE.rule })];
      case 'footnoteDefinition':
      case 'definition':
      case 'html':
      case 'yaml':
        return [];
      default: {
        // Unresolved directives and other containers: set their content.
        if ('children' in node && Array.isArray(node.children)) {
          const children = node.children as Nodes[];
          if (children.every(isPhrasing)) {
            const inlines = this.phrasing(children as PhrasingContent[], {}, place);
            return inlines.length ? [this.paragraph(place.paragraphStyle, inlines)] : [];
          }
          return this.blocks(children, place);
        }
        const value = (node as { value?: unknown }).value;
        return typeof value === 'string' && value ? [this.paragraph(place.paragraphStyle, textRuns(value, {}))] : [];
      }
    }
  }

  /**
   * A list: each item's first paragraph carries the bullet or number (List Bullet / List Number, by depth), its
   * further paragraphs are List Continue; every ordered list is a numbering instance of its own.
   */
  private list(node: Nodes & { type: 'list' }, place: Place): Block[] {
    const depth = Math.min(place.listDepth, LIST_DEPTHS - 1);
    const instance = node.ordered ? ++this.orderedLists : 0;
    const inner: Place = { ...place, listDepth: place.listDepth + 1, paragraphStyle: place.inFootnote ? place.paragraphStyle : STYLE.listContinue[depth]! };
    const out: Block[] = [];
    for (const item of node.children) {
      const first = item.children[0];
      const firstIsParagraph = first?.type === 'paragraph';
      const checkbox = typeof item.checked === 'boolean' ? textRuns(item.checked ? '[x] ' : '[ ] ', {}) : [];
      const content = firstIsParagraph ? [...checkbox, ...this.phrasing(first.children, {}, inner)] : checkbox;
      const marker = place.inFootnote
        ? new Paragraph({ style: place.paragraphStyle, children: [...textRuns(node.ordered ? `${out.length + 1}. ` : '• ', {}), ...content] })
        : node.ordered
          ? new Paragraph({ style: STYLE.listNumber[depth]!, numbering: { reference: NUMBERING.number, level: depth, instance, custom: true }, children: content })
          : new Paragraph({ style: STYLE.listBullet[depth]!, children: content });
      out.push(marker, ...this.blocks(firstIsParagraph ? item.children.slice(1) : item.children, inner));
    }
    return out;
  }

  /** A data table in the Docket Table style: the header row repeats on every page, rows never split. */
  private table(node: MdTable, place: Place): Block[] {
    const columns = Math.max(...node.children.map((row) => row.children.length), 1);
    if (place.inFootnote) {
      // Word footnotes hold paragraphs here: one per row, cells separated by tabs.
      return node.children.map((row) => this.paragraph(place.paragraphStyle, row.children.flatMap((cell, i) => [...(i > 0 ? [new TextRun({ text: '\t' })] : []), ...this.phrasing(cell.children, {}, place)])));
    }
    const widths = columnWidths(node, columns);
    const rows = node.children.map((row, rowIndex) => {
      const cells: TableCell[] = [];
      for (let col = 0; col < columns; col++) {
        const cell = row.children[col];
        const align = node.align?.[col];
        const alignment = align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : undefined;
        const style = rowIndex === 0 ? STYLE.tableHeading : STYLE.tableText;
        const inlines = cell ? this.phrasing(cell.children, {}, place) : [];
        cells.push(new TableCell({ width: { size: widths[col]!, type: WidthType.DXA }, children: [this.paragraph(style, inlines, alignment)] }));
      }
      return new TableRow({ children: cells, cantSplit: true, ...(rowIndex === 0 ? { tableHeader: true } : {}) });
    });
    return [
      new Table({
        style: STYLE.table,
        rows,
        width: { size: BODY_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        tableLook: { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
      }),
      // Word joins a table to a table right after it; a small empty paragraph keeps them apart and spaces what follows.
      new Paragraph({ style: STYLE.afterTable }),
    ];
  }

  private phrasing(nodes: readonly PhrasingContent[], format: RunFormat, place: Place): Inline[] {
    return nodes.flatMap((node) => this.inline(node, format, place));
  }

  private inline(node: PhrasingContent | Nodes, format: RunFormat, place: Place): Inline[] {
    switch (node.type) {
      case 'text':
        return textRuns(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ').replace(/\t/g, ' '), format);
      case 'emphasis':
        return this.phrasing(node.children, { ...format, italics: !format.italics }, place);
      case 'strong':
        return this.phrasing(node.children, { ...format, bold: true }, place);
      case 'delete':
        return this.phrasing(node.children, { ...format, strike: true }, place);
      case 'inlineCode':
        return textRuns(node.value, { ...format, code: true });
      case 'link':
        return this.link(node.children, node.url, format, place);
      case 'linkReference': {
        const url = this.linkDefinitions.get(node.identifier);
        return url === undefined ? this.phrasing(node.children, format, place) : this.link(node.children, url, format, place);
      }
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'footnoteReference':
        return this.footnoteReference(node.identifier, format, place);
      case 'image':
      case 'imageReference':
        return node.alt ? textRuns(`[${node.alt}]`, { ...format, italics: !format.italics }) : [];
      case 'html':
        return [];
      default:
        if ('children' in node && Array.isArray(node.children)) return this.phrasing(node.children as PhrasingContent[], format, place);
        if (typeof (node as { value?: unknown }).value === 'string') return textRuns((node as { value: string }).value, format);
        return [];
    }
  }

  private link(children: readonly PhrasingContent[], url: string, format: RunFormat, place: Place): Inline[] {
    const safe = externalLink(url);
    if (!safe) return this.phrasing(children, format, place);
    // Word cannot put a note mark inside a hyperlink: marks among a link's words follow it.
    const inlines = this.phrasing(children, { ...format, style: STYLE.hyperlink }, place);
    const words = inlines.filter((inline): inline is TextRun => inline instanceof TextRun);
    const marks = inlines.filter((inline) => !(inline instanceof TextRun));
    return [new ExternalHyperlink({ link: safe, children: words }), ...marks];
  }

  /**
   * A footnote mark. The first reference to a definition makes its Word footnote; a later reference to the same
   * definition, or one inside a footnote (Word has no notes in notes), repeats the number as a superscript.
   */
  private footnoteReference(identifier: string, format: RunFormat, place: Place): Inline[] {
    const n = this.footnoteNumbers.get(identifier);
    if (n === undefined) return [];
    if (place.inFootnote || this.footnotes[n]) return textRuns(String(n), { ...format, style: STYLE.footnoteReference });
    const definition = this.definitions.get(identifier)!;
    this.footnotes[n] = { children: [] };
    const notePlace: Place = { paragraphStyle: STYLE.footnoteText, listDepth: 0, inFootnote: true };
    const paragraphs = this.blocks(definition.children, notePlace).filter((block): block is Paragraph => block instanceof Paragraph);
    const first = paragraphs[0] ?? new Paragraph({ style: STYLE.footnoteText });
    // Word writes the note's number in front of its first paragraph; a space parts it from the text.
    first.addRunToFront(new TextRun(' '));
    this.footnotes[n] = { children: paragraphs.length ? paragraphs : [first] };
    return [new FootnoteReferenceRun(n)];
  }
}

/** Twips a character of table text takes, on average (10.5 pt Times, bold in the header row), and a cell's padding. */
const CHAR_WIDTH = 115;
const CELL_PADDING = 240;

/**
 * Column widths filling the text block: each column at least as wide as its longest word (so "Headquarters"
 * is never broken), the rest shared in proportion to each column's longest text. Word re-fits them when edited.
 */
function columnWidths(node: MdTable, columns: number): number[] {
  const longest = new Array<number>(columns).fill(1);
  const word = new Array<number>(columns).fill(1);
  for (const row of node.children) {
    row.children.forEach((cell, i) => {
      const text = toString(cell);
      longest[i] = Math.max(longest[i]!, Math.min(text.length, 80));
      word[i] = Math.max(word[i]!, ...text.split(/\s+/).map((w) => Math.min(w.length, 24)));
    });
  }
  const minimum = word.map((n) => n * CHAR_WIDTH + CELL_PADDING);
  const spare = Math.max(0, BODY_WIDTH - minimum.reduce((sum, n) => sum + n, 0));
  const share = longest.map((n, i) => Math.max(0, n * CHAR_WIDTH + CELL_PADDING - minimum[i]!));
  const wanted = share.reduce((sum, n) => sum + n, 0) || 1;
  const widths = minimum.map((n, i) => n + Math.floor((spare * share[i]!) / wanted));
  const scale = Math.min(1, BODY_WIDTH / widths.reduce((sum, n) => sum + n, 0));
  return widths.map((n) => Math.floor(n * scale));
}

const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'linkReference', 'break', 'footnoteReference', 'image', 'imageReference', 'html', 'textDirective', 'bci']);

function isPhrasing(node: Nodes): boolean {
  return PHRASING.has(node.type);
}

