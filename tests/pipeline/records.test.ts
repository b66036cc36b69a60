// Build records in the cache: an unchanged brief is neither composed, rendered nor written again; a change to
// its inputs, or a hand-edited output, brings it back — and every run reports the same messages.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBriefs, type BuildOptions } from '../../src/pipeline/index.js';
import { runCli } from '../../src/cli/run.js';
import { copySampleProject } from '../helpers/sample-project.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'docketpress-records-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
function project(): BuildOptions & { dir: string } {
  const dir = path.join(scratch, String(counter++));
  copySampleProject(dir);
  return { dir, dataDir: path.join(dir, 'data'), briefsDir: path.join(dir, 'briefs'), templatesDir: path.join(dir, 'templates'), outDir: path.join(dir, 'out'), cwd: dir, formats: ['md'], cache: path.join(dir, 'cache') };
}

describe('build records', () => {
  it('skips unchanged briefs, and rebuilds a brief whose spec or output changed', async () => {
    const options = project();
    const first = await buildBriefs(options);
    expect(first.written.length).toBe(11);
    const second = await buildBriefs(options);
    expect(second.written).toEqual([]);
    expect(second.unchanged.sort()).toEqual(first.available);
    expect(second.upToDate.sort()).toEqual([...first.written].sort());
    expect(second.diagnostics).toEqual(first.diagnostics);

    // an edited spec: that brief only
    appendFileSync(path.join(options.briefsDir, 'diff-2020-2021.yaml'), 'title: Changes between the 2020 and 2021 lists\n');
    const spec = await buildBriefs(options);
    expect(spec.written.map((f) => path.basename(f))).toEqual(['diff-2020-2021.md']);

    // an edited template: the briefs built with it only
    appendFileSync(path.join(options.templatesDir, 'diff.md'), '\nThis comparison was made from the dataset.\n');
    const template = await buildBriefs(options);
    expect(template.written.map((f) => path.basename(f))).toEqual(['diff-2020-2021.md']);
    expect(readFileSync(template.written[0]!, 'utf8')).toContain('This comparison was made from the dataset.');
    expect(template.unchanged.length).toBe(8);

    // a hand-edited output is put right; the others stay as they are
    const edited = path.join(options.outDir, 'taobao-timeline', 'taobao-timeline.md');
    const good = readFileSync(edited, 'utf8');
    writeFileSync(edited, `${good}\nhand edit\n`);
    const other = path.join(options.outDir, 'aafa-2015-comment', 'aafa-2015-comment.md');
    const otherTime = statSync(other).mtimeMs;
    const repaired = await buildBriefs(options);
    expect(repaired.written).toEqual([edited]);
    expect(readFileSync(edited, 'utf8')).toBe(good);
    expect(statSync(other).mtimeMs).toBe(otherTime);
  });

  it('recomposes after a data edit but rewrites only the documents that changed', async () => {
    const options = project();
    await buildBriefs(options);
    // a comment changes the bytes of a data file but no document
    appendFileSync(path.join(options.dataDir, 'events.yaml'), '# a note for editors\n');
    const comment = await buildBriefs(options);
    expect(comment.written).toEqual([]);
    expect(comment.unchanged.length).toBe(9);
    // a real change reaches the briefs that show it
    const file = path.join(options.dataDir, 'markets', 'pinduoduo.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: Pinduoduo (PDD)'));
    const changed = await buildBriefs(options);
    expect(changed.written.length).toBeGreaterThan(0);
    for (const written of changed.written) expect(readFileSync(written, 'utf8')).toContain('Pinduoduo (PDD)');
  });

  it('reports a failed brief again, the same way, without building it', async () => {
    const options = project();
    const spec = path.join(options.briefsDir, 'aafa-2015-comment.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^filer: .*$/m, 'filer: no-such-filer'));
    const first = await buildBriefs(options);
    expect(first.failed).toContain('aafa-2015-comment');
    const second = await buildBriefs(options);
    expect(second.failed).toContain('aafa-2015-comment');
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.written).toEqual([]);
  });

  it('on the command line: “up to date” lines on the second run, a full build with --no-cache', async () => {
    const options = project();
    const lines: string[] = [];
    const io = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text), cwd: options.dir, isTTY: false };
    const saved = process.env.DOCKETPRESS_CACHE_DIR;
    process.env.DOCKETPRESS_CACHE_DIR = options.cache as string;
    try {
      expect(await runCli(['build', '--format', 'md'], io)).toBe(0);
      expect(lines.join('')).toMatch(/^wrote out\/aafa-2015-comment\/aafa-2015-comment\.md$/m);
      lines.length = 0;
      expect(await runCli(['build', '--format', 'md'], io)).toBe(0);
      const again = lines.join('');
      expect(again).not.toMatch(/^wrote /m);
      expect(again.match(/^up to date out\/.*\.md$/gm)?.length).toBe(11);
      lines.length = 0;
      expect(await runCli(['build', '--format', 'md', '--no-cache'], io)).toBe(0);
      expect(lines.join('').match(/^wrote /gm)?.length).toBe(11);
    } finally {
      if (saved === undefined) delete process.env.DOCKETPRESS_CACHE_DIR;
      else process.env.DOCKETPRESS_CACHE_DIR = saved;
    }
  });
});
