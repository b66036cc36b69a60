// Dockets and editions of a review cycle.
import type { Dataset } from './dataset.js';
import type { Docket, Edition } from '../schema/index.js';

/** The docket of a review cycle, if the data has it. */
export function docketForCycle(dataset: Dataset, cycle: number): Docket | undefined {
  return dataset.dockets.find((docket) => docket.cycle === cycle);
}

/** The edition a cycle produced: the docket's edition, else the edition whose id is the cycle year. */
export function editionForCycle(dataset: Dataset, cycle: number): Edition | undefined {
  const docket = docketForCycle(dataset, cycle);
  return (docket?.edition ? dataset.editionsById.get(docket.edition) : undefined) ?? dataset.editionsById.get(String(cycle));
}
