// A compact form of the listing rows for the dataset cache: numbers in typed arrays and one table of strings.
// A thousand markets × 20 editions are most of a dataset; restored as plain objects from this form they take a
// fraction of the time the general deserialiser needs for the same rows.
import type { Listing } from '../schema/index.js';

/** The keys a listing row may have, in the order the schema gives them. */
const KEYS = ['edition', 'listed', 'confidence', 'quote', 'note', 'sources'] as const;
/** Numbers per row: edition, listed, confidence, quote + 1 (0: none), note + 1 (0: none), first source, sources. */
const WIDTH = 7;

export interface EncodedListings {
  /** Rows per market, in market order. */
  counts: Uint32Array;
  rows: Uint32Array;
  sources: Uint32Array;
  strings: string[];
}

/** The rows in compact form, or undefined when a row has a key this codec does not know (then store them as they are). */
export function encodeListings(perMarket: ReadonlyArray<readonly Listing[]>): EncodedListings | undefined {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (value: string): number => {
    let i = index.get(value);
    if (i === undefined) index.set(value, (i = strings.push(value) - 1));
    return i;
  };
  const total = perMarket.reduce((sum, rows) => sum + rows.length, 0);
  const rows = new Uint32Array(total * WIDTH);
  const sources: number[] = [];
  let at = 0;
  const known = new Set<string>(KEYS);
  for (const listings of perMarket) {
    for (const row of listings) {
      for (const key in row) if (!known.has(key)) return undefined;
      // Written in place, not through a temporary array: twenty thousand rows are the bulk of a cache entry.
      rows[at] = intern(row.edition);
      rows[at + 1] = row.listed ? 1 : 0;
      rows[at + 2] = intern(row.confidence);
      rows[at + 3] = row.quote === undefined ? 0 : intern(row.quote) + 1;
      rows[at + 4] = row.note === undefined ? 0 : intern(row.note) + 1;
      rows[at + 5] = sources.length;
      rows[at + 6] = row.sources.length;
      for (const id of row.sources) sources.push(intern(id));
      at += WIDTH;
    }
  }
  return { counts: Uint32Array.from(perMarket, (rows) => rows.length), rows, sources: Uint32Array.from(sources), strings };
}

/** The rows again, per market, as the objects validation made (same keys, same order). */
export function decodeListings({ counts, rows, sources, strings }: EncodedListings): Listing[][] {
  const perMarket: Listing[][] = [];
  let at = 0;
  for (const count of counts) {
    const listings: Listing[] = new Array(count);
    for (let i = 0; i < count; i++, at += WIDTH) {
      const row = { edition: strings[rows[at]!]!, listed: rows[at + 1] === 1, confidence: strings[rows[at + 2]!]! } as Listing;
      if (rows[at + 3]) row.quote = strings[rows[at + 3]! - 1]!;
      if (rows[at + 4]) row.note = strings[rows[at + 4]! - 1]!;
      const first = rows[at + 5]!;
      const ids: string[] = new Array(rows[at + 6]!);
      for (let k = 0; k < ids.length; k++) ids[k] = strings[sources[first + k]!]!;
      row.sources = ids;
      listings[i] = row;
    }
    perMarket.push(listings);
  }
  return perMarket;
}
