// A market's standing on the list as of a day, the request that agrees with it, and requests that contradict it.
import type { Dataset } from './dataset.js';
import type { Stance } from '../schema/index.js';
import { surelyBefore } from '../schema/partial-date.js';

/** Where a market stood on a day, from the editions published before it. */
export interface StandingAsOf {
  /** `listed` in the last recorded edition; `removed`: off it after an earlier listing; `never-listed`: every record says not listed; `no-record`. */
  state: 'listed' | 'removed' | 'never-listed' | 'no-record';
  /** The last edition with a record, before the day. */
  lastEdition?: string;
}

/** A market's standing as of `date` (editions published before it; an unknown market has no record). */
export function standingAsOf(dataset: Dataset, marketId: string, date: string): StandingAsOf {
  const market = dataset.markets.get(marketId);
  if (!market) return { state: 'no-record' };
  const rows = dataset.editions
    .filter((edition) => surelyBefore(edition.published, date))
    .flatMap((edition) => market.listings.filter((listing) => listing.edition === edition.id));
  const last = rows[rows.length - 1];
  if (!last) return { state: 'no-record' };
  if (last.listed) return { state: 'listed', lastEdition: last.edition };
  return { state: rows.some((row) => row.listed) ? 'removed' : 'never-listed', lastEdition: last.edition };
}

/** The request that agrees with the record: keep a listed market, return a removed one, add one never listed. */
export function requestFromRecord(standing: StandingAsOf): Extract<Stance, 'list' | 'relist' | 'retain'> {
  return standing.state === 'listed' ? 'retain' : standing.state === 'removed' ? 'relist' : 'list';
}

/** Why a request contradicts the record as of the day, or undefined when it agrees. */
export function requestContradiction(request: Stance, standing: StandingAsOf, marketName: string): string | undefined {
  const where = standing.lastEdition ? ` (edition ${standing.lastEdition})` : '';
  switch (standing.state) {
    case 'listed':
      if (request === 'list' || request === 'relist') return `${marketName} is already on the list${where}: ask USTR to keep it there with \`request: retain\``;
      if (request === 'do-not-list' || request === 'oppose-listing') return `${marketName} is already on the list${where}: to ask for it to come off, write \`request: remove\``;
      return undefined;
    case 'removed':
      if (request === 'retain') return `${marketName} is not on the list${where}, so it cannot be kept there: ask USTR to return it with \`request: relist\``;
      if (request === 'remove') return `${marketName} is not on the list${where}, so it cannot be removed`;
      if (request === 'list') return `${marketName} was listed before and removed${where}: ask USTR to return it with \`request: relist\``;
      return undefined;
    case 'never-listed':
    case 'no-record':
      if (request === 'retain') return `${marketName} is not on the list${standing.state === 'no-record' ? ' in the record' : where}, so it cannot be kept there: ask USTR to add it with \`request: list\``;
      if (request === 'relist') return standing.state === 'never-listed' ? `${marketName} has never been on the list${where}: ask USTR to add it with \`request: list\`` : undefined;
      if (request === 'remove') return `${marketName} is not on the list${standing.state === 'no-record' ? ' in the record' : where}, so it cannot be removed`;
      return undefined;
  }
}
