// A dated chronology for markets and stakeholders: what each edition of the list said, events, and positions.
import type { z } from 'zod';
import type { quoteAnswerSchema, timelineEntrySchema } from '../schema/answers.js';
import type { Dataset } from './dataset.js';
import type { Event, Position, Quote, Stance } from '../schema/index.js';
import { compareChronologically, datePrecision, dateWithin, yearOf } from '../schema/partial-date.js';
import { marketStatus, type ListingChange } from './status.js';
import { resolveSubject, subjectMarkets } from './subjects.js';

/** One row of a timeline (⚑ JSON contract: `date`, `kind`, `markets`, `summary`, `sources`; the rest added in 0.3.0). */
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

export type TimelineKind = TimelineEntry['kind'];

/** A quotation in an answer: the words, who said them and when, and where they were published. */
export type QuoteAnswer = z.output<typeof quoteAnswerSchema>;

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
 * What an edition did with a market, as a verb phrase: "added to the list", "relisted", "kept on the list",
 * "removed from the list", "not listed"; after a gap in the record, no change is claimed.
 */
export function listingVerb(listed: boolean, change: ListingChange, everListedBefore: boolean): string {
  if (change === 'after-gap') return listed ? 'listed (after a gap in the record: no claim of a change)' : 'not listed (after a gap in the record)';
  if (!listed) return change === 'removed' ? 'removed from the list' : 'not listed';
  if (change === 'added') return everListedBefore ? 'relisted' : 'listed';
  if (change === 'first-recorded') return 'listed (the first edition the record has for it)';
  return 'kept on the list';
}

/** A position's or event's quotes as answers, with the speaker's name. */
export function quoteAnswers(dataset: Dataset, quotes: readonly Quote[], fallbackSpeaker: string | null): QuoteAnswer[] {
  return quotes.map((quote) => ({
    text: quote.text,
    speaker: quote.speaker ?? null,
    speakerName: (quote.speaker ? dataset.people.get(quote.speaker)?.person.name : undefined) ?? fallbackSpeaker,
    date: quote.date ?? null,
    confidential: quote.confidential,
    sources: [...quote.sources],
  }));
}

/** How well an event records the same act as a position: 0 = not the same act. */
function sameActScore(event: Event, position: Position): number {
  const kinds: ReadonlySet<string> = new Set(['letter', 'submission', 'statement', 'hearing']);
  if (!kinds.has(event.kind) || !event.actors.includes(position.stakeholder)) return 0;
  if (!position.markets.some((m) => event.markets.includes(m))) return 0;
  if (!dateWithin(position.date, event.date, event.end_date)) return 0;
  const shared = position.sources.filter((id) => event.sources.includes(id)).length;
  if (shared === 0) return 0;
  return (event.date === position.date ? 100 : 0) + shared;
}

/** Pairs each position with the event that records the same act, if any (each event and position used once). */
export function sameActs(events: readonly Event[], positions: readonly Position[]): Map<Position, Event> {
  const candidates: { event: Event; position: Position; score: number }[] = [];
  for (const position of positions) for (const event of events) {
    const score = sameActScore(event, position);
    if (score > 0) candidates.push({ event, position, score });
  }
  candidates.sort((a, b) => b.score - a.score || (a.event.id < b.event.id ? -1 : 1) || (a.position.id < b.position.id ? -1 : 1));
  const pairs = new Map<Position, Event>();
  const used = new Set<Event>();
  for (const { event, position } of candidates) {
    if (pairs.has(position) || used.has(event)) continue;
    pairs.set(position, event);
    used.add(event);
  }
  return pairs;
}

const unconfirmed = (confidence: 'verified' | 'unverified'): string => (confidence === 'unverified' ? ' (unconfirmed)' : '');

/**
 * The chronology for markets and stakeholders (ids or names; an operator brings in its markets), sorted by date —
 * a month-only date after that month's day-dated entries, a year-only one after that year's — then editions,
 * events, positions. An event and a position recording the same act are one entry citing both.
 * Throws UnknownIdError for a name that is no market or stakeholder.
 */
