// Typesetting rules read from what a PDF drew: headings and run-in labels kept with what follows, no
// single-line widow or orphan, table rows whole and header rows repeated. Reads DrawnLine records only;
// the renderer starts the blocks named here on a new page. Must not lay anything out.
import type { DrawnLine } from './speedups.js';
import { MARGIN, PAGE, SIZE } from './styles.js';

/** A body line: the text block's type (table cells and up), between the top and bottom margins. */
export function isBodyLine(line: DrawnLine): boolean {
  return line.size >= SIZE.table && line.y >= MARGIN - 1 && line.y < PAGE.height - MARGIN;
}

/** Where one block's body lines fell: block id (`h-`, `k-`, `p-`, or `r-<table>-<row>` for a table row), and its line count per page. */
export interface BlockPlacement {
  id: string;
  pages: Map<number, number>;
}

/** The blocks of a drawn document, in order, each with its body-line count per page (lines before any id are left out). */
export function blockPlacements(pages: readonly DrawnLine[][]): BlockPlacement[] {
  const blocks: BlockPlacement[] = [];
  let current: BlockPlacement | undefined;
  pages.forEach((lines, page) => {
    for (const line of lines) {
      if (!isBodyLine(line)) continue;
      // A table cell's id `r-<table>-<row>-<column>` names its row: the cells of a row are one block.
      const id = line.id?.replace(/^(r-\d+-\d+)-\d+$/, '$1');
      if (id && !id.startsWith('fn-') && id !== current?.id) {
        current = { id, pages: new Map() };
        blocks.push(current);
      }
      if (current) current.pages.set(page, (current.pages.get(page) ?? 0) + 1);
    }
  });
  return blocks;
}

/** One broken rule, on the page (0-based) where it shows. */
export interface TypesettingFault {
  rule: 'stranded-heading' | 'widow-orphan' | 'split-row' | 'header-not-repeated';
  id: string;
  page: number;
}

/** Every broken rule of a drawn document, in page order. */
export function typesettingFaults(pages: readonly DrawnLine[][]): TypesettingFault[] {
  const faults: TypesettingFault[] = [];
  const blocks = blockPlacements(pages);
  const lastBodyPage = Math.max(-1, ...blocks.flatMap((b) => [...b.pages.keys()]));
  // The last body line of a page belongs to a heading or label that does not go on: it is stranded.
  const lastOnPage = new Map<number, BlockPlacement>();
  for (const block of blocks) for (const page of block.pages.keys()) lastOnPage.set(page, block);
  for (const [page, block] of lastOnPage) {
    if (page < lastBodyPage && /^[hk]-/.test(block.id) && !block.pages.has(page + 1)) faults.push({ rule: 'stranded-heading', id: block.id, page });
  }
  const rowPages = new Map<string, Set<number>>();
  for (const block of blocks) {
    const counts = [...block.pages.entries()].sort((a, b) => a[0] - b[0]);
    // A body row's lines (wherever a repeated header interrupts them) are on one page; the header row repeats by design.
    if (/^r-\d+-[1-9]\d*$/.test(block.id)) {
      const pages = rowPages.get(block.id) ?? new Set<number>();
      rowPages.set(block.id, pages);
      for (const [page] of counts) pages.add(page);
    }
    if (counts.length < 2) continue;
    const first = counts[0]!;
    const last = counts[counts.length - 1]!;
    if (/^[pk]-/.test(block.id) && (first[1] < 2 || last[1] < 2)) faults.push({ rule: 'widow-orphan', id: block.id, page: first[1] < 2 ? first[0] : last[0] });
  }
  for (const [id, pages] of rowPages) if (pages.size > 1) faults.push({ rule: 'split-row', id, page: Math.min(...pages) });
  // A table's rows on a page other than its header's first page follow a repeated header row.
  const tables = new Map<string, { header: Set<number>; rows: Set<number> }>();
  for (const block of blocks) {
    const match = /^r-(\d+)-(\d+)$/.exec(block.id);
    if (!match) continue;
    const table = tables.get(match[1]!) ?? { header: new Set<number>(), rows: new Set<number>() };
    tables.set(match[1]!, table);
    for (const page of block.pages.keys()) (match[2] === '0' ? table.header : table.rows).add(page);
  }
  for (const [table, { header, rows }] of tables) {
    for (const page of rows) if (!header.has(page)) faults.push({ rule: 'header-not-repeated', id: `r-${table}-0`, page });
  }
  return faults.sort((a, b) => a.page - b.page);
}
