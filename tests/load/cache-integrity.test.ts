// The cache cannot lie: an entry whose bytes changed after it was written is a miss (its value is checked
// against a checksum, not only its key), and writing an entry never follows a link planted in the cache folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheEntryPath, cacheKey, readCacheEntry, writeCacheEntry } from '../../src/load/cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'docketpress-cache-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cache entries', () => {
  it('reads back what was written', () => {
    const file = cacheEntryPath(dir, 'test', '/some/folder');
    writeCacheEntry(file, cacheKey(['a']), { market: 'Taobao', listed: [true, false] });
    expect(readCacheEntry(file, cacheKey(['a']))).toEqual({ market: 'Taobao', listed: [true, false] });
    expect(readCacheEntry(file, cacheKey(['b'])), 'another key').toBeUndefined();
  });

  it('is a miss after any single byte of its value changes — "Taobao" edited to "TaoBAD" included', () => {
    const file = cacheEntryPath(dir, 'edited', '/some/folder');
    const key = cacheKey(['edited']);
    writeCacheEntry(file, key, { market: 'Taobao' });
    const bytes = readFileSync(file);
    const at = bytes.indexOf('Taobao');
    expect(at).toBeGreaterThan(0);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from('TaoBAD'), bytes.subarray(at + 6)]));
    expect(readCacheEntry(file, key)).toBeUndefined();
    // Every single bit, one at a time: never a different value, never a throw.
    for (let i = 0; i < bytes.length; i++) {
      for (const bit of [0, 7]) {
        const flipped = Buffer.from(bytes);
        flipped[i]! ^= 1 << bit;
        writeFileSync(file, flipped);
        expect(readCacheEntry(file, key), `byte ${i} bit ${bit}`).toBeUndefined();
      }
    }
  });

  it('replaces a link planted at the entry name instead of writing through it, and leaves no temp file', () => {
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    const file = cacheEntryPath(dir, 'planted', '/some/folder');
    symlinkSync(victim, file);
    writeCacheEntry(file, cacheKey(['p']), { value: 1 });
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(readCacheEntry(file, cacheKey(['p']))).toEqual({ value: 1 });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writing into a cache "folder" that is a file costs nothing but the cache', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(() => writeCacheEntry(cacheEntryPath(file, 'dataset', '/x'), cacheKey([]), 1)).not.toThrow();
    expect(readCacheEntry(cacheEntryPath(file, 'dataset', '/x'), cacheKey([]))).toBeUndefined();
  });
});
