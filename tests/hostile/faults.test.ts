// The fault corpus: what a user's machine and shell can do to a run — a file or device where a folder should
// be, empty and missing folders, a full disk or read-only folder, a FIFO, links out of the project, names of
// Object.prototype members, 1900-era dates, damaged cache entries, a closed pipe, long tokens. Each case runs
// the real command line (dist/bin/docketpress.js) in a child process with a heap limit and a timeout as hang
// guards, and checks: exit 1 or 2, one clear line per problem, no stack, nothing lost or half-written.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireFreshBuild } from '../helpers/built.js';
import { assembleCase, BASE, fileHashes, messagesOf, placeProblems, ROOT, scratchDir } from './helpers.js';

const BIN = path.join(ROOT, 'dist/bin/docketpress.js');
const scratch = scratchDir('faults');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(requireFreshBuild);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every non-empty line of stderr. */
  lines: string[];
}

/** Runs the real command line: 64 MB more heap than it needs is a hang guard, as is the timeout (no timing asserted). */
function real(args: string[], cwd: string, options: { env?: Record<string, string>; timeoutMs?: number; heapMb?: number } = {}): Run {
  const result = spawnSync(process.execPath, [`--max-old-space-size=${options.heapMb ?? 512}`, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, DOCKETPRESS_CACHE_DIR: path.join(scratch, 'cache'), ...options.env },
  });
  const stderr = result.stderr ?? '';
  return { code: result.status, stdout: result.stdout ?? '', stderr, lines: stderr.split('\n').filter((line) => line.trim() !== '') };
}

/** The one-line contract: no stack frame, no raw error, never exit 70, and (when killed by the guard) a clear failure. */
function expectClean(run: Run, code: 1 | 2): void {
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(code);
  expect(messagesOf(`${run.stdout}\n${run.stderr}`).strays, 'no stack traces or raw errors').toEqual([]);
  expect(run.stderr).not.toMatch(/internal error/);
}

/** A project folder with the base data, templates and briefs. */
function project(name: string): string {
  const dir = path.join(scratch, name);
  assembleCase(BASE, dir);
  return dir;
}

const FOLDERS = ['--data', 'data', '--briefs', 'briefs', '--templates', 'templates'];
const BUILD = ['build', ...FOLDERS];

describe('folders that are not folders, empty or missing: usage errors before any work', () => {
  const dir = path.join(scratch, 'folders');
  beforeAll(() => {
    assembleCase(BASE, dir);
    writeFileSync(path.join(dir, 'a-file'), 'not a folder\n');
  });
  const cases: Array<[string, string[], RegExp]> = [
    ['--out at a file', [...BUILD, '--out', 'a-file'], /^docketpress: --out `a-file` is a file, not a folder/],
    ['--out at /dev/null', [...BUILD, '--out', '/dev/null'], /^docketpress: --out `\/dev\/null` is a device, not a folder/],
    ['--out below a file', [...BUILD, '--out', 'a-file/out'], /^docketpress: --out `a-file\/out`: a part of this path is a file/],
    ['--out ""', [...BUILD, '--out', ''], /^docketpress: --out needs a folder, not an empty path/],
    ['--data ""', ['check', '--data', '', '--briefs', 'briefs'], /^docketpress: --data needs a folder/],
    ['--briefs ""', ['check', '--data', 'data', '--briefs', ''], /^docketpress: --briefs needs a folder/],
    ['--briefs at a file', ['build', '--data', 'data', '--briefs', 'a-file', '--out', 'out'], /^docketpress: --briefs `a-file` is a file, not a folder/],
    ['--briefs missing', ['build', '--data', 'data', '--briefs', '/nonexistent', '--out', 'out'], /^docketpress: --briefs `\/nonexistent`: no such folder/],
    ['--data missing', ['check', '--data', 'no-such-data'], /^docketpress: --data `no-such-data`: no such folder/],
    ['schema --out at a file', ['schema', '--out', 'a-file'], /^docketpress: --out `a-file` is a file, not a folder/],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}: exit 2, one line, nothing written`, () => {
      const before = fileHashes(dir);
      const run = real(args, dir);
      expectClean(run, 2);
      expect(run.lines).toHaveLength(1);
      expect(run.lines[0]).toMatch(message);
      expect(run.stdout).toBe('');
      expect(fileHashes(dir)).toEqual(before);
    });
  }
});

describe('the cache folder is a file', () => {
  it('warns once, runs without the cache, and answers as with it', () => {
    const dir = project('cache-at-file');
    const file = path.join(dir, 'cache-file');
    writeFileSync(file, 'in the way\n');
    const plain = real(['check', ...FOLDERS], dir, { env: { DOCKETPRESS_CACHE_DIR: 'off' } });
    const run = real(['check', ...FOLDERS], dir, { env: { DOCKETPRESS_CACHE_DIR: file } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines).toEqual([`docketpress: warning: the cache folder ${file} is not a folder, so this run uses no cache: set DOCKETPRESS_CACHE_DIR to a folder, or to \`off\``]);
    expect(run.stdout).toBe(plain.stdout);
    expect(readFileSync(file, 'utf8')).toBe('in the way\n');
    const built = real([...BUILD, '--out', 'out'], dir, { env: { DOCKETPRESS_CACHE_DIR: file } });
    expect(built.code, built.stderr).toBe(0);
  });
});

