// Limits: inputs far larger than any real dataset either work or end in a positioned message, within seconds,
// without reading more than the size limit into memory. Big inputs are generated here, in a temp folder.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/load/yaml-file.js';
import { cli } from '../helpers/cli.js';
import { assembleCase, BASE, messagesOf, placeProblems, readMarkdown, scratchDir } from './helpers.js';

const scratch = scratchDir('limits');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A case folder holding the base dataset and templates, no briefs. */
function baseCase(name: string): string {
  const dir = path.join(scratch, name);
  assembleCase(BASE, dir);
  rmSync(path.join(dir, 'briefs'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'briefs'));
  return dir;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = Date.now();
  const value = await run();
  return { value, seconds: (Date.now() - started) / 1000 };
}

const CHECK = ['check', '--data', 'data', '--briefs', 'briefs', '--templates', 'templates'];

describe('limits', () => {
  it('refuses a 50 MB data file before reading it, with a positioned file-too-large error', async () => {
    const dir = baseCase('fifty-megabytes');
    const file = path.join(dir, 'data/events.yaml');
    const item = '  - id: generated-event\n    date: 2012-09-10\n    kind: letter\n    actors: [example-assoc]\n    summary: A generated event to make the file large.\n    sources: [src-b]\n';
    const chunk = Buffer.from(item.repeat(Math.ceil((1024 * 1024) / item.length)));
    const fd = openSync(file, 'w');
    writeSync(fd, 'events:\n');
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const heapBefore = process.memoryUsage().heapUsed;
    const { value: result, seconds } = await timed(() => cli(CHECK, dir));
    expect(seconds).toBeLessThan(10);
    expect(process.memoryUsage().heapUsed - heapBefore, 'the file is not read into memory').toBeLessThan(MAX_FILE_BYTES);
    expect(result.code).toBe(1);
    const { messages, strays } = messagesOf(result.stdout + result.stderr);
    expect(strays).toEqual([]);
    expect(messages).toEqual([
      'data/events.yaml:1:1: error this file is 50.0 MB, over the 20.0 MB limit for one YAML file, so it was not read: split it into smaller files (markets and stakeholders go one per file) [file-too-large]',
    ]);
  });

  it('reads and builds a 100,000-character quote', async () => {
    const dir = baseCase('long-quote');
    const words = 'Counterfeit goods remain widely available on the platform despite notices. ';
    const quote = words.repeat(Math.ceil(100_000 / words.length)).slice(0, 100_000).trim();
    const positions = readFileSync(path.join(BASE, 'data/positions.yaml'), 'utf8').replace('      - text: Counterfeits remain widespread on Example Market.', `      - text: "${quote}"`);
    writeFileSync(path.join(dir, 'data/positions.yaml'), positions);
    writeFileSync(path.join(dir, 'briefs/long-quote.yaml'), readFileSync(path.join(BASE, 'briefs/base-comment.yaml'), 'utf8').replace('base-comment', 'long-quote'));
    const checked = await timed(() => cli(CHECK, dir));
    expect(checked.value.code, checked.value.stdout).toBe(0);
    expect(checked.seconds).toBeLessThan(10);
    const built = await timed(() => cli(['build', '--format', 'md,pdf', '--out', 'out', ...CHECK.slice(1)], dir));
    expect(built.value.code, built.value.stderr).toBe(0);
    expect(built.seconds).toBeLessThan(45);
    const markdown = readMarkdown(readFileSync(path.join(dir, 'out/long-quote/long-quote.md'), 'utf8'));
    expect(markdown.text).toContain(quote.slice(-200));
  }, 90_000);

  it('checks 10,000 markets in reasonable time, with positioned messages', async () => {
    const dir = baseCase('ten-thousand-markets');
    const template = readFileSync(path.join(BASE, 'data/markets/example-market.yaml'), 'utf8');
    for (let i = 0; i < 10_000; i++) {
      const id = `market-${i}`;
      let text = template.replace('id: example-market', `id: ${id}`).replace('name: Example Market', `name: Market ${i}`).replace('example-market.test', `${id}.test`);
      if (i === 9_999) text = text.replace('kind: online', 'kind: onlin'); // one mistake, among 10,000 files
      writeFileSync(path.join(dir, `data/markets/${id}.yaml`), text);
    }
    const { value: result, seconds } = await timed(() => cli(CHECK, dir));
    expect(seconds).toBeLessThan(45);
    const { messages, strays } = messagesOf(result.stdout + result.stderr);
    expect(strays).toEqual([]);
    expect(result.code).toBe(1);
    expect(messages).toEqual(['data/markets/market-9999.yaml:4:7: error `kind` must be one of `online`, `physical`, found text `onlin` (did you mean `online`?) [invalid-value]']);
    expect(placeProblems(messages, dir)).toEqual([]);
    expect(result.stdout).toContain('10000 markets');
  }, 120_000);

  it('reports a data file just under the size limit as YAML, not as too large', async () => {
    const dir = baseCase('under-limit');
    const filler = `# ${'x'.repeat(1022)}\n`;
    const body = filler.repeat(Math.floor((MAX_FILE_BYTES - 4096) / filler.length));
    writeFileSync(path.join(dir, 'data/events.yaml'), `${body}events: [\n`);
    const { value: result, seconds } = await timed(() => cli(CHECK, dir));
    expect(seconds).toBeLessThan(20);
    const { messages, strays } = messagesOf(result.stdout + result.stderr);
    expect(strays).toEqual([]);
    expect(result.code).toBe(1);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.startsWith('data/events.yaml:') && !m.includes('file-too-large'))).toBe(true);
    expect(placeProblems(messages, dir)).toEqual([]);
  }, 60_000);
});
