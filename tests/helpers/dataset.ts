// The embedded dataset (data/), loaded for query tests and checked to validate without errors.
import path from 'node:path';
import { expect } from 'vitest';
import { loadDataset, type Dataset } from '../../src/load/dataset.js';

export const DATA = path.resolve(import.meta.dirname, '../../data');

/** Loads data/ and fails the test run if it has any error. */
export async function loadEmbeddedDataset(): Promise<Dataset> {
  const result = await loadDataset(DATA);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.dataset;
}
