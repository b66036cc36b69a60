// Small mdast builders. Values from data always enter the tree as text nodes, never as Markdown strings.
import type { BlockContent, Heading, Link, Paragraph, PhrasingContent, RootContent, Strong, Emphasis, Table, TableCell, TableRow, Text } from 'mdast';
import type { BlockRole, CellStatus } from '../document/roles.js';

export type { BlockRole } from '../document/roles.js';

export function text(value: string): Text {
  return { type: 'text', value };
}

export function strong(...children: (PhrasingContent | string)[]): Strong {
  return { type: 'strong', children: children.map(toPhrasing) };
}

export function emphasis(...children: (PhrasingContent | string)[]): Emphasis {
  return { type: 'emphasis', children: children.map(toPhrasing) };
}

export function link(url: string, ...children: (PhrasingContent | string)[]): Link {
  return { type: 'link', url, children: children.length ? children.map(toPhrasing) : [text(url)] };
}

function toPhrasing(child: PhrasingContent | string): PhrasingContent {
  return typeof child === 'string' ? text(child) : child;
}

/** A paragraph of text and inline nodes; strings become text nodes. */
export function paragraph(...children: (PhrasingContent | string)[]): Paragraph {
  return { type: 'paragraph', children: children.map(toPhrasing) };
}

/** Lines joined by hard breaks, in one paragraph. */
export function lines(...rows: (PhrasingContent | string | (PhrasingContent | string)[])[]): Paragraph {
  const children: PhrasingContent[] = [];
  rows.forEach((row, index) => {
    if (index > 0) children.push({ type: 'break' });
    for (const part of Array.isArray(row) ? row : [row]) children.push(toPhrasing(part));
  });
  return { type: 'paragraph', children };
}

export function heading(depth: 1 | 2 | 3 | 4, ...children: (PhrasingContent | string)[]): Heading {
  return { type: 'heading', depth, children: children.map(toPhrasing) };
}

/** Marks a block with a layout role for the renderers. */
export function withRole<T extends RootContent>(node: T, role: BlockRole): T {
  node.data = { ...(node.data ?? {}), docketpress: { role } };
  return node;
}

export function blockquote(...children: BlockContent[]): RootContent {
  return { type: 'blockquote', children };
}

export function list(items: (PhrasingContent | string)[][], ordered = false): RootContent {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((item) => ({ type: 'listItem', spread: false, children: [paragraph(...item)] })),
  };
}

/** A table cell that shows a listing status: the words for people, the status as data for the renderers. */
export function statusCell(status: CellStatus, ...children: (PhrasingContent | string)[]): TableCell {
  return { type: 'tableCell', children: children.map(toPhrasing), data: { docketpress: { cell: status } } };
}

/** A GFM table; the first row is the header. A cell is its content, or a cell made by `statusCell`. */
export function table(rows: ((PhrasingContent | string)[] | TableCell)[][], align: ('left' | 'right' | 'center' | null)[] = []): Table {
  const toRow = (cells: ((PhrasingContent | string)[] | TableCell)[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((cell): TableCell => (Array.isArray(cell) ? { type: 'tableCell', children: cell.map(toPhrasing) } : cell)),
  });
  // One entry per column: renderers such as mdast-util-to-hast emit only as many cells as `align` has.
  const columns = Math.max(0, ...rows.map((row) => row.length));
  return { type: 'table', align: Array.from({ length: columns }, (_, i) => align[i] ?? null), children: rows.map(toRow) };
}
