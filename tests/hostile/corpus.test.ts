// The hostile corpus: each tests/fixtures/hostile/<case>/ holds data/ and/or briefs/ files laid over a small base
// dataset (_base/), `expected.txt` with the exact messages, and optionally `expect.json` describing the run and
// its outputs. Every run must end with positioned messages only (no stack trace, no exit 70), every message
// inside its file, and every output (Markdown re-parsed, PDF text, HTML text) showing hostile text literally
// and linking only to http(s)/mailto.
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { expected } from '../helpers/fixtures.js';
import { allowedUrl, assembleCase, HOSTILE, hostileCases, messagesOf, placeProblems, readHtml, readMarkdown, readPdf, scratchDir, squash } from './helpers.js';

interface Expect {
  /** The command and its options (default `check`); `--data`, `--briefs`, `--templates` are added. */
  args?: string[];
  /** Exit code (default: 1 when any error message, else 0). */
  code?: number;
  /** Output files to read, relative to the case folder (e.g. `out/x/x.md`); each must exist. */
  outputs?: string[];
  /** Texts every output must show literally (white space runs collapsed). */
  literal?: string[];
  /** Texts no output may show. */
  absent?: string[];
  /** Paths (relative to the case folder) that must not exist after the run. */
  notWritten?: string[];
  /** Symbolic links to make before the run: path in the case folder → target. */
  links?: Record<string, string>;
}

const scratch = scratchDir('hostile');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('hostile corpus', () => {
  const cases = hostileCases();
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of cases) {
    it(name, async () => {
      const caseDir = path.join(HOSTILE, name);
      const spec: Expect = existsSync(path.join(caseDir, 'expect.json')) ? JSON.parse(readFileSync(path.join(caseDir, 'expect.json'), 'utf8')) : {};
      const dir = path.join(scratch, name);
      assembleCase(caseDir, dir);
      for (const [link, target] of Object.entries(spec.links ?? {})) symlinkSync(target, path.join(dir, link));
      const args = [...(spec.args ?? ['check']), '--data', 'data', '--briefs', 'briefs', '--templates', 'templates'];
      const started = Date.now();
      const result = await cli(args, dir);
      const seconds = (Date.now() - started) / 1000;

      const { messages, strays } = messagesOf(`${result.stdout}\n${result.stderr}`);
      expect(strays, 'no stack traces or raw errors').toEqual([]);
      expect(result.code, result.stderr).not.toBe(70);
      expect(result.code, result.stderr).not.toBe(2);
      expect(seconds, 'finishes within seconds').toBeLessThan(30);
      expect(placeProblems(messages, dir)).toEqual([]);

      const want = expected(path.join(caseDir, 'expected.txt'), messages.map((line) => `${line}\n`).join(''));
      expect(messages.join('\n')).toBe(want.trimEnd());
      const errors = messages.some((line) => line.includes(': error '));
      expect(result.code, result.stdout + result.stderr).toBe(spec.code ?? (errors ? 1 : 0));

      for (const file of spec.notWritten ?? []) expect(existsSync(path.join(dir, file)), `${file} must not be written`).toBe(false);

      for (const output of spec.outputs ?? []) {
        const file = path.join(dir, output);
        expect(existsSync(file), `${output} was written`).toBe(true);
        const bytes = readFileSync(file);
        let shown: { text: string; urls: string[] };
        if (output.endsWith('.md')) {
          const read = readMarkdown(bytes.toString('utf8'));
          expect(read.types.has('html'), `${output} holds no raw HTML`).toBe(false);
          expect(read.types.has('image'), `${output} holds no image`).toBe(false);
          expect(read.urls.filter((url) => url.startsWith('#')), `${output} links only to web and mail addresses`).toEqual([]);
          shown = read;
        } else if (output.endsWith('.html')) {
          const read = readHtml(bytes.toString('utf8'));
          for (const element of ['script', 'img', 'iframe', 'object', 'embed', 'form', 'svg', 'math']) expect(read.elements.has(element), `${output} has no <${element}>`).toBe(false);
          expect(/\son[a-z]+\s*=/i.test(bytes.toString('utf8').replace(/>[^<]*</g, '><')), `${output} has no event handler attribute`).toBe(false);
          shown = read;
        } else {
          shown = await readPdf(bytes);
        }
        expect(shown.urls.filter((url) => !allowedUrl(url)), `${output} links only to http(s), mailto (and in-page)`).toEqual([]);
        for (const text of spec.literal ?? []) expect(shown.text, `${output} shows ${JSON.stringify(text)} literally`).toContain(squash(text));
        for (const text of spec.absent ?? []) expect(shown.text, `${output} does not show ${JSON.stringify(text)}`).not.toContain(squash(text));
      }
    });
  }
});
