// PDF renderer: renders tests/fixtures/render-pdf/filing.md and reads the PDF back with pdfjs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderError, renderPdf, type PdfRenderOptions } from '../../src/render/pdf/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/render-pdf/filing.md', import.meta.url));

function parse(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(markdown)) as Root;
}

function setRole(node: RootContent | undefined, role: string): void {
  if (node) node.data = { ...(node.data ?? {}), docketpress: { role } } as RootContent['data'];
}

/** The fixture with the layout roles a composer would set (caption, addressee, …, signature). */
function fixture(): Root {
  const root = parse(readFileSync(FIXTURE, 'utf8'));
  const roles = ['caption', 'caption', 'caption', 'addressee', 're-line', 'date-line'];
  roles.forEach((role, i) => setRole(root.children[i], role));
  const paragraphs = root.children.filter((node) => node.type === 'paragraph');
  for (const node of paragraphs.slice(-3)) setRole(node, 'signature');
  return root;
}

const OPTIONS: PdfRenderOptions = {
  title: 'Comments of the Sample Apparel Association — 2016 Notorious Markets',
  author: 'Sample Apparel Association',
  subject: 'Docket No. USTR-2016-0013',
  keywords: ['notorious markets', 'USTR-2016-0013', 'Taobao & Tmall'],
  creationDate: new Date('2016-10-07T00:00:00Z'),
  runningHeader: 'Sample Apparel Association · Docket No. USTR-2016-0013',
  markings: ['BUSINESS CONFIDENTIAL'],
  sampleNotice: 'SAMPLE — illustrative document built from public statements; not a real filing',
  sourceName: 'tests/fixtures/render-pdf/filing.md',
};

interface TextItem {
  str: string;
  x: number;
  y: number;
  height: number;
}

interface PageInfo {
  items: TextItem[];
  /** Text items joined into lines (same baseline), top to bottom. */
  lines: TextItem[];
  text: string;
  view: number[];
  links: Array<{ url?: string; dest?: unknown; rect: number[] }>;
}

interface ReadPdf {
  pages: PageInfo[];
  info: Record<string, unknown>;
  outline: OutlineNode[];
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: PageInfo[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, height: item.height });
      text += item.str + (item.hasEOL ? ' ' : '');
    }
    // Reading order: cluster items into lines (a superscript sits < 6 pt above its baseline),
    // top to bottom, each line left to right.
    const sorted = items.filter((item) => item.str).sort((a, b) => b.y - a.y);
    const clusters: TextItem[][] = [];
    for (const item of sorted) {
      const last = clusters[clusters.length - 1];
      const lowest = last?.[last.length - 1];
      if (last && lowest && lowest.y - item.y < 6) last.push(item);
      else clusters.push([item]);
    }
    const lines = clusters.map((row) => {
      const ordered = [...row].sort((a, b) => a.x - b.x);
      const base = row.reduce((low, item) => (item.y < low.y ? item : low));
      return { ...base, x: (ordered[0] as TextItem).x, str: ordered.map((i) => i.str).join('') };
    });
    text = lines.map((line) => line.str).join(' ');
    const annotations = (await page.getAnnotations()) as Array<{ subtype: string; url?: string; dest?: unknown; rect: number[] }>;
    pages.push({ items, lines, text, view: page.view, links: annotations.filter((a) => a.subtype === 'Link') });
  }
  const metadata = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []) as unknown as OutlineNode[];
  await doc.destroy();
  return { pages, info: metadata.info as Record<string, unknown>, outline };
}

/** Whitespace removed: line breaks may fall at any space. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** `value` is on one page, or starts at the end of one page's text and continues on the next. */
function appearsInPdf(value: string, pages: PageInfo[]): boolean {
  const wanted = squash(value);
  const texts = pages.map((page) => squash(page.text));
  for (let p = 0; p < texts.length; p++) {
    const here = texts[p] as string;
    if (here.includes(wanted)) return true;
    const next = texts[p + 1];
    if (next === undefined) continue;
    for (let k = wanted.length - 1; k > 0; k--) {
      if (here.includes(wanted.slice(0, k)) && next.includes(wanted.slice(k))) return true;
    }
  }
  return false;
}

