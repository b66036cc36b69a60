// A full disk and a read-only folder: the build says which brief was not written and why, in one line each,
// exits 1, leaves every earlier output intact and no temp file behind. Simulated with an injected ENOSPC/EROFS
// (a writer that fails as the file system would, in-process), and for real on small tmpfs mounts when this
// machine allows mounting (root on Linux; skipped elsewhere).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { requireFreshBuild } from '../helpers/built.js';
import { cli } from '../helpers/cli.js';
import { assembleCase, BASE, fileHashes, messagesOf, placeProblems, ROOT, scratchDir } from './helpers.js';

/** Which writes fail, and how: set per test. */
const fault: { code?: string; when?: (file: string) => boolean } = {};

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const failing =
    <A extends unknown[], R>(original: (file: never, ...rest: A) => Promise<R>) =>
    async (file: never, ...rest: A): Promise<R> => {
      if (fault.code && fault.when?.(String(file))) throw Object.assign(new Error(`${fault.code}: simulated`), { code: fault.code });
      return original(file, ...rest);
    };
  return { ...actual, default: actual, writeFile: failing(actual.writeFile as never), mkdir: failing(actual.mkdir as never) };
});

const scratch = scratchDir('disk-faults');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => {
  delete fault.code;
  delete fault.when;
});

const ARGS = ['build', '--out', 'out', '--data', 'data', '--briefs', 'briefs', '--templates', 'templates', '--no-cache'];

function project(name: string): string {
  const dir = path.join(scratch, name);
  assembleCase(BASE, dir);
  return dir;
}

/** The error lines of a run (the base data also gives warnings, which are not about writing). */
function errorsOf(output: string): { messages: string[]; strays: string[] } {
  const { messages, strays } = messagesOf(output);
  return { messages: messages.filter((line) => line.includes(': error ')), strays };
}

/** Every temp file left anywhere below `dir`. */
function temps(dir: string): string[] {
  return [...fileHashes(dir).keys()].filter((file) => /\.tmp$/.test(file));
}

