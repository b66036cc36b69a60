// DOCX renderer: renders tests/fixtures/render-pdf/filing.md (with the roles a composer sets) and reads the package
// back: Word styles named (not direct formatting), real footnotes, page geometry, furniture fields, document
// properties, East Asian hints, and fixed bytes (zip dates, entry order, relationship ids).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx, type DocxRenderOptions, type DocxText } from '../../src/render/docx/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/render-pdf/filing.md', import.meta.url));

function fixture(): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  const root = processor.runSync(processor.parse(readFileSync(FIXTURE, 'utf8'))) as Root;
  const setRole = (node: RootContent | undefined, role: string) => {
    if (node) node.data = { ...(node.data ?? {}), docketpress: { role } } as RootContent['data'];
  };
  ['caption', 'caption', 'caption', 'addressee', 're-line', 'date-line'].forEach((role, i) => setRole(root.children[i], role));
  for (const node of root.children.filter((n) => n.type === 'paragraph').slice(-3)) setRole(node, 'signature');
  return root;
}

const OPTIONS: DocxRenderOptions = {
  title: 'Comments of the Sample Apparel Association — 2016 Notorious Markets',
  author: 'Sample Apparel Association',
  subject: 'Docket No. USTR-2016-0013',
  keywords: ['notorious markets', 'USTR-2016-0013', 'Taobao & Tmall'],
  date: new Date('2016-10-07T12:00:00Z'),
  runningHeader: 'Sample Apparel Association · Docket No. USTR-2016-0013',
  markings: ['BUSINESS CONFIDENTIAL'],
  sampleNotice: 'SAMPLE — illustrative document built from public statements; not a real filing',
};

/** The zip's entries in file order, each with the DOS date and time stamped in its local header. */
function zipEntries(bytes: Uint8Array): Array<{ name: string; date: number; time: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: Array<{ name: string; date: number; time: number }> = [];
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    const size = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extra = view.getUint16(offset + 28, true);
    entries.push({ name: strFromU8(bytes.subarray(offset + 30, offset + 30 + nameLength)), time: view.getUint16(offset + 10, true), date: view.getUint16(offset + 12, true) });
    offset += 30 + nameLength + extra + size;
  }
  return entries;
}

