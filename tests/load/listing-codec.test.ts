// The compact form of listing rows round-trips every row exactly, and refuses rows it cannot carry.
import { describe, expect, it } from 'vitest';
import { decodeListings, encodeListings } from '../../src/load/listing-codec.js';
import type { Listing } from '../../src/schema/index.js';

describe('listing codec', () => {
  it('gives back the same rows, optional fields absent where they were', () => {
    const perMarket: Listing[][] = [
      [
        { edition: '2011', listed: true, confidence: 'verified', quote: 'Taobao …', sources: ['ustr-2011', 'reuters-2011'] },
        { edition: '2012', listed: false, confidence: 'unverified', note: 'removed', sources: ['ustr-2012'] },
      ],
      [],
      [{ edition: 's301-2009', listed: true, confidence: 'verified', quote: 'q', note: 'n', sources: ['ustr-2011'] }],
    ];
    const encoded = encodeListings(perMarket)!;
    expect(encoded.strings.filter((s) => s === 'ustr-2011')).toHaveLength(1); // each string stored once
    const decoded = decodeListings(encoded);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(perMarket));
    expect('quote' in decoded[0]![1]!).toBe(false);
  });

  it('refuses a row with a key it does not know, so nothing is silently dropped', () => {
    const row = { edition: '2011', listed: true, confidence: 'verified', sources: ['s'], page: 12 } as unknown as Listing;
    expect(encodeListings([[row]])).toBeUndefined();
  });
});
