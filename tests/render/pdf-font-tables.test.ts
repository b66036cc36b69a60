// Every document pdfkit makes parses its fonts again; with the speed patches on, the parses of one bundled font
// file share its decoded tables (not its glyph cache), and a document rendered after others is byte for byte
// the document rendered first in a fresh process.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf, type PdfRenderOptions } from '../../src/render/pdf/index.js';
import { BASE_SERIF } from '../../src/render/pdf/fonts.js';
import { setSpeedups, speedupsEnabled } from '../../src/render/pdf/speedups.js';
import { requirePdfStack } from '../../src/render/pdf/stack.js';

// The stack's own copy (the build's bundle when there is one): the renderer's patches are on it.
const require = requirePdfStack;

const OPTIONS: PdfRenderOptions = {
  title: 'Font tables',
  author: 'Sample',
  subject: 'Docket No. USTR-0000-0000',
  keywords: [],
  creationDate: new Date('2020-01-01T00:00:00Z'),
  runningHeader: 'Sample · font tables',
};

function parse(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
}

interface FontkitFont {
  _tables: Record<string, unknown>;
  _glyphs: Record<string, unknown>;
  postscriptName: string;
}
interface PdfmakeDocument {
  provideFont(family: string, bold: boolean, italics: boolean): { font: FontkitFont };
}

/** A fresh pdfkit document as pdfmake makes one per layout, with the process's fonts. */
function pdfkitDocument(): PdfmakeDocument {
  const pdfmake = require('pdfmake') as { fonts: unknown; virtualfs: unknown; localAccessPolicy: unknown };
  const { default: PdfKitDocument } = require('pdfmake/js/PDFDocument.js') as { default: new (...args: unknown[]) => PdfmakeDocument };
  return new PdfKitDocument(pdfmake.fonts, {}, {}, {}, { autoFirstPage: false, font: null }, pdfmake.virtualfs, pdfmake.localAccessPolicy);
}

describe('font tables shared by the documents of a process', () => {
  const initially = speedupsEnabled();
  afterAll(() => setSpeedups(initially));

  const first = parse('# Tables\n\nBody text with *italics*, **bold**, `code` and 中文, and a note.[^1]\n\n[^1]: The note.\n');
  const other = parse('# Other\n\nDifferent words: Ærø, “quotes” — dashes, ½ and **more bold** text; 淘宝网.\n');

  it('give a document the same bytes after other documents as when rendered first', async () => {
    setSpeedups(true);
    const alone = await renderPdf(first, OPTIONS);
    await renderPdf(other, OPTIONS);
    await renderPdf(other, { ...OPTIONS, markings: ['PUBLIC VERSION'] });
    const after = await renderPdf(first, OPTIONS);
    expect(Buffer.from(after).equals(Buffer.from(alone))).toBe(true);
  });

  it('share decoded tables between parses of one file, each parse keeping its own glyph cache', async () => {
    setSpeedups(true);
    await renderPdf(first, OPTIONS);
    const a = pdfkitDocument().provideFont(BASE_SERIF, true, false).font;
    const b = pdfkitDocument().provideFont(BASE_SERIF, true, false).font;
    expect(a).not.toBe(b);
    expect(a.postscriptName).toBe(b.postscriptName);
    expect(a._tables).toBe(b._tables);
    expect(a._glyphs).not.toBe(b._glyphs);
  });

  it('with the speed patches off, parse every document’s fonts on their own', async () => {
    setSpeedups(false);
    await renderPdf(first, OPTIONS);
    const a = pdfkitDocument().provideFont(BASE_SERIF, false, true).font;
    const b = pdfkitDocument().provideFont(BASE_SERIF, false, true).font;
    expect(a.postscriptName).toBe(b.postscriptName);
    expect(a._tables).not.toBe(b._tables);
  });
});
