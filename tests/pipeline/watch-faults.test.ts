// Watch mode under faults: a build that throws (a bug) is reported and watching goes on; a data folder deleted
// and made again is watched again, so the next edit in it rebuilds.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { BuildResult } from '../../src/pipeline/index.js';
import { watchBuild } from '../../src/pipeline/watch.js';
import { assembleCase, BASE, scratchDir } from '../hostile/helpers.js';

/** Builds that should throw, counted down (a stand-in for a bug in the pipeline). */
const crash = { remaining: 0 };

vi.mock('../../src/pipeline/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/pipeline/index.js')>();
  return {
    ...actual,
    buildBriefs: async (...args: Parameters<typeof actual.buildBriefs>) => {
      if (crash.remaining > 0) {
        crash.remaining--;
        throw new TypeError('simulated internal error');
      }
      return actual.buildBriefs(...args);
    },
  };
});

const scratch = scratchDir('watch-faults');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A watch session whose events can be awaited one by one. */
function session(dir: string) {
  const events: Array<{ kind: 'build'; result: BuildResult } | { kind: 'error'; error: unknown }> = [];
  let waiting: (() => void) | undefined;
  const controller = new AbortController();
  const watching = watchBuild(
    {
      dataDir: path.join(dir, 'data'),
      briefsDir: path.join(dir, 'briefs'),
      templatesDir: path.join(dir, 'templates'),
      outDir: path.join(dir, 'out'),
      formats: ['md'],
      cwd: dir,
      debounceMs: 50,
      onBuild: (result) => {
        events.push({ kind: 'build', result });
        waiting?.();
      },
      onError: (error) => {
        events.push({ kind: 'error', error });
        waiting?.();
      },
    },
    controller.signal,
  );
  /** Resolves when there are `count` events (or after 20 s, so a failure shows as a short list, not a hang). */
  const until = (count: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, 20_000);
      const check = (): void => {
        if (events.length >= count) {
          clearTimeout(timer);
          resolve();
        } else waiting = check;
      };
      check();
    });
  const stop = async (): Promise<void> => {
    controller.abort();
    await watching;
  };
  return { events, until, stop };
}

describe('build --watch under faults', () => {
  it('reports a build that throws and keeps watching: the next edit builds', async () => {
    const dir = path.join(scratch, 'crash');
    assembleCase(BASE, dir);
    crash.remaining = 1;
    const watch = session(dir);
    await watch.until(1);
    expect(watch.events[0]).toMatchObject({ kind: 'error' });
    expect(String((watch.events[0] as { error: unknown }).error)).toContain('simulated internal error');
    const brief = path.join(dir, 'briefs/base-comment.yaml');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('USTR should list Example Market.', 'USTR should list Example Market now.'));
    await watch.until(2);
    await watch.stop();
    expect(watch.events.map((e) => e.kind)).toEqual(['error', 'build']);
    expect(readFileSync(path.join(dir, 'out/base-comment/base-comment.md'), 'utf8')).toContain('Example Market now.');
  }, 60_000);

  it('watches a data folder again after it is deleted and made again', async () => {
    const dir = path.join(scratch, 'recreated');
    assembleCase(BASE, dir);
    const watch = session(dir);
    await watch.until(1);
    expect(watch.events[0]).toMatchObject({ kind: 'build' });

    // Deleted (a build reports the missing data), then made again from a copy (another build).
    const copy = path.join(scratch, 'data-copy');
    cpSync(path.join(dir, 'data'), copy, { recursive: true });
    rmSync(path.join(dir, 'data'), { recursive: true });
    await watch.until(2);
    cpSync(copy, path.join(dir, 'data'), { recursive: true });
    await watch.until(3);
    const settled = watch.events.length;

    // An edit inside the new folder is seen.
    const market = path.join(dir, 'data/markets/example-market.yaml');
    writeFileSync(market, readFileSync(market, 'utf8').replace('name: Example Market', 'name: Example Market Renamed'));
    await watch.until(settled + 1);
    await watch.stop();
    const last = watch.events.at(-1)!;
    expect(last.kind).toBe('build');
    expect((last as { result: BuildResult }).result.failed).toEqual([]);
    expect(readFileSync(path.join(dir, 'out/base-comment/base-comment.md'), 'utf8')).toContain('Example Market Renamed');
  }, 90_000);
});
