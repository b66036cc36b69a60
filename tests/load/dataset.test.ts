// The embedded dataset validates cleanly, covers every contract market, and its JSON Schemas are current.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/load/dataset.js';
import { briefSchema } from '../../src/kinds/index.js';
import { dataFileKind } from '../../src/schema/index.js';
import { jsonSchemas, schemaFileName } from '../../src/schema/json-schema.js';

const DATA = path.resolve(import.meta.dirname, '../../data');
const CONTRACT_MARKETS = 'taobao tmall alibaba-com aliexpress pinduoduo dhgate wechat-ecommerce baidu baidu-wangpan shopee tokopedia bukalapak lazada indiamart amazon-ca amazon-co-uk amazon-de amazon-fr amazon-in amazon-it amazon-es vk mercado-libre douyin-mall snapdeal carousell weidian'.split(' ');
const EDITIONS = ['s301-2006', 's301-2007', 's301-2008', 's301-2009', 's301-2010', ...Array.from({ length: 16 }, (_, i) => String(2010 + i))];

describe('the embedded dataset', async () => {
  const { dataset, diagnostics, files } = await loadDataset(DATA);

  it('validates with no errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
  });

  it('has every contract market and every edition', () => {
    // The contract ids are the online markets; physical markets (city, country) come on top of them.
    const online = [...dataset.markets.values()].filter((m) => m.kind === 'online').map((m) => m.id);
    expect(online.sort()).toEqual([...CONTRACT_MARKETS].sort());
    expect(dataset.editions.map((e) => e.id)).toEqual(EDITIONS);
  });

  it('cites an existing source for every listing row', () => {
    for (const market of dataset.markets.values()) {
      for (const listing of market.listings) {
        expect(listing.sources.length).toBeGreaterThan(0);
        for (const id of listing.sources) expect(dataset.sources.has(id), `${market.id} ${listing.edition} cites ${id}`).toBe(true);
      }
    }
  });

  it('points every data file at its JSON Schema', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'schema' ? [] : walk(path.join(dir, e.name))) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []));
    for (const file of walk(DATA)) {
      const first = readFileSync(file, 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, file).not.toBeNull();
      const kind = dataFileKind(path.relative(DATA, file).split(path.sep).join('/'));
      expect(kind, file).toBeDefined();
      expect(path.resolve(path.dirname(file), match![1]!), file).toBe(path.join(DATA, 'schema', schemaFileName(kind!)));
    }
  });

  it('ships JSON Schemas equal to what `docketpress schema` generates', () => {
    for (const [name, schema] of Object.entries(jsonSchemas({ brief: briefSchema }))) {
      const committed = JSON.parse(readFileSync(path.join(DATA, 'schema', name), 'utf8'));
      expect(committed, `${name} is stale: run \`docketpress schema\``).toEqual(schema);
    }
  });
});
