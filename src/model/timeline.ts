// A dated chronology for markets: what each edition of the list said, events, and stakeholders' positions.
import type { Dataset } from './dataset.js';
import type { Stance } from '../schema/index.js';
import { comparePartialDates, yearOf } from '../schema/partial-date.js';
import { getMarket } from './lookup.js';
import { marketStatus } from './status.js';

export type TimelineKind = 'edition' | 'event' | 'position';

/** One row of a timeline (⚑ JSON contract). */
export interface TimelineEntry {
  date: string;
  kind: TimelineKind;
  markets: string[];
  summary: string;
  sources: string[];
}

export interface TimelineOptions {
  /** First year kept (by the entry's date). */
  from?: number;
  /** Last year kept (by the entry's date). */
  to?: number;
}

/** How a stance reads in a sentence: "asked USTR to relist". */
export const STANCE_PHRASE: Record<Stance, string> = {
  list: 'asked USTR to list',
  relist: 'asked USTR to relist',
  retain: 'asked USTR to keep on the list',
  remove: 'asked USTR to remove from the list',
  'do-not-list': 'asked USTR not to list',
  'oppose-listing': 'opposed the listing of',
};

/** What a stance asks of USTR, as a short phrase for tables: "relist", "not list". */
export const STANCE_SHORT: Record<Stance, string> = {
  list: 'list',
  relist: 'relist',
  retain: 'keep on the list',
  remove: 'remove from the list',
  'do-not-list': 'not list',
  'oppose-listing': 'not list (opposes the listing)',
};

const KIND_ORDER: Record<TimelineKind, number> = { edition: 0, event: 1, position: 2 };

/**
 * What an edition did with a market, as a verb phrase: "added to the list", "relisted",
 * "kept on the list", "removed from the list", "not listed".
 */
export function listingVerb(listed: boolean, change: string | null, everListedBefore: boolean): string {
  if (!listed) return change === 'removed' ? 'removed from the list' : 'not listed';
  if (change === 'added') return everListedBefore ? 'relisted' : 'listed';
  return 'kept on the list';
}

/** The chronology for one or more markets, sorted by date (then editions, events, positions). */
export function timeline(dataset: Dataset, marketIds: readonly string[], options: TimelineOptions = {}): TimelineEntry[] {
  const markets = marketIds.map((id) => getMarket(dataset, id));
  const wanted = new Set(markets.map((m) => m.id));
  const entries: (TimelineEntry & { order: string })[] = [];

  for (const market of markets) {
    let everListed = false;
    for (const row of marketStatus(dataset, market.id).editions) {
      if (row.listed === null) continue;
      const edition = dataset.editionsById.get(row.edition)!;
      const listing = market.listings.find((l) => l.edition === row.edition)!;
      const verb = listingVerb(row.listed, row.change, everListed);
      everListed ||= row.listed;
      const quote = listing.quote ? ` USTR: “${listing.quote}”` : '';
      const unverified = row.confidence === 'unverified' ? ' (unconfirmed)' : '';
      entries.push({
        date: edition.published,
        kind: 'edition',
        markets: [market.id],
        summary: `${edition.title}: ${market.name} ${verb}${unverified}.${quote}`,
        sources: [...row.sources],
        order: `${market.id}`,
      });
    }
  }

  for (const event of dataset.events) {
    const hits = event.markets.filter((m) => wanted.has(m));
    if (hits.length === 0) continue;
    const unverified = event.confidence === 'unverified' ? ' (unconfirmed)' : '';
    entries.push({ date: event.date, kind: 'event', markets: [...event.markets].sort(), summary: `${event.summary}${unverified}`, sources: [...event.sources], order: event.id });
  }

  for (const position of dataset.positions) {
    const hits = position.markets.filter((m) => wanted.has(m));
    if (hits.length === 0) continue;
    const who = dataset.stakeholders.get(position.stakeholder)?.name ?? position.stakeholder;
    const names = position.markets.map((id) => dataset.markets.get(id)?.name ?? id).join(', ');
    const unverified = position.confidence === 'unverified' ? ' (unconfirmed)' : '';
    entries.push({
      date: position.date,
      kind: 'position',
      markets: [...position.markets].sort(),
      summary: `${who} ${STANCE_PHRASE[position.stance]} ${names} (${position.cycle} review)${unverified}: ${position.summary}`,
      sources: [...position.sources],
      order: position.id,
    });
  }

  return entries
    .filter((e) => (options.from === undefined || yearOf(e.date) >= options.from) && (options.to === undefined || yearOf(e.date) <= options.to))
    .sort((a, b) => comparePartialDates(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ order: _order, ...entry }) => entry);
}
