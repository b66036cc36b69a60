// Watch mode: rebuild when data, briefs or templates change — only the briefs whose documents changed.
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { buildBriefs, type BuildOptions, type BuildResult } from './index.js';

export interface WatchOptions extends BuildOptions {
  /** Called after every build, the first included, with how long it took. */
  onBuild: (result: BuildResult, milliseconds: number) => void;
  /** Quiet period after the last change before rebuilding. */
  debounceMs?: number;
}

/**
 * Builds once, then again whenever a file under the data, briefs or templates folder changes; a brief whose
 * composed document is unchanged is not re-rendered and its files are not rewritten. Resolves when
 * `signal` aborts.
 */
export async function watchBuild(options: WatchOptions, signal: AbortSignal): Promise<void> {
  const records: NonNullable<BuildOptions['records']> = new Map();
  const readings: NonNullable<BuildOptions['readings']> = new Map();
  let running: Promise<void> | undefined;
  let again = false;

  let builds = 0;
  const build = async (): Promise<void> => {
    const started = performance.now();
    // The first build may start from the disk cache; later ones keep everything in memory (writing the
    // dataset to the cache after every edit would cost more than it saves).
    const result = await buildBriefs({ ...options, records, readings, ...(builds++ > 0 ? { cache: false } : {}) });
    options.onBuild(result, performance.now() - started);
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
  // Each folder is watched on its own: a recursive watch loses files that editors (and `sed -i`) replace by
  // renaming a new file over them, while a folder's own watch sees every rename in it.
  const folders = [options.dataDir, options.briefsDir, options.templatesDir].flatMap((dir) => foldersBelow(dir));
  const watchers: FSWatcher[] = folders.map((dir) =>
    watch(dir, (_event, name) => {
      if (name && !/\.(ya?ml|md)$/.test(String(name))) return;
      clearTimeout(timer);
      timer = setTimeout(trigger, options.debounceMs ?? 40);
    }),
  );
  trigger();
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
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
