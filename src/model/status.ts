// A market's listing status edition by edition, and what changed against the previous recorded edition.
import type { Dataset } from './dataset.js';
import type { Listing } from '../schema/index.js';
import { getMarket } from './lookup.js';

export type ListingChange = 'added' | 'removed' | 'retained' | 'absent' | null;

/** One edition's row of a status answer (⚑ JSON contract). */
export interface EditionStatus {
  edition: string;
  year: number;
  published: string;
  /** true: listed; false: the record says not listed; null: no record. */
  listed: boolean | null;
  change: ListingChange;
  confidence: 'verified' | 'unverified' | null;
  sources: string[];
}

/** A market's status over all editions (⚑ JSON contract). */
export interface MarketStatus {
  market: string;
  name: string;
  editions: EditionStatus[];
}

/** Compares a listing with the previous edition that has a record. */
export function changeBetween(previous: boolean | undefined, current: boolean | null): ListingChange {
  if (current === null) return null;
  if (current) return previous === true ? 'retained' : 'added';
  return previous === true ? 'removed' : 'absent';
}

/** The listing row of a market for an edition, if the record has one. */
export function listingFor(dataset: Dataset, marketId: string, editionId: string): Listing | undefined {
  return dataset.markets.get(marketId)?.listings.find((listing) => listing.edition === editionId);
}

/**
 * A market's status in every edition (oldest first); `year` keeps only editions of that review year.
 * Throws UnknownIdError for a market id the dataset does not have.
 */
export function marketStatus(dataset: Dataset, marketId: string, options: { year?: number } = {}): MarketStatus {
  const market = getMarket(dataset, marketId);
  const byEdition = new Map(market.listings.map((listing) => [listing.edition, listing]));
  let previous: boolean | undefined;
  const editions: EditionStatus[] = [];
  for (const edition of dataset.editions) {
    const listing = byEdition.get(edition.id);
    const listed = listing ? listing.listed : null;
    const row: EditionStatus = {
      edition: edition.id,
      year: edition.year,
      published: edition.published,
      listed,
      change: changeBetween(previous, listed),
      confidence: listing ? listing.confidence : null,
      sources: listing ? [...listing.sources] : [],
    };
    if (listing) previous = listing.listed;
    if (options.year === undefined || edition.year === options.year) editions.push(row);
  }
  return { market: market.id, name: market.name, editions };
}
