// mdast → pdfmake content: blocks, inlines, layout roles, headings (with outline entries) and
// footnotes (numbered in order of first reference; their bodies built separately so the page
// layout can place them). Every call returns fresh objects (pdfmake mutates what it is given).
// Must not decide pagination, page furniture or metadata.
import type { Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { externalLink } from '../../document/links.js';
import { roleOf } from '../../document/roles.js';
import { PdfRenderError } from './errors.js';
import { textInlines, type Inline, type TextOrigin, type TextStyle } from './inlines.js';
import { BODY_WIDTH, CODE_LAYOUT, COLOR, LEADING, NOTICE_LAYOUT, SIZE, SPACE, TABLE_LAYOUT } from './styles.js';

/** A pdfmake content node (kept loose: pdfmake's own types do not cover outline ids etc.). */
export type Block = Record<string, unknown>;

type Alignment = 'left' | 'right' | 'center' | 'justify';

/** Prefix of the named destination of footnote N (`fn-N`), used by references and bodies. */
export const FOOTNOTE_DESTINATION = 'fn-';

interface BlockStyle {
  fontSize: number;
  lineHeight: number;
  bold: boolean;
  italics: boolean;
  alignment: Alignment;
  /** Space after each paragraph. */
  gap: number;
  color?: string;
  listDepth: number;
  /** Set inside footnotes: their paragraphs carry no block ids and never break pages. */
  footnote?: boolean;
}

// Ragged right: pdfmake justifies by spreading space between every inline (font runs, styled
// words, CJK characters), which opens gaps before punctuation and inside Chinese words.
const BODY_STYLE: BlockStyle = {
  fontSize: SIZE.body,
  lineHeight: LEADING.body,
  bold: false,
  italics: false,
  alignment: 'left',
  gap: SPACE.paragraph,
  listDepth: 0,
};

const FOOTNOTE_STYLE: BlockStyle = {
  fontSize: SIZE.footnote,
  lineHeight: LEADING.tight,
  bold: false,
  italics: false,
  alignment: 'left',
  gap: 2,
  listDepth: 0,
  footnote: true,
};

/** Roles whose consecutive siblings are set as one group. */
const GROUPED: ReadonlySet<string> = new Set(['caption', 'addressee', 'signature']);

function hasChildren(node: Nodes): node is Parents {
  return Array.isArray((node as { children?: unknown }).children);
}


interface HeadingEntry {
  id: string;
  depth: number;
  text: string;
  /** Listed in the table of contents (the composer marks it). */
  tocEntry: boolean;
}

/** Builds pdfmake content for one mdast tree; numbering and headings are fixed at construction. */
export class ContentBuilder {
  /** Footnote numbers by definition identifier, in order of first reference. */
  readonly footnoteNumbers = new Map<string, number>();
  /** Headings in document order (ids are the named destinations `h-N`). */
  readonly headings: HeadingEntry[] = [];
  private readonly definitions = new Map<string, RootContent & { type: 'footnoteDefinition' }>();
  private readonly linkDefinitions = new Map<string, string>();
  /** Footnote definition identifiers by number (the inverse of footnoteNumbers). */
  private readonly footnoteIdentifiers = new Map<number, string>();
  private readonly file: string | undefined;
  private headingCounter = 0;
  private paragraphCounter = 0;
  private tableCounter = 0;
  /**
   * Ids of blocks to start on a new page (headings `h-N`, run-in labels `k-N`, paragraphs and list items
   * `p-N`): set by the renderer when a layout left one stranded at the foot of a page or split it badly.
   */
  breakBefore: ReadonlySet<string> = new Set();

  constructor(
    private readonly root: Root,
    file?: string,
  ) {
    this.file = file;
    visit(root, (node) => {
      if (node.type === 'footnoteDefinition' && !this.definitions.has(node.identifier)) {
        this.definitions.set(node.identifier, node);
      }
      if (node.type === 'definition' && !this.linkDefinitions.has(node.identifier)) {
        this.linkDefinitions.set(node.identifier, node.url);
      }
    });
    this.numberFootnotes();
    for (const entry of this.collectHeadings()) this.headings.push(entry);
  }

  /** The number of footnotes that are referenced (and so printed). */
  get footnoteCount(): number {
    return this.footnoteNumbers.size;
  }

  private origin(node: Nodes): TextOrigin {
    const start = node.position?.start;
    return {
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(start?.line !== undefined ? { line: start.line } : {}),
      ...(start?.column !== undefined ? { column: start.column } : {}),
    };
  }

  private numberFootnotes(): void {
    const queue: Nodes[] = [this.root];
    while (queue.length > 0) {
      const tree = queue.shift() as Nodes;
      visit(tree, (node) => {
        if (node.type === 'footnoteDefinition' && node !== tree) return SKIP;
        if (node.type !== 'footnoteReference') return undefined;
        if (this.footnoteNumbers.has(node.identifier)) return undefined;
        const definition = this.definitions.get(node.identifier);
        if (!definition) {
          const origin = this.origin(node);
          throw new PdfRenderError(
            `Footnote reference \`[^${node.label ?? node.identifier}]\` has no definition: add \`[^${node.label ?? node.identifier}]: …\` or remove the reference`,
            'pdf-missing-footnote',
            origin,
          );
        }
        this.footnoteIdentifiers.set(this.footnoteNumbers.size + 1, node.identifier);
        this.footnoteNumbers.set(node.identifier, this.footnoteNumbers.size + 1);
        queue.push(definition);
        return undefined;
      });
    }
  }

  private collectHeadings(): HeadingEntry[] {
    const result: HeadingEntry[] = [];
    let counter = 0;
    visit(this.root, (node) => {
      if (node.type === 'footnoteDefinition') return SKIP;
      if (node.type === 'heading') {
        counter += 1;
        result.push({ id: `h-${counter}`, depth: node.depth, text: toString(node).replace(/\s+/g, ' ').trim(), tocEntry: node.data?.docketpress?.tocEntry === true });
      }
      return undefined;
    });
    return result;
  }

  // ── body ──────────────────────────────────────────────────────────────────────────────

  /** Fresh pdfmake content for the body (everything but footnote definitions). */
  body(): Block[] {
    this.headingCounter = 0;
    this.paragraphCounter = 0;
    this.tableCounter = 0;
    const parents: Array<{ depth: number; id: string }> = [];
    return this.blocks(this.root.children, BODY_STYLE, parents);
  }

  /** Fresh pdfmake content for footnote `n` (1-based), its first line a named destination. */
  footnote(n: number): Block {
    const identifier = this.footnoteIdentifiers.get(n);
    const definition = identifier === undefined ? undefined : this.definitions.get(identifier);
    if (!definition) throw new Error(`No footnote ${n}`);
    const marker: Inline[] = [
      ...this.inlineText(`${n}`, { ...this.textStyle(FOOTNOTE_STYLE), sup: true }, {}),
      ...this.inlineText('\u2002', this.textStyle(FOOTNOTE_STYLE), {}),
    ];
    const blocks = this.blocks(definition.children, FOOTNOTE_STYLE, []);
    const first = blocks[0];
    if (first && Array.isArray(first['text'])) {
      first['text'] = [...marker, ...(first['text'] as Inline[])];
      first['id'] = `${FOOTNOTE_DESTINATION}${n}`;
    } else {
      blocks.unshift({ text: marker, id: `${FOOTNOTE_DESTINATION}${n}` });
    }
    const last = blocks[blocks.length - 1];
    if (last) last['margin'] = [0, 0, 0, 0];
    return { stack: blocks };
  }

  private textStyle(style: BlockStyle): TextStyle {
    return {
      bold: style.bold,
      italics: style.italics,
      mono: false,
      fontSize: style.fontSize,
      lineHeight: style.lineHeight,
      ...(style.color ? { color: style.color } : {}),
    };
  }

  private inlineText(text: string, style: TextStyle, origin: TextOrigin): Inline[] {
    return textInlines(text, style, origin);
  }

  private blocks(nodes: readonly Nodes[], style: BlockStyle, parents: Array<{ depth: number; id: string }>): Block[] {
    const out: Block[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Nodes;
      const role = roleOf(node);
      if (role && GROUPED.has(role)) {
        const group: Nodes[] = [node];
        while (i + 1 < nodes.length && roleOf(nodes[i + 1] as Nodes) === role) group.push(nodes[++i] as Nodes);
        out.push(this.group(role, group, style, parents));
        continue;
      }
      out.push(...this.block(node, style, parents));
    }
    return out;
  }

  private roleStyle(role: string | undefined, style: BlockStyle): BlockStyle {
    switch (role) {
      case 'caption':
        return { ...style, bold: true, alignment: 'center', gap: 2 };
      case 'title':
        return { ...style, bold: true, alignment: 'center', fontSize: SIZE.title, lineHeight: LEADING.tight };
      case 'center':
        return { ...style, alignment: 'center' };
      case 're-line':
        return { ...style, bold: true, alignment: 'left' };
      case 'date-line':
      case 'attribution':
        return { ...style, alignment: 'right' };
      case 'addressee':
        return { ...style, alignment: 'left', gap: 0 };
      case 'signature':
        return { ...style, alignment: 'left', gap: 0 };
      case 'sample-notice':
        return { ...style, alignment: 'center', color: COLOR.noticeText, fontSize: 10.5, lineHeight: LEADING.tight, gap: 2 };
      default:
        return style;
    }
  }

  private group(role: string, nodes: Nodes[], style: BlockStyle, parents: Array<{ depth: number; id: string }>): Block {
    const inner = this.roleStyle(role, style);
    const stack: Block[] = [];
    for (const node of nodes) stack.push(...this.block(node, inner, parents, true));
    const last = stack[stack.length - 1];
    if (last) last['margin'] = [0, 0, 0, 0];
    const after = role === 'caption' ? 18 : SPACE.block;
    const block: Block = { stack, margin: [0, role === 'signature' ? 12 : 0, 0, after] };
    // A signature block is never split across pages; neither is the caption.
    if (role === 'signature' || role === 'caption') block['unbreakable'] = true;
    return block;
  }

  private block(node: Nodes, outer: BlockStyle, parents: Array<{ depth: number; id: string }>, grouped = false): Block[] {
    const role = grouped ? undefined : roleOf(node);
    const style = grouped ? outer : this.roleStyle(role, outer);
    let result: Block[];
    switch (node.type) {
      case 'paragraph': {
        const inlines = this.phrasing(node.children, this.textStyle(style));
        // Every paragraph gets an id its first drawn line carries (the typesetting checks read it); a run-in
        // label alone in its paragraph ("Evidence.") is kept with what follows, as a heading is.
        const block: Block = { text: inlines, alignment: style.alignment, margin: [0, 0, 0, style.gap] };
        if (!style.footnote) {
          this.paragraphCounter += 1;
          const label = isRunInLabel(node);
          const id = `${label ? 'k' : 'p'}-${this.paragraphCounter}`;
          block['id'] = id;
          if (label) block['headlineLevel'] = 9;
          if (this.breakBefore.has(id)) block['pageBreak'] = 'before';
        }
        result = inlines.length === 0 ? [] : [block];
        break;
      }
      case 'heading':
        result = [this.heading(node, style, parents, role)];
        break;
      case 'blockquote': {
        const inner: BlockStyle = { ...style, lineHeight: LEADING.quote, gap: 6 };
        const stack = this.blocks(node.children, inner, parents);
        const last = stack[stack.length - 1];
        if (last) last['margin'] = [0, 0, 0, 0];
        result = stack.length ? [{ stack, margin: [36, 0, 36, SPACE.block] }] : [];
        break;
      }
      case 'list':
        result = [role === 'toc' ? this.contents(style) : this.list(node, style, parents)];
        break;
      case 'table':
        result = [this.table(node, style)];
        break;
      case 'code':
        result = [this.code(node.value, style, this.origin(node))];
        break;
      case 'thematicBreak':
        result = [
          {
            canvas: [{ type: 'line', x1: 0, y1: 0, x2: BODY_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLOR.lightRule }],
            margin: [0, 6, 0, SPACE.block + 3],
          },
        ];
        break;
      case 'footnoteDefinition':
      case 'definition':
      case 'html':
      case 'yaml':
        result = [];
        break;
      default:
        // Unresolved directives and other containers: set their content.
        if (hasChildren(node)) {
          const children = node.children as Nodes[];
          const phrasingOnly = children.every((child) => isPhrasing(child));
          if (phrasingOnly) {
            const inlines = this.phrasing(children as PhrasingContent[], this.textStyle(style));
            result = inlines.length ? [{ text: inlines, alignment: style.alignment, margin: [0, 0, 0, style.gap] }] : [];
          } else result = this.blocks(children, style, parents);
        } else if (typeof (node as { value?: unknown }).value === 'string') {
          const inlines = this.inlineText((node as { value: string }).value, this.textStyle(style), this.origin(node));
          result = [{ text: inlines, alignment: style.alignment, margin: [0, 0, 0, style.gap] }];
        } else result = [];
    }
    if (role === 'sample-notice' && result.length > 0) {
      const last = result[result.length - 1];
      if (last) last['margin'] = [0, 0, 0, 0];
      return [
        {
          table: { widths: ['*'], body: [[{ stack: result }]] },
          layout: NOTICE_LAYOUT,
          margin: [0, 0, 0, SPACE.block],
        },
      ];
    }
    if (role === 'signature' && result.length > 0) {
      return [{ stack: result, unbreakable: true, margin: [0, 12, 0, SPACE.block] }];
    }
    return result;
  }

  private heading(
    node: Nodes & { type: 'heading' },
    style: BlockStyle,
    parents: Array<{ depth: number; id: string }>,
    role: string | undefined,
  ): Block {
    this.headingCounter += 1;
    const entry = this.headings[this.headingCounter - 1];
    const id = entry?.id ?? `h-${this.headingCounter}`;
    while (parents.length > 0 && (parents[parents.length - 1] as { depth: number }).depth >= node.depth) parents.pop();
    const parent = parents[parents.length - 1];
    parents.push({ depth: node.depth, id });
    const size = [SIZE.h1, SIZE.h1, SIZE.h2, SIZE.h3, SIZE.h4, SIZE.h4, SIZE.h4][node.depth] ?? SIZE.h4;
    const textStyle: TextStyle = {
      ...this.textStyle(style),
      bold: true,
      italics: node.depth >= 4 ? true : style.italics,
      fontSize: role === 'title' ? SIZE.title : size,
      lineHeight: LEADING.tight,
    };
    const block: Block = {
      text: this.phrasing(node.children, textStyle),
      id,
      outline: true,
      outlineText: entry?.text ?? toString(node),
      outlineExpanded: node.depth <= 2,
      headlineLevel: node.depth,
      alignment: role && role !== 'exhibit' ? style.alignment : 'left',
      margin: [0, SPACE.headingBefore[node.depth] ?? 9, 0, SPACE.headingAfter[node.depth] ?? 4],
    };
    if (parent) block['outlineParentId'] = parent.id;
    // An exhibit starts a page of its own.
    if (this.breakBefore.has(id) || role === 'exhibit') block['pageBreak'] = 'before';
    return block;
  }

  /**
   * The table of contents: each listed heading, linked to it, with the number of the page it is drawn on (pdfmake
   * fills in a `pageReference` after layout); level-3 headings indented.
   */
  private contents(style: BlockStyle): Block {
    const { fontSize, lineHeight } = this.textStyle(style);
    const textStyle = { fontSize, lineHeight };
    const body = this.headings
      .filter((entry) => entry.tocEntry)
      .map((entry) => [
        { text: entry.text, ...textStyle, linkToDestination: entry.id, margin: [entry.depth > 2 ? 18 : 0, 0, 12, 2] },
        { text: '00', ...textStyle, pageReference: entry.id, alignment: 'right', margin: [0, 0, 0, 2] },
      ]);
    return body.length ? { table: { widths: ['*', 'auto'], dontBreakRows: true, body }, layout: 'noBorders', margin: [0, 0, 0, SPACE.block] } : { text: '' };
  }

  private list(node: Nodes & { type: 'list' }, style: BlockStyle, parents: Array<{ depth: number; id: string }>): Block {
    const tight = node.spread !== true;
    const inner: BlockStyle = { ...style, gap: tight ? SPACE.listItem : style.gap, listDepth: style.listDepth + 1 };
    const items: Block[] = node.children.map((item, index) => {
      const blocks = this.blocks(item.children, inner, parents);
      if (typeof item.checked === 'boolean') {
        const box = this.inlineText(item.checked ? '[x] ' : '[ ] ', this.textStyle(inner), this.origin(item));
        const first = blocks[0];
        if (first && Array.isArray(first['text'])) first['text'] = [...box, ...(first['text'] as Inline[])];
        else blocks.unshift({ text: box });
      }
      const isLast = index === node.children.length - 1;
      const last = blocks[blocks.length - 1];
      if (last && isLast && !tight) last['margin'] = [0, 0, 0, 0];
      if (blocks.length === 1 && blocks[0]) return blocks[0];
      return { stack: blocks };
    });
    const markers = ['disc', 'circle', 'square'];
    const block: Block = node.ordered
      ? { ol: items, start: node.start ?? 1 }
      : { ul: items, type: markers[style.listDepth % markers.length] };
    block['margin'] = [style.listDepth === 0 ? 18 : 0, 0, 0, style.listDepth === 0 ? style.gap : 0];
    return block;
  }

  private table(node: Table, style: BlockStyle): Block {
    const columns = Math.max(...node.children.map((row) => row.children.length), 1);
    this.tableCounter += 1;
    const cellStyle: BlockStyle = { ...style, fontSize: SIZE.table, lineHeight: LEADING.tight };
    const lengths = new Array<number>(columns).fill(0);
    const body = node.children.map((row, rowIndex) => {
      const cells: Block[] = [];
      for (let col = 0; col < columns; col++) {
        const cell = row.children[col];
        const align = node.align?.[col];
        const alignment: Alignment = align === 'right' || align === 'center' ? align : 'left';
        const text = cell
          ? this.phrasing(cell.children, { ...this.textStyle(cellStyle), bold: rowIndex === 0 || cellStyle.bold })
          : [];
        if (cell) lengths[col] = Math.max(lengths[col] ?? 0, toString(cell).length);
        // Each cell carries its row's place (`r-<table>-<row>-<column>`, row 0 the header) for the typesetting checks.
        cells.push({ text: text.length ? text : '', alignment, id: `r-${this.tableCounter}-${rowIndex}-${col}` });
      }
      return cells;
    });
    // The column with the longest text takes the remaining width; the others fit their content.
    const widest = lengths.indexOf(Math.max(...lengths));
    const widths = lengths.map((_, i) => (i === widest ? '*' : 'auto'));
    return {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
      layout: TABLE_LAYOUT,
      margin: [0, 3, 0, SPACE.block + 3],
    };
  }

  private code(value: string, style: BlockStyle, origin: TextOrigin): Block {
    const text = textInlines(value.replace(/\t/g, '    '), {
      bold: false,
      italics: false,
      mono: true,
      fontSize: SIZE.code,
      lineHeight: LEADING.code,
    }, origin);
    return {
      table: { widths: ['*'], body: [[{ text: text.length ? text : ' ', preserveLeadingSpaces: true, alignment: 'left' }]] },
      layout: CODE_LAYOUT,
      margin: [style.listDepth > 0 ? 0 : 0, 0, 0, SPACE.block],
    };
  }

  private phrasing(nodes: readonly PhrasingContent[], style: TextStyle): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) out.push(...this.inline(node, style));
    return out;
  }

  private inline(node: PhrasingContent | Nodes, style: TextStyle): Inline[] {
    switch (node.type) {
      case 'text':
        return this.inlineText(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ').replace(/\t/g, ' '), style, this.origin(node));
      case 'emphasis':
        return this.phrasing(node.children, { ...style, italics: !style.italics });
      case 'strong':
        return this.phrasing(node.children, { ...style, bold: true });
      case 'delete':
        return this.phrasing(node.children, { ...style, strike: true });
      case 'inlineCode':
        return this.inlineText(
          node.value,
          { ...style, mono: true, fontSize: Math.round(style.fontSize * SIZE.inlineCodeRatio * 10) / 10 },
          this.origin(node),
        );
      case 'link':
        return this.phrasing(node.children, this.linkStyle(style, node.url));
      case 'linkReference': {
        const url = this.linkDefinitions.get(node.identifier);
        return this.phrasing(node.children, url === undefined ? style : this.linkStyle(style, url));
      }
      case 'break':
        return this.inlineText('\n', style, this.origin(node));
      case 'footnoteReference': {
        const n = this.footnoteNumbers.get(node.identifier);
        if (n === undefined) return [];
        return this.inlineText(`${n}`, { ...style, sup: true, linkToDestination: `${FOOTNOTE_DESTINATION}${n}` }, this.origin(node));
      }
      case 'image':
      case 'imageReference':
        return node.alt ? this.inlineText(`[${node.alt}]`, { ...style, italics: !style.italics }, this.origin(node)) : [];
      case 'html':
        return [];
      default:
        if (hasChildren(node as Nodes)) return this.phrasing((node as Parents).children as PhrasingContent[], style);
        if (typeof (node as { value?: unknown }).value === 'string') {
          return this.inlineText((node as { value: string }).value, style, this.origin(node as Nodes));
        }
        return [];
    }
  }

  private linkStyle(style: TextStyle, url: string): TextStyle {
    const safe = externalLink(url);
    if (!safe) return style;
    return { ...style, link: safe, color: COLOR.link, underline: true };
  }
}

const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'link',
  'linkReference',
  'break',
  'footnoteReference',
  'image',
  'imageReference',
  'html',
  'textDirective',
]);

function isPhrasing(node: Nodes): boolean {
  return PHRASING.has(node.type);
}

/** A paragraph that is only bold words ending in a period, such as "Evidence." or "Response.". */
function isRunInLabel(node: Nodes & { type: 'paragraph' }): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === 'strong' && /\.\s*$/.test(toString(only));
}
