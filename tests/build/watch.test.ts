// Watch mode on a temp copy of the project: an edit to one brief rebuilds that brief only; other files stay untouched.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/index.js';
import { watchBuild } from '../../src/build/watch.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'docketpress-watch-'));
for (const folder of ['data', 'briefs', 'templates']) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
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
    expect(builds[0]!.written.length).toBe(8); // 7 briefs; aafa-2016-comment has a BC and a P version
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
    expect(second.unchanged).toHaveLength(6);
    expect(readFileSync(path.join(out, 'aafa-2015-comment', 'aafa-2015-comment.md'), 'utf8')).toContain('This comment builds on that letter');
    expect(statSync(untouched).mtimeMs).toBe(before);
  }, 60_000);
});
