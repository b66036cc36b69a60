// Property: for random documents with BCI spans in every kind of node, no confidential string reaches any public
// output (Markdown, HTML, PDF text, metadata, bookmarks, every part of the Word document), and every span appears
// [bracketed] in the BC version.
import fc from 'fast-check';
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { bci, BC_MARKING, confidentialTexts, PUBLIC_MARKING, publicText } from '../../src/compose/bci.js';
import type { ComposedDocument } from '../../src/compose/index.js';
import { heading, link, list, paragraph, strong, table, text } from '../../src/compose/nodes.js';
import { documentVersions } from '../../src/compose/versions.js';
import { findLeaks } from '../../src/check/leaks.js';
import { readPdfText } from '../../src/check/pdf-text.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderDocumentPdf } from '../../src/render/pdf-document.js';
import { renderDocumentDocx } from '../../src/render/docx/document.js';
import type { Brief } from '../../src/schema/index.js';

/** Where a span is placed. */
const PLACES = ['paragraph', 'heading', 'table cell', 'footnote', 'list item', 'quote', 'link text', 'metric'] as const;
type Place = (typeof PLACES)[number];

/** A secret: made-up words no public text contains, sometimes with ordinary words and Markdown syntax mixed in. */
const secretArb = fc
  .tuple(
    fc.array(fc.stringMatching(/^[bcdfghjklmnpqrstvwxz]{3,9}$/), { minLength: 2, maxLength: 5 }),
    fc.constantFrom('', ' of 40 test purchases', ' *counterfeit* [x](y) | pipe', ' 31 of 40', ' `code` # not a heading'),
  )
  .map(([words, extra]) => `${words.join(' ')}${extra}`);

const spanArb = fc.record({ place: fc.constantFrom<Place>(...PLACES), secret: secretArb });

let footnotes = 0;
function footnote(root: Root, words: PhrasingContent[]): PhrasingContent {
  const identifier = String(++footnotes);
  root.children.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [paragraph(...words)] });
  return { type: 'footnoteReference', identifier, label: identifier };
}

/** A document holding each span at its place, among public text. */
function documentWith(spans: { place: Place; secret: string }[]): Root {
  footnotes = 0;
  const root: Root = { type: 'root', children: [] };
  const body: RootContent[] = [heading(1, 'Comments of the Example Association'), paragraph('Public introduction about Taobao and the review.')];
  for (const { place, secret } of spans) {
    const span = (): PhrasingContent => bci([text(secret)]);
    const blocks: Record<Place, () => RootContent[]> = {
      paragraph: () => [paragraph('Members report that ', span(), ' on the platform.', footnote(root, [link('https://example.org/public-source')]))],
      heading: () => [heading(3, 'Evidence on ', span())],
      'table cell': () => [table([[['Market'], ['Figure']], [['Taobao'], [span()]]])],
      footnote: () => [paragraph('A public sentence with a note.', footnote(root, [text('Note: '), span()]))],
      'list item': () => [list([['First public item.'], [text('A finding: '), span()]])],
      quote: () => [{ type: 'blockquote', children: [paragraph('“', span(), '”') as BlockContent] }],
      'link text': () => [paragraph('See ', link('https://example.org/report', span()), ' for details.')],
      metric: () => [list([[bci([strong(secret), text(' — test purchases found counterfeit.'), footnote(root, [text('Member data: '), text(secret)])])]])],
    };
    body.push(...blocks[place]());
  }
  root.children.unshift(...body);
  return root;
}

const brief = { id: 'example-2016-comment', kind: 'comment', filer: 'example', bci_justification: 'Commercially sensitive test data.' } as unknown as Brief;
const meta = { title: 'Comments of the Example Association', author: 'Example Association', subject: 'Docket No. USTR-2016-0013', keywords: ['Notorious Markets'], date: '2016-10-07', runningHeader: 'Example · Docket No. USTR-2016-0013' };

describe('BCI never reaches the public version', () => {
  it('holds for 200 random documents in Markdown and HTML, and for every 10th in PDF and DOCX too', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(spanArb, { minLength: 1, maxLength: 6 }), async (spans) => {
        run++;
        const root = documentWith(spans);
        const document: ComposedDocument = { root, meta };
        const [bc, pub] = documentVersions(document, brief, 'Example Association');
        expect(bc!.fileStem).toBe('BC-example-2016-comment');
        expect(pub!.fileStem).toBe('P-example-2016-comment');
        const secrets = confidentialTexts(root);
        expect(secrets.length).toBe(spans.length);
        const outputs = [
          { where: 'md', text: renderMarkdown(pub!.document.root) },
          { where: 'html', text: renderHtml(pub!.document.root, { title: pub!.document.meta.title }) },
          { where: 'file name', text: pub!.fileStem },
        ];
        if (run % 10 === 0) {
          const pdf = await readPdfText(await renderDocumentPdf(pub!.document, { pdfa: false, sourceName: 'test', markings: [PUBLIC_MARKING] }));
          outputs.push(...pdf.pages.map((page, i) => ({ where: `pdf page ${i + 1}`, text: page })));
          outputs.push({ where: 'pdf metadata', text: Object.values(pdf.info).map(String).join(' ') }, { where: 'pdf outline', text: pdf.outline.join(' ') });
          const docx = await renderDocumentDocx(pub!.document, { markings: [PUBLIC_MARKING] });
          outputs.push(...docx.text.parts.map(({ part, text }) => ({ where: `docx ${part}`, text })));
          expect(docx.text.parts.map((p) => p.part)).toEqual(expect.arrayContaining(['word/document.xml', 'word/footnotes.xml', 'docProps/core.xml', 'word/_rels/document.xml.rels']));
        }
        expect(findLeaks(secrets, publicText(root), outputs)).toEqual([]);
        // Belt and braces: no raw secret word of five or more letters appears in any public output.
        for (const word of secrets.flatMap((s) => s.split(/\s+/)).filter((w) => /^[bcdfghjklmnpqrstvwxz]{5,}$/.test(w))) {
          for (const output of outputs) expect(output.text.toLowerCase().includes(word), `${word} in ${output.where}`).toBe(false);
        }
        // The BC version shows every span, in brackets.
        const bcMarkdown = renderMarkdown(bc!.document.root);
        expect(bcMarkdown.startsWith(`${BC_MARKING}\n`)).toBe(true);
        for (const { secret } of spans) {
          const first = secret.split(' ')[0]!;
          expect(bcMarkdown).toMatch(new RegExp(`\\\\?\\[[*_]*${first}`));
        }
      }),
      { numRuns: 200, seed: 20161007 },
    );
    expect(run).toBe(200);
  }, 300_000);

  it('catches a leak: the check fails when a secret is put back into a public output', () => {
    const root = documentWith([{ place: 'paragraph', secret: 'zqwrt plmkv 31 of 40 test purchases' }]);
    const [, pub] = documentVersions({ root, meta }, brief, 'Example Association');
    const markdown = renderMarkdown(pub!.document.root);
    expect(findLeaks(confidentialTexts(root), publicText(root), [{ where: 'md', text: markdown }])).toEqual([]);
    const leaked = findLeaks(confidentialTexts(root), publicText(root), [{ where: 'md', text: `${markdown}\nplmkv 31 of 40` }]);
    expect(leaked).toHaveLength(1);
    expect('plmkv 31 of 40').toContain(leaked[0]!.fragment);
    expect(leaked[0]!.fragment.length).toBeGreaterThanOrEqual(8);
  });
});
