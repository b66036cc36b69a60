// The cache: a data folder byte for byte unchanged is restored exactly as validated (entities, messages and
// positions); any change to any file, or a damaged entry, means a fresh load — never a stale or broken answer.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCacheDir, MAX_CACHE_ENTRIES, writeCacheEntry, cacheEntryPath, cacheKey } from '../../src/load/cache.js';
import { loadDataset, type LoadResult } from '../../src/load/dataset.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'docketpress-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A fresh copy of a data folder and an empty cache folder. */
function setup(from: string): { data: string; cache: string } {
  const dir = path.join(scratch, String(counter++));
  cpSync(from, path.join(dir, 'data'), { recursive: true });
  return { data: path.join(dir, 'data'), cache: path.join(dir, 'cache') };
}

/** Everything a load gives that a reader can see, as plain data (origins as file:line:column). */
function visible(result: LoadResult): unknown {
  const { dataset } = result;
  const where = (entity: object): string | undefined => {
    const origin = dataset.origins.get(entity);
    if (!origin) return undefined;
    const at = origin.file.placeOf(origin.path);
    return `${origin.file.name}:${at.line}:${at.column}`;
  };
  return {
    diagnostics: result.diagnostics,
    files: result.files,
    editions: dataset.editions,
    editionIds: [...dataset.editionsById.keys()],
    markets: [...dataset.markets.values()].map((m) => ({ m, at: where(m), listings: m.listings.map(where) })),
    sources: [...dataset.sources.values()].map((s) => [s, where(s)]),
    stakeholders: [...dataset.stakeholders.values()].map((s) => [s, where(s), s.people.map(where)]),
    people: [...dataset.people.entries()].map(([id, { person, stakeholder }]) => [id, person.id, stakeholder.id]),
    positions: dataset.positions.map((p) => [p, where(p), p.claims.map(where), p.quotes.map(where)]),
    claims: [...dataset.claims.entries()].map(([id, { claim, position }]) => [id, claim.id, position.id]),
    events: dataset.events.map((e) => [e, where(e)]),
    dockets: dataset.dockets.map((d) => [d, where(d)]),
    metrics: dataset.metrics.map((m) => [m, where(m)]),
  };
}

describe('the dataset cache', () => {
  it('restores the embedded dataset exactly as a fresh load gives it, positions included', async () => {
    const { data, cache } = setup(path.join(ROOT, 'data'));
    const fresh = await loadDataset(data, { cwd: scratch, cache });
    expect(fresh.fromCache).toBeUndefined();
    const again = await loadDataset(data, { cwd: scratch, cache });
    expect(again.fromCache).toBe(true);
    expect(visible(again)).toEqual(visible(fresh));
    // the very same objects, keys in the same order (listing rows go through a compact form of their own)
    expect(JSON.stringify([...again.dataset.markets.values()])).toBe(JSON.stringify([...fresh.dataset.markets.values()]));
    expect(again.dataset.markets.get('taobao')!.listings.some((row) => row.quote !== undefined)).toBe(true);
    // shared entities stay shared: a person's stakeholder is the stakeholder of the map
    const [, entry] = [...again.dataset.people.entries()][0]!;
    expect(again.dataset.stakeholders.get(entry.stakeholder.id)).toBe(entry.stakeholder);
    expect(again.dataset.editionsById.get(again.dataset.editions[0]!.id)).toBe(again.dataset.editions[0]);
  });

  it('restores the messages of data with errors, at their places', async () => {
    const { data, cache } = setup(path.join(ROOT, 'tests/fixtures/check/many-files-at-once/data'));
    const fresh = await loadDataset(data, { cwd: scratch, cache });
    expect(fresh.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const again = await loadDataset(data, { cwd: scratch, cache });
    expect(again.fromCache).toBe(true);
    expect(again.diagnostics).toEqual(fresh.diagnostics);
  });

  it('loads afresh when any file changes, even by one byte, or a file is added', async () => {
    const { data, cache } = setup(path.join(ROOT, 'data'));
    await loadDataset(data, { cwd: scratch, cache });
    const file = path.join(data, 'markets', 'taobao.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('name: Taobao', 'name: Taobao!'));
    const edited = await loadDataset(data, { cwd: scratch, cache });
    expect(edited.fromCache).toBeUndefined();
    expect(edited.dataset.markets.get('taobao')!.name).toBe('Taobao!');
    appendFileSync(path.join(data, 'markets', 'zz-not-a-market.yaml'), 'id: [unclosed\n');
    const broken = await loadDataset(data, { cwd: scratch, cache });
    expect(broken.fromCache).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.file.endsWith('zz-not-a-market.yaml') && d.severity === 'error')).toBe(true);
    expect((await loadDataset(data, { cwd: scratch, cache })).diagnostics).toEqual(broken.diagnostics);
  });

  it('treats a damaged or foreign entry as a miss, never as an error', async () => {
    const { data, cache } = setup(path.join(ROOT, 'data'));
    const fresh = await loadDataset(data, { cwd: scratch, cache });
    const [entry] = readdirSync(cache).filter((name) => name.startsWith('dataset-'));
    const bytes = readFileSync(path.join(cache, entry!));
    writeFileSync(path.join(cache, entry!), bytes.subarray(0, bytes.length >> 1));
    const truncated = await loadDataset(data, { cwd: scratch, cache });
    expect(truncated.fromCache).toBeUndefined();
    expect(visible(truncated)).toEqual(visible(fresh));
    writeFileSync(path.join(cache, entry!), 'not a cache entry');
    expect((await loadDataset(data, { cwd: scratch, cache })).fromCache).toBeUndefined();
  });

  it('is off unless asked for, and off with DOCKETPRESS_CACHE_DIR=off', async () => {
    const { data, cache } = setup(path.join(ROOT, 'data'));
    await loadDataset(data, { cwd: scratch });
    expect(() => readdirSync(cache)).toThrow();
    expect(defaultCacheDir({ DOCKETPRESS_CACHE_DIR: 'off' })).toBe(false);
    expect(defaultCacheDir({ DOCKETPRESS_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/docketpress');
  });

  it(`keeps at most ${MAX_CACHE_ENTRIES} entries, dropping the oldest`, () => {
    const cache = path.join(scratch, 'pruned');
    for (let i = 0; i < MAX_CACHE_ENTRIES + 5; i++) {
      const file = cacheEntryPath(cache, 'dataset', `/folder/${i}`);
      writeCacheEntry(file, cacheKey([String(i)]), i);
      utimesSync(file, new Date(1_000_000_000_000 + i * 1000), new Date(1_000_000_000_000 + i * 1000)); // ages in order of writing
    }
    const left = readdirSync(cache);
    expect(left.length).toBe(MAX_CACHE_ENTRIES);
    for (let i = 0; i < 5; i++) expect(left).not.toContain(path.basename(cacheEntryPath(cache, 'dataset', `/folder/${i}`)));
    expect(left).toContain(path.basename(cacheEntryPath(cache, 'dataset', `/folder/${MAX_CACHE_ENTRIES + 4}`)));
  });
});