describe('renderPdf', () => {
  let root: Root;
  let bytes: Uint8Array;
  let again: Uint8Array;
  let pdf: ReadPdf;

  beforeAll(async () => {
    root = fixture();
    bytes = await renderPdf(root, OPTIONS);
    again = await renderPdf(fixture(), OPTIONS);
    pdf = await readPdf(bytes);
  });

  it('is a US Letter PDF of three or more pages', () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pdf.pages) expect(page.view).toEqual([0, 0, 612, 792]);
  });

  it('is byte-identical across renders of the same input', () => {
    expect(again.length).toBe(bytes.length);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });

  it('contains every text run of the Markdown', () => {
    const values: string[] = [];
    visit(root, (node) => {
      if ((node.type === 'text' || node.type === 'inlineCode') && node.value.trim()) values.push(node.value);
    });
    expect(values.length).toBeGreaterThan(100);
    const missing = values.filter((value) => !appearsInPdf(value, pdf.pages));
    expect(missing).toEqual([]);
  });

  it('draws Chinese and Cyrillic names', () => {
    const all = pdf.pages.map((page) => page.text).join(' ');
    for (const word of ['淘宝网', '天猫', '阿里巴巴', '拼多多', '抖音商城', '微信', '百度网盘', '敦煌网', '微店', 'ВКонтакте']) {
      expect(all).toContain(word);
    }
  });

  it('has one outline entry per heading, nested by depth, in order', () => {
    interface Expected {
      title: string;
      depth: number;
      items: Expected[];
    }
    const top: Expected[] = [];
    const stack: Expected[] = [];
    visit(root, 'heading', (node: Heading) => {
      const entry: Expected = { title: toString(node), depth: node.depth, items: [] };
      while (stack.length && (stack[stack.length - 1] as Expected).depth >= node.depth) stack.pop();
      (stack.length ? (stack[stack.length - 1] as Expected).items : top).push(entry);
      stack.push(entry);
    });
    const strip = (nodes: Array<Expected | OutlineNode>): unknown =>
      nodes.map((node) => ({ title: node.title, items: strip(node.items) }));
    expect(top.length).toBeGreaterThan(1);
    expect(strip(pdf.outline)).toEqual(strip(top));
  });

  it('sets the document metadata', () => {
    expect(pdf.info['Title']).toBe(OPTIONS.title);
    expect(pdf.info['Author']).toBe(OPTIONS.author);
    expect(pdf.info['Subject']).toBe(OPTIONS.subject);
    expect(pdf.info['Keywords']).toBe(OPTIONS.keywords.join(', '));
    expect(pdf.info['Creator']).toBe('docketpress');
    expect(pdf.info['CreationDate']).toBe('D:20161007000000Z');
    expect(pdf.info['ModDate']).toBe('D:20161007000000Z');
  });

  it('numbers pages "Page X of Y" and prints the running header from page 2', () => {
    const count = pdf.pages.length;
    pdf.pages.forEach((page, i) => {
      expect(page.text).toContain(`Page ${i + 1} of ${count}`);
      const hasHeader = page.text.includes(OPTIONS.runningHeader);
      expect(hasHeader).toBe(i > 0);
    });
  });

  it('prints the markings at the top and bottom of every page, and the sample notice on every page', () => {
    for (const page of pdf.pages) {
      const marks = page.lines.filter((line) => line.str.includes('BUSINESS CONFIDENTIAL'));
      expect(marks.some((item) => item.y > 792 - 72)).toBe(true);
      expect(marks.some((item) => item.y < 72)).toBe(true);
      expect(squash(page.text)).toContain(squash(OPTIONS.sampleNotice ?? ''));
    }
  });

  it('puts each footnote on the page of its first reference', () => {
    const definitions = root.children.filter((node) => node.type === 'footnoteDefinition');
    // Number footnotes in order of first reference, as GFM does.
    const order: string[] = [];
    visit(root, (node) => {
      if (node.type === 'footnoteDefinition') return 'skip';
      if (node.type === 'footnoteReference' && !order.includes(node.identifier)) order.push(node.identifier);
      return undefined;
    });
    expect(order.length).toBeGreaterThanOrEqual(12);
    const pagesWithNotes = new Set<number>();
    order.forEach((identifier, index) => {
      const n = index + 1;
      const definition = definitions.find((d) => d.type === 'footnoteDefinition' && d.identifier === identifier);
      const noteText = squash(toString(definition));
      const notePages = pdf.pages.flatMap((page, p) => (squash(page.text).includes(noteText) ? [p] : []));
      expect(notePages, `footnote ${n} text`).toHaveLength(1);
      const notePage = notePages[0] as number;
      // The reference is a superscript number linked to the note.
      const refPages = pdf.pages.flatMap((page, p) => (page.links.some((link) => link.dest === `fn-${n}`) ? [p] : []));
      expect(refPages[0], `footnote ${n} reference`).toBe(notePage);
      const page = pdf.pages[notePage] as PageInfo;
      const sup = page.items.filter((item) => item.str === String(n) && item.height > 0 && item.height < 8);
      expect(sup.length, `superscript ${n}`).toBeGreaterThanOrEqual(2); // in the text and before the note
      // The note sits below the reference.
      const link = page.links.find((l) => l.dest === `fn-${n}`);
      const noteStart = page.lines.find((line) => squash(line.str).startsWith(`${n}${noteText.slice(0, 12)}`));
      expect(link && noteStart && (link.rect[1] ?? 0) > noteStart.y, `footnote ${n} below its reference ${JSON.stringify([link?.rect, noteStart])}`).toBe(true);
      pagesWithNotes.add(notePage);
    });
    expect(pagesWithNotes.size).toBeGreaterThanOrEqual(3);
  });

  it('links URLs with link annotations', () => {
    const urls = pdf.pages.flatMap((page) => page.links.map((link) => link.url).filter(Boolean));
    expect(urls).toContain('https://ustr.gov/issue-areas/enforcement/notorious-markets');
    expect(urls).toContain('https://www.regulations.gov/document/USTR-2015-0016-0010');
  });

  it('embeds every font (no standard fonts)', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    const descriptors = raw.match(/\/Type \/FontDescriptor[\s\S]*?>>/g) ?? [];
    expect(descriptors.length).toBeGreaterThan(2);
    for (const descriptor of descriptors) expect(descriptor).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
  });
});

