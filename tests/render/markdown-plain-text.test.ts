// The Markdown writer's shortcut for plain text: wherever a text node sits and whatever it holds, the output
// equals what full escaping writes — and real documents mostly take the shortcut.
import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { isPlainText, renderMarkdown, renderMarkdownSlowly } from '../../src/render/markdown.js';

const t = (value: string): PhrasingContent => ({ type: 'text', value });

/** The text, alone and beside every kind of neighbour, in every container a document uses. */
function places(value: string): Root[] {
  const phrasings: PhrasingContent[][] = [
    [t(value)],
    [t(value), { type: 'emphasis', children: [t('x')] }],
    [{ type: 'strong', children: [t(value)] }, t(value)],
    [{ type: 'emphasis', children: [t(value)] }],
    [{ type: 'link', url: 'https://example.org/', children: [t(value)] }, t(value)],
    [t(value), { type: 'footnoteReference', identifier: '1', label: '1' }],
    [t(value), { type: 'inlineCode', value: 'c' }, t(value)],
    [t(value), { type: 'break' }, t(value)],
    [t('2016'), t(value)],
    [{ type: 'footnoteReference', identifier: '1', label: '1' }, t(value)],
    [{ type: 'emphasis', children: [t('x')] }, t(value), { type: 'strong', children: [t('y')] }],
    [t('In 2016'), t(value), t('1')],
  ];
  const blocks = (children: PhrasingContent[]): RootContent[] => [
    { type: 'paragraph', children },
    { type: 'heading', depth: 2, children },
    { type: 'blockquote', children: [{ type: 'paragraph', children }] },
    { type: 'list', ordered: true, start: 1, children: [{ type: 'listItem', children: [{ type: 'paragraph', children }] }] },
    { type: 'list', ordered: false, children: [{ type: 'listItem', children: [{ type: 'paragraph', children }] }] },
    { type: 'table', align: [null, null], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children }, { type: 'tableCell', children: [t('b')] }] }] },
    { type: 'footnoteDefinition', identifier: '1', label: '1', children: [{ type: 'paragraph', children }] },
  ];
  return phrasings.flatMap((children) => blocks(children).map((block): Root => ({ type: 'root', children: [block, { type: 'paragraph', children: [t('end')] }] })));
}

/** Characters to build text from: plain ones, and every one Markdown may give a meaning to. */
const PLAIN = [...'aAwW1 2.,;?%$/\'"’“—é淘宝()+=-', ': ', 'word', 'w.', '.', ' .', ' (', '1.', '- '];
const SPECIAL = [...'!#&*:<>@[\\]^_`{|}~\t\n', '  ', 'www.', 'http://', '1)', '# ', '> '];
const piece = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) });

describe('plain text shortcut in the Markdown writer', () => {
  it('writes exactly what full escaping writes, in every construct', () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (parts) => {
        const value = parts.join('');
        if (isPlainText(value)) plain++;
        for (const root of places(value)) expect(renderMarkdown(root)).toBe(renderMarkdownSlowly(root));
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(plain).toBeGreaterThan(50); // the shortcut itself was exercised
  });

  it('takes the shortcut for ordinary prose and not for what needs escaping', () => {
    expect(isPlainText('Headquartered in the United States, Alibaba’s platform')).toBe(true);
    expect(isPlainText('Taobao (淘宝网): listed 2011–2012, e-commerce')).toBe(true);
    expect(isPlainText('. Then')).toBe(true);
    for (const value of ['1. first', '(aside)', '- item', ' leading', 'trailing ', 'two  spaces', '*x*', 'a_b', 'see www.example.org', 'line\nbreak', 'a:b', 'ends:', '']) {
      expect(isPlainText(value), value).toBe(false);
    }
  });
});
