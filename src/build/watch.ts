// Watch mode: rebuild when data, briefs or templates change — only the briefs whose documents changed.
import { watch, type FSWatcher } from 'node:fs';
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
  const fingerprints: NonNullable<BuildOptions['fingerprints']> = new Map();
  let running: Promise<void> | undefined;
  let again = false;

  const build = async (): Promise<void> => {
    const started = performance.now();
    const result = await buildBriefs({ ...options, fingerprints });
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
  const watchers: FSWatcher[] = [options.dataDir, options.briefsDir, options.templatesDir].map((dir) =>
    watch(dir, { recursive: true }, (_event, name) => {
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
