// The on-disk cache: where it lives, keys made from file contents, and entries written atomically and read defensively.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** Bumped whenever what an entry holds changes shape. */
const CACHE_FORMAT = 'docketpress-cache-3';

/** The first bytes of every entry file, then the sha256 of the rest, then the serialized entry. */
const MAGIC = Buffer.from('DPC3');
const HEADER_BYTES = MAGIC.length + 32;

/**
 * The cache folder: `DOCKETPRESS_CACHE_DIR` if set (`off`, `0` or `false` there turn the cache off), else
 * `$XDG_CACHE_HOME/docketpress`, else `~/.cache/docketpress`.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | false {
  const setting = env.DOCKETPRESS_CACHE_DIR;
  if (setting !== undefined && setting !== '') return /^(off|0|false|no)$/i.test(setting) ? false : path.resolve(setting);
  const base = env.XDG_CACHE_HOME ? env.XDG_CACHE_HOME : path.join(homedir(), '.cache');
  return path.join(base, 'docketpress');
}

let codeStamp: string | undefined;

/**
 * What identifies the running code: name, size and time of the modules beside this one (all of the bundle's
 * chunks, or the compiled loader) and of the schemas. A new version or a rebuild makes every old entry a miss
 * (and a build server of another build unusable, see src/server/protocol.ts).
 */
export function codeFingerprint(): string {
  if (codeStamp !== undefined) return codeStamp;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(CACHE_FORMAT);
  for (const dir of [here, path.join(here, '..', 'schema')]) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => /\.[cm]?[jt]s$/.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const { size, mtimeMs } = statSync(path.join(dir, name));
      hash.update(`${dir}/${name}:${size}:${mtimeMs}\n`);
    }
  }
  return (codeStamp = hash.digest('hex'));
}

/** A key over the running code and these parts (texts or bytes); any change to any part changes the key. */
export function cacheKey(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256').update(codeFingerprint());
  // Each part behind its length (characters for text, bytes for bytes, told apart by the marker), so no two
  // lists of parts hash the same text.
  for (const part of parts) {
    if (typeof part === 'string') hash.update(`t${part.length}:${part}`);
    else hash.update(`b${part.length}:`).update(part);
  }
  return hash.digest('hex');
}

/** The entry file for one kind of entry about one folder (say, the dataset of one data folder). */
export function cacheEntryPath(cacheDir: string, kind: string, folder: string): string {
  return path.join(cacheDir, `${kind}-${createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 20)}.v8`);
}

/**
 * The value stored under this key, or undefined when there is none, it is for another key, or it cannot be
 * trusted: the entry's bytes must match the checksum stored with them, so a damaged entry is a miss — never a
 * silently different dataset, nor a crash.
 */
export function readCacheEntry<T>(file: string, key: string): T | undefined {
  try {
    const bytes = readFileSync(file);
    if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const body = bytes.subarray(HEADER_BYTES);
    const sum = createHash('sha256').update(body).digest();
    if (!sum.equals(bytes.subarray(MAGIC.length, HEADER_BYTES))) return undefined;
    const entry = deserialize(body) as { format?: string; key?: string; value?: T };
    return entry.format === CACHE_FORMAT && entry.key === key ? entry.value : undefined;
  } catch {
    return undefined; // missing, truncated or from another Node version: a miss, never an error
  }
}

/** Entries kept: beyond this many (one per data or output folder used), the least recently written go. */
export const MAX_CACHE_ENTRIES = 64;

/**
 * Stores a value under a key (replacing the entry) with a checksum of its bytes, written to a temporary file —
 * created exclusively under a random name, so never through a link planted in the folder — and renamed into place.
 */
export function writeCacheEntry(file: string, key: string, value: unknown): void {
  const temporary = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const body = serialize({ format: CACHE_FORMAT, key, value });
    writeFileSync(temporary, Buffer.concat([MAGIC, createHash('sha256').update(body).digest(), body]), { flag: 'wx', mode: 0o600 });
    renameSync(temporary, file);
    pruneCache(path.dirname(file));
  } catch {
    // A cache that cannot be written (read-only home, full disk, a file in the way) only costs speed.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was created
    }
  }
}

/** Removes the oldest entries beyond MAX_CACHE_ENTRIES. */
function pruneCache(dir: string): void {
  const entries = readdirSync(dir).filter((name) => name.endsWith('.v8'));
  if (entries.length <= MAX_CACHE_ENTRIES) return;
  const byAge = entries.map((name) => ({ name, mtimeMs: statSync(path.join(dir, name)).mtimeMs })).sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name } of byAge.slice(MAX_CACHE_ENTRIES)) rmSync(path.join(dir, name), { force: true });
}
