// The leak check itself: what it finds (whole secrets, distinctive runs of words, in text, metadata, bookmarks and
// attributes), what it lets pass (words the public version says anyway), and that its work grows linearly.
import { describe, expect, it } from 'vitest';
import { findLeaks, leakCheckWork, publicTexts, type VisibleText } from '../../src/check/leaks.js';


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

  it('reads every layout: pages, metadata, bookmarks, flowing text with its attributes, the parts of a package', () => {
    const pdf: VisibleText = { layout: 'pages', pages: ['clean page', 'the kqvzx figures'], metadata: { Title: 'Report on kqvzx figures' }, bookmarks: ['Results', 'kqvzx figures'] };
    expect(findLeaks(['kqvzx figures'], '', publicTexts('P-x.pdf', pdf)).map((l) => l.where)).toEqual(['P-x.pdf, page 2', 'P-x.pdf metadata (Title)', 'P-x.pdf bookmarks']);
    const html: VisibleText = { layout: 'flow', text: '<p>clean</p><img alt="AT&#x26;T kqvzx&#32;figures">', ends: { first: 'clean', last: 'clean' }, metadata: { title: 'T' }, bookmarks: [] };
    expect(findLeaks(['AT&T kqvzx figures'], 'AT x26 T', publicTexts('P-x.html', html))).toEqual([expect.objectContaining({ where: 'P-x.html', secret: 'AT&T kqvzx figures' })]);
    const docx: VisibleText = { layout: 'frames', parts: [{ part: 'word/document.xml', text: 'clean' }, { part: 'word/footer2.xml', text: 'Page 1 kqvzx figures' }], headers: [], footers: [], metadata: {}, bookmarks: [] };
    expect(findLeaks(['kqvzx figures'], '', publicTexts('P-x.docx', docx)).map((l) => l.where)).toEqual(['P-x.docx, word/footer2.xml']);
    expect(findLeaks(['kqvzx figures'], 'the kqvzx figures are public', publicTexts('P-x.pdf', pdf))).toEqual([]);
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
