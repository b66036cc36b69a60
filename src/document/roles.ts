// What a composer may say about a node beyond mdast: a block's layout role and a table cell's listing status.
// Renderers read these as data (`node.data.docketpress`), never by re-reading the words of the text.
import type { Nodes } from 'mdast';

/** Layout roles a renderer may style (caption, signature …); unknown roles render as plain blocks. */
export type BlockRole = 'caption' | 'title' | 'addressee' | 're-line' | 'date-line' | 'signature' | 'sample-notice' | 'center' | 'attribution' | 'exhibit' | 'toc';

export const BLOCK_ROLES: ReadonlySet<BlockRole> = new Set<BlockRole>(['caption', 'title', 'addressee', 're-line', 'date-line', 'signature', 'sample-notice', 'center', 'attribution', 'exhibit', 'toc']);

/** A market's status in an edition, as a status matrix shows it. */
export type ListingStatus = 'listed' | 'not-listed' | 'no-record';

/** What a table cell says about a listing: its status, and whether the record is unconfirmed. */
export interface CellStatus {
  status?: ListingStatus;
  unverified: boolean;
}

declare module 'mdast' {
  interface Data {
    docketpress?: { role?: BlockRole; cell?: CellStatus; tocForced?: boolean; tocEntry?: boolean };
  }
}

/** The layout role of a node, when it has a known one. */
export function roleOf(node: Nodes): BlockRole | undefined {
  const role = (node.data as { docketpress?: { role?: unknown } } | undefined)?.docketpress?.role;
  return typeof role === 'string' && BLOCK_ROLES.has(role as BlockRole) ? (role as BlockRole) : undefined;
}

/** The listing status a table cell carries, when it carries one. */
export function cellStatusOf(node: Nodes): CellStatus | undefined {
  const cell = (node.data as { docketpress?: { cell?: CellStatus } } | undefined)?.docketpress?.cell;
  return cell && (cell.status !== undefined || cell.unverified) ? cell : undefined;
}
