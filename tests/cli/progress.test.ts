// Build progress: a `\r` line on a terminal, nothing of it in pipes, with --quiet or with --json.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CLEAR_LINE, fitLine, Progress, progressLine } from '../../src/cli/progress.js';
import { runCli } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/output.js';
import { cli } from '../helpers/cli.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is built here. */
const SAMPLE = sampleProject('progress-project');
const outs: string[] = [SAMPLE];
afterAll(() => outs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function outDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'docketpress-progress-'));
  outs.push(dir);
  return dir;
}

/** Runs the CLI in-process with an Io that says it is a terminal. */
async function ttyCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => (stdout += t), err: (t) => (stderr += t), cwd: SAMPLE, isTTY: true };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** What a terminal shows after this output: `\r` returns to column 0, ESC[K erases to the end of the line. */
function screen(output: string): string[] {
  const lines: string[] = [''];
  let column = 0;
  for (let i = 0; i < output.length; i++) {
    const char = output[i]!;
    if (output.startsWith('\x1b[K', i)) {
      lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, column);
      i += 2;
    } else if (char === '\r') column = 0;
    else if (char === '\n') {
      lines.push('');
      column = 0;
    } else {
      const line = lines[lines.length - 1]!;
      lines[lines.length - 1] = line.slice(0, column) + char + line.slice(column + 1);
      column++;
    }
  }
  return lines;
}

// Four or more briefs show progress at once; Markdown only keeps the build quick.
const BUILD = (out: string): string[] => ['build', '--format', 'md', '--out', out];

describe('build progress', () => {
  it('not a TTY: only the final lines, no progress', async () => {
    const result = await cli(BUILD(outDir()), SAMPLE);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/[\r\x1b]/);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^wrote \S+\.md$/);
  });

  it('a TTY gets a \\r progress line that ends clean', async () => {
    const out = outDir();
    const result = await ttyCli(BUILD(out));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('\r');
    expect(result.stdout).toMatch(/\[ ?\d+\/\d+\] [a-z0-9-]+: wrote \S+\.md · \d+\.\d s/);
    // After the last clear, nothing but the summary line: no progress left on screen.
    const tail = result.stdout.slice(result.stdout.lastIndexOf(CLEAR_LINE) + CLEAR_LINE.length);
    expect(tail).toMatch(/^built \d+ brief\(s\), \d+ file\(s\) in \d+\.\d s\n$/);
    // The screen holds exactly the `wrote` lines a pipe gets, then the summary.
    const piped = (await cli(BUILD(outDir()), SAMPLE)).stdout.replaceAll(outs[outs.length - 1]!, out);
    const shown = screen(result.stdout);
    expect(shown[shown.length - 1]).toBe('');
    expect(shown.slice(0, -2).join('\n') + '\n').toBe(piped);
    expect(shown[shown.length - 2]).toMatch(/^built /);
  });

  it('--quiet silences progress (and the per-file lines) even on a TTY', async () => {
    const result = await ttyCli([...BUILD(outDir()), '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('--json is valid JSON with a duration and per-brief entries, and no progress', async () => {
    const result = await ttyCli([...BUILD(outDir()), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/[\r\x1b]/);
    const answer = JSON.parse(result.stdout) as { written: string[]; failed: string[]; durationMs: number; briefs: { id: string; status: string; files: string[] }[] };
    expect(Object.keys(answer)).toEqual(['written', 'upToDate', 'removed', 'failed', 'diagnostics', 'durationMs', 'briefs']);
    expect(answer.durationMs).toBeGreaterThan(0);
    expect(answer.briefs.length).toBeGreaterThan(3);
    expect(answer.briefs.flatMap((b) => b.files).sort()).toEqual([...answer.written].sort());
    for (const brief of answer.briefs) {
      expect(brief.status).toBe('built');
      for (const file of brief.files) expect(file).toContain(`/${brief.id}/`);
    }
  });
});

describe('Progress', () => {
  afterEach(() => vi.useRealTimers());

  const fakeIo = (): { io: Io; text: () => string } => {
    let text = '';
    return { io: { out: (t) => (text += t), err: () => {}, cwd: '/', isTTY: true }, text: () => text };
  };

  it('with few items, shows itself only once the work takes over a second', () => {
    vi.useFakeTimers();
    let now = 0;
    const { io, text } = fakeIo();
    const progress = new Progress({ io, total: 2, enabled: true, now: () => now });
    progress.update('one', 'wrote one.md');
    expect(text()).toBe('');
    now = 1000;
    vi.advanceTimersByTime(1000);
    expect(text()).toBe(`${CLEAR_LINE}[1/2] one: wrote one.md · 1.0 s`);
    progress.finish();
    expect(text().endsWith(CLEAR_LINE)).toBe(true);
    const before = text();
    vi.advanceTimersByTime(5000);
    expect(text()).toBe(before);
  });

  it('a quick run with few items prints no progress at all', () => {
    vi.useFakeTimers();
    const { io, text } = fakeIo();
    const progress = new Progress({ io, total: 3, enabled: true });
    progress.log('wrote a.md\n');
    progress.finish();
    vi.advanceTimersByTime(5000);
    expect(text()).toBe('wrote a.md\n');
  });

  it('disabled: log lines only', () => {
    vi.useFakeTimers();
    const { io, text } = fakeIo();
    const progress = new Progress({ io, total: 10, enabled: false });
    progress.update('x', 'y');
    progress.log('wrote x.md\n');
    vi.advanceTimersByTime(5000);
    progress.finish();
    expect(text()).toBe('wrote x.md\n');
  });

  it('lines fit the terminal', () => {
    expect(progressLine(3, 12, 'aafa-2016-comment', 'wrote P-aafa-2016-comment.pdf', 2345)).toBe('[ 3/12] aafa-2016-comment: wrote P-aafa-2016-comment.pdf · 2.3 s');
    const fitted = fitLine('x'.repeat(200), 40);
    expect(fitted).toHaveLength(39);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitLine('short', 40)).toBe('short');
  });
});
