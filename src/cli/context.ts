// What every command receives: the global options, resolved folders and the terminal.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';
import type { Io } from './output.js';

/** The package's own folder (holds the embedded data/, templates/ and briefs/). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GlobalOptions {
  data: string;
  briefs: string;
  out: string;
  json: boolean;
  debug: boolean;
  /** Whether `--out` was given (some commands default elsewhere). */
  outGiven: boolean;
  /** The cache folder (`defaultCacheDir`), or false with `--no-cache`. */
  cache: string | false;
}

export interface CommandContext {
  options: GlobalOptions;
  positionals: string[];
  /** Command-specific option values as parsed. */
  values: Record<string, string | boolean | string[] | undefined>;
  io: Io;
}

/** A folder given on the command line, or the working directory's, or else the one shipped with the package. */
export function resolveFolder(given: string | undefined, name: string, cwd: string): string {
  if (given !== undefined) return path.resolve(cwd, given);
  const local = path.resolve(cwd, name);
  return existsSync(local) ? local : path.join(PACKAGE_ROOT, name);
}

/**
 * Checks a folder named by an option (`--out`, `--data` …) before any work: an empty path, something that is
 * not a folder (a file, /dev/null), or — when it must exist — a missing folder are usage errors.
 */
export function checkFolderOption(option: string, given: string, cwd: string, mustExist: boolean): void {
  if (given.trim() === '') throw new UsageError(`--${option} needs a folder, not an empty path: write \`--${option} ${option === 'out' ? 'out' : option}\` (\`.\` for this folder)`);
  let stats;
  try {
    stats = statSync(path.resolve(cwd, given));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !mustExist) return;
    const shown = given.length > 80 ? `${given.slice(0, 80)}…` : given;
    if (code === 'ENOENT') throw new UsageError(`--${option} \`${shown}\`: no such folder — check the path`);
    if (code === 'ENOTDIR') throw new UsageError(`--${option} \`${shown}\`: a part of this path is a file, not a folder — check the path`);
    throw new UsageError(`--${option} \`${shown}\` cannot be read (${code ?? String(error)}): check the path and its permissions`);
  }
  if (!stats.isDirectory()) {
    const shown = given.length > 80 ? `${given.slice(0, 80)}…` : given;
    const what = stats.isFile() ? 'a file' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isFIFO() ? 'a named pipe' : 'not a folder';
    throw new UsageError(`--${option} \`${shown}\` is ${what}, not a folder: pass a folder${mustExist ? '' : ' (it is created if missing)'}`);
  }
}

/** The cache folder, or false (with a warning) when it names something that is not a folder: the cache only saves time. */
export function usableCacheDir(dir: string | false, io: Io): string | false {
  if (dir === false) return false;
  try {
    if (statSync(dir).isDirectory()) return dir;
  } catch {
    return dir; // missing: created on the first write (and if it cannot be, the run goes on without)
  }
  io.err(`docketpress: warning: the cache folder ${dir} is not a folder, so this run uses no cache: set DOCKETPRESS_CACHE_DIR to a folder, or to \`off\`\n`);
  return false;
}
