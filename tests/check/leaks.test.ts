// The leak check itself: what it finds (whole secrets, distinctive runs of words, in text, metadata, bookmarks and
// attributes), what it lets pass (words the public version says anyway), and that its work grows linearly.
import { describe, expect, it } from 'vitest';
import { findLeaks, htmlVisibleText, leakCheckWork, publicTexts, type VisibleText } from '../../src/check/leaks.js';

const none: VisibleText = { pages: [], paged: false, metadata: {}, bookmarks: [], attributes: [] };

describe('findLeaks', () => {
  it('finds a whole secret and a distinctive run of its words, whatever the punctuation or markup around them', () => {
    const secret = 'zqwrt plmkv: 31 of 40 test purchases were counterfeit';
    expect(findLeaks([secret], 'Public text about Taobao.', [{ where: 'md', text: 'Members found **ZQWRT plmkv** — 31 of 40 …' }])).toEqual([
      { where: 'md', secret, fragment: 'zqwrt plmkv' },
    ]);
    expect(findLeaks([secret], '', [{ where: 'pdf', text: 'were\ncounterfeit, they said' }])).toHaveLength(1);
  });

  it('lets pass words the public version says on purpose', () => {
    const secret = 'Taobao test purchases';
    expect(findLeaks([secret], 'Taobao test purchases are described in public.', [{ where: 'md', text: 'Taobao test purchases' }])).toEqual([]);
    // … but not a secret that only shares a word with the public text.
    expect(findLeaks(['Taobao xqvzr ledger'], 'Taobao is named in public.', [{ where: 'md', text: 'the xqvzr ledger' }])).toHaveLength(1);
  });

  it('reads metadata, bookmarks and attributes of every format', () => {
    const visible: VisibleText = { pages: ['clean page'], paged: true, metadata: { Title: 'Report on kqvzx figures' }, bookmarks: ['Results'], attributes: ['https://example.com/kqvzx-figures'] };
    const leaks = findLeaks(['kqvzx figures'], '', publicTexts('P-x.pdf', visible));
    expect(leaks.map((l) => l.where)).toEqual(['P-x.pdf metadata (Title)', 'P-x.pdf attributes']);
    const html = htmlVisibleText('<!doctype html><html><head><title>T</title></head><body><a href="https://e.com" title="the kqvzx figures">x</a> <img alt="AT&#x26;T kqvzx figures"></body></html>');
    expect(findLeaks(['kqvzx figures'], '', publicTexts('P-x.html', html)).map((l) => l.where)).toEqual(['P-x.html attributes']);
    expect(html.attributes).toContain('AT&T kqvzx figures');
    expect(findLeaks(['kqvzx figures'], '', publicTexts('P-x.md', none))).toEqual([]);
  });

  it('does work linear in the size of secrets, corpus and outputs', () => {
    // 3,000-word secrets against a corpus and outputs of the same size, then twice as much: the work doubles.
    const word = (i: number): string => `w${(i * 7919) % 100_003}x`;
    const run = (n: number): number => {
      const secret = Array.from({ length: n }, (_, i) => word(i)).join(' ');
      const corpus = Array.from({ length: n }, (_, i) => word(i + n)).join(' ');
      const output = `${corpus} ${Array.from({ length: n }, (_, i) => word(i + 2 * n)).join(' ')}`;
      const leaks = findLeaks([secret, secret.slice(0, secret.length / 2)], corpus, [{ where: 'a', text: output }, { where: 'b', text: secret }]);
      expect(leaks.map((l) => l.where)).toEqual(['b', 'b']);
      return leakCheckWork.steps;
    };
    const small = run(3_000);
    const large = run(6_000);
    expect(small).toBeGreaterThan(3_000);
    expect(large / small).toBeLessThan(2.2);
    expect(large / small).toBeGreaterThan(1.8);
  });
});
