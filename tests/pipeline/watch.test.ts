// Watch mode on a temp copy of the project: an edit to one brief rebuilds that brief only; other files stay untouched;
// the render workers of the built package stay warm from one build to the next.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/pipeline/index.js';
import { watchBuild } from '../../src/pipeline/watch.js';
import { requireFreshBuild } from '../helpers/built.js';
import { ROOT, sampleProject } from '../helpers/sample-project.js';

const dir = sampleProject('watch');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build --watch', () => {
  it('rebuilds only the edited brief and leaves the others’ files alone', async () => {
    const builds: BuildResult[] = [];
    let notify: (() => void) | undefined;
    const next = (): Promise<void> => new Promise((resolve) => (notify = resolve));
    const controller = new AbortController();
    const out = path.join(dir, 'out');
    let first = next();
    const watching = watchBuild(
      {
        dataDir: path.join(dir, 'data'),
        briefsDir: path.join(dir, 'briefs'),
        templatesDir: path.join(dir, 'templates'),
        outDir: out,
        formats: ['md'],
        cwd: dir,
        onBuild: (result) => {
          builds.push(result);
          notify?.();
        },
      },
      controller.signal,
    );
    await first;
    expect(builds[0]!.written.length).toBe(11); // 9 briefs; aafa-2016-comment and example-brand-council-2026-comment have a BC and a P version
    const untouched = path.join(out, 'taobao-timeline', 'taobao-timeline.md');
    const before = statSync(untouched).mtimeMs;

    first = next();
    const brief = path.join(dir, 'briefs', 'aafa-2015-comment.yaml');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('This comment follows from that letter', 'This comment builds on that letter'));
    await first;
    controller.abort();
    await watching;

    const second = builds[1]!;
    expect(second.written.map((f) => path.relative(out, f))).toEqual([path.join('aafa-2015-comment', 'aafa-2015-comment.md')]);
    expect(second.unchanged).toHaveLength(8);
    expect(readFileSync(path.join(out, 'aafa-2015-comment', 'aafa-2015-comment.md'), 'utf8')).toContain('This comment builds on that letter');
    expect(statSync(untouched).mtimeMs).toBe(before);
  }, 60_000);
});

describe('docketpress build --watch (the real command line, in a temp folder)', () => {
  it('builds, rebuilds the edited brief only, and stops on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    requireFreshBuild();
    const main = path.join(ROOT, 'dist', 'cli', 'main.js');
    const project = sampleProject('watch-cli');
    const child = spawn(process.execPath, [main, 'build', '--watch', '--format', 'md'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const waitFor = (pattern: RegExp): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${stdout}`)), 45_000);
        const check = (): void => {
          if (pattern.test(stdout)) {
            clearTimeout(timer);
            resolve();
          } else setTimeout(check, 50);
        };
        check();
      });
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitFor(/watching data, briefs and templates/);
      expect(stdout).toMatch(/^built .*aafa-2015-comment.*taobao-timeline/m);
      const brief = path.join(project, 'briefs', 'taobao-timeline.yaml');
      writeFileSync(brief, readFileSync(brief, 'utf8').replace('who said what?', 'who said what, and when?'));
      await waitFor(/^rebuilt /m);
      expect(stdout).toMatch(/^rebuilt taobao-timeline in /m);
      expect(readFileSync(path.join(project, 'out', 'taobao-timeline', 'taobao-timeline.md'), 'utf8')).toContain('who said what, and when?');
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(project, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('build --watch keeps its render workers warm (the built package, in a child process)', () => {
  it('renders each rebuild on the worker the first build kept, and stops it when watching ends', () => {
    requireFreshBuild();
    const project = sampleProject('watch-warm');
    const dist = (module: string): string => JSON.stringify(new URL(`../../dist/pipeline/${module}`, import.meta.url).href);
    // Each build edits the timeline's question again, until two rebuilds are done; then watching stops.
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      import path from 'node:path';
      const { watchBuild } = await import(${dist('watch.js')});
      const pool = await import(${dist('render-pool.js')});
      const dir = process.argv[2];
      const brief = path.join(dir, 'briefs', 'taobao-timeline.yaml');
      const questions = ['who said what?', 'who said what, and when?', 'who said what, when and where?'];
      const builds = [];
      const controller = new AbortController();
      await watchBuild({
        dataDir: path.join(dir, 'data'), briefsDir: path.join(dir, 'briefs'), templatesDir: path.join(dir, 'templates'),
        outDir: path.join(dir, 'out'), cwd: dir, formats: ['pdf'], ids: ['aafa-2015-comment', 'diff-2020-2021', 'taobao-timeline'],
        onBuild: (result) => {
          builds.push({ written: result.written.map((f) => path.basename(f)), rendered: result.rendered, warm: pool.warmWorkerCount() });
          if (builds.length === 3) return controller.abort();
          writeFileSync(brief, readFileSync(brief, 'utf8').replace(questions[builds.length - 1], questions[builds.length]));
        },
        onError: (error) => { console.error(error); controller.abort(); },
      }, controller.signal);
      console.log(JSON.stringify({ builds, warmAfter: pool.warmWorkerCount() }));
    `;
    const file = path.join(project, 'watch-warm.mjs');
    writeFileSync(file, script);
    try {
      // One worker whatever the machine's cores; the process must end by itself once watching stops.
      const result = spawnSync(process.execPath, [file, project], { encoding: 'utf8', timeout: 110_000, env: { ...process.env, DOCKETPRESS_WORKERS: '1' } });
      expect(result.status, result.stderr).toBe(0);
      const { builds, warmAfter } = JSON.parse(result.stdout) as { builds: Array<{ written: string[]; rendered: { here: number; workers: number }; warm: number }>; warmAfter: number };
      expect(builds).toHaveLength(3);
      // the first build starts the worker and keeps it, idle and warm, when it ends
      expect(builds[0]!.written.sort()).toEqual(['aafa-2015-comment.pdf', 'diff-2020-2021.pdf', 'taobao-timeline.pdf']);
      expect(builds[0]!.rendered.here + builds[0]!.rendered.workers).toBe(3);
      expect(builds[0]!.rendered.workers).toBeGreaterThanOrEqual(1);
      expect(builds[0]!.warm).toBe(1);
      // each rebuild renders the edited brief on that worker (a new one would leave two kept) and keeps it again
      for (const rebuild of builds.slice(1)) {
        expect(rebuild.written).toEqual(['taobao-timeline.pdf']);
        expect(rebuild.rendered).toEqual({ here: 0, workers: 1 });
        expect(rebuild.warm).toBe(1);
      }
      // watching has stopped: no worker is kept
      expect(warmAfter).toBe(0);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);
});
