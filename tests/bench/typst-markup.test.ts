import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToTypst, TYPST_PREAMBLE } from '../../bench/typst-markup.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(path.join(ROOT, 'tests/fixtures/build', name), 'utf8');
const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;
const typstInstalled = existsSync(path.join(ROOT, 'bench/peers/node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'));

describe('the bench converts our Markdown to Typst markup', () => {
  it.each(['timeline/expected/alibaba-platforms-timeline.md', 'comment/expected/aafa-2016-comment.md', 'response/expected/alibaba-2015-response.md'])(
    'keeps every footnote of %s, each with its text',
    (name) => {
      const markdown = fixture(name);
      const definitions = [...markdown.matchAll(/^\[\^([^\]]+)\]: (.*)$/gm)];
      const { source, footnotes } = markdownToTypst(markdown);
      expect(definitions.length).toBeGreaterThan(10);
      expect(footnotes).toBe(definitions.length);
      expect(count(source, /#footnote\[/g)).toBe(definitions.length);
      // Each note's first address is inside the output (as a link target), so its text went with it.
      for (const [, , text] of definitions) {
        const url = /<(https?:[^>]+)>/.exec(text ?? '')?.[1];
        if (url) expect(source).toContain(`#link("${url}")`);
      }
      expect(source.startsWith(TYPST_PREAMBLE)).toBe(true);
    },
  );

  it('escapes what Typst would read as markup and keeps the structure', () => {
    const { source } = markdownToTypst(
      [
        '# Title with #hash',
        '',
        'A *word*, a **strong** one, `code`, $5 at @home <tag> // not a comment, 1 + 1 = 2 - 0.',
        '',
        '12\\. is no list in Markdown, nor in Typst',
        '',
        'Line one\\',
        'line two',
        '',
        '> quoted',
        '',
        '3. three',
        '4. four',
        '',
        '- bullet',
        '',
        '| A | B |',
        '|---|--:|',
        '| a | [b](https://example.com/x?y="z") |',
      ].join('\n'),
    );
    const expected = [
      '= Title with \\#hash',
      'A #emph[word], a #strong[strong] one, #raw("code"), \\$5 at \\@home \\<tag\\> \\/\\/ not a comment, 1 \\+ 1 \\= 2 \\- 0.',
      '\n12\\. is no list in Markdown, nor in Typst\n',
      'Line one#linebreak()line two',
      '#quote(block: true)[quoted]',
      '3. three\n4. four',
      '- bullet',
      'columns: 2',
      'align: (left, right,)',
      'table.header([#strong[A]], [#strong[B]])',
      '[a], [#link("https://example.com/x?y=\\"z\\"")[b]]',
    ];
    for (const part of expected) expect(source).toContain(part);
  });

  it('writes a second reference to a note as a reference to the first, and counts a note no reference uses', () => {
    const { source, footnotes, definitions } = markdownToTypst('One.[^a] Two.[^a]\n\n[^a]: The note.\n');
    expect([footnotes, definitions]).toEqual([1, 1]);
    expect(source).toContain('One.#footnote[The note.]<fn-a> Two.#footnote(<fn-a>)');
    // An unused note is not placed, so the two counts differ and the bench refuses the document.
    expect(markdownToTypst('One.\n\n[^other]: x\n')).toMatchObject({ footnotes: 0, definitions: 1 });
  });

  it.skipIf(!typstInstalled)('compiles with Typst when bench/peers/ holds it (`npm run bench -- --peers`)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'typst-markup-'));
    try {
      const typ = path.join(dir, 'in.typ');
      writeFileSync(typ, markdownToTypst(fixture('timeline/expected/alibaba-platforms-timeline.md')).source);
      execFileSync(process.execPath, [path.join(ROOT, 'bench/typst-compile.mjs'), typ, path.join(dir, 'out.pdf')]);
      expect(readFileSync(path.join(dir, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
