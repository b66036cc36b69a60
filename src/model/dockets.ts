// Dockets and editions of a review cycle.
import type { Dataset } from './dataset.js';
import type { BriefDocket, Docket, Edition } from '../schema/index.js';

/** The docket of a review cycle, if the data has it. */
export function docketForCycle(dataset: Dataset, cycle: number): Docket | undefined {
  return dataset.dockets.find((docket) => docket.cycle === cycle);
}

/** The docket a filing works under: the data's for its cycle, else the one written in the brief. */
export type FilingDocket = Omit<Docket, 'edition' | 'requirements' | 'confidence' | 'sources' | 'deadline_note'> & Partial<Pick<Docket, 'edition' | 'deadline_note' | 'confidence' | 'sources'>> & { fromBrief: boolean };

/** See {@link FilingDocket}. */
export function filingDocket(dataset: Dataset, cycle: number, own: BriefDocket | undefined): FilingDocket | undefined {
  const recorded = docketForCycle(dataset, cycle);
  if (recorded) return { ...recorded, fromBrief: false };
  if (!own) return undefined;
  const { url: _url, ...fields } = own;
  return { cycle, deadline_time: '23:59', ...fields, fromBrief: true };
}

/** The edition a cycle produced: the docket's edition, else the edition whose id is the cycle year. */
export function editionForCycle(dataset: Dataset, cycle: number): Edition | undefined {
  const docket = docketForCycle(dataset, cycle);
  return (docket?.edition ? dataset.editionsById.get(docket.edition) : undefined) ?? dataset.editionsById.get(String(cycle));
}
