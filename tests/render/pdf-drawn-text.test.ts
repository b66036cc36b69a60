// What the PDF renderer says it drew equals what a reader (pdfjs) reads back from the bytes: page texts once
// whitespace is normalised, outline titles, and the information dictionary. The build relies on this to skip pdfjs.
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../helpers/pdf-text.js';
import { bci } from '../../src/compose/bci.js';
import type { ComposedDocument } from '../../src/compose/index.js';
import { heading, link, list, paragraph, strong, table, text } from '../../src/compose/nodes.js';
import { documentVersions } from '../../src/compose/versions.js';
import { renderDocumentPdf, renderDocumentPdfWithText } from '../../src/render/pdf-document.js';
import type { Brief } from '../../src/schema/index.js';

const normalise = (value: string): string => value.replace(/\s+/g, ' ').trim();

const meta = {
  title: 'Comments of the Example Association <&> “quoted”',
  author: 'Example Association',
  subject: 'Docket No. USTR-2016-0013',
  keywords: ['Notorious Markets', 'Taobao'],
  date: '2016-10-07',
  runningHeader: 'Example · Docket No. USTR-2016-0013',
};

/** A document with BCI spans in a paragraph, heading, table, footnote, list, quote and link, and many notes. */
function bciDocument(): Root {
  const root: Root = { type: 'root', children: [] };
  let notes = 0;
  const footnote = (...words: PhrasingContent[]): PhrasingContent => {
    const identifier = String(++notes);
    root.children.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [paragraph(...words)] });
    return { type: 'footnoteReference', identifier, label: identifier };
  };
  const span = (secret: string): PhrasingContent => bci([text(secret)]);
  const body: RootContent[] = [heading(1, 'Comments of the Example Association'), paragraph('Public introduction about Taobao and the review.')];
  for (let i = 0; i < 12; i++) {
    body.push(
      heading(2, `Section ${i + 1}: evidence on `, span(`zqv${i} secret`)),
      paragraph('Members report that ', span(`xkr${i} 31 of 40 test purchases`), ' were counterfeit on the platform, as the survey showed in detail across many listings and sellers over the year.', footnote(link('https://example.org/public-source'), text(' and a longer note that runs over more than one line of the footnote area at the foot of the page.'))),
      table([[['Market'], ['Figure']], [['Taobao'], [span(`mnb${i}`)]], [['淘宝网'], [text('removed'), footnote(text('Table note.'))]]]),
      list([['First public item with ', strong('bold'), ' text.'], [text('A finding: '), span(`plk${i}`)]]),
      { type: 'blockquote', children: [paragraph('“', span(`qwe${i}`), '” said a member, quoting `inline code` and 中文 words.') as BlockContent] },
      paragraph('See ', link('https://example.org/report', span(`rty${i}`)), ' for details.', footnote(text('Note with '), span(`uio${i}`))),
    );
  }
  root.children.unshift(...body);
  return root;
}

const brief = { id: 'example-2016-comment', kind: 'comment', filer: 'example', bci_justification: 'Commercially sensitive test data.' } as unknown as Brief;

function markdown(source: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(source)) as Root;
}

const plain = markdown(
  [
    '# A plain filing',
    '',
    'Body text with *emphasis*, **strong**, ~~struck~~ and `code`, a [link](https://example.org) and a note.[^a]',
    '',
    '```',
    'const code = "block";\n\tindented();',
    '```',
    '',
    '1. one\n2. two\n   - nested',
    '',
    '---',
    '',
    '## Second heading',
    '',
    'Line one  \nline two after a hard break. 阿里巴巴 and Ελληνικά and кириллица.',
    '',
    '[^a]: The note, with a [link](https://example.org/n).',
    '',
  ].join('\n'),
);

async function compare(document: ComposedDocument, options: { markings?: string[] }): Promise<void> {
  const { bytes, drawn } = await renderDocumentPdfWithText(document, { pdfa: false, sourceName: 'test', ...options });
  const read = await readPdfText(bytes);
  expect(drawn.pages.length).toBe(read.pages.length);
  drawn.pages.forEach((page, i) => expect(normalise(page), `page ${i + 1}`).toBe(normalise(read.pages[i] ?? '')));
  expect(drawn.outline).toEqual(read.outline);
  for (const [key, value] of Object.entries(drawn.info)) expect(read.info[key], key).toBe(value);
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate']) expect(drawn.info[key], key).toBeDefined();
  // Same bytes as the plain call.
  expect(Buffer.from(await renderDocumentPdf(document, { pdfa: false, sourceName: 'test', ...options })).equals(Buffer.from(bytes))).toBe(true);
}

describe('renderDocumentPdfWithText', () => {
  it('draws what pdfjs reads back: BC and public versions with markings, footnotes, tables and CJK', async () => {
    const document: ComposedDocument = { root: bciDocument(), meta };
    const [bc, pub] = documentVersions(document, brief, 'Example Association');
    expect(bc && pub).toBeTruthy();
    for (const version of [bc!, pub!]) {
      await compare(version.document, version.marking ? { markings: [version.marking] } : {});
    }
  });

  it('draws what pdfjs reads back: a plain filing with a sample notice, code, lists and scripts', async () => {
    await compare({ root: plain, meta: { ...meta, sampleNotice: 'SAMPLE — an illustrative document' } }, {});
  });
});
