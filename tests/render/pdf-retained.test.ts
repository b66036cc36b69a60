// A long-lived process (`build --watch`, the build server) renders PDFs again and again: nothing of a rendered
// document may stay reachable after it is written. Measured on the heap after a full garbage collection, in a
// child process of the compiled code (dist/) with --expose-gc; the bound is memory, not time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requireFreshBuild } from '../helpers/built.js';
import { copySampleProject } from '../helpers/sample-project.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUN = path.join(ROOT, 'dist/cli/run.js');
// The builds run in a copy of the sample project: a user's own brief in briefs/ changes nothing here.
const out = copySampleProject(mkdtempSync(path.join(tmpdir(), 'docketpress-retained-')));
afterAll(() => rmSync(out, { recursive: true, force: true }));
beforeAll(requireFreshBuild);

const SCRIPT = `
const { runCli } = await import(${JSON.stringify(RUN)});
const io = { out() {}, err() {}, cwd: ${JSON.stringify(out)}, isTTY: false };
const heap = [];
for (let i = 0; i < 4; i++) {
  const code = await runCli(['build', '--no-cache', '--format', 'pdf', '--out', ${JSON.stringify(path.join(out, 'out'))}], io);
  if (code !== 0) throw new Error('build failed: ' + code);
  globalThis.gc();
  heap.push(process.memoryUsage().heapUsed);
}
console.log(JSON.stringify(heap));
`;

it('keeps no rendered PDF document alive from one build to the next', () => {
  // A script file, not `-e`: render workers inherit the flags of the process.
  const script = path.join(out, 'builds.mjs');
  writeFileSync(script, SCRIPT);
  const result = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8', env: { ...process.env, DOCKETPRESS_CACHE_DIR: 'off' } });
  expect(result.status, result.stderr).toBe(0);
  const heap = JSON.parse(result.stdout) as number[];
  // Every sample's PDFs once more: ~21 MB a build when each build's documents stayed reachable; now well under 1.
  const grownMb = (heap.at(-1)! - heap[0]!) / 1e6;
  expect(grownMb).toBeLessThan(8);
}, 300_000);
