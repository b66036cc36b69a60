// The timeline query against the embedded dataset: the seed story's dates, each with its source.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/load/dataset.js';
import { compareChronologically } from '../../src/schema/partial-date.js';
import { timeline, UnknownIdError } from '../../src/model/index.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = (await loadDataset(path.resolve(import.meta.dirname, '../../data'))).dataset;
});

describe('timeline', () => {
  it('has the 2012 removal and the 2016 relisting of Taobao, with sources that exist', () => {
    const entries = timeline(dataset, ['taobao']);
    const removal = entries.find((e) => e.kind === 'edition' && e.date === '2012-12-13');
    const relisting = entries.find((e) => e.kind === 'edition' && e.date === '2016-12-21');
    expect(removal?.summary).toMatch(/Taobao removed from the list/);
    expect(relisting?.summary).toMatch(/Taobao relisted/);
    for (const entry of [removal!, relisting!]) {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const id of entry.sources) expect(dataset.sources.get(id)?.url).toMatch(/^https?:\/\//);
    }
  });

  it('includes the seed story: AAFA asks to relist, Alibaba asks not to list, in October 2015', () => {
    const october2015 = timeline(dataset, ['taobao'], { from: 2015, to: 2015 }).filter((e) => e.kind === 'position' && e.date.startsWith('2015-10'));
    expect(october2015.map((e) => e.summary).join('\n')).toMatch(/American Apparel & Footwear Association asked USTR to relist Taobao/);
    expect(october2015.map((e) => e.summary).join('\n')).toMatch(/Alibaba Group asked USTR not to list Taobao/);
  });

  it('is sorted by date and respects --from/--to', () => {
    const entries = timeline(dataset, ['taobao', 'aliexpress'], { from: 2012, to: 2021 });
    expect(entries.length).toBeGreaterThan(5);
    for (let i = 1; i < entries.length; i++) expect(compareChronologically(entries[i - 1]!.date, entries[i]!.date)).toBeLessThanOrEqual(0);
    for (const entry of entries) {
      expect(Number(entry.date.slice(0, 4))).toBeGreaterThanOrEqual(2012);
      expect(Number(entry.date.slice(0, 4))).toBeLessThanOrEqual(2021);
      expect(entry.markets.some((m) => m === 'taobao' || m === 'aliexpress')).toBe(true);
    }
  });

  it('never lists an edition without a record as an entry', () => {
    const editionDates = new Set(timeline(dataset, ['taobao']).filter((e) => e.kind === 'edition').map((e) => e.date));
    const taobao = dataset.markets.get('taobao')!;
    expect(editionDates.size).toBe(new Set(taobao.listings.map((l) => dataset.editionsById.get(l.edition)!.published)).size);
  });

  it('rejects an unknown market', () => {
    expect(() => timeline(dataset, ['taobao', 'aliexpres'])).toThrow(UnknownIdError);
  });
});
