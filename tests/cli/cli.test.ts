// The command line end to end: exit codes, messages, JSON shapes, against the embedded data.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { cli } from '../helpers/cli.js';
import { sampleProject } from '../helpers/sample-project.js';

describe('docketpress CLI', () => {
  it('status --json has the contract shape', async () => {
    const result = await cli(['status', 'taobao', '--json']);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    // The ⚑ contract's keys first, in order; fields added in 0.3.0 follow.
    expect(Object.keys(answer).slice(0, 3)).toEqual(['market', 'name', 'editions']);
    expect(answer.market).toBe('taobao');
    for (const row of answer.editions) {
      expect(Object.keys(row)).toEqual(['edition', 'year', 'published', 'listed', 'change', 'confidence', 'sources', 'quote', 'note', 'previousRecord']);
    }
  });

  it('status prints a table with the sources behind each row', async () => {
    const result = await cli(['status', 'taobao']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2012\s+2012\s+2012-12-13\s+not listed\s+removed\s+verified/m);
    expect(result.stdout).toContain('sources:');
    expect(result.stdout).toMatch(/https?:\/\//);
  });

  it('status --year 2016 keeps one edition', async () => {
    const answer = JSON.parse((await cli(['status', 'taobao', '--year', '2016', '--json'])).stdout);
    expect(answer.editions.map((r: { edition: string }) => r.edition)).toEqual(['2016']);
  });

  it('diff --json has the contract shape', async () => {
    const result = await cli(['diff', '2020', '2021', '--json']);
    expect(result.code).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['from', 'to', 'added', 'removed', 'retained', 'unknown']);
  });

  it('an unknown market exits 2 and suggests the nearest id', async () => {
    const result = await cli(['status', 'tabao']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean `taobao`?');
    expect(result.stdout).toBe('');
  });

  it('an unknown edition exits 2 and suggests the nearest id', async () => {
    const result = await cli(['diff', '2020', 's301-209']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean `s301-2009`?');
  });

  it('usage mistakes exit 2 with one line and no stack', async () => {
    for (const argv of [['stauts', 'taobao'], ['status'], ['status', 'taobao', '--yeer', '2012'], ['status', 'taobao', '--year', '12']]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('check on the embedded data exits 0', async () => {
    // A copy of the sample project: a user's own brief in briefs/ does not change what is checked here.
    const dir = sampleProject('check');
    try {
      const result = await cli(['check'], dir);
      expect(result.stdout).toMatch(/0 error\(s\)/);
      expect(result.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--version prints the package version', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('docketpress timeline', () => {
  it('--json has the contract shape, sorted by date', async () => {
    const result = await cli(['timeline', 'taobao', '--json', '--from', '2012', '--to', '2016']);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as { date: string }[];
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) expect(Object.keys(entry).slice(0, 5)).toEqual(['date', 'kind', 'markets', 'summary', 'sources']);
    expect(entries.map((e) => e.date.slice(0, 4)).every((y) => y >= '2012' && y <= '2016')).toBe(true);
  });

  it('a bad year or an unknown market exits 2', async () => {
    expect((await cli(['timeline', 'taobao', '--from', '20x2'])).code).toBe(2);
    expect((await cli(['timeline', 'taobao', '--from', '2016', '--to', '2012'])).code).toBe(2);
    const unknown = await cli(['timeline', 'taobao', 'tmal']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean `tmall`?');
  });
});