describe('deadlines --on any date the data may hold (1900–2100)', () => {
  const dir = path.join(scratch, 'deadlines');
  beforeAll(() => assembleCase(BASE, dir));
  // 1900–1969: the zone data names the offset `GMT-5`/`GMT-4`; 1943: war time, daylight time in winter.
  for (const [date, zone] of [['1900-01-01', 'EST'], ['1943-01-15', 'EDT'], ['1950-07-01', 'EDT'], ['1969-12-31', 'EST'], ['1970-01-01', 'EST'], ['2100-12-31', 'EST']] as const) {
    it(`${date} is 00:00 ${zone}`, () => {
      const run = real(['deadlines', '--on', date, '--data', 'data'], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`deadlines as of 00:00 ${zone} on `);
      const rows = JSON.parse(real(['deadlines', '--on', date, '--data', 'data', '--json'], dir).stdout) as Array<{ closed: boolean | null }>;
      expect(rows.length).toBeGreaterThan(0);
    });
  }
  for (const date of ['1899-12-31', '2101-01-01', '0001-01-01']) {
    it(`${date} is out of range: a usage error`, () => {
      const run = real(['deadlines', '--on', date, '--data', 'data'], dir);
      expectClean(run, 2);
      expect(run.lines).toEqual([expect.stringMatching(/^docketpress: --on takes a real date .* is out of range \(1900–2100\)$/)]);
    });
  }
});

