// The BC version's opening: every reason for protection (justification and each span's own), the certification; the docket's prefix.
import { describe, expect, it } from 'vitest';
import { bci } from '../../src/compose/bci.js';
import { paragraph, text } from '../../src/compose/nodes.js';
import { documentVersions } from '../../src/compose/versions.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { ComposedDocument } from '../../src/compose/index.js';
import type { Brief } from '../../src/schema/index.js';

const brief = { id: 'ebc-2026-comment', kind: 'comment', filer: 'ebc', bci_justification: 'Members’ enforcement data.' } as unknown as Brief;

function documentWith(prefix?: 'BC' | 'BCI'): ComposedDocument {
  const root = { type: 'root' as const, children: [paragraph(text('Purchases: '), bci([text('31 of 40')], 'Sellers would learn which listings were found.'), text('; sellers: '), bci([text('12 reopened')]))] };
  return { root, meta: { title: 't', author: 'Example Brand Council', subject: 's', keywords: [], date: '2026-11-20', runningHeader: 'h', ...(prefix ? { bciPrefix: prefix } : {}) } };
}

describe('business-confidential version', () => {
  it('lists the brief’s justification and every span’s own reason, and certifies', () => {
    const [bc, pub] = documentVersions(documentWith(), brief);
    const markdown = renderMarkdown(bc!.document.root);
    expect(markdown).toContain('Members’ enforcement data.');
    expect(markdown).toContain('Sellers would learn which listings were found.');
    expect(markdown).toMatch(/Example Brand Council certifies that the information in \\\[brackets] is business confidential information, that it would not customarily be released to the public/);
    const publicMarkdown = renderMarkdown(pub!.document.root);
    expect(publicMarkdown).not.toContain('Sellers would learn');
    expect(publicMarkdown).not.toContain('certifies');
  });

  it('names the confidential file with the docket’s prefix, BC by default', () => {
    expect(documentVersions(documentWith(), brief).map((v) => v.fileStem)).toEqual(['BC-ebc-2026-comment', 'P-ebc-2026-comment']);
    expect(documentVersions(documentWith('BCI'), brief).map((v) => v.fileStem)).toEqual(['BCI-ebc-2026-comment', 'P-ebc-2026-comment']);
  });
});
