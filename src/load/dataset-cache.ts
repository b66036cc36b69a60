// The dataset cache: a data folder whose files are byte for byte unchanged is restored as it was validated,
// messages included, without parsing or validating anything (nor loading the code that does).
import type { Diagnostic } from '../diagnostics/index.js';
import type { Market, Position, Stakeholder } from '../schema/index.js';
import { cacheEntryPath, readCacheEntry, writeCacheEntry } from './cache.js';
import { decodeDataFile, OriginIndex, type DataFile, type Dataset, type LoadResult, type Origin } from './dataset.js';
import { lazyFile } from './lazy-yaml.js';
import type { PathSegment, YamlFile } from './yaml-file.js';

/** The collections of top-level entities, in a fixed order; each has its own origin (file and path). */
const COLLECTIONS = ['sources', 'editions', 'markets', 'stakeholders', 'positions', 'events', 'dockets', 'metrics'] as const;
type Collection = (typeof COLLECTIONS)[number];

/** Where each top-level entity came from: index of its file among the parsed files, and its path there. */
type Locations = Record<Collection, Array<[file: number, path: PathSegment[]]>>;

/** What is stored: the dataset without its origin index, and the locations to rebuild that index from. */
interface StoredDataset {
  dataset: Omit<Dataset, 'origins'>;
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
  const byName = new Map(files.map((file) => [file.name, file]));
  const yamlFiles = stored.yamlFiles.map((name) => lazyFile(name, () => decodeDataFile(byName.get(name)!).text.replace(/^\uFEFF/, '')));
  const origins = new OriginIndex((index) => {
    for (const collection of COLLECTIONS) {
      entitiesOf(stored.dataset, collection).forEach((entity, i) => {
        const [file, path] = stored.locations[collection][i]!;
        const origin: Origin = { file: yamlFiles[file]!, path };
        index.set(entity, origin);
        for (const [key, items] of parts(collection, entity)) items.forEach((item, n) => index.set(item, { file: origin.file, path: [...path, key, n] }));
      });
    }
  });
  return { dataset: { ...stored.dataset, origins }, diagnostics: stored.diagnostics, files: files.map((f) => f.name), yamlFiles, key, fromCache: true };
}

/** Stores a fresh load (nothing, if an entity's origin cannot be expressed as a location). */
export function storeDataset(cacheDir: string, dir: string, key: string, result: LoadResult): void {
  const fileIndex = new Map<YamlFile, number>(result.yamlFiles.map((file, i) => [file, i]));
  const { origins, ...dataset } = result.dataset;
  const locations = {} as Locations;
  for (const collection of COLLECTIONS) {
    locations[collection] = [];
    for (const entity of entitiesOf(dataset, collection)) {
      const origin = origins.get(entity);
      const file = origin ? fileIndex.get(origin.file) : undefined;
      if (!origin || file === undefined) return;
      locations[collection].push([file, origin.path]);
    }
  }
  const stored: StoredDataset = { dataset, locations, diagnostics: result.diagnostics, yamlFiles: result.yamlFiles.map((file) => file.name) };
  writeCacheEntry(cacheEntryPath(cacheDir, 'dataset', dir), key, stored);
}
