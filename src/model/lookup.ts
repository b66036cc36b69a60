// Looking up markets and editions by id, with a typed error that suggests the nearest id.
import { closest } from 'fastest-levenshtein';
import type { Dataset } from './dataset.js';
import type { Edition, Market } from '../schema/index.js';

/** An id the dataset does not have; carries the nearest known id for the message. */
export class UnknownIdError extends Error {
  constructor(
    readonly kind: 'market' | 'edition',
    readonly id: string,
    readonly nearest: string | undefined,
  ) {
    super(`unknown ${kind} \`${id}\`${nearest ? ` (did you mean \`${nearest}\`?)` : ''}`);
    this.name = 'UnknownIdError';
  }
}

function nearest(id: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  return list.length ? closest(id.toLowerCase(), list) : undefined;
}

/** The market with this id, or UnknownIdError. */
export function getMarket(dataset: Dataset, id: string): Market {
  const market = dataset.markets.get(id);
  if (!market) throw new UnknownIdError('market', id, nearest(id, dataset.markets.keys()));
  return market;
}

/** The edition with this id, or UnknownIdError. */
export function getEdition(dataset: Dataset, id: string): Edition {
  const edition = dataset.editionsById.get(id);
  if (!edition) throw new UnknownIdError('edition', id, nearest(id, dataset.editionsById.keys()));
  return edition;
}
