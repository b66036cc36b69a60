// Test fixtures written as Markdown carry no data: this marks their status-matrix cells as the timeline composer
// does (`statusCell`), so renderer tests see the tree a composer would hand them.
import type { Root, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { CellStatus } from '../../src/document/roles.js';

/** The status a fixture cell's words give (the composer knows it; a fixture only has the words). */
function statusOfWords(words: string): CellStatus | undefined {
  const normal = words.toLowerCase().replace(/\s+/g, ' ').trim();
  const match = /^(not listed|listed|no record)(?![a-z])/.exec(normal);
  const unverified = /unconfirmed/.test(normal);
  if (!match && !unverified) return undefined;
  return { ...(match ? { status: match[1]!.replace(' ', '-') as CellStatus['status'] } : {}), unverified };
}

/** Marks every body cell of every table whose words name a listing status; returns the same tree. */
export function markStatusCells(root: Root): Root {
  visit(root, 'table', (table) => {
    for (const row of table.children.slice(1)) {
      for (const cell of row.children as TableCell[]) {
        const status = statusOfWords(toString(cell));
        if (status) cell.data = { ...cell.data, docketpress: { cell: status } };
      }
    }
  });
  return root;
}
