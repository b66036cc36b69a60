// What every command receives: the global options, resolved folders and the terminal.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
