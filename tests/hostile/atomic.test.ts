// Nothing half-written: when a brief's PDF cannot be rendered (a character no bundled font draws), the build
// writes nothing for that brief, keeps the files of the previous build intact, leaves no temp file behind,
// still builds the other briefs, exits 1, and names the brief, the character and where it is written.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { assembleCase, BASE, fileHashes, messagesOf, placeProblems, scratchDir } from './helpers.js';

const scratch = scratchDir('atomic');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ARGS = ['build', '--out', 'out', '--data', 'data', '--briefs', 'briefs', '--templates', 'templates'];

describe('a failed build keeps the previous outputs', () => {
  it('keeps the previous PDF, writes no temp file, builds the other briefs and points at the character', async () => {
    const dir = path.join(scratch, 'emoji');
    assembleCase(BASE, dir);
    const first = await cli(ARGS, dir);
    expect(first.code, first.stderr).toBe(0);
    const before = fileHashes(path.join(dir, 'out'));
    expect([...before.keys()].sort()).toEqual(
      ['base-comment/.docketpress-files.json', 'base-comment/base-comment.docx', 'base-comment/base-comment.md', 'base-comment/base-comment.pdf', 'base-timeline/.docketpress-files.json', 'base-timeline/base-timeline.html', 'base-timeline/base-timeline.md', 'base-timeline/base-timeline.pdf'].map((f) => path.normalize(f)),
    );

    // The timeline's introduction gains a character no bundled font covers; the comment changes too.
    const timeline = path.join(dir, 'briefs/base-timeline.yaml');
    writeFileSync(timeline, readFileSync(timeline, 'utf8').replace('The record of Example Market.', 'The record of Example Market \u{1F600}.'));
    const comment = path.join(dir, 'briefs/base-comment.yaml');
    writeFileSync(comment, readFileSync(comment, 'utf8').replace('USTR should list Example Market.', 'USTR should list Example Market now.'));
    const mtimes = new Map([...before.keys()].map((f) => [f, statSync(path.join(dir, 'out', f)).mtimeMs]));

    const second = await cli(ARGS, dir);
    expect(second.code).toBe(1);
    const { messages, strays } = messagesOf(second.stderr);
    expect(strays).toEqual([]);
    expect(messages).toEqual([
      'briefs/base-timeline.yaml:6:32: error brief `base-timeline` was not built: no bundled font has a glyph for U+1F600 "\u{1F600}": the PDF would show a blank; remove the character or replace it with text in a covered script (Latin, Greek, Cyrillic, Hebrew, Chinese) [pdf-missing-glyph]',
    ]);
    expect(placeProblems(messages, dir)).toEqual([]);
    expect(second.stderr).toContain('not built: base-timeline');

    const after = fileHashes(path.join(dir, 'out'));
    expect([...after.keys()].filter((f) => /\.tmp$|^\.|[/\\]\./.test(f) && !f.endsWith('.docketpress-files.json')), 'no temp files').toEqual([]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const file of ['base-timeline/base-timeline.md', 'base-timeline/base-timeline.pdf', 'base-timeline/base-timeline.html'].map((f) => path.normalize(f))) {
      expect(after.get(file), `${file} is the previous build's`).toBe(before.get(file));
      expect(statSync(path.join(dir, 'out', file)).mtimeMs, `${file} was not rewritten`).toBe(mtimes.get(file));
    }
    // The other brief was built again, with its change.
    expect(after.get(path.normalize('base-comment/base-comment.md'))).not.toBe(before.get(path.normalize('base-comment/base-comment.md')));
    expect(readFileSync(path.join(dir, 'out/base-comment/base-comment.md'), 'utf8')).toContain('USTR should list Example Market now.');
  }, 90_000);

  it('names a character found only in the data at its line and column there', async () => {
    const dir = path.join(scratch, 'emoji-in-data');
    assembleCase(BASE, dir);
    const events = path.join(dir, 'data/events.yaml');
    writeFileSync(events, readFileSync(events, 'utf8').replace('about Example Market.', 'about Example Market \u{1F4E6}.'));
    const result = await cli([...ARGS, 'base-timeline', '--format', 'pdf'], dir);
    expect(result.code).toBe(1);
    const { messages } = messagesOf(result.stderr);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^data\/events\.yaml:8:66: error brief `base-timeline` was not built: no bundled font has a glyph for U\+1F4E6 /);
    expect(placeProblems(messages, dir)).toEqual([]);
  }, 60_000);

  it('never writes outside the output folder for a brief id given on the command line', async () => {
    const dir = path.join(scratch, 'positional');
    assembleCase(BASE, dir);
    for (const id of ['../../evil', '/tmp/evil', 'base-timeline/../../evil', '..']) {
      const result = await cli([...ARGS, id], dir);
      expect(result.code, id).toBe(2);
      expect(result.stderr, id).toMatch(/^docketpress: unknown brief `/);
    }
    expect(readdirSync(dir).sort()).toEqual(['briefs', 'data', 'templates']);
  });
});
