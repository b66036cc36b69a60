// Pins the answers corrected by the audit of the record (issue 16) against the embedded dataset, so a later data
// edit that brings back a wrong fact fails here with the fact named.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/load/dataset.js';
import { loadEmbeddedDataset } from '../helpers/dataset.js';
import { editionDiff, marketCountry, marketPlace, marketStatus, marketWhereSentences } from '../../src/model/index.js';

let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadEmbeddedDataset();
});

function listing(market: string, edition: string) {
  return dataset.markets.get(market)?.listings.find((l) => l.edition === edition);
}

describe('the corrected record', () => {
  it('has Baidu first listed in the 2006 Special 301 section, and Taobao and Alibaba.com not in 2006–2007', () => {
    const firstListed = marketStatus(dataset, 'baidu').editions.find((row) => row.listed === true);
    expect(firstListed?.edition).toBe('s301-2006');
    expect(listing('baidu', 's301-2007')).toMatchObject({ listed: true, confidence: 'verified' });
    for (const market of ['taobao', 'alibaba-com']) {
      for (const edition of ['s301-2006', 's301-2007']) expect(listing(market, edition), `${market} ${edition}`).toMatchObject({ listed: false });
    }
  });

  it('keeps Shopee, IndiaMART and DHgate between the 2022 and 2023 lists', () => {
    const { retained, removed, added } = editionDiff(dataset, '2022', '2023');
    expect(retained).toEqual(expect.arrayContaining(['shopee', 'indiamart', 'dhgate']));
    expect([...removed, ...added]).not.toContain('shopee');
    expect([...removed, ...added]).not.toContain('indiamart');
  });

  it('credits the 67% counterfeit figure to AAFA and keeps SAIC’s 37.25% genuine finding apart', () => {
    const aafa = dataset.metrics.filter((m) => m.value === 67);
    expect(aafa).toHaveLength(1);
    expect(aafa[0]).toMatchObject({ reported_by: 'aafa', market: 'taobao' });
    expect(aafa[0]!.measure).toMatch(/the figure is AAFA's/);
    expect(aafa[0]!.measure).not.toMatch(/^[^;]*found by (China's )?(SAIC|State Administration)/);
    const saic = dataset.metrics.filter((m) => m.reported_by === 'china-saic');
    expect(saic).toHaveLength(1);
    expect(saic[0]).toMatchObject({ value: 37.25, unit: 'percent', period_end: '2014-10' });
  });

  it('dates the 2017 list by USTR’s press release (January 12, 2018), in the edition and the event alike', () => {
    expect(dataset.editionsById.get('2017')?.published).toBe('2018-01-12');
    const event = dataset.events.find((e) => e.kind === 'report' && e.summary.includes('2017 Out-of-Cycle Review'));
    expect(event?.date).toBe('2018-01-12');
  });

  it('has the dockets’ numbers and deadlines the notices and reports give', () => {
    const docket = (cycle: number) => dataset.dockets.find((d) => d.cycle === cycle);
    expect(docket(2013)).toMatchObject({ comment_deadline: '2013-10-11', confidence: 'verified' });
    expect(docket(2015)).toMatchObject({ comment_deadline: '2015-10-05' });
    expect(docket(2019)).toMatchObject({ docket_id: 'USTR-2019-0013' });
    expect(docket(2022)).toMatchObject({ docket_id: 'USTR-2022-0010', comment_deadline: '2022-10-07' });
    expect(docket(2025)).toMatchObject({ comment_deadline: '2025-10-01', rebuttal_deadline: '2025-10-15' });
  });

  it('records the gaps the public record answers', () => {
    for (const market of ['snapdeal', 'carousell', 'weidian']) expect(listing(market, '2021'), market).toMatchObject({ listed: false });
    expect(listing('aliexpress', '2024')).toMatchObject({ listed: false, confidence: 'verified' });
    expect(listing('aliexpress', '2023')).toMatchObject({ confidence: 'unverified' });
    expect(listing('aliexpress', '2023')?.note).toMatch(/Disputed/);
    for (const market of ['dhgate', 'indiamart']) expect(listing(market, '2016'), market).toMatchObject({ listed: false });
    expect(listing('tmall', '2011')).toMatchObject({ confidence: 'unverified' });
    expect(listing('tmall', '2011')?.sources).toContain('computerworld-2011-12-baidu-removed-taobao-stays');
  });

  it('says why every unverified listing row is unverified', () => {
    for (const market of dataset.markets.values()) {
      for (const row of market.listings.filter((l) => l.confidence === 'unverified')) expect(row.note, `${market.id} ${row.edition}`).toBeTruthy();
    }
  });

  it('quotes only words a source has: the phrases found not word for word are gone', () => {
    const quoted = [
      ...[...dataset.markets.values()].flatMap((m) => m.listings.map((l) => l.quote ?? '')),
      ...dataset.positions.flatMap((p) => p.quotes.map((q) => q.text)),
      ...[...dataset.claims.values()].filter(({ claim }) => claim.verbatim).map(({ claim }) => claim.text),
    ];
    for (const phrase of ['fell short of fully addressing', 'This is a disappointing moment', 'The slow pace has convinced us', 'A strong message from USTR stating', 'lack concrete evidence and data support']) {
      expect(quoted.filter((q) => q.includes(phrase)), phrase).toEqual([]);
    }
  });

  it('does not put Sourcing Journal’s and AAFA’s “step up” wording in Reuters’ mouth, nor repeat The Register’s count', () => {
    expect(listing('taobao', '2012')?.note).not.toMatch(/Reuters[^.;]*step up/);
    expect(listing('taobao', '2021')?.note).toMatch(/sixth/);
  });
});

describe('physical markets', () => {
  it('are sourced for China and at least two other countries across several editions', () => {
    const physical = [...dataset.markets.values()].filter((m) => m.kind === 'physical');
    const countries = new Set(physical.map((m) => marketCountry(m)));
    expect(countries.has('CN')).toBe(true);
    expect(countries.size).toBeGreaterThanOrEqual(3);
    expect(new Set(physical.flatMap((m) => m.listings.map((l) => l.edition))).size).toBeGreaterThanOrEqual(5);
    for (const market of physical) {
      expect(market.location, market.id).toBeDefined();
      expect(market.market_type, market.id).toBeDefined();
      expect(market.domains ?? [], market.id).toEqual([]);
      expect(market.listings.length, market.id).toBeGreaterThan(0);
    }
  });

  it('answer status and diff like online markets, and read with a location instead of domains', () => {
    const silk = dataset.markets.get('silk-market')!;
    expect(marketWhereSentences(silk)).toBe('Nominated as Silk Market, a retail and wholesale market in Beijing, China.');
    expect(marketPlace(dataset.markets.get('tank-road')!)).toBe('Karol Bagh, Delhi, India');
    expect(marketStatus(dataset, 'silk-market').editions.find((r) => r.edition === 's301-2006')).toMatchObject({ listed: true, confidence: 'verified' });
    const { added, removed } = editionDiff(dataset, '2019', '2020');
    expect(added).toContain('palika-bazaar');
    expect(removed).toContain('millennium-centre');
  });
});
