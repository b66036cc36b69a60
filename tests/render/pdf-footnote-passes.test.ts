// PDF footnote placement cost: a footnote-heavy document (notes of very different lengths, several
// references per line, references in a table) is laid out in one full pdfmake pass, not one per
// page, and every note still lands on the page of its first reference, below it.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { layoutPasses } from '../../src/render/pdf/footnotes.js';
import { renderPdf, type PdfRenderOptions } from '../../src/render/pdf/index.js';
import { typesettingRounds } from '../../src/render/pdf/render.js';

const OPTIONS: PdfRenderOptions = {
  title: 'Footnote passes',
  author: 'Sample',
  subject: 'Docket No. USTR-0000-0000',
  keywords: [],
  creationDate: new Date('2020-01-01T00:00:00Z'),
  runningHeader: 'Sample · footnote passes',
  markings: ['PUBLIC VERSION'],
  sampleNotice: 'SAMPLE — synthetic test document',
};

/** A deterministic pseudo-random document: 60 paragraphs, ~90 notes, one table with references. */
function markdown(): string {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = (n: number) => Array.from({ length: n }, (_, i) => ['market', 'listing', 'seller', 'notice', 'takedown', 'brand'][(i * 7 + Math.floor(random() * 6)) % 6]).join(' ');
  const body: string[] = [];
  const notes: string[] = [];
  let note = 0;
  for (let p = 0; p < 60; p++) {
    let text = words(20 + Math.floor(random() * 80));
    const refs = Math.floor(random() * 3);
    for (let r = 0; r < refs; r++) {
      note += 1;
      text += ` ${words(3)}.[^n${note}]`;
      notes.push(`[^n${note}]: Note ${note} zq${note}x: ${words(5 + Math.floor(random() * (random() < 0.1 ? 160 : 30)))}.`);
    }
    body.push(text);
    if (p === 20) {
      note += 2;
      body.push(`| Market | Status |\n|---|---|\n| Alpha[^n${note - 1}] | listed |\n| Beta | removed[^n${note}] |`);
      notes.push(`[^n${note - 1}]: Note ${note - 1} zq${note - 1}x: table note.`, `[^n${note}]: Note ${note} zq${note}x: another table note.`);
    }
  }
  return `# Footnote passes\n\n${body.join('\n\n')}\n\n${notes.join('\n\n')}\n`;
}

function parse(text: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(text)) as Root;
}

describe('renderPdf footnote layout', () => {
  it('lays a footnote-heavy document out in one pass, each note on its reference’s page', async () => {
    const source = markdown();
    const count = (source.match(/^\[\^n\d+\]:/gm) ?? []).length;
    expect(count).toBeGreaterThan(40);
    const before = layoutPasses.count;
    const rounds = typesettingRounds.count;
    const bytes = await renderPdf(parse(source), OPTIONS);
    // One pass places every footnote; each typesetting round (a block moved to the next page) lays out once more.
    expect(layoutPasses.count - before).toBe(1 + typesettingRounds.count - rounds);

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    expect(doc.numPages).toBeGreaterThan(5);
    const refPage = new Map<number, number>();
    const notePage = new Map<number, number>();
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const annotations = (await page.getAnnotations()) as Array<{ subtype: string; dest?: unknown }>;
      for (const a of annotations) {
        const match = typeof a.dest === 'string' ? /^fn-(\d+)$/.exec(a.dest) : null;
        if (match && !refPage.has(Number(match[1]))) refPage.set(Number(match[1]), p);
      }
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      for (const match of text.matchAll(/zq(\d+)x/g)) notePage.set(Number(match[1]), p);
    }
    await doc.destroy();
    expect(refPage.size).toBe(count);
    for (let n = 1; n <= count; n++) expect(notePage.get(n), `note ${n}`).toBe(refPage.get(n));
  });
});