export function timeline(dataset: Dataset, refs: readonly string[], options: TimelineOptions = {}): TimelineEntry[] {
  const subjects = refs.map((ref) => resolveSubject(dataset, ref));
  const markets = [...new Map(subjects.flatMap(subjectMarkets).map((m) => [m.id, m])).values()];
  const wanted = new Set(markets.map((m) => m.id));
  const actors = new Set(subjects.filter((s) => s.kind !== 'market').map((s) => s.id));
  const entries: (TimelineEntry & { order: string })[] = [];
  const blank = { edition: null, event: null, position: null, stakeholder: null, stance: null, cycle: null, note: null } as const;

  for (const market of markets) {
    let everListed = false;
    for (const row of marketStatus(dataset, market.id).editions) {
      if (row.listed === null) continue;
      const edition = dataset.editionsById.get(row.edition)!;
      const verb = listingVerb(row.listed, row.change, everListed);
      everListed ||= row.listed;
      const quote = row.quote ? ` USTR: “${row.quote}”` : '';
      entries.push({
        ...blank,
        date: edition.published,
        kind: 'edition',
        markets: [market.id],
        summary: `${edition.title}: ${market.name} ${verb}${unconfirmed(row.confidence!)}.${quote}`,
        sources: [...row.sources],
        precision: datePrecision(edition.published),
        edition: edition.id,
        stakeholder: 'ustr',
        confidence: row.confidence!,
        quotes: row.quote ? [{ text: row.quote, speaker: null, speakerName: 'USTR', date: edition.published, confidential: false, sources: [...row.sources] }] : [],
        note: row.note,
        order: market.id,
      });
    }
  }

  const concerns = (ids: readonly string[], who: readonly string[]): boolean => ids.some((m) => wanted.has(m)) || who.some((a) => actors.has(a));
  const events = dataset.events.filter((e) => concerns(e.markets, e.actors));
  const positions = dataset.positions.filter((p) => concerns(p.markets, [p.stakeholder]));
  const pairs = sameActs(events, positions);
  const paired = new Set(pairs.values());

  for (const event of events) {
    if (paired.has(event)) continue;
    entries.push({
      ...blank,
      date: event.date,
      kind: 'event',
      markets: [...event.markets].sort(),
      summary: `${event.summary}${unconfirmed(event.confidence)}`,
      sources: [...event.sources],
      precision: datePrecision(event.date),
      event: event.id,
      stakeholder: event.actors[0] ?? null,
      confidence: event.confidence,
      quotes: [],
      order: event.id,
    });
  }

  for (const position of positions) {
    const who = dataset.stakeholders.get(position.stakeholder)?.name ?? position.stakeholder;
    const names = position.markets.map((id) => dataset.markets.get(id)?.name ?? id).join(', ');
    const event = pairs.get(position);
    const confidence = event?.confidence === 'unverified' ? 'unverified' : position.confidence;
    entries.push({
      ...blank,
      date: position.date,
      kind: 'position',
      markets: [...position.markets].sort(),
      summary: `${who} ${STANCE_PHRASE[position.stance]} ${names} (${position.cycle} review)${unconfirmed(confidence)}: ${position.summary}`,
      sources: [...new Set([...position.sources, ...(event?.sources ?? [])])],
      precision: datePrecision(position.date),
      event: event?.id ?? null,
      position: position.id,
      stakeholder: position.stakeholder,
      stance: position.stance,
      cycle: position.cycle,
      confidence,
      quotes: quoteAnswers(dataset, position.quotes, who),
      order: position.id,
    });
  }

  return entries
    .filter((e) => (options.from === undefined || yearOf(e.date) >= options.from) && (options.to === undefined || yearOf(e.date) <= options.to))
    .sort((a, b) => compareChronologically(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((e) => ({
      // The ⚑ contract's fields first, in their documented order; then the fields added in 0.3.0.
      date: e.date,
      kind: e.kind,
      markets: e.markets,
      summary: e.summary,
      sources: e.sources,
      precision: e.precision,
      edition: e.edition,
      event: e.event,
      position: e.position,
      stakeholder: e.stakeholder,
      stance: e.stance,
      cycle: e.cycle,
      confidence: e.confidence,
      quotes: e.quotes,
      note: e.note,
    }));
}
