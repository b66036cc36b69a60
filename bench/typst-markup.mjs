// Markdown we built → Typst markup, so the bench's Typst peer typesets the same text with the same footnotes
// (US Letter, 1-inch margins, 12 pt Tinos, "N of M" page numbers). Bench-only: not part of docketpress.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The page set-up every converted document opens with (the house style of our PDFs, in Typst). */
export const TYPST_PREAMBLE = [
  '#set page(paper: "us-letter", margin: 1in, numbering: "1 of 1")',
  '#set text(font: ("Tinos", "Noto Serif SC"), size: 12pt, lang: "en")',
  '#set par(justify: false)',
].join('\n');

// Characters with a meaning in Typst markup are written escaped (`\*`), so text is always text.
const SPECIAL = /[\\/*_`$#[\]<>@~=\-+'"]/g;

/** Text as Typst markup: special characters escaped, line breaks as spaces. */
function escapeText(value) {
  return value.replace(/\s*\n\s*/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
}

/** A Typst string literal. */
const quoted = (value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * Converts Markdown (GFM with footnotes) to a Typst document: headings, paragraphs, emphasis, strong, links,
 * lists, tables, block quotes, code, breaks, and each footnote reference as `#footnote[…]` carrying its
 * definition's text (a second reference to the same note points at the first with a label).
 * Returns the source, the number of footnotes it placed and the number the Markdown defines (a definition no
 * reference uses is not placed: the bench refuses a conversion where the two differ).
 */
export function markdownToTypst(markdown) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const definitions = new Map();
  for (const node of tree.children) if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);
  const placed = new Set();

  const inline = (nodes) => {
    let out = '';
    for (const node of nodes) {
      let piece = phrasing(node);
      // Right after an embedded call (`#emph[…]`), a `.` or `(` would continue the call: escape it.
      if (node.type === 'text' && /[\])]$/.test(out) && /^[.(]/.test(piece)) piece = `\\${piece}`;
      out += piece;
    }
    return out;
  };

  const phrasing = (node) => {
    switch (node.type) {
      case 'text':
        return escapeText(node.value);
      case 'emphasis':
        return `#emph[${inline(node.children)}]`;
      case 'strong':
        return `#strong[${inline(node.children)}]`;
      case 'delete':
        return `#strike[${inline(node.children)}]`;
      case 'inlineCode':
        return `#raw(${quoted(node.value)})`;
      case 'break':
        return '#linebreak()';
      case 'link':
        return `#link(${quoted(node.url)})[${inline(node.children)}]`;
      case 'footnoteReference': {
        const label = `<fn-${node.identifier.replace(/[^\w-]/g, '-')}>`;
        if (placed.has(node.identifier)) return `#footnote(${label})`;
        // micromark reads `[^x]` as a reference only when `[^x]:` is defined, so the definition is there.
        placed.add(node.identifier);
        return `#footnote[${blocks(definitions.get(node.identifier).children)}]${label}`;
      }
      case 'html':
        return escapeText(node.value);
      case 'image':
      case 'imageReference':
        return escapeText(node.alt ?? '');
      default:
        if ('children' in node) return inline(node.children);
        return 'value' in node ? escapeText(String(node.value)) : '';
    }
  };

  const indent = (text, by) => text.replace(/\n(?=.)/g, `\n${' '.repeat(by)}`);

  const block = (node) => {
    switch (node.type) {
      case 'heading':
        return `${'='.repeat(node.depth)} ${inline(node.children)}`;
      case 'paragraph': {
        const text = inline(node.children);
        // A paragraph opening with "12." would start a numbered list.
        return text.replace(/^(\d+)\./, '$1\\.');
      }
      case 'blockquote':
        return `#quote(block: true)[${blocks(node.children)}]`;
      case 'list':
        return node.children
          .map((item, i) => {
            const marker = node.ordered ? `${(node.start ?? 1) + i}.` : '-';
            return `${marker} ${indent(blocks(item.children), marker.length + 1)}`;
          })
          .join('\n');
      case 'table': {
        const [head, ...rows] = node.children;
        const cell = (c) => `[${inline(c.children)}]`;
        const align = (node.align ?? []).map((a) => (a === 'right' ? 'right' : a === 'center' ? 'center' : 'left'));
        const columns = head ? head.children.length : 0;
        const parts = [`columns: ${columns}`];
        if (align.length) parts.push(`align: (${align.join(', ')},)`);
        if (head) parts.push(`table.header(${head.children.map((c) => `[#strong${cell(c)}]`).join(', ')})`);
        for (const row of rows) parts.push(row.children.map(cell).join(', '));
        return `#table(\n  ${parts.join(',\n  ')},\n)`;
      }
      case 'code':
        return `#raw(block: true, ${quoted(node.value)})`;
      case 'thematicBreak':
        return '#line(length: 100%)';
      case 'footnoteDefinition':
      case 'definition':
      case 'yaml':
        return '';
      case 'html':
        return escapeText(node.value);
      default:
        return 'children' in node ? blocks(node.children) : phrasing(node);
    }
  };

  const blocks = (nodes) =>
    nodes
      .map(block)
      .filter((text) => text !== '')
      .join('\n\n');

  const body = blocks(tree.children);
  return { source: `${TYPST_PREAMBLE}\n\n${body}\n`, footnotes: placed.size, definitions: definitions.size };
}
