// Fixture loop: each tests/fixtures/check/<case>/data is checked; its messages must equal <case>/expected.txt.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { expected, FIXTURES, fixtureCases } from '../helpers/fixtures.js';

const MESSAGE_LINE = /^[^:\s][^:]*:\d+:\d+: (error|warning) .+ \[[a-z0-9-]+\]$/;

describe('docketpress check on fixture folders', () => {
  for (const name of fixtureCases('check')) {
    it(name, async () => {
      const dir = path.join(FIXTURES, 'check', name);
      const result = await cli(['check', '--data', 'data'], dir);
      const messages = result.stdout.split('\n').filter((line) => MESSAGE_LINE.test(line));
      const want = expected(path.join(dir, 'expected.txt'), messages.map((line) => `${line}\n`).join(''));
      expect(messages.join('\n')).toBe(want.trimEnd());
      expect(result.stderr).toBe('');
      const errors = messages.filter((line) => line.includes(': error '));
      expect(result.code).toBe(errors.length > 0 ? 1 : 0);
      if (name === 'clean') expect(messages).toEqual([]);
      else expect(errors.length).toBeGreaterThan(0);
    });
  }
});
