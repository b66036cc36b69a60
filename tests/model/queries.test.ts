// Queries against the embedded dataset: the seed story's facts, answered with sources.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/load/dataset.js';
import { loadEmbeddedDataset } from '../helpers/dataset.js';
import { editionDiff, marketStatus, UnknownIdError } from '../../src/model/index.js';

let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadEmbeddedDataset();
});

function row(market: string, edition: string) {
  const found = marketStatus(dataset, market).editions.find((r) => r.edition === edition);
  if (!found) throw new Error(`no edition ${edition}`);
  return found;
}

describe('status', () => {
  it('has Taobao removed in 2012 and relisted in 2016, each with sources', () => {
    const removed = row('taobao', '2012');
    expect(removed).toMatchObject({ listed: false, change: 'removed', confidence: 'verified', year: 2012, published: '2012-12-13' });
    expect(removed.sources.length).toBeGreaterThan(0);
    const relisted = row('taobao', '2016');
    expect(relisted).toMatchObject({ listed: true, change: 'added', confidence: 'verified' });
    expect(relisted.sources.length).toBeGreaterThan(0);
    for (const id of [...removed.sources, ...relisted.sources]) expect(dataset.sources.has(id)).toBe(true);
  });

  it('keeps Taobao off the list from 2013 to 2015 and on it in 2011', () => {
    expect(row('taobao', '2011').listed).toBe(true);
    for (const edition of ['2013', '2014', '2015']) expect(row('taobao', edition).listed).toBe(false);
  });

  it('has Pinduoduo first listed in the 2018 review', () => {
    const editions = marketStatus(dataset, 'pinduoduo').editions;
    const first = editions.find((r) => r.listed === true);
    expect(first).toMatchObject({ edition: '2018', change: 'added' });
    expect(editions.filter((r) => r.year < 2018).every((r) => r.listed !== true)).toBe(true);
  });

  it('lists every edition in publication order and marks editions without a record as null', () => {
    const editions = marketStatus(dataset, 'lazada').editions;
    expect(editions.map((r) => r.published)).toEqual([...editions.map((r) => r.published)].sort());
    expect(editions.length).toBe(dataset.editions.length);
    for (const r of editions.filter((e) => e.listed === null)) expect(r).toMatchObject({ change: null, confidence: null, sources: [] });
  });

  it('--year keeps only editions of that review year', () => {
    const only2012 = marketStatus(dataset, 'taobao', { year: 2012 }).editions;
    expect(only2012.map((r) => r.edition)).toEqual(['2012']);
    expect(only2012[0]!.change).toBe('removed');
  });

  it('rejects an unknown market with the nearest id', () => {
    expect(() => marketStatus(dataset, 'tabao')).toThrow(UnknownIdError);
    try {
      marketStatus(dataset, 'tabao');
    } catch (error) {
      expect((error as UnknownIdError).nearest).toBe('taobao');
    }
  });
});

describe('diff', () => {
  it('2020 → 2021: AliExpress and WeChat added, Amazon’s European domains removed', () => {
    const result = editionDiff(dataset, '2020', '2021');
    expect(result.from).toBe('2020');
    expect(result.to).toBe('2021');
    expect(result.added).toEqual(expect.arrayContaining(['aliexpress', 'wechat-ecommerce']));
    expect(result.removed).toEqual(expect.arrayContaining(['amazon-co-uk', 'amazon-de', 'amazon-fr', 'amazon-it', 'amazon-es']));
    expect(result.retained).toEqual(expect.arrayContaining(['taobao', 'pinduoduo']));
    for (const list of [result.added, result.removed, result.retained, result.unknown]) expect(list).toEqual([...list].sort());
    const all = [...result.added, ...result.removed, ...result.retained, ...result.unknown];
    expect(new Set(all).size).toBe(all.length);
  });

  it('2011 → 2012: Taobao removed', () => {
    expect(editionDiff(dataset, '2011', '2012').removed).toContain('taobao');
  });

  it('2015 → 2016: Taobao added back', () => {
    expect(editionDiff(dataset, '2015', '2016').added).toContain('taobao');
  });

  it('rejects an unknown edition with the nearest id', () => {
    expect(() => editionDiff(dataset, '2020', '2201')).toThrow(UnknownIdError);
  });
});
