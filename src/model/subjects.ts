// What a query is about: a market, or a stakeholder (an operator when it runs markets), named by id or by name.
import type { Dataset } from './dataset.js';
import type { Market, Stakeholder } from '../schema/index.js';
import { suggestIds, UnknownIdError, type IdKind } from './lookup.js';

/** A market as the subject of a query. */
export interface MarketSubject {
  kind: 'market';
  id: string;
  market: Market;
}

/** A stakeholder as the subject of a query; `markets` are the ones it operates (empty unless it is an operator). */
export interface StakeholderSubject {
  kind: 'stakeholder' | 'operator';
  id: string;
  stakeholder: Stakeholder;
  markets: Market[];
}

export type Subject = MarketSubject | StakeholderSubject;

/** The markets a stakeholder operates, by id. */
export function operatedMarkets(dataset: Dataset, stakeholderId: string): Market[] {
  return [...dataset.markets.values()].filter((m) => m.operator === stakeholderId).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const fold = (value: string): string => value.normalize('NFKC').toLowerCase().trim();

/**
 * The market or stakeholder a user names: an id first, else an exact (case-insensitive) name, short name or
 * local-script name. UnknownIdError suggests the nearest ids of every kind, and says which kind each is —
 * an edition id included, so `status 2024` points at the edition.
 */
export function resolveSubject(dataset: Dataset, ref: string): Subject {
  const market = dataset.markets.get(ref) ?? [...dataset.markets.values()].find((m) => fold(m.name) === fold(ref) || (m.local_name !== undefined && fold(m.local_name) === fold(ref)));
  if (market) return { kind: 'market', id: market.id, market };
  const stakeholder =
    dataset.stakeholders.get(ref) ?? [...dataset.stakeholders.values()].find((s) => fold(s.name) === fold(ref) || (s.short_name !== undefined && fold(s.short_name) === fold(ref)));
  if (stakeholder) {
    const markets = operatedMarkets(dataset, stakeholder.id);
    return { kind: markets.length ? 'operator' : 'stakeholder', id: stakeholder.id, stakeholder, markets };
  }
  const kinds: IdKind[] = ['market', 'stakeholder', 'operator', 'edition'];
  throw new UnknownIdError('market, stakeholder or operator', ref, suggestIds(dataset, ref, kinds));
}

/** The markets a subject covers: the market itself, or every market an operator runs. */
export function subjectMarkets(subject: Subject): Market[] {
  return subject.kind === 'market' ? [subject.market] : subject.markets;
}
