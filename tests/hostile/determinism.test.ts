// Determinism: the same inputs give byte-identical Markdown, PDF and HTML whatever the time zone and locale.
// The CLI is compiled once into a private folder (so a stale or half-edited dist/ cannot mislead) and spawned
// as a user would run it, under two very different TZ / LANG settings. A build killed midway leaves every
// output either as the previous build wrote it or complete.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySampleProject } from '../helpers/sample-project.js';
import { fileHashes, ROOT, scratchDir } from './helpers.js';

// Inside node_modules so the compiled files resolve their dependencies from the project's node_modules.
const COMPILED = path.join(ROOT, 'node_modules/.cache/docketpress-hostile', `dist-${process.pid}`);
const MAIN = path.join(COMPILED, 'cli/main.js');
const BRIEFS = ['aafa-2016-comment', 'taobao-timeline'];
const scratch = scratchDir('determinism');
/** A copy of the sample project: a user's own brief in briefs/ does not change what is built here. */
const SAMPLE = copySampleProject(path.join(scratch, 'project'));

beforeAll(() => {
  // tsc emits even when another edit in progress has a type error; only a missing entry point is fatal.
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', COMPILED, '--sourceMap', 'false', '--declaration', 'false'], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(MAIN)) throw new Error(`could not compile the CLI into ${COMPILED}`);
}, 180_000);

afterAll(() => {
  rmSync(COMPILED, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

function args(out: string, ids: readonly string[] = BRIEFS): string[] {
  return [MAIN, 'build', ...ids, '--out', out, '--data', path.join(SAMPLE, 'data'), '--briefs', path.join(SAMPLE, 'briefs'), '--templates', path.join(SAMPLE, 'templates')];
}

function build(out: string, env: Record<string, string>): Map<string, string> {
  const { LANG: _l, LC_ALL: _a, LC_CTYPE: _c, TZ: _t, ...rest } = process.env;
  execFileSync(process.execPath, args(out), { cwd: scratch, env: { ...rest, ...env }, stdio: 'pipe' });
  return fileHashes(out);
}

describe('determinism', () => {
  it('writes byte-identical Markdown, PDF and HTML under different time zones and locales', () => {
    const tokyo = build(path.join(scratch, 'tokyo'), { TZ: 'Asia/Tokyo', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    const angeles = build(path.join(scratch, 'los-angeles'), { TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' });
    expect([...tokyo.keys()].sort()).toEqual([...angeles.keys()].sort());
    // Outputs, and the manifest of each brief folder (byte-identical too).
    expect(new Set([...tokyo.keys()].map((f) => (f.endsWith('.docketpress-files.json') ? 'manifest' : path.extname(f))))).toEqual(new Set(['.docx', '.html', '.md', '.pdf', 'manifest']));
    expect(tokyo.size).toBeGreaterThanOrEqual(5);
    for (const [file, hash] of tokyo) expect(angeles.get(file), file).toBe(hash);
  }, 120_000);

  it('writes the same bytes whether PDFs render on worker threads or on the main thread', () => {
    const threads = build(path.join(scratch, 'workers'), { TZ: 'UTC', LANG: 'C', DOCKETPRESS_WORKERS: '2' });
    const single = build(path.join(scratch, 'one-thread'), { TZ: 'UTC', LANG: 'C', DOCKETPRESS_WORKERS: '0' });
    expect([...threads.keys()].filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(3);
    expect([...threads.keys()].sort()).toEqual([...single.keys()].sort());
    for (const [file, hash] of threads) expect(single.get(file), file).toBe(hash);
  }, 120_000);

  it('leaves every output either as the previous build wrote it or complete when a build is killed', async () => {
    const out = path.join(scratch, 'killed');
    const complete = build(out, { TZ: 'UTC', LANG: 'C' });
    const leftovers: string[] = [];
    for (const delay of [150, 400, 800, 1500]) {
      mkdirSync(out, { recursive: true });
      const child = spawn(process.execPath, args(out), { cwd: scratch, stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      for (const [file, hash] of fileHashes(out)) {
        if (/(^|[/\\])\.[^/\\]+\.tmp$/.test(file)) {
          leftovers.push(file);
          rmSync(path.join(out, file));
          continue;
        }
        expect(hash, `${file} after a kill at ${delay} ms`).toBe(complete.get(file));
      }
    }
    // A kill between writing a temp file and renaming it can leave that (hidden) temp file; never a partial output.
    expect(leftovers.every((f) => /\.(md|pdf|html)\.\d+\.[0-9a-f]+\.tmp$/.test(f))).toBe(true);
  }, 120_000);
});