describe('a full disk (simulated ENOSPC)', () => {
  it('fails the brief whose file does not fit, keeps its earlier files, writes the others, and says so in one line', async () => {
    const dir = project('enospc');
    const first = await cli(ARGS, dir);
    expect(first.code, first.stderr).toBe(0);
    const before = fileHashes(path.join(dir, 'out'));
    // Both briefs change; the timeline's PDF is the file that no longer fits.
    const second = ['--format', 'md,pdf'];
    const { writeFileSync, readFileSync } = await import('node:fs');
    for (const brief of ['base-comment', 'base-timeline']) {
      const file = path.join(dir, `briefs/${brief}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('Example Market.', 'Example Market, again.'));
    }
    fault.code = 'ENOSPC';
    fault.when = (file) => file.includes(`${path.sep}.base-timeline.pdf.`);
    const run = await cli([...ARGS, ...second], dir);
    expect(run.code).toBe(1);
    const { messages, strays } = errorsOf(run.stderr);
    expect(strays).toEqual([]);
    expect(messages).toEqual([
      'briefs/base-timeline.yaml:1:1: error brief `base-timeline` was not built: cannot write base-timeline/base-timeline.pdf: the disk is full (ENOSPC); it was not written and any earlier copy is unchanged — free space or pick a writable --out folder, then build again [output-unwritable]',
    ]);
    expect(placeProblems(messages, dir)).toEqual([]);
    expect(run.stderr).toContain('not built: base-timeline');
    expect(run.stdout).toContain('wrote out/base-comment/base-comment.pdf');
    expect(run.stdout).not.toContain('base-timeline');
    const after = fileHashes(path.join(dir, 'out'));
    expect(temps(path.join(dir, 'out')), 'no temp files').toEqual([]);
    // The timeline's files change together or not at all: its Markdown, written first, was not renamed either.
    for (const file of ['base-timeline.md', 'base-timeline.pdf', 'base-timeline.html']) {
      expect(after.get(path.join('base-timeline', file)), file).toBe(before.get(path.join('base-timeline', file)));
    }
    expect(after.get(path.join('base-comment', 'base-comment.md'))).not.toBe(before.get(path.join('base-comment', 'base-comment.md')));

    // With space again, the next build writes the timeline.
    delete fault.code;
    const third = await cli([...ARGS, ...second], dir);
    expect(third.code, third.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'out/base-timeline/base-timeline.md'), 'utf8')).toContain('Example Market, again.');
  }, 90_000);
});

describe('a read-only output folder (simulated EROFS)', () => {
  it('names the read-only file system once per brief and writes nothing', async () => {
    const dir = project('erofs');
    fault.code = 'EROFS';
    fault.when = (file) => file.startsWith(path.join(dir, 'out'));
    const run = await cli(ARGS, dir);
    expect(run.code).toBe(1);
    const { messages, strays } = errorsOf(run.stderr);
    expect(strays).toEqual([]);
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toMatch(/^briefs\/base-(comment|timeline)\.yaml:1:1: error brief `base-(comment|timeline)` was not built: cannot write base-\1\/base-\1\.md: the folder is on a read-only file system \(EROFS\); .* \[output-unwritable\]$/);
    expect(readdirSync(dir).sort()).toEqual(['briefs', 'data', 'templates']);
  });

  it('`schema --out` on a read-only folder: one line, exit 1', async () => {
    const dir = project('erofs-schema');
    fault.code = 'EROFS';
    fault.when = (file) => file.startsWith(path.join(dir, 'schemas'));
    const run = await cli(['schema', '--out', 'schemas', '--data', 'data'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^docketpress: cannot write schemas\/[a-z-]+\.schema\.json: the folder is on a read-only file system \(EROFS\)/)]);
  });
});

/** Mounts a tmpfs at `dir` (options such as `size=40k` or `ro`); false when this machine does not allow it. */
function mountTmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
}

describe('real small and read-only file systems (tmpfs; root on Linux only)', () => {
  beforeAll(requireFreshBuild);
  const mounts: string[] = [];
  afterAll(() => {
    for (const mount of mounts) spawnSync('umount', [mount]);
  });

  it('a 40 KB disk: the brief that fits is written, the other named, no temp file left (the real CLI)', () => {
    const dir = project('tmpfs-small');
    const out = path.join(scratch, 'small-disk');
    if (!mountTmpfs(out, 'size=40k')) return;
    mounts.push(out);
    const run = spawnSync(process.execPath, ['--max-old-space-size=512', path.join(ROOT, 'dist/bin/docketpress.js'), ...ARGS.slice(0, 1), '--out', out, ...ARGS.slice(3)], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(1);
    const { messages, strays } = errorsOf(run.stderr);
    expect(strays).toEqual([]);
    expect(messages.length).toBeGreaterThanOrEqual(1);
    for (const message of messages) expect(message).toMatch(/was not built: cannot write .*: the disk is full \(ENOSPC\).*\[output-unwritable\]$/);
    expect(temps(out)).toEqual([]);
    // Every file there was reported as written (whole, renamed into place), none half-written.
    for (const file of fileHashes(out).keys()) expect(run.stdout).toContain(path.basename(file));
  });

  it('a read-only file system: one line per brief, exit 1 (the real CLI)', () => {
    const dir = project('tmpfs-ro');
    const out = path.join(scratch, 'ro-disk');
    if (!mountTmpfs(out, 'ro,size=1m')) return;
    mounts.push(out);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/bin/docketpress.js'), 'build', '--out', out, ...ARGS.slice(3)], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(1);
    const { messages, strays } = errorsOf(run.stderr);
    expect(strays).toEqual([]);
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toContain('the folder is on a read-only file system (EROFS)');
  });
});
