// A market's listing status edition by edition, and what changed against the edition just before it.
import type { z } from 'zod';
import type { editionStatusSchema, listingChangeSchema, marketStatusSchema, operatorStatusSchema } from '../schema/answers.js';
import type { Dataset } from './dataset.js';
import type { Edition, Listing } from '../schema/index.js';
import { marketCountry } from './places.js';
import { getMarket, UnknownIdError } from './lookup.js';

/** What an edition's row says against the edition just before it (see `listingChangeSchema`). */
export type ListingChange = z.output<typeof listingChangeSchema>;

/** One edition's row of a status answer (⚑ JSON contract, with fields added in 0.3.0 after `sources`). */
export type EditionStatus = z.output<typeof editionStatusSchema>;

/** The latest earlier edition with a record. */
export type PreviousRecord = NonNullable<EditionStatus['previousRecord']>;

/** A market's status over all editions (⚑ JSON contract, with fields added in 0.3.0 after `editions`). */
export type MarketStatus = z.output<typeof marketStatusSchema>;

/** `status <operator>`: every market an operator runs. */
export type OperatorStatus = z.output<typeof operatorStatusSchema>;

/** Compares a listing with the edition just before it (`previous`: undefined = that edition has no record). */
export function changeBetween(previous: boolean | undefined, current: boolean | null, recordedBefore = previous !== undefined): ListingChange {
  if (current === null) return null;
  if (previous === undefined) return recordedBefore ? 'after-gap' : 'first-recorded';
  if (current) return previous ? 'retained' : 'added';
  return previous ? 'removed' : 'absent';
}

/** The listing row of a market for an edition, if the record has one. */
export function listingFor(dataset: Dataset, marketId: string, editionId: string): Listing | undefined {
  return dataset.markets.get(marketId)?.listings.find((listing) => listing.edition === editionId);
}

/** The editions of a review year; UnknownIdError (suggesting the nearest year) when the data has none. */
export function editionsOfYear(dataset: Dataset, year: number): Edition[] {
  const editions = dataset.editions.filter((edition) => edition.year === year);
  if (editions.length === 0) {
    const years = [...new Set(dataset.editions.map((edition) => edition.year))];
    const gap = Math.min(...years.map((y) => Math.abs(y - year)));
    const nearest = years.filter((y) => Math.abs(y - year) === gap).sort();
    throw new UnknownIdError('year', String(year), nearest.map((y) => ({ id: String(y), kind: 'year' })));
  }
  return editions;
}

/**
 * A market's status in every edition (oldest first); `year` keeps only editions of that review year.
 * Throws UnknownIdError for a market id the dataset does not have, or a year with no edition.
 */
export function marketStatus(dataset: Dataset, marketId: string, options: { year?: number } = {}): MarketStatus {
  const market = getMarket(dataset, marketId);
  if (options.year !== undefined) editionsOfYear(dataset, options.year);
  const byEdition = new Map(market.listings.map((listing) => [listing.edition, listing]));
  let justBefore: boolean | undefined;
  let lastRecord: PreviousRecord | null = null;
  const editions: EditionStatus[] = [];
  for (const edition of dataset.editions) {
    const listing = byEdition.get(edition.id);
    const listed = listing ? listing.listed : null;
    const row: EditionStatus = {
      edition: edition.id,
      year: edition.year,
      published: edition.published,
      listed,
      change: changeBetween(justBefore, listed, lastRecord !== null),
      confidence: listing ? listing.confidence : null,
      sources: listing ? [...listing.sources] : [],
      quote: listing?.quote ?? null,
      note: listing?.note ?? null,
      previousRecord: lastRecord,
    };
    justBefore = listing?.listed;
    if (listing) lastRecord = { edition: edition.id, listed: listing.listed };
    if (options.year === undefined || edition.year === options.year) editions.push(row);
  }
  return { market: market.id, name: market.name, editions, localName: market.local_name ?? null, operator: market.operator ?? null, country: marketCountry(market) ?? null };
}
