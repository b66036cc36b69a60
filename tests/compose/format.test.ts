// How values read in documents: dates, figures, and no doubled period after a quotation that ends a sentence.
import { describe, expect, it } from 'vitest';
import { endsSentence, formatDate, formatNumber, joinNames } from '../../src/compose/format.js';

describe('format', () => {
  it('writes full, month and year dates the same way every time (the memo returns what it first made)', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatDate('2012-12-13')).toBe('December 13, 2012');
      expect(formatDate('2015-10')).toBe('October 2015');
      expect(formatDate('2015')).toBe('2015');
      expect(formatDate('2016-01-05')).toBe('January 5, 2016');
    }
  });

  it('prints figures as filings do', () => {
    expect(formatNumber(380_000_000)).toBe('380 million');
    expect(formatNumber(180_000)).toBe('180,000');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('knows when a quotation already ends the sentence', () => {
    expect(endsSentence('remains a concern in 2016.')).toBe(true);
    expect(endsSentence('Is it?')).toBe(true);
    expect(endsSentence('he said “no.”')).toBe(true);
    expect(endsSentence('one of the largest platforms')).toBe(false);
    expect(endsSentence('approx')).toBe(false);
  });
});