describe('template names like Object.prototype members name nothing', () => {
  it('reports each as unknown at its place, and builds nothing for those briefs', () => {
    const dir = project('prototype-names');
    const lines = ['::toString', '::constructor', '::hasOwnProperty', '::valueOf', 'A {{constructor}} and {{valueof}} and {{isprototypeof}}.'];
    writeFileSync(path.join(dir, 'templates/timeline.md'), `${readFileSync(path.join(dir, 'templates/timeline.md'), 'utf8')}\n${lines.join('\n\n')}\n`);
    const run = real([...BUILD, '--out', 'out'], dir);
    expectClean(run, 1);
    const messages = messagesOf(run.stderr).messages.filter((line) => line.includes(': error '));
    expect(messages.map((m) => m.replace(/^templates\/timeline\.md:\d+:\d+: error (unknown (?:directive|placeholder) `[^`]+`).*$/, '$1'))).toEqual([
      'unknown directive `::toString`',
      'unknown directive `::constructor`',
      'unknown directive `::hasOwnProperty`',
      'unknown directive `::valueOf`',
      'unknown placeholder `{{constructor}}`',
      'unknown placeholder `{{valueof}}`',
      'unknown placeholder `{{isprototypeof}}`',
    ]);
    expect(placeProblems(messages, dir)).toEqual([]);
    expect(existsSync(path.join(dir, 'out/base-timeline'))).toBe(false);
    expect(existsSync(path.join(dir, 'out/base-comment/base-comment.md')), 'the other brief is built').toBe(true);
  });
});

describe('FIFOs and other non-regular files are refused, never opened', () => {
  for (const where of ['briefs/waiting.yaml', 'data/markets/waiting.yaml', 'templates/timeline.md']) {
    it(`a FIFO at ${where}`, () => {
      const dir = project(`fifo-${where.replace(/\W/g, '-')}`);
      rmSync(path.join(dir, where), { force: true });
      const made = spawnSync('mkfifo', [path.join(dir, where)]);
      if (made.status !== 0) return; // no mkfifo here: nothing to test
      // Opening a FIFO to read blocks until a writer comes: the timeout is the hang guard.
      const run = real(['check', ...FOLDERS, ...(where.startsWith('templates') ? ['base-timeline'] : [])], dir, { timeoutMs: 30_000 });
      expectClean(run, 1);
      const { messages } = messagesOf(`${run.stdout}\n${run.stderr}`);
      const rule = where.startsWith('templates') ? 'template-unreadable' : 'file-not-regular';
      expect(messages).toContain(`${where}:1:1: error this ${where.startsWith('templates') ? 'template' : 'file'} is a named pipe (FIFO), not a regular file, so it was not read: replace it with a plain file [${rule}]`);
    });
  }
});

describe('symbolic links', () => {
  it('a data file linked inside the project is read like any other; one linked out of it is refused, never skipped', () => {
    const dir = project('symlink-data');
    const second = readFileSync(path.join(dir, 'data/markets/example-market.yaml'), 'utf8').replace('id: example-market', 'id: second-market').replace('name: Example Market', 'name: Second Market').replace('example-market.test', 'second-market.test');
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared/second-market.yaml'), second);
    symlinkSync('../../shared/second-market.yaml', path.join(dir, 'data/markets/second-market.yaml'));
    const inside = real(['diff', '2011', '2012', '--json', '--data', 'data'], dir);
    expect(inside.code, inside.stderr).toBe(0);
    expect(JSON.parse(inside.stdout).removed).toEqual(['example-market', 'second-market']);

    const outsideFile = path.join(scratch, 'outside-market.yaml');
    writeFileSync(outsideFile, second.replace(/second-market/g, 'third-market'));
    symlinkSync(outsideFile, path.join(dir, 'data/markets/third-market.yaml'));
    const outside = real(['diff', '2011', '2012', '--json', '--data', 'data'], dir);
    expectClean(outside, 1);
    expect(outside.lines).toContain('data/markets/third-market.yaml:1:1: error this symbolic link points outside the project, so it was not read: copy the file into the project instead of linking to it [symlink-outside-project]');
  });

  it('a brief linked to /etc/passwd is refused without echoing a byte of it', () => {
    const dir = project('symlink-brief');
    symlinkSync('/etc/passwd', path.join(dir, 'briefs/passwd.yaml'));
    const run = real([...BUILD, '--out', 'out'], dir);
    expectClean(run, 1);
    expect(run.stderr).toContain('briefs/passwd.yaml:1:1: error this symbolic link points outside the project, so it was not read');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/root:|\/bin\/|nologin/);
    expect(existsSync(path.join(dir, 'out/base-comment/base-comment.md')), 'the other briefs are built').toBe(true);
  });

  it('a default template linked out of the project is refused, its content never in an output', () => {
    const dir = project('symlink-template');
    const secret = path.join(scratch, 'secret-template.md');
    writeFileSync(secret, '---\nkind: timeline\n---\n\nSECRET-TEMPLATE-CONTENT\n');
    rmSync(path.join(dir, 'templates/timeline.md'));
    symlinkSync(secret, path.join(dir, 'templates/timeline.md'));
    const run = real([...BUILD, '--out', 'out', '--format', 'md'], dir);
    expectClean(run, 1);
    expect(run.lines).toContain('templates/timeline.md:1:1: error this template is a symbolic link out of the project, so it was not read: copy the template into the templates folder [template-outside-project]');
    expect(existsSync(path.join(dir, 'out/base-timeline'))).toBe(false);
    expect(`${run.stdout}${run.stderr}`).not.toContain('SECRET-TEMPLATE-CONTENT');
  });
});

describe('damaged cache entries are misses, never a different answer', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function* randoms(seed: number): Generator<number> {
    let state = seed >>> 0;
    for (;;) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      yield state / 2 ** 32;
    }
  }

  it('30 random bit flips in each entry: every run answers as with no cache, and none crashes', () => {
    const dir = project('cache-flips');
    const cache = path.join(dir, 'cache');
    const env = { DOCKETPRESS_CACHE_DIR: cache };
    const status = (): Run => real(['status', 'example-market', '--json', '--data', 'data'], dir, { env });
    const expectedStatus = real(['status', 'example-market', '--json', '--data', 'data'], dir, { env: { DOCKETPRESS_CACHE_DIR: 'off' } }).stdout;
    const first = real([...BUILD, '--out', 'out', '--format', 'md'], dir, { env });
    expect(first.code, first.stderr).toBe(0);
    const outputs = fileHashes(path.join(dir, 'out'));
    const entries = readdirSync(cache).filter((name) => name.endsWith('.v8'));
    expect(entries.some((name) => name.startsWith('dataset-')) && entries.some((name) => name.startsWith('build-'))).toBe(true);
    const random = randoms(12);
    for (let flip = 0; flip < 30; flip++) {
      for (const name of entries) {
        const file = path.join(cache, name);
        const bytes = readFileSync(file);
        const at = Math.floor(random.next().value! * bytes.length);
        bytes[at]! ^= 1 << Math.floor(random.next().value! * 8);
        writeFileSync(file, bytes);
      }
      const answered = status();
      expect(answered.code, answered.stderr).toBe(0);
      expect(answered.stdout, `flip ${flip}`).toBe(expectedStatus);
      if (flip % 10 === 9) {
        const built = real([...BUILD, '--out', 'out', '--format', 'md'], dir, { env });
        expect(built.code, built.stderr).toBe(0);
        expect(fileHashes(path.join(dir, 'out'))).toEqual(outputs);
      }
    }
  }, 180_000);
});

describe('a closed stdout does not stop the work', () => {
  it('`build | head -1`: every file is written and the exit code is 0', async () => {
    const dir = project('closed-pipe');
    const expected = real([...BUILD, '--out', 'all'], dir);
    expect(expected.code, expected.stderr).toBe(0);
    const files = [...fileHashes(path.join(dir, 'all')).keys()].sort();
    const child = spawn(process.execPath, [BIN, ...BUILD, '--out', 'out'], { cwd: dir, env: { ...process.env, DOCKETPRESS_CACHE_DIR: path.join(scratch, 'cache') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first line, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    expect(messagesOf(stderr).messages.filter((line) => line.includes(': error ')), 'no errors').toEqual([]);
    expect(stderr).not.toMatch(/EPIPE|internal error/);
    expect([...fileHashes(path.join(dir, 'out')).keys()].sort()).toEqual(files);
  }, 60_000);
});

describe('long unbroken tokens lay out in linear time and bounded memory', () => {
  const brief = (introduction: string): string => `id: long-token\nkind: timeline\ndate: 2013-01-10\nmarkets: [example-market]\nintroduction: |\n  ${introduction}\n`;
  for (const [name, text] of [
    ['a 20,000-character token', `The record ${'abcdefghij'.repeat(2_000)} ends.`],
    ['100 KB of TODO:', 'TODO:'.repeat(20_000)],
  ] as const) {
    it(`${name}: the PDF is built (within a 400 MB heap and 120 s) and holds the whole token`, async () => {
      const dir = project(`long-${name.replace(/\W+/g, '-')}`);
      writeFileSync(path.join(dir, 'briefs/long-token.yaml'), brief(text));
      const run = real([...BUILD, 'long-token', '--out', 'out', '--format', 'md,pdf'], dir, { heapMb: 400, timeoutMs: 120_000 });
      expect(run.code, run.stderr).toBe(0);
      const { readPdfText } = await import('../helpers/pdf-text.js');
      const read = await readPdfText(readFileSync(path.join(dir, 'out/long-token/long-token.pdf')));
      // Page furniture (header, page numbers) falls between the lines of the token: compare without it.
      const token = text.split(' ').sort((a, b) => b.length - a.length)[0]!;
      const body = read.pages.map((page) => page.replace(/\s+/g, '')).join('');
      expect(body.replace(/Page\d+of\d+|Timeline·ExampleMarket|SAMPLE[^a-z]*/g, '')).toContain(token.slice(0, 3_000));
      expect(readFileSync(path.join(dir, 'out/long-token/long-token.md'), 'utf8')).toContain(token.replace(/_/g, '\\_'));
      for (const line of run.lines) expect(line.length, 'messages quote little of the input').toBeLessThan(400);
    }, 150_000);
  }
});

describe('messages quote at most 80 characters of input, and prose messages are capped', () => {
  it('a 3,000-character id and 500 bad directives give short lines, 21 of them for the prose', () => {
    const dir = project('long-messages');
    const long = 'y'.repeat(3_000);
    const bad = Array.from({ length: 500 }, (_, i) => `:bad${i}[x]`).join(' ');
    writeFileSync(path.join(dir, 'briefs/noisy.yaml'), `id: noisy\nkind: timeline\ndate: 2013-01-10\nmarkets: [example-market]\nintroduction: |\n  :${long}[x] [a](javascript:${long}) ${bad}\n`);
    writeFileSync(path.join(dir, 'briefs/long-id.yaml'), `id: long-id\nkind: timeline\ndate: 2013-01-10\nmarkets: [${long}]\n`);
    const run = real(['check', ...FOLDERS], dir);
    expectClean(run, 1);
    const { messages } = messagesOf(`${run.stdout}\n${run.stderr}`);
    for (const line of messages) expect(line.length, line.slice(0, 120)).toBeLessThan(400);
    expect(messages.find((m) => m.startsWith('briefs/long-id.yaml:4:11: error unknown market'))).toContain(`\`${'y'.repeat(80)}…\``);
    const noisy = messages.filter((m) => m.startsWith('briefs/noisy.yaml'));
    expect(noisy).toHaveLength(21);
    expect(noisy[20]).toMatch(/^briefs\/noisy\.yaml:6:\d+: error 482 more problems in this file from here on \(482 error\(s\)\), not listed one by one: fix the ones above, then check again \[prose-too-many-errors\]$/);
    expect(placeProblems(messages, dir)).toEqual([]);
  });
});
