// The render pool of the built package (dist/pipeline: its worker script sits beside it): with one worker, the main
// thread takes jobs too; every file is the same bytes as rendered alone, and a content problem comes back as the
// same type whichever thread met it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../src/compose/nodes.js';
import type { RenderJob, RenderPool } from '../../src/pipeline/render-pool.js';

const DIST_POOL = new URL('../../dist/pipeline/render-pool.js', import.meta.url);

type PoolModule = { workerRenderer(count: number): RenderPool; renderHere(job: RenderJob): Promise<{ bytes: Uint8Array }> };

function job(text: string, title: string): RenderJob {
  const document = {
    root: { type: 'root' as const, children: [paragraph({ type: 'text', value: text, position: { start: { line: 3, column: 5 }, end: { line: 3, column: 40 } } })] },
    meta: { title, author: 'A', subject: 'S', keywords: [], date: '2016-10-07', runningHeader: 'H' },
  };
  return { format: 'pdf', request: { document, sourceName: 'briefs/x.yaml', pdfa: false } } as unknown as RenderJob;
}

describe.runIf(existsSync(fileURLToPath(DIST_POOL)))('render pool (built)', () => {
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
});
