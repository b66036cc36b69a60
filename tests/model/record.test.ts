// A market's standing as of a day, the request that agrees with it, and the requests that contradict it.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/load/dataset.js';
import { requestContradiction, requestFromRecord, standingAsOf } from '../../src/model/index.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = (await loadDataset(path.resolve(import.meta.dirname, '../../data'))).dataset;
});

describe('standing as of a day', () => {
  it('reads Taobao as listed in 2011, removed after December 2012, listed again after December 2016', () => {
    expect(standingAsOf(dataset, 'taobao', '2012-10-01')).toEqual({ state: 'listed', lastEdition: '2011' });
    expect(standingAsOf(dataset, 'taobao', '2016-10-07')).toEqual({ state: 'removed', lastEdition: '2015' });
    expect(standingAsOf(dataset, 'taobao', '2017-10-02')).toEqual({ state: 'listed', lastEdition: '2016' });
  });

  it('keeps "never listed" apart from "no record"', () => {
    expect(standingAsOf(dataset, 'pinduoduo', '2018-10-01')).toEqual({ state: 'never-listed', lastEdition: '2017' });
    expect(standingAsOf(dataset, 'pinduoduo', '2015-10-01')).toEqual({ state: 'no-record' });
  });

  it('derives retain, relist and list', () => {
    expect(requestFromRecord({ state: 'listed' })).toBe('retain');
    expect(requestFromRecord({ state: 'removed' })).toBe('relist');
    expect(requestFromRecord({ state: 'never-listed' })).toBe('list');
    expect(requestFromRecord({ state: 'no-record' })).toBe('list');
  });

  it('names the contradiction and the request that would agree', () => {
    expect(requestContradiction('list', { state: 'listed', lastEdition: '2024' }, 'DHgate')).toMatch(/already on the list \(edition 2024\).*`request: retain`/);
    expect(requestContradiction('retain', { state: 'removed', lastEdition: '2015' }, 'Taobao')).toMatch(/not on the list.*`request: relist`/);
    expect(requestContradiction('remove', { state: 'never-listed', lastEdition: '2017' }, 'X')).toMatch(/cannot be removed/);
    expect(requestContradiction('relist', { state: 'never-listed', lastEdition: '2017' }, 'X')).toMatch(/never been on the list.*`request: list`/);
    for (const [request, state] of [['retain', 'listed'], ['relist', 'removed'], ['list', 'never-listed'], ['remove', 'listed'], ['list', 'no-record']] as const) {
      expect(requestContradiction(request, { state }, 'X'), `${request} × ${state}`).toBeUndefined();
    }
  });
});
