// Latin words shaped from build-time tables (src/render/pdf/latin-shaping.ts) are shaped exactly as fontkit shapes
// them: for every word pdfkit lays out in every sample document and for a generated list (ASCII, Latin-1, digits,
// punctuation, every kerning pair), the same glyphs, code points, positions and width as pdfkit's own layoutRun;
// the tables `npm run build` wrote are the ones derived here; and every sample's PDF is the same bytes either way.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decompress } from 'wawoff2';
import { composeBrief } from '../../src/compose/index.js';
import { documentVersions } from '../../src/compose/versions.js';
import type { ComposedDocument } from '../../src/document/document.js';
import { loadBriefs } from '../../src/load/briefs.js';
import { loadDataset } from '../../src/load/dataset.js';
import { deriveShapingTable, GLYPH_ENTRY, PAIR_ENTRY, type FontkitFontLike, type ShapingTable, type UnicodeLike } from '../../src/render/pdf/latin-shaping-tables.js';
import { faceShaper, readShapingTable, shapeWord, SHAPING_TABLES_DIR, type GlyphSource, type ShapedRun } from '../../src/render/pdf/latin-shaping.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is tested here. */
const SAMPLE = sampleProject('latin-shaping');
afterAll(() => rmSync(SAMPLE, { recursive: true, force: true }));
const nodeRequire = createRequire(import.meta.url);
// node_modules' own pdfkit and fontkit, untouched by the renderer's patches: the reference shaping.
const fontkit = nodeRequire('fontkit') as { create(bytes: Uint8Array): FontkitFontLike };
const unicode = createRequire(nodeRequire.resolve('fontkit'))('unicode-properties') as UnicodeLike;
const FONTKIT_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(nodeRequire.resolve('fontkit')), '..', 'package.json'), 'utf8')) as { version: string }).version;
const PDFDocument = nodeRequire('pdfkit') as new (options?: object) => { font(src: Uint8Array): { _font: ReferenceFont } };

/** pdfkit's EmbeddedFont as far as the comparison goes. */
interface ReferenceFont {
  font: GlyphSource;
  scale: number;
  layoutRun(text: string): ShapedRun;
}

interface Sample {
  name: string;
  document: ComposedDocument;
  options: { pdfa: boolean; sourceName: string; markings?: string[] };
}

async function samples(): Promise<Sample[]> {
  const { dataset } = await loadDataset(path.join(SAMPLE, 'data'));
  const { briefs } = await loadBriefs(path.join(SAMPLE, 'briefs'));
  const result: Sample[] = [];
  for (const loaded of briefs) {
    const { document } = await composeBrief(loaded, dataset, { templatesDir: path.join(SAMPLE, 'templates') });
    if (!document) throw new Error(`${loaded.brief.id} did not compose`);
    for (const version of documentVersions(document, loaded.brief, 'the filer')) {
      const options = { pdfa: false, sourceName: loaded.file.name, ...(version.marking ? { markings: [version.marking] } : {}) };
      result.push({ name: version.fileStem, document: version.document, options });
    }
  }
  return result;
}

interface Rendered {
  bytes: Map<string, Buffer>;
  /** Texts pdfkit laid out (each once per face: its word cache is shared), by the face's file stem. */
  words: Map<string, Set<string>>;
  /** Font bytes by face. */
  faces: Map<string, Buffer>;
  /** How many of the layouts came from a table (not from fontkit). */
  fromTables: number;
}

/** Every sample rendered by a fresh copy of the renderer (fresh modules: no word cache, no patches yet). */
async function renderSamples(list: Sample[], latinShaping: boolean): Promise<Rendered> {
  vi.resetModules();
  const shaping = await import('../../src/render/pdf/latin-shaping.js');
  const { renderDocumentPdf } = await import('../../src/render/pdf-document.js');
  const { renderPdf } = await import('../../src/render/pdf/index.js');
  const { BASE_SERIF, preloadedFonts } = await import('../../src/render/pdf/fonts.js');
  const { requirePdfStack } = await import('../../src/render/pdf/stack.js');
  shaping.setLatinShaping(latinShaping);
  // A first render installs the renderer's patches; then every layout pdfkit asks for is recorded.
  const first = list[0] as Sample;
  await renderPdf(first.document.root, { title: 'x', author: 'x', subject: 'x', keywords: [], creationDate: new Date(0), runningHeader: 'x' });
  const pdfmake = requirePdfStack('pdfmake') as { fonts: unknown; virtualfs: unknown; localAccessPolicy: unknown };
  const { default: PdfKitDocument } = requirePdfStack('pdfmake/js/PDFDocument.js') as {
    default: new (...args: unknown[]) => { provideFont(family: string, bold: boolean, italics: boolean): object };
  };
  const sample = new PdfKitDocument(pdfmake.fonts, {}, {}, {}, { autoFirstPage: false, font: null }, pdfmake.virtualfs, pdfmake.localAccessPolicy).provideFont(BASE_SERIF, false, false);
  const proto = Object.getPrototypeOf(sample) as { layoutRun(this: { font: { stream: { buffer: object } } }, text: string, features?: unknown): unknown };
  const patched = proto.layoutRun;
  const byBytes = new Map<object, Set<string>>();
  let fromTables = 0;
  proto.layoutRun = function recordingLayoutRun(text: string, features?: unknown) {
    const run = patched.call(this, text, features) as object;
    if (features === undefined) {
      const bytes = this.font.stream.buffer;
      if (!byBytes.has(bytes)) byBytes.set(bytes, new Set());
      byBytes.get(bytes)?.add(text);
      if (Object.getPrototypeOf(run) === Object.prototype) fromTables++;
    }
    return run;
  };
  const bytes = new Map<string, Buffer>();
  try {
    for (const { name, document, options } of list) bytes.set(name, Buffer.from(await renderDocumentPdf(document, options)));
  } finally {
    proto.layoutRun = patched;
  }
  const words = new Map<string, Set<string>>();
  const faces = new Map<string, Buffer>();
  for (const [file, buffer] of preloadedFonts()) {
    const face = path.basename(file).replace(/\.[^.]+$/, '');
    faces.set(face, buffer);
    const seen = byBytes.get(buffer);
    if (seen) words.set(face, seen);
  }
  return { bytes, words, faces, fromTables };
}

