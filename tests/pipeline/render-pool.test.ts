// The render pool of the built package (dist/pipeline: its worker script sits beside it): with one worker, the main
// thread takes jobs too; every file is the same bytes as rendered alone, and a content problem comes back as the
// same type whichever thread met it. A dist/ older than src/ fails every test here with what to do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraph } from '../../src/compose/nodes.js';
import type { RenderJob, RenderPool } from '../../src/pipeline/render-pool.js';
import { requireFreshBuild } from '../helpers/built.js';

const DIST_POOL = new URL('../../dist/pipeline/render-pool.js', import.meta.url);

type PoolModule = { workerRenderer(count: number): RenderPool; renderHere(job: RenderJob): Promise<{ bytes: Uint8Array }> };

function job(text: string, title: string): RenderJob {
  const document = {
    root: { type: 'root' as const, children: [paragraph({ type: 'text', value: text, position: { start: { line: 3, column: 5 }, end: { line: 3, column: 40 } } })] },
    meta: { title, author: 'A', subject: 'S', keywords: [], date: '2016-10-07', runningHeader: 'H' },
  };
  return { format: 'pdf', request: { document, sourceName: 'briefs/x.yaml', pdfa: false } } as unknown as RenderJob;
}

describe('render pool (built)', () => {
  beforeAll(requireFreshBuild);

  it('renders on the worker and on this thread, the same bytes as alone, problems as their own type', async () => {
    const pool: PoolModule = await import(DIST_POOL.href);
    const jobs = ['First', 'Second', 'Third', 'Fourth', 'Fifth'].map((title) => job(`The ${title.toLowerCase()} paragraph.`, title));
    const faulty = job('a face \u{1F600} here', 'Faulty');
    const renderer = pool.workerRenderer(1);
    try {
      const results = await Promise.all([...jobs, faulty].map((j) => renderer.render(j).then((r) => ({ bytes: r.bytes }), (e: unknown) => ({ error: e }))));
      expect(renderer.rendered.here).toBeGreaterThanOrEqual(1);
      expect(renderer.rendered.workers).toBeGreaterThanOrEqual(1);
      expect(renderer.rendered.here + renderer.rendered.workers).toBe(6);
      for (const [i, j] of jobs.entries()) {
        const alone = await pool.renderHere(j);
        const result = results[i]!;
        expect('bytes' in result && Buffer.from(result.bytes).equals(Buffer.from(alone.bytes)), `job ${i}`).toBe(true);
      }
      const problem = results[jobs.length]!;
      expect('error' in problem).toBe(true);
      const error = (problem as { error: { name: string; ruleId?: string; codePoint?: number } }).error;
      expect(error.name).toBe('PdfRenderError');
      expect(error.ruleId).toBe('pdf-missing-glyph');
      expect(error.codePoint).toBe(0x1f600);
    } finally {
      await renderer.close();
    }
  }, 120_000);

  it('keeps its workers warm for the next build when asked, without keeping the process alive', () => {
    // In a child process, which must end by itself once the work is done: a kept worker waits unreferenced.
    const script = `
      const pool = await import(${JSON.stringify(DIST_POOL.href)});
      const { paragraph } = await import(${JSON.stringify(new URL('../../dist/compose/nodes.js', import.meta.url).href)});
      const job = (title) => ({ format: 'pdf', request: { sourceName: 'x.yaml', pdfa: false, document: {
        root: { type: 'root', children: [paragraph({ type: 'text', value: 'A paragraph of ' + title })] },
        meta: { title, author: 'A', subject: 'S', keywords: [], date: '2016-10-07', runningHeader: 'H' } } } });
      pool.keepWorkersWarm();
      const counts = [pool.warmWorkerCount()];
      for (const build of ['one', 'two']) {
        const renderer = pool.workerRenderer(1);
        const files = await Promise.all(['a', 'b', 'c', 'd'].map((t) => renderer.render(job(build + t))));
        counts.push(pool.warmWorkerCount(), renderer.rendered.workers > 0 ? 1 : 0, files.length);
        await renderer.close();
        counts.push(pool.warmWorkerCount());
      }
      console.log(JSON.stringify(counts));
    `;
    // A script file, not `-e`: workers inherit the flags of the process.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'docketpress-pool-')), 'builds.mjs');
    writeFileSync(file, script);
    const result = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 110_000 });
    rmSync(path.dirname(file), { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(0);
    // none kept at first; a build takes the kept worker (0 idle while it runs) and leaves it (1 idle after)
    expect(JSON.parse(result.stdout)).toEqual([0, 0, 1, 4, 1, 0, 1, 4, 1]);
  }, 120_000);
});
