// Fixture loop for the document pipeline: tests/fixtures/build/<case>/briefs (+ optional data/, templates/)
// is built to Markdown; each output must equal <case>/expected/<brief-id>.md and the messages <case>/messages.txt.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { expected, FIXTURES, fixtureCases } from '../helpers/fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'docketpress-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docketpress build on fixture folders', () => {
  for (const name of fixtureCases('build')) {
    it(name, async () => {
      const dir = path.join(FIXTURES, 'build', name);
      const local = (folder: string): string => (existsSync(path.join(dir, folder)) ? path.join(dir, folder) : path.join(ROOT, folder));
      const out = path.join(scratch, name);
      const result = await cli(['build', '--data', local('data'), '--briefs', path.join(dir, 'briefs'), '--templates', local('templates'), '--out', out, '--format', 'md'], dir);
      const messages = expected(path.join(dir, 'messages.txt'), result.stderr);
      expect(result.stderr).toBe(messages);
      expect(result.code).toBe(/: error /.test(result.stderr) ? 1 : 0);
      const briefs = readdirSync(path.join(dir, 'briefs')).map((f) => f.replace(/\.yaml$/, ''));
      for (const id of briefs) {
        // A brief writes <id>.md, or BC-…md and P-…md when it holds business confidential information.
        const written = existsSync(path.join(out, id)) ? readdirSync(path.join(out, id)).filter((f) => f.endsWith('.md')).sort() : [];
        if (written.length === 0) {
          expect(result.stderr, `${id} was not built, so the messages must say why`).toMatch(new RegExp(`not built: .*\\b${id}\\b`));
          continue;
        }
        for (const name of written) {
          const markdown = readFileSync(path.join(out, id, name), 'utf8');
          expect(markdown).toBe(expected(path.join(dir, 'expected', name), markdown));
        }
      }
    });
  }
});
