// The dataset cache: a data folder whose files are byte for byte unchanged is restored as it was validated,
// messages included, without parsing or validating anything (nor loading the code that does).
import type { Diagnostic } from '../diagnostics/index.js';
import type { Market, Position, Stakeholder } from '../schema/index.js';
import { cacheEntryPath, readCacheEntry, writeCacheEntry } from './cache.js';
import { decodeDataFile, OriginIndex, type DataFile, type Dataset, type LoadResult, type Origin } from './dataset.js';
import { lazyFile } from './lazy-yaml.js';
import { decodeListings, encodeListings, type EncodedListings } from './listing-codec.js';
import type { Locator } from '../diagnostics/locator.js';

/** The collections of top-level entities, in a fixed order; each has its own origin (file and path). */
const COLLECTIONS = ['sources', 'editions', 'markets', 'stakeholders', 'positions', 'events', 'dockets', 'metrics'] as const;
type Collection = (typeof COLLECTIONS)[number];

/**
 * Where each top-level entity came from, two numbers an entity: the index of its file among the parsed files,
 * and its index in that file's list (path `[collection, index]`), or -1 for a file that is the entity (path `[]`).
 */
type Locations = Record<Collection, Int32Array>;

/** What is stored: the dataset without its origin index, and the locations to rebuild that index from. */
interface StoredDataset {
  dataset: Omit<Dataset, 'origins'>;
  /** The markets' listing rows in compact form (the markets are then stored with empty `listings`). */
  listings?: EncodedListings;
  locations: Locations;
  diagnostics: Diagnostic[];
  /** Names of the parsed YAML files, in order. */
  yamlFiles: string[];
}

const entitiesOf = (dataset: Omit<Dataset, 'origins'>, collection: Collection): object[] => {
  const value = dataset[collection];
  return Array.isArray(value) ? value : [...value.values()];
};

/** The entities inside a top-level one that have origins of their own, by the key that holds them. */
function parts(collection: Collection, entity: object): Array<[key: string, items: readonly object[]]> {
  if (collection === 'markets') return [['listings', (entity as Market).listings]];
  if (collection === 'stakeholders') return [['people', (entity as Stakeholder).people]];
  if (collection === 'positions') return [['claims', (entity as Position).claims], ['quotes', (entity as Position).quotes]];
  return [];
}

/** The cached load of these exact files (whose key is `key`), if the cache has it. */
export function loadCachedDataset(cacheDir: string, dir: string, files: readonly DataFile[], key: string): LoadResult | undefined {
  const stored = readCacheEntry<StoredDataset>(cacheEntryPath(cacheDir, 'dataset', dir), key);
  if (!stored) return undefined;
  if (stored.listings) {
    const perMarket = decodeListings(stored.listings);
    [...stored.dataset.markets.values()].forEach((market, i) => (market.listings = perMarket[i]!));
  }
  const byName = new Map(files.map((file) => [file.name, file]));
  const yamlFiles = stored.yamlFiles.map((name) => lazyFile(name, () => decodeDataFile(byName.get(name)!).text.replace(/^\uFEFF/, '')));
  const origins = new OriginIndex((index) => {
    for (const collection of COLLECTIONS) {
      entitiesOf(stored.dataset, collection).forEach((entity, i) => {
        const at = stored.locations[collection];
        const item = at[2 * i + 1]!;
        const origin: Origin = { file: yamlFiles[at[2 * i]!]!, path: item < 0 ? [] : [collection, item] };
        index.set(entity, origin);
        for (const [key, items] of parts(collection, entity)) items.forEach((item, n) => index.set(item, { file: origin.file, path: [...origin.path, key, n] }));
      });
    }
  });
  return { dataset: { ...stored.dataset, origins }, diagnostics: stored.diagnostics, files: files.map((f) => f.name), yamlFiles, key, fromCache: true };
}

/** Stores a fresh load (nothing, if an entity's origin is not of the two shapes a location can say). */
export function storeDataset(cacheDir: string, dir: string, key: string, result: LoadResult): void {
  const fileIndex = new Map<Locator, number>(result.yamlFiles.map((file, i) => [file, i]));
  const { origins, ...dataset } = result.dataset;
  const locations = {} as Locations;
  for (const collection of COLLECTIONS) {
    const entities = entitiesOf(dataset, collection);
    const at = (locations[collection] = new Int32Array(2 * entities.length));
    for (const [i, entity] of entities.entries()) {
      const origin = origins.get(entity);
      const file = origin ? fileIndex.get(origin.file) : undefined;
      const [key, item, ...rest] = origin?.path ?? [];
      const whole = origin?.path.length === 0;
      if (file === undefined || (!whole && (key !== collection || typeof item !== 'number' || rest.length > 0))) return;
      at[2 * i] = file;
      at[2 * i + 1] = whole ? -1 : (item as number);
    }
  }
  const stored: StoredDataset = { dataset, locations, diagnostics: result.diagnostics, yamlFiles: result.yamlFiles.map((file) => file.name) };
  const listings = encodeListings([...dataset.markets.values()].map((market) => market.listings));
  if (listings) {
    stored.listings = listings;
    stored.dataset = { ...dataset, markets: new Map([...dataset.markets].map(([id, market]) => [id, { ...market, listings: [] }])) };
  }
  writeCacheEntry(cacheEntryPath(cacheDir, 'dataset', dir), key, stored);
}
