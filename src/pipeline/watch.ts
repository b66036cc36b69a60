// Watch mode: rebuild when data, briefs or templates change — only the briefs whose documents changed.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { buildBriefs, type BuildOptions, type BuildResult } from './index.js';
import { keepWorkersWarm } from './render-pool.js';

export interface WatchOptions extends BuildOptions {
  /** Called after every build, the first included, with how long it took. */
  onBuild: (result: BuildResult, milliseconds: number) => void;
  /** Called when a build fails with an internal error; watching goes on. */
  onError?: (error: unknown) => void;
  /** Quiet period after the last change before rebuilding. */
  debounceMs?: number;
}

/**
 * Builds once, then again whenever a file under the data, briefs or templates folder changes; a brief whose
 * composed document is unchanged is not re-rendered and its files are not rewritten. A build that fails
 * (even with a bug) is reported and watching goes on; a folder deleted and made again is watched again.
 * PDF render workers are kept warm from one build to the next, as the build server keeps them. Resolves when
 * `signal` aborts (and the idle workers are stopped).
 */
export async function watchBuild(options: WatchOptions, signal: AbortSignal): Promise<void> {
  const releaseWorkers = keepWorkersWarm();
  const records: NonNullable<BuildOptions['records']> = new Map();
  const readings: NonNullable<BuildOptions['readings']> = new Map();
  let running: Promise<void> | undefined;
  let again = false;

  let builds = 0;
  const build = async (): Promise<void> => {
    const started = performance.now();
    try {
      // The first build may start from the disk cache; later ones keep everything in memory (writing the
      // dataset to the cache after every edit would cost more than it saves).
      const result = await buildBriefs({ ...options, records, readings, ...(builds++ > 0 ? { cache: false } : {}) });
      options.onBuild(result, performance.now() - started);
    } catch (error) {
      // What was remembered may be what went wrong: the next build starts afresh.
      records.clear();
      readings.clear();
      options.onError?.(error);
    }
    rewatch();
  };
  const trigger = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = build().finally(() => {
      running = undefined;
      if (again && !signal.aborted) {
        again = false;
        trigger();
      }
    });
  };

  // Watch before the first build, so nothing edited while it runs is missed.
  let timer: NodeJS.Timeout | undefined;
  const roots = [options.dataDir, options.briefsDir, options.templatesDir].map((dir) => path.resolve(dir));
  const rootNames = new Set(roots.map((dir) => path.basename(dir)));
  const onChange = (name: string | Buffer | null): void => {
    // Data, briefs and templates, and folders (a data folder made again, a new markets/ folder).
    if (name && !/\.(ya?ml|md)$/.test(String(name)) && !rootNames.has(String(name)) && path.extname(String(name)) !== '') return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      rewatch();
      trigger();
    }, options.debounceMs ?? 40);
  };
  // Each folder is watched on its own: a recursive watch loses files that editors (and `sed -i`) replace by
  // renaming a new file over them, while a folder's own watch sees every rename in it. A root folder that is
  // missing is waited for from its parent. Watchers are keyed by folder and the folder's inode, so a folder
  // deleted and made again gets a new watcher.
  const watchers = new Map<string, { inode: number; watcher: FSWatcher }>();
  const rewatch = (): void => {
    if (signal.aborted) return;
    const wanted = new Map<string, number>();
    for (const root of roots) {
      const below = foldersBelow(root);
      const folders = below.length ? below : [path.dirname(root)];
      for (const dir of folders) {
        const inode = inodeOf(dir);
        if (inode !== undefined) wanted.set(dir, inode);
      }
    }
    for (const [dir, { inode, watcher }] of watchers) {
      if (wanted.get(dir) !== inode) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const [dir, inode] of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => onChange(name));
        // A watched folder that goes away ends its watcher; the next change or build looks again.
        watcher.on('error', () => {
          watcher.close();
          if (watchers.get(dir)?.watcher === watcher) watchers.delete(dir);
          onChange(null);
        });
        watchers.set(dir, { inode, watcher });
      } catch {
        // gone meanwhile: looked for again at the next change
      }
    }
  };
  rewatch();
  trigger();
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  clearTimeout(timer);
  for (const { watcher } of watchers.values()) watcher.close();
  await running;
  await releaseWorkers();
}

/** A folder's inode number, or undefined when it is not a folder (any more). */
function inodeOf(dir: string): number | undefined {
  try {
    const stats = statSync(dir);
    return stats.isDirectory() ? stats.ino : undefined;
  } catch {
    return undefined;
  }
}

/** A folder and every folder below it (a missing folder: none). */
function foldersBelow(dir: string): string[] {
  try {
    const children = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
    return [dir, ...children.flatMap((entry) => foldersBelow(path.join(dir, entry.name)))];
  } catch {
    return [];
  }
}