describe('renderDocx', () => {
  let bytes: Uint8Array;
  let again: Uint8Array;
  let text: DocxText;
  let parts: Record<string, string>;
  let root: Root;

  beforeAll(async () => {
    root = fixture();
    ({ bytes, text } = await renderDocx(root, OPTIONS));
    again = (await renderDocx(fixture(), OPTIONS)).bytes;
    parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  });

  it('is byte-identical across renders, with every zip entry dated the document date, in a fixed order', () => {
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const entries = zipEntries(bytes);
    expect(entries.length).toBe(Object.keys(parts).length);
    expect(entries.slice(0, 2).map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    const rest = entries.slice(2).map((e) => e.name);
    expect(rest).toEqual([...rest].sort());
    // DOS date: (year - 1980) << 9 | month << 5 | day; time 12:00:00.
    for (const entry of entries) expect([entry.date, entry.time], entry.name).toEqual([((2016 - 1980) << 9) | (10 << 5) | 7, 12 << 11]);
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2016-10-07T12:00:00Z</dcterms:created>');
    expect(parts['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2016-10-07T12:00:00Z</dcterms:modified>');
    // docx draws hyperlink relationship ids at random; they are renamed in order.
    const ids = [...parts['word/_rels/document.xml.rels']!.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id) => !/^rId(Link)?\d+$/.test(id!))).toEqual([]);
    expect(ids.some((id) => id!.startsWith('rIdLink'))).toBe(true);
  });

  it('sets the document properties from the options', () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Comments of the Sample Apparel Association — 2016 Notorious Markets</dc:title>');
    expect(core).toContain('<dc:creator>Sample Apparel Association</dc:creator>');
    expect(core).toContain('<dc:subject>Docket No. USTR-2016-0013</dc:subject>');
    expect(core).toContain('<cp:keywords>notorious markets, USTR-2016-0013, Taobao &amp; Tmall</cp:keywords>');
    expect(text.properties).toContain('Taobao & Tmall');
  });

  it('returns the visible-text record: the text of every part, the header and footer parts, the properties', async () => {
    const { visible } = await renderDocx(fixture(), OPTIONS);
    expect(visible.layout).toBe('frames');
    expect(visible.parts).toEqual(text.parts);
    expect(visible.parts.map((p) => p.part)).toEqual(expect.arrayContaining(['word/document.xml', 'word/footnotes.xml', 'docProps/core.xml', 'word/_rels/document.xml.rels']));
    expect(visible.headers).toEqual(text.headers);
    expect(visible.footers).toEqual(text.footers);
    expect(visible.metadata).toMatchObject({ title: OPTIONS.title, creator: OPTIONS.author, subject: OPTIONS.subject, keywords: OPTIONS.keywords.join(', '), created: '2016-10-07T12:00:00Z' });
  });

  it('is US Letter with one-inch margins and a first-page header of its own', () => {
    const document = parts['word/document.xml']!;
    expect(document).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(document).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
    expect(document).toContain('<w:titlePg/>');
  });

  it('marks every header and footer, runs the header from page 2 and numbers pages with PAGE and NUMPAGES fields', () => {
    expect(text.headers).toHaveLength(2);
    expect(text.footers).toHaveLength(2);
    for (const part of [...text.headers, ...text.footers]) expect(part).toContain('BUSINESS CONFIDENTIAL');
    expect(text.headers.filter((h) => h.includes(OPTIONS.runningHeader))).toHaveLength(1);
    for (const footer of text.footers) expect(footer).toContain(OPTIONS.sampleNotice);
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(2);
    for (const [, xml] of footers) {
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(xml).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(xml).toMatch(/>Page <\/w:t>.*> of <\/w:t>/);
    }
  });

  it('names Word styles for every kind of block, and defines each one', () => {
    const document = parts['word/document.xml']!;
    const used = new Set([...document.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]!));
    for (const style of ['Heading1', 'Heading2', 'Heading3', 'Quote', 'ListBullet2', 'ListNumber', 'FilingCaption', 'Addressee', 'ReLine', 'DateLine', 'Signature', 'CodeBlock', 'TableText', 'TableHeading']) {
      expect(used, style).toContain(style);
    }
    const styles = parts['word/styles.xml']!;
    for (const style of [...used, 'FootnoteText', 'FootnoteReference', 'DocketTable', 'Title', 'Header', 'Footer', 'PageMarking']) expect(styles, style).toContain(`w:styleId="${style}"`);
    // Body text is Times New Roman 12 pt by the document defaults, not by direct formatting on each run.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman"\/><w:sz w:val="24"\/>/);
    expect(document).not.toMatch(/<w:sz w:val/);
    expect(document).not.toMatch(/w:ascii=/);
    expect(document).not.toMatch(/<w:jc w:val="both"/);
  });

  it('sets tables in the Docket Table style, the header row repeating on every page and no row split', () => {
    const document = parts['word/document.xml']!;
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table).toContain('<w:tblStyle w:val="DocketTable"/>');
      const rows = table.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
      for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    }
    expect(parts['word/styles.xml']).toMatch(/<w:tblStylePr w:type="firstRow">.*<w:tblHeader\/>/);
  });

  it('makes one real Word footnote per referenced definition, numbered by Word in order of reference', () => {
    const referenced: string[] = [];
    visit(root, 'footnoteReference', (node) => {
      if (!referenced.includes(node.identifier)) referenced.push(node.identifier);
    });
    expect(referenced.length).toBeGreaterThan(5);
    const references = [...parts['word/document.xml']!.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(references).toEqual(referenced.map((_, i) => i + 1));
    const notes = [...parts['word/footnotes.xml']!.matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/g)];
    expect(notes.map((m) => Number(m[1]))).toEqual(referenced.map((_, i) => i + 1));
    for (const [, , body] of notes) {
      expect(body).toContain('<w:pStyle w:val="FootnoteText"/>');
      expect(body).toContain('<w:footnoteRef/>');
    }
    expect(parts['word/endnotes.xml'] ?? '').not.toMatch(/<w:endnote w:id="[1-9]/);
    // Word repairs a file whose separator notes carry a note mark: they hold the separator rule alone.
    for (const part of ['word/footnotes.xml', 'word/endnotes.xml']) {
      const separators = parts[part]!.match(/<w:(?:footnote|endnote) w:type="(?:separator|continuationSeparator)".*?<\/w:(?:footnote|endnote)>/g) ?? [];
      expect(separators, part).toHaveLength(2);
      for (const separator of separators) {
        expect(separator).not.toMatch(/Ref\/>|Reference"/);
        expect(separator).toMatch(/<w:r><w:(separator|continuationSeparator)\/><\/w:r>/);
      }
    }
    expect(text.footnotes).toContain('81 Fed. Reg. 58,547');
  });

  it('hints East Asian runs and keeps Chinese and Cyrillic names', () => {
    const document = parts['word/document.xml']!;
    const hinted = [...document.matchAll(/<w:r><w:rPr>(?:<w:[^>]*>)*?<w:rFonts w:eastAsia="SimSun" w:hint="eastAsia"\/>.*?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)].map((m) => m[1]);
    for (const word of ['淘宝网', '拼多多', '天猫', '阿里巴巴', '百度网盘']) expect(hinted, word).toContain(word);
    expect(hinted.every((run) => /^[\p{Script=Han}]+$/u.test(run!))).toBe(true);
    for (const word of ['ВКонтакте', 'Брендовая одежда оптом']) expect(text.body).toContain(word);
  });

  it('shows every text run of the Markdown in its body or footnotes', () => {
    const shown = (text.body + text.footnotes).replace(/\s+/g, '');
    const missing: string[] = [];
    visit(root, (node) => {
      if ((node.type === 'text' || node.type === 'inlineCode') && node.value.trim() && !shown.includes(node.value.replace(/\s+/g, ''))) missing.push(node.value);
    });
    expect(missing).toEqual([]);
  });

  it('links web addresses only', async () => {
    const rels = parts['word/_rels/document.xml.rels']!;
    expect(text.links.length).toBeGreaterThan(0);
    for (const link of text.links) expect(link).toMatch(/^(https?|mailto):/);
    expect(rels).not.toMatch(/Target="javascript:/);
    const risky: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'click' }] }] }] };
    const rendered = await renderDocx(risky, OPTIONS);
    expect(rendered.text.links).toEqual([]);
    expect(rendered.text.body).toContain('click');
  });

  it('drops characters XML cannot hold, repeats a footnote number for a second reference, and keeps marks out of links', async () => {
    const note = (id: string, value: string): RootContent => ({ type: 'footnoteDefinition', identifier: id, label: id, children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] });
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: 'bell\u0007 and \uD800lone surrogate' }, { type: 'footnoteReference', identifier: 'a' }] },
        { type: 'paragraph', children: [{ type: 'link', url: 'https://example.org', children: [{ type: 'text', value: 'linked words' }, { type: 'footnoteReference', identifier: 'b' }] }, { type: 'text', value: ' again' }, { type: 'footnoteReference', identifier: 'a' }] },
        note('a', 'First note.'),
        note('b', 'Second note.'),
      ],
    };
    const rendered = await renderDocx(tree, { ...OPTIONS, markings: [] });
    const xml = Object.fromEntries(Object.entries(unzipSync(rendered.bytes)).map(([name, data]) => [name, strFromU8(data)]));
    expect(rendered.text.body).toContain('bell and lone surrogate');
    expect(xml['word/document.xml']).not.toMatch(/[\u0007\uD800]/);
    expect([...xml['word/document.xml']!.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['1', '2']);
    expect(xml['word/document.xml']).toMatch(/<w:hyperlink [^>]*>(?:(?!<\/w:hyperlink>).)*linked words(?:(?!<\/w:hyperlink>).)*<\/w:hyperlink><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="2"\/>/);
    expect(xml['word/document.xml']).toMatch(/<w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:t xml:space="preserve">1<\/w:t>/);
    expect(rendered.text.footnotes.split('\n')).toEqual([' First note.', ' Second note.']);
  });
});