/** ASCII, Latin-1, digits and punctuation, alone and in words; every kerning pair of the table, bare and in context. */
function generatedWords(table: ShapingTable): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    words.add(w);
    words.add(`${w} `);
  };
  for (let cp = 0x20; cp <= 0xff; cp++) add(String.fromCodePoint(cp));
  for (let i = 0; i < table.glyphs.length; i += GLYPH_ENTRY) add(String.fromCodePoint(table.glyphs[i] as number));
  const charOf = new Map<number, number[]>();
  for (let i = 0; i < table.glyphs.length; i += GLYPH_ENTRY) {
    const glyph = table.glyphs[i + 1] as number;
    charOf.set(glyph, [...(charOf.get(glyph) ?? []), table.glyphs[i] as number]);
  }
  for (const list of [table.kerning.latin, table.kerning.common]) {
    for (let i = 0; i < list.length; i += PAIR_ENTRY) {
      for (const a of charOf.get(list[i] as number) ?? []) {
        for (const b of charOf.get(list[i + 1] as number) ?? []) {
          const pair = String.fromCodePoint(a, b);
          add(pair);
          add(`x${pair}`);
          add(`1${pair}1`);
          add(`${pair}${pair}`);
        }
      }
    }
  }
  for (const w of [
    'AVAWAY', 'Taobao', 'L’Oréal', '“quoted”', '‘single’', 'naïve', 'café', 'Ærø', 'ﬁ', 'fi', 'fl', 'ffi', 'T.', 'Yv.', 'P.,', 'W—', '(2015)',
    '10–12', '1,000', '$1.5', '§ 301', '½', '1/2', '2015-10-05', '11:59', 'p.m.', 'U.S.C.', 'No.', 'USTR-2015-0016', 'e-mail', '—', '…', '•', '€100',
    'Straße', 'œuvre', 'Ŀl', 'ı', 'ĳ', 'İstanbul', 'Łódź', 'Ő', 'ť', 'ǅ', 'x²', '™', '©', '®', '°C', '±', '×', '÷', 'µ', '¿Qué?', '¡Sí!', 'l’', 'r’s',
  ]) add(w);
  // Words a table must leave to fontkit: marks, ignorables, controls, CJK, astral characters.
  for (const w of ['e\u0301', 'i\u0307', 'a\u00ADb', 'a\u200Bb', 'a\tb', '淘宝', 'Taobao淘宝', '\u{1D400}', '\uFEFF', 'x\uFE0F']) add(w);
  return [...words];
}

/** The same words through node_modules' pdfkit (fontkit shaping) and through the table, on two parses of the font. */
function compareWords(bytes: Buffer, table: ShapingTable, words: Iterable<string>): { shaped: number; total: number } {
  const reference = new PDFDocument().font(bytes)._font;
  const other = new PDFDocument().font(bytes)._font;
  const shaper = faceShaper(table);
  let shaped = 0;
  let total = 0;
  for (const word of words) {
    const expected = reference.layoutRun(word);
    const fast = shapeWord(other.font, shaper, word, other.scale);
    const actual = fast ?? other.layoutRun(word);
    total++;
    if (fast) shaped++;
    const glyphs = (run: ShapedRun) => run.glyphs.map((g) => [(g as { id: number }).id, [...(g as { codePoints: number[] }).codePoints]]);
    expect(glyphs(actual), `${table.face}: ${JSON.stringify(word)}`).toEqual(glyphs(expected));
    expect(actual.positions.map((p) => Object.entries(p)), `${table.face}: ${JSON.stringify(word)}`).toEqual(expected.positions.map((p) => Object.entries(p)));
    expect(actual.advanceWidth, `${table.face}: ${JSON.stringify(word)}`).toBe(expected.advanceWidth);
  }
  return { shaped, total };
}

