// What changed between two editions of the list: markets added, removed, retained, and those without a record.
import type { z } from 'zod';
import type { editionDiffSchema } from '../schema/answers.js';
import type { Dataset } from './dataset.js';
import { getEdition } from './lookup.js';
import { listingFor } from './status.js';

/** The answer of `diff` (⚑ JSON contract); every list holds sorted market ids. */
export type EditionDiff = z.output<typeof editionDiffSchema>;

/**
 * Compares two editions. A market is `added` when recorded as not listed in `from` and listed in `to`,
 * `removed` the other way round, `retained` when listed in both, `unknown` when only one edition has a
 * record for it. Markets recorded as not listed in both, or with no record in either, are left out.
 * Throws UnknownIdError for an unknown edition id.
 */
export function editionDiff(dataset: Dataset, fromId: string, toId: string): EditionDiff {
  const from = getEdition(dataset, fromId);
  const to = getEdition(dataset, toId);
  const result: EditionDiff = { from: from.id, to: to.id, added: [], removed: [], retained: [], unknown: [] };
  for (const marketId of [...dataset.markets.keys()].sort()) {
    const a = listingFor(dataset, marketId, from.id)?.listed;
    const b = listingFor(dataset, marketId, to.id)?.listed;
    if (a === undefined && b === undefined) continue;
    if (a === undefined || b === undefined) result.unknown.push(marketId);
    else if (a && b) result.retained.push(marketId);
    else if (!a && b) result.added.push(marketId);
    else if (a && !b) result.removed.push(marketId);
  }
  return result;
}