describe('deterministicPackage', () => {
  it('packs the same bytes from docx’s compiled parts as from docx’s own zip file', async () => {
    const { Document, Packer, Paragraph, TextRun, ExternalHyperlink } = await import('docx');
    const { deterministicPackage } = await import('../../src/render/docx/package.js');
    const make = () =>
      new Document({
        title: 'Parts',
        sections: [{ children: [new Paragraph({ children: [new TextRun('Comments — 淘宝 “quoted”'), new ExternalHyperlink({ link: 'https://ustr.gov/', children: [new TextRun('USTR')] })] })] }],
      });
    const date = new Date('2026-10-05T00:00:00Z');
    const compiled = (Packer as unknown as { compiler: { compile(file: unknown): Map<string, string | Uint8Array> } }).compiler.compile(make());
    expect(compiled).toBeInstanceOf(Map);
    const fromParts = deterministicPackage({ files: compiled }, date);
    const fromZip = deterministicPackage({ zip: await Packer.toBuffer(make()) }, date);
    expect(Buffer.from(fromParts.bytes).equals(Buffer.from(fromZip.bytes))).toBe(true);
    expect([...fromParts.parts.keys()]).toEqual([...fromZip.parts.keys()]);
    expect(fromParts.parts.get('word/document.xml')).toContain('淘宝');
  });
});
