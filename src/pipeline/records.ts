// Build records kept between runs in the cache folder: one entry per output folder, brief id → what was built.
import { cacheEntryPath, cacheKey, readCacheEntry, writeCacheEntry } from '../load/cache.js';
import type { BriefRecord } from './index.js';

/** The records of the last builds (or checks, or dry runs) into this output folder (none when the cache has nothing usable). */
export function readRecords(cacheDir: string, kind: string, outDir: string): Map<string, BriefRecord> {
  const stored = readCacheEntry<Array<[string, BriefRecord]>>(cacheEntryPath(cacheDir, kind, outDir), cacheKey([]));
  return new Map(stored ?? []);
}

/** Saves the records for this output folder. */
export function writeRecords(cacheDir: string, kind: string, outDir: string, records: ReadonlyMap<string, BriefRecord>): void {
  writeCacheEntry(cacheEntryPath(cacheDir, kind, outDir), cacheKey([]), [...records]);
}
