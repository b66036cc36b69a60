// Watch mode on a temp copy of the project: an edit to one brief rebuilds that brief only; other files stay untouched.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/pipeline/index.js';
import { watchBuild } from '../../src/pipeline/watch.js';
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
    const { spawn, execFileSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const main = path.join(ROOT, 'dist', 'cli', 'main.js');
    if (!existsSync(main)) execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT });
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
