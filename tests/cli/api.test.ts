// The library API: what `import … from 'docketpress'` gives, used as a script would.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBrief, diff, loadDataset, status, timeline } from '../../src/index.js';

describe('library API', () => {
  it('answers status, diff and timeline from a loaded dataset', async () => {
    const { dataset, diagnostics } = await loadDataset(path.resolve(import.meta.dirname, '../../data'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(status(dataset, 'taobao', { year: 2016 }).editions[0]).toMatchObject({ edition: '2016', listed: true });
    expect(diff(dataset, '2015', '2016').added).toContain('taobao');
    expect(timeline(dataset, ['taobao'], { from: 2012, to: 2012 }).some((e) => e.kind === 'edition' && e.summary.includes('removed'))).toBe(true);
  });

  it('builds one brief into a folder', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'docketpress-api-'));
    try {
      const result = await buildBrief('diff-2020-2021', { outDir: out, formats: ['md'] });
      expect(result.failed).toEqual([]);
      expect(readdirSync(path.join(out, 'diff-2020-2021'))).toEqual(['.docketpress-files.json', 'diff-2020-2021.md']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
