// An edition's roster as the record knows it, and the coverage map of every market × edition: what the record does and does not know.
import type { z } from 'zod';
import type { coverageSchema, editionRosterSchema, rosterRowSchema } from '../schema/answers.js';
import type { Dataset } from './dataset.js';
import type { Edition, Market } from '../schema/index.js';
import { getStakeholder, resolveEdition } from './lookup.js';
import { marketCountry } from './places.js';
import { marketStatus, type EditionStatus } from './status.js';

/** One market's row in an edition's roster. */
export type RosterRow = z.output<typeof rosterRowSchema>;

/** The `list` answer: an edition's markets, split into listed, recorded as not listed, and no record. */
export type EditionRoster = z.output<typeof editionRosterSchema>;

/** Filters of a roster or coverage answer: ISO country code and operator id (null = all). */
export type MarketFilter = EditionRoster['filter'];

/** Counts of a roster or a coverage row/column. */
export type RecordTotals = EditionRoster['totals'];

/** The markets that pass a filter, by id. Throws UnknownIdError for an unknown operator. */
export function filteredMarkets(dataset: Dataset, filter: Partial<MarketFilter> = {}): Market[] {
  if (filter.operator) getStakeholder(dataset, filter.operator);
  return [...dataset.markets.values()]
    .filter((m) => (!filter.country || marketCountry(m) === filter.country) && (!filter.operator || m.operator === filter.operator))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function totalsOf(rows: readonly { listed: boolean | null; confidence: string | null }[]): RecordTotals {
  return {
    markets: rows.length,
    listed: rows.filter((r) => r.listed === true).length,
    notListed: rows.filter((r) => r.listed === false).length,
    noRecord: rows.filter((r) => r.listed === null).length,
    unverified: rows.filter((r) => r.listed !== null && r.confidence === 'unverified').length,
  };
}

function rosterRow(market: Market, row: EditionStatus): RosterRow {
  return {
    market: market.id,
    name: market.name,
    localName: market.local_name ?? null,
    kind: market.kind,
    country: marketCountry(market) ?? null,
    operator: market.operator ?? null,
    listed: row.listed,
    change: row.change,
    confidence: row.confidence,
    quote: row.quote,
    note: row.note,
    sources: row.sources,
  };
}

/** The status rows of every market for one edition. */
function editionRows(dataset: Dataset, edition: Edition, markets: readonly Market[]): RosterRow[] {
  return markets.map((market) => rosterRow(market, marketStatus(dataset, market.id).editions.find((r) => r.edition === edition.id)!));
}

/**
 * An edition's roster (by edition id, or a review year with one edition), for the markets that pass the filter.
 * Throws UnknownIdError for an unknown edition or operator.
 */
export function editionRoster(dataset: Dataset, editionRef: string, filter: Partial<MarketFilter> = {}): EditionRoster {
  const edition = resolveEdition(dataset, editionRef);
  const rows = editionRows(dataset, edition, filteredMarkets(dataset, filter));
  const counts = edition.counts;
  return {
    edition: edition.id,
    year: edition.year,
    title: edition.title,
    published: edition.published,
    issueFocus: edition.issue_focus ?? null,
    officialCounts: counts ? { online: counts.online ?? null, physical: counts.physical ?? null, total: counts.total ?? null } : null,
    filter: { country: filter.country ?? null, operator: filter.operator ?? null },
    listed: rows.filter((r) => r.listed === true),
    notListed: rows.filter((r) => r.listed === false),
    noRecord: rows.filter((r) => r.listed === null),
    totals: totalsOf(rows),
    complete: rows.every((r) => r.listed !== null),
    sources: [...edition.sources],
  };
}

/** The `coverage` answer: every market × edition, with totals per market, per edition and overall. */
export type Coverage = z.output<typeof coverageSchema>;
export type CoverageRow = Coverage['markets'][number];
export type CoverageCell = CoverageRow['cells'][number];
export type CoverageState = CoverageCell['state'];

const STATE = (listed: boolean | null): CoverageState => (listed === null ? 'no-record' : listed ? 'listed' : 'not-listed');

/** The coverage map of the markets that pass the filter. Throws UnknownIdError for an unknown operator. */
export function coverage(dataset: Dataset, filter: Partial<MarketFilter> = {}): Coverage {
  const markets = filteredMarkets(dataset, filter);
  const rows: CoverageRow[] = markets.map((market) => {
    const editions = marketStatus(dataset, market.id).editions;
    return {
      market: market.id,
      name: market.name,
      cells: editions.map((r) => ({ edition: r.edition, state: STATE(r.listed), confidence: r.confidence })),
      totals: totalsOf(editions),
    };
  });
  const byEdition = dataset.editions.map((edition, index) => ({
    edition: edition.id,
    ...totalsOf(rows.map((row) => ({ listed: row.cells[index]!.state === 'no-record' ? null : row.cells[index]!.state === 'listed', confidence: row.cells[index]!.confidence }))),
  }));
  const all = rows.flatMap((row) => row.cells.map((c) => ({ listed: c.state === 'no-record' ? null : c.state === 'listed', confidence: c.confidence })));
  return {
    filter: { country: filter.country ?? null, operator: filter.operator ?? null },
    editions: dataset.editions.map((e) => e.id),
    markets: rows,
    byEdition,
    totals: { ...totalsOf(all), markets: rows.length, cells: all.length },
  };
}