/** A face's TrueType bytes: as the samples loaded it, else its @fontsource WOFF2 file decoded. */
async function faceBytes(face: string, rendered: Rendered | undefined): Promise<Buffer> {
  const loaded = rendered?.faces.get(face);
  if (loaded) return loaded;
  const pkg = `@fontsource/${face.split('-')[0] as string}`;
  const file = path.join(path.dirname(nodeRequire.resolve(`${pkg}/package.json`)), 'files', `${face}.woff2`);
  return Buffer.from(await decompress(readFileSync(file)));
}

const derived = new Map<string, ShapingTable | undefined>();
function tableFor(face: string, bytes: Buffer): ShapingTable | undefined {
  if (!derived.has(face)) derived.set(face, deriveShapingTable(face, bytes, fontkit.create(bytes), unicode, FONTKIT_VERSION));
  return derived.get(face);
}

const SHIPPED = existsSync(SHAPING_TABLES_DIR) ? readdirSync(SHAPING_TABLES_DIR).filter((n) => n.endsWith('.json')) : [];

describe('Latin words shaped from tables', () => {
  let list: Sample[] = [];
  let withTables: Rendered | undefined;

  it('shape every word of every sample, and a generated list, as fontkit does', async () => {
    list = await samples();
    expect(list.length).toBeGreaterThan(5);
    withTables = await renderSamples(list, true);
    let shaped = 0;
    let total = 0;
    let kerned = 0;
    for (const face of ['tinos-latin-400-normal', 'tinos-latin-700-normal', 'tinos-latin-400-italic', 'tinos-latin-700-italic', 'cousine-latin-400-normal', 'tinos-latin-ext-400-normal']) {
      const bytes = await faceBytes(face, withTables);
      const table = tableFor(face, bytes);
      expect(table, face).toBeDefined();
      kerned += (table as ShapingTable).kerning.latin.length;
      compareWords(bytes, table as ShapingTable, generatedWords(table as ShapingTable));
      const counts = compareWords(bytes, table as ShapingTable, withTables.words.get(face) ?? []);
      shaped += counts.shaped;
      total += counts.total;
    }
    // The samples' words are nearly all plain Latin, and Tinos kerns: the tables are not empty shells.
    console.log(`sample words shaped from tables: ${shaped} of ${total}`);
    expect(total).toBeGreaterThan(1000);
    expect(shaped / total).toBeGreaterThan(0.9);
    expect(kerned).toBeGreaterThan(0);
  }, 600_000);

  it('leave to fontkit a word with a character outside the table, and any word of a face without one', () => {
    const bytes = withTables?.faces.get('tinos-latin-400-normal') as Buffer;
    const table = tableFor('tinos-latin-400-normal', bytes) as ShapingTable;
    const font = new PDFDocument().font(bytes)._font;
    for (const word of ['e\u0301', 'a\u00ADb', 'a\tb', 'Taobao淘宝', '\u{1D400}', '']) expect(shapeWord(font.font, faceShaper(table), word, font.scale), JSON.stringify(word)).toBeUndefined();
    expect(shapeWord(font.font, faceShaper(table), 'Taobao', font.scale)).toBeDefined();
    const cjk = [...(withTables?.faces ?? [])].find(([face]) => face.startsWith('noto-serif-sc'));
    expect(cjk).toBeDefined();
    expect(tableFor(cjk?.[0] as string, cjk?.[1] as Buffer)?.glyphs.filter((_, i) => i % GLYPH_ENTRY === 0).some((cp) => cp >= 0x4e00) ?? false).toBe(false);
  });

  it('give a glyph the code points fontkit gives it (fontkit fetches the space on every layout)', async () => {
    const bytes = await faceBytes('tinos-latin-400-normal', withTables);
    const table = tableFor('tinos-latin-400-normal', bytes) as ShapingTable;
    // U+00A0 and U+0020 share a glyph: its code points are those of the first request, which is the space's.
    expect(compareWords(bytes, table, ['x', 'x\u00A0', '\u00A0 '])).toEqual({ shaped: 3, total: 3 });
  });

  describe.skipIf(SHIPPED.length === 0)('as built (dist/fonts/shaping)', () => {
    it('ships the tables derived from the fonts it ships, used only for those bytes', async () => {
      expect(SHIPPED).toContain('tinos-latin-400-normal.json');
      for (const name of SHIPPED) {
        const face = name.replace(/\.json$/, '');
        const bytes = await faceBytes(face, withTables);
        const shipped = readShapingTable(face, bytes);
        expect(shipped, face).toEqual(tableFor(face, bytes));
        const changed = Buffer.from(bytes);
        changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 1;
        expect(readShapingTable(face, changed), `${face}, other bytes`).toBeUndefined();
      }
    });

    it('make every sample’s PDF the same bytes as shaping with fontkit', async () => {
      const fontkitOnly = await renderSamples(list, false);
      expect(fontkitOnly.fromTables).toBe(0);
      expect(withTables?.fromTables).toBeGreaterThan(1000);
      for (const { name } of list) {
        expect(withTables?.bytes.get(name)?.equals(fontkitOnly.bytes.get(name) as Buffer), name).toBe(true);
      }
    }, 600_000);
  });
});
