// Looking up markets, stakeholders, operators and editions by id, with a typed error that suggests the nearest ids and says which kind each is.
import { distance } from 'fastest-levenshtein';
import type { Dataset } from './dataset.js';
import type { Edition, Market, Stakeholder } from '../schema/index.js';

/** The kinds of thing an id can name. An operator is a stakeholder that operates markets in the data. */
export type IdKind = 'market' | 'stakeholder' | 'operator' | 'edition' | 'year';

/** A known id offered in place of an unknown one. */
export interface Suggestion {
  id: string;
  kind: IdKind;
}

/** An id the dataset does not have; carries the nearest known ids (with their kinds) for the message. */
export class UnknownIdError extends Error {
  constructor(
    /** What was asked for, as it reads in the message: `market`, `edition`, `market, stakeholder or operator` … */
    readonly kind: string,
    readonly id: string,
    readonly suggestions: readonly Suggestion[],
  ) {
    const article = (k: IdKind): string => (/^[aeiou]/.test(k) ? `an ${k}` : `a ${k}`);
    const [first] = suggestions;
    let offer = '';
    if (suggestions.length === 1 && first) offer = ` (did you mean \`${first.id}\`?${first.kind === kind ? '' : ` — ${article(first.kind)}`})`;
    else if (suggestions.length > 1) {
      const list = suggestions.map((s) => `\`${s.id}\`${s.kind === kind ? '' : ` (${s.kind})`}`);
      offer = ` (did you mean ${list.slice(0, -1).join(', ')} or ${list.at(-1)}?)`;
    }
    super(`unknown ${kind} \`${id}\`${offer}`);
    this.name = 'UnknownIdError';
  }

  /** The nearest known id, if any. */
  get nearest(): string | undefined {
    return this.suggestions[0]?.id;
  }
}

/** The known ids nearest to `id` by edit distance (ties kept, at most `max`). */
export function nearestIds(id: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = id.toLowerCase();
  const scored = [...new Set(candidates)].map((candidate) => ({ candidate, score: distance(wanted, candidate) }));
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score === best)
    .map((s) => s.candidate)
    .sort()
    .slice(0, max);
}

/** Every id of the given kinds, with its kind (a stakeholder that operates markets counts as an operator). */
function knownIds(dataset: Dataset, kinds: readonly IdKind[]): Suggestion[] {
  const out: Suggestion[] = [];
  if (kinds.includes('market')) for (const id of dataset.markets.keys()) out.push({ id, kind: 'market' });
  if (kinds.includes('stakeholder') || kinds.includes('operator')) {
    const operators = new Set([...dataset.markets.values()].map((m) => m.operator));
    for (const id of dataset.stakeholders.keys()) {
      const kind = operators.has(id) ? 'operator' : 'stakeholder';
      if (kinds.includes(kind)) out.push({ id, kind });
    }
  }
  if (kinds.includes('edition')) for (const id of dataset.editionsById.keys()) out.push({ id, kind: 'edition' });
  return out;
}

/** The nearest known ids of the given kinds, each with its kind. */
export function suggestIds(dataset: Dataset, id: string, kinds: readonly IdKind[]): Suggestion[] {
  const known = knownIds(dataset, kinds);
  const ids = nearestIds(id, known.map((k) => k.id));
  return ids.map((near) => known.find((k) => k.id === near)!);
}

/** The market with this id, or UnknownIdError. */
export function getMarket(dataset: Dataset, id: string): Market {
  const market = dataset.markets.get(id);
  if (!market) throw new UnknownIdError('market', id, suggestIds(dataset, id, ['market']));
  return market;
}

/** The edition with this id, or UnknownIdError. */
export function getEdition(dataset: Dataset, id: string): Edition {
  const edition = dataset.editionsById.get(id);
  if (!edition) throw new UnknownIdError('edition', id, suggestIds(dataset, id, ['edition']));
  return edition;
}

/** The stakeholder with this id, or UnknownIdError. */
export function getStakeholder(dataset: Dataset, id: string): Stakeholder {
  const stakeholder = dataset.stakeholders.get(id);
  if (!stakeholder) throw new UnknownIdError('stakeholder', id, suggestIds(dataset, id, ['stakeholder', 'operator']));
  return stakeholder;
}

/**
 * An edition named by its id (`2024`, `s301-2009`) or, when no id matches, by a review year that has exactly
 * one edition. UnknownIdError otherwise (suggesting the nearest edition ids).
 */
export function resolveEdition(dataset: Dataset, ref: string): Edition {
  const byId = dataset.editionsById.get(ref);
  if (byId) return byId;
  if (/^\d{4}$/.test(ref)) {
    const ofYear = dataset.editions.filter((e) => e.year === Number(ref));
    if (ofYear.length === 1) return ofYear[0]!;
  }
  return getEdition(dataset, ref);
}
