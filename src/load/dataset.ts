// Loads data/ into a validated Dataset: every file read, every problem reported with its place, nothing thrown.
// Parsing and validation (./validate.js) are loaded only when the cache does not already hold this data.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { diagnostic, displayPath } from '../diagnostics/index.js';
import { emptyDataset, type Dataset } from '../model/dataset.js';
import { cacheKey } from './cache.js';
import { decodeYamlBytes, fileTooLarge, MAX_FILE_BYTES } from './file-bytes.js';
import { isInside, projectRoots, readInputFile, realPath } from './input-file.js';
import type { ReadingMemo } from './validate.js';
import type { YamlFile } from './yaml-file.js';

// The dataset's types belong to model/ (which never imports the loader); the loader fills them.
export { emptyDataset, OriginIndex, type Dataset, type Origin } from '../model/dataset.js';

/** One data file's text, named as messages should show it. */
export interface DataText {
  /** Path relative to the data folder, `/`-separated (decides the file's kind). */
  relativePath: string;
  /** Path shown in messages. */
  name: string;
  text: string;
  /** Why the file could not be read (too large, not UTF-8): then `text` is empty and the file is skipped. */
  problem?: Diagnostic;
}

export interface LoadResult {
  dataset: Dataset;
  diagnostics: Diagnostic[];
  files: string[];
  /** Every data file that parsed, for searching a character or a value later in the pipeline. */
  yamlFiles: YamlFile[];
  /** A key over every data file's path and bytes (and the running code): equal keys, equal results. */
  key?: string;
  /** True when the result came from the cache (nothing was parsed or validated). */
  fromCache?: boolean;
}

/** One data file as read from disk: its bytes, or why they could not be read. */
export interface DataFile {
  relativePath: string;
  name: string;
  bytes?: Uint8Array;
  problem?: Diagnostic;
}

/**
 * Reads a file's bytes, refusing one over MAX_FILE_BYTES before reading it, one that is not a regular file
 * (a FIFO would block forever) and a symbolic link out of `roots` (the project).
 */
function readBytes(file: string, name: string, advice: string, roots: readonly string[]): { bytes: Uint8Array } | { problem: Diagnostic } {
  // Synchronous on purpose: a thousand small files read one after another beat as many promises.
  const read = readInputFile(file, roots, MAX_FILE_BYTES);
  if ('bytes' in read) return read;
  const { refusal } = read;
  if (refusal.ruleId === 'file-too-large') return { problem: fileTooLarge(name, refusal.bytes ?? 0, advice) };
  return { problem: diagnostic(name, undefined, 'error', refusal.message, refusal.ruleId) };
}

/** Reads one YAML file as text, refusing one over MAX_FILE_BYTES before reading it and bytes that are not UTF-8. */
export function readYamlFile(file: string, name: string, advice: string, roots: readonly string[] = projectRoots(path.dirname(file))): { text: string; problem?: Diagnostic } {
  const read = readBytes(file, name, advice, roots);
  if ('problem' in read) return { text: '', problem: read.problem };
  const decoded = decodeYamlBytes(name, read.bytes);
  return 'text' in decoded ? { text: decoded.text } : { text: '', problem: decoded.problem };
}

/**
 * Lists the YAML files below a data folder, relative and sorted. Symbolic links are listed like what they
 * point to (a linked folder is walked once; a link out of the project is listed, then refused when read),
 * and so are FIFOs and other non-regular files named .yaml — refused when read, never silently skipped.
 */
function listYamlFiles(dir: string, roots: readonly string[], prefix = '', seen = new Set<string>([realPath(dir)])): string[] {
  const entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    let isFolder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = realPath(path.join(dir, relative));
      try {
        isFolder = roots.some((root) => isInside(root, target)) && statSync(target).isDirectory() && !seen.has(target);
      } catch {
        isFolder = false;
      }
      if (isFolder) seen.add(target);
    }
    if (isFolder) {
      if (entry.name !== 'schema' && !entry.name.startsWith('.')) found.push(...listYamlFiles(dir, roots, relative, seen));
    } else if (!entry.isDirectory() && /\.ya?ml$/.test(entry.name)) {
      found.push(relative);
    }
  }
  return found;
}

/** Reads the bytes of every YAML file of a data folder. */
export function readDataFiles(dir: string, cwd?: string): DataFile[] {
  // The folder's shown path once, not per file: path.relative over thousands of files is measurable.
  const shown = path.relative(cwd ?? process.cwd(), dir) === '' ? '' : `${displayPath(path.resolve(dir), cwd)}/`;
  const roots = projectRoots(dir);
  return listYamlFiles(dir, roots).map((relativePath) => {
    const name = shown + relativePath;
    return { relativePath, name, ...readBytes(path.join(dir, relativePath), name, 'split it into smaller files (markets and stakeholders go one per file)', roots) };
  });
}

/** A data file's text (a file that is not UTF-8 gets its problem and no text). */
export function decodeDataFile({ relativePath, name, bytes, problem }: DataFile): DataText {
  if (!bytes) return { relativePath, name, text: '', ...(problem ? { problem } : {}) };
  const decoded = decodeYamlBytes(name, bytes);
  return 'text' in decoded ? { relativePath, name, text: decoded.text } : { relativePath, name, text: '', problem: decoded.problem };
}

/** Reads every YAML file of a data folder as text. */
export function readDataTexts(dir: string, cwd?: string): DataText[] {
  return readDataFiles(dir, cwd).map(decodeDataFile);
}

export interface LoadOptions {
  /** Decides how file names are shown in messages (relative to it). */
  cwd?: string;
  /**
   * A cache folder (see `defaultCacheDir`): data whose files are byte for byte those of the last load is
   * taken from there instead of being parsed and validated again. Off unless given.
   */
  cache?: string | false;
  /** Readings of files kept between loads in one process (watch mode): an unchanged file is not read again. */
  memo?: ReadingMemo;
}

/** Loads, validates and cross-checks a data folder. */
export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  let files: DataFile[];
  try {
    files = readDataFiles(dir, options.cwd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = diagnostic(displayPath(dir, options.cwd), undefined, 'error', code === 'ENOENT' ? 'data folder not found: pass `--data DIR` with the folder that holds editions.yaml and markets/' : `cannot read the data folder (${code ?? String(error)})`, 'data-folder-unreadable');
    return { dataset: emptyDataset(), diagnostics: [problem], files: [], yamlFiles: [] };
  }
  const key = filesKey(files);
  const cache = options.cache ? await import('./dataset-cache.js') : undefined;
  const cached = cache?.loadCachedDataset(options.cache as string, dir, files, key);
  if (cached) return cached;
  const { buildDataset } = await import('./validate.js');
  const result = { ...buildDataset(files.map(decodeDataFile), options.memo), key };
  cache?.storeDataset(options.cache as string, dir, key, result);
  return result;
}

/** A key over these files — paths, shown names, read problems and bytes — and the running code. */
function filesKey(files: readonly DataFile[]): string {
  return cacheKey(files.flatMap((f) => [f.relativePath, f.name, f.problem ? JSON.stringify(f.problem) : '', f.bytes ?? '']));
}
