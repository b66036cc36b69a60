// The table of contents: filled in from the headings after its marker; left out of short filings unless asked for.
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { bci } from '../../src/compose/bci.js';
import { heading, paragraph, text } from '../../src/compose/nodes.js';
import { fillToc, TOC_HEADING_THRESHOLD, tocMarker } from '../../src/compose/toc.js';

function filing(forced: boolean, sections: number): Root {
  const body: RootContent[] = [];
  for (let i = 1; i <= sections; i++) body.push(heading(2, `Section ${i}`), paragraph('Words.'));
  return { type: 'root', children: [heading(1, 'Comments'), tocMarker(forced), ...body] };
}

const links = (root: Root): string[] => {
  const urls: string[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[] }): void => {
    if (node.type === 'link' && node.url) urls.push(node.url);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(root);
  return urls;
};

describe('table of contents', () => {
  it('is left out of a short filing that does not ask for it', () => {
    const root = filing(false, TOC_HEADING_THRESHOLD - 1);
    fillToc(root);
    expect(root.children.some((n) => n.type === 'heading' && toString(n) === 'Contents')).toBe(false);
    expect(links(root)).toEqual([]);
  });

  it(`is on by default from ${TOC_HEADING_THRESHOLD} headings, each linked by its GitHub anchor`, () => {
    const root = filing(false, TOC_HEADING_THRESHOLD);
    fillToc(root);
    expect(toString(root.children[1]!)).toBe('Contents');
    expect(links(root)).toEqual(Array.from({ length: TOC_HEADING_THRESHOLD }, (_, i) => `#section-${i + 1}`));
  });

  it('`toc: true` lists even one heading; a heading with confidential words is never listed', () => {
    const root = filing(true, 1);
    root.children.push(heading(2, 'About ', bci([text('secret plan')])));
    fillToc(root);
    expect(links(root)).toEqual(['#section-1']);
    expect(JSON.stringify(root.children[2])).not.toContain('secret');
  });
});