describe('renderPdf errors', () => {
  const small: PdfRenderOptions = { ...OPTIONS, markings: undefined, sampleNotice: undefined };

  it('refuses a character no bundled font has, naming it and its place', async () => {
    const root = parse('# Title\n\nHello 😀 world.\n');
    const error = await renderPdf(root, small).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRenderError);
    const e = error as PdfRenderError;
    expect(e.ruleId).toBe('pdf-missing-glyph');
    expect(e.message).toContain('U+1F600 "😀"');
    expect(e.line).toBe(3);
    expect(e.column).toBe(7);
    expect(e.file).toBe(small.sourceName);
  });

  it('refuses U+10FFFD in a footnote', async () => {
    const root = parse('Text.[^a]\n\n[^a]: Bad \u{10FFFD} char.\n');
    const error = await renderPdf(root, small).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRenderError);
    expect((error as PdfRenderError).ruleId).toBe('pdf-missing-glyph');
    expect((error as PdfRenderError).message).toContain('U+10FFFD');
    expect((error as PdfRenderError).line).toBe(3);
  });

  it('refuses a character no font has in the page furniture', async () => {
    const error = await renderPdf(parse('Text.\n'), { ...small, runningHeader: 'Header 😀' }).catch((e: unknown) => e);
    expect((error as PdfRenderError).ruleId).toBe('pdf-missing-glyph');
    expect((error as PdfRenderError).message).toContain('running header');
  });

  it('refuses a footnote reference without a definition', async () => {
    const root: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'See' },
            {
              type: 'footnoteReference',
              identifier: 'x',
              label: 'x',
              position: { start: { line: 4, column: 4 }, end: { line: 4, column: 8 } },
            },
          ],
        },
      ],
    };
    const error = await renderPdf(root, small).catch((e: unknown) => e);
    expect((error as PdfRenderError).ruleId).toBe('pdf-missing-footnote');
    expect((error as PdfRenderError).line).toBe(4);
  });
});

describe('renderPdf PDF/A-2b', () => {
  it('writes PDF/A identification, an output intent and escaped XMP metadata', async () => {
    const root = parse('# Heading\n\nA short filing with a note.[^1]\n\n[^1]: The note.\n');
    const bytes = await renderPdf(root, { ...OPTIONS, pdfa: true });
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/OutputIntents \[/);
    expect(raw).toContain('<rdf:li>Taobao &amp; Tmall</rdf:li>');
    expect(raw).toContain('<xmp:ModifyDate>2016-10-07T00:00:00Z</xmp:ModifyDate>');
    const pdf = await readPdf(bytes);
    expect(pdf.info['Title']).toBe(OPTIONS.title);
    expect(pdf.pages[0]?.text).toContain('The note.');
  });
});
