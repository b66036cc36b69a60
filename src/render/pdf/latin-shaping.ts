// Shapes a word of a bundled Latin face from the face's build-time table (./latin-shaping-tables.ts) instead of
// fontkit, giving pdfkit's EmbeddedFont.layoutRun what fontkit would; any other word goes to fontkit as before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../load/package-root.js';
import { preloadedFonts } from './fonts.js';
import { GLYPH_ENTRY, PAIR_ENTRY, SHAPING_TABLE_FORMAT, type ShapingTable } from './latin-shaping-tables.js';
import { speedupsEnabled } from './speedups.js';
import { installedVersion } from './stack.js';

/** Where `npm run build` (scripts/latin-shaping.mjs) writes one table per face. */
export const SHAPING_TABLES_DIR = path.join(PACKAGE_ROOT, 'dist', 'fonts', 'shaping');

/** A face's table, ready for lookups. */
export interface FaceShaper {
  /** Code point → glyph id, plus LATIN_LETTER for a character of Latin script; 0: not in the table. Below DENSE_LIMIT. */
  dense: Int32Array;
  /** The same for code points from DENSE_LIMIT up. */
  sparse: Map<number, number>;
  /** Glyph id → advance (font units). */
  advances: Int32Array;
  /** Glyph id → 1 when a kerning pair starts with it. */
  kernsFrom: Uint8Array;
  /** (first glyph × 65536 + second glyph) → the eight adjustments of ShapingTable.kerning, by the word's script. */
  latinKerning: Map<number, number[]>;
  commonKerning: Map<number, number[]>;
  spaceGlyph: number;
}

const LATIN_LETTER = 0x10000;
const DENSE_LIMIT = 0x800;

export function faceShaper(table: ShapingTable): FaceShaper {
  const dense = new Int32Array(DENSE_LIMIT);
  const sparse = new Map<number, number>();
  let glyphCount = table.spaceGlyph + 1;
  for (let i = 1; i < table.glyphs.length; i += GLYPH_ENTRY) glyphCount = Math.max(glyphCount, (table.glyphs[i] as number) + 1);
  const advances = new Int32Array(glyphCount);
  for (let i = 0; i < table.glyphs.length; i += GLYPH_ENTRY) {
    const [cp, glyph, advance, latin] = table.glyphs.slice(i, i + GLYPH_ENTRY) as [number, number, number, number];
    const entry = glyph + (latin ? LATIN_LETTER : 0);
    if (cp < DENSE_LIMIT) dense[cp] = entry;
    else sparse.set(cp, entry);
    advances[glyph] = advance;
  }
  const kernsFrom = new Uint8Array(glyphCount);
  const pairs = (list: number[]) => {
    const map = new Map<number, number[]>();
    for (let i = 0; i < list.length; i += PAIR_ENTRY) {
      const first = list[i] as number;
      kernsFrom[first] = 1;
      map.set(first * 0x10000 + (list[i + 1] as number), list.slice(i + 2, i + PAIR_ENTRY));
    }
    return map;
  };
  return { dense, sparse, advances, kernsFrom, latinKerning: pairs(table.kerning.latin), commonKerning: pairs(table.kerning.common), spaceGlyph: table.spaceGlyph };
}

/** A fontkit font, as far as a word's glyphs go (its own glyph objects, so pdfkit embeds and maps them as before). */
export interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): unknown;
}

/** One glyph's place, as pdfkit's layoutRun leaves fontkit's GlyphPosition: scaled to 1000 units per em. */
export interface ScaledPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** What pdfkit's layoutRun returns, as far as pdfkit reads it. */
export interface ShapedRun {
  glyphs: unknown[];
  positions: ScaledPosition[];
  advanceWidth: number;
}

/**
 * `text` shaped as fontkit would in this face, scaled by `scale` as pdfkit does, or undefined when a character
 * of it is not in the table (fontkit must shape it).
 */
export function shapeWord(font: GlyphSource, shaper: FaceShaper, text: string, scale: number): ShapedRun | undefined {
  const length = text.length;
  if (length === 0) return undefined;
  const ids = new Array<number>(length);
  let latin = false;
  for (let i = 0; i < length; i++) {
    const cp = text.charCodeAt(i);
    const entry = cp < DENSE_LIMIT ? (shaper.dense[cp] as number) : (shaper.sparse.get(cp) ?? 0);
    if (entry === 0) return undefined;
    if (entry >= LATIN_LETTER) latin = true;
    ids[i] = entry & 0xffff;
  }
  const kerning = latin ? shaper.latinKerning : shaper.commonKerning;
  // fontkit makes each glyph in turn (its cache keeps the code points of the first request), then fetches the space's.
  const glyphs = new Array<unknown>(length);
  const positions = new Array<ScaledPosition>(length);
  let advanceWidth = 0;
  let before: number[] | undefined;
  for (let i = 0; i < length; i++) {
    const id = ids[i] as number;
    glyphs[i] = font.getGlyph(id, [text.charCodeAt(i)]);
    const advance = shaper.advances[id] as number;
    // Font units: the advance, plus what the pairs this glyph ends and starts adjust.
    let xAdvance = advance;
    let yAdvance = 0;
    let xOffset = 0;
    let yOffset = 0;
    if (before) {
      xAdvance += before[4] as number;
      yAdvance += before[5] as number;
      xOffset += before[6] as number;
      yOffset += before[7] as number;
    }
    const after = i + 1 < length && shaper.kernsFrom[id] === 1 ? kerning.get(id * 0x10000 + (ids[i + 1] as number)) : undefined;
    if (after) {
      xAdvance += after[0] as number;
      yAdvance += after[1] as number;
      xOffset += after[2] as number;
      yOffset += after[3] as number;
    }
    before = after;
    const position: ScaledPosition = { xAdvance: xAdvance * scale, yAdvance: yAdvance * scale, xOffset: xOffset * scale, yOffset: yOffset * scale, advanceWidth: advance * scale };
    positions[i] = position;
    advanceWidth += position.xAdvance;
  }
  font.getGlyph(shaper.spaceGlyph, [0x20]);
  return { glyphs, positions, advanceWidth };
}

// ── Tables by font file, and the hook on pdfkit's EmbeddedFont (pdfkit 0.17) ──────────────────────────────

/**
 * The face's table, when the build wrote one for these very bytes and this fontkit; else undefined (a face without
 * a table, or a stale one, is shaped by fontkit). pdfkit's word cache, shared by ./engine.ts, keeps either result.
 */
export function readShapingTable(face: string, bytes: Uint8Array): ShapingTable | undefined {
  let table: ShapingTable;
  try {
    table = JSON.parse(readFileSync(path.join(SHAPING_TABLES_DIR, `${face}.json`), 'utf8')) as ShapingTable;
  } catch {
    return undefined;
  }
  if (table.format !== SHAPING_TABLE_FORMAT || table.fontkit !== fontkitVersion()) return undefined;
  return createHash('sha256').update(bytes).digest('hex') === table.sha256 ? table : undefined;
}

let runningFontkit: string | undefined;
function fontkitVersion(): string | undefined {
  return (runningFontkit ??= installedVersion('fontkit'));
}

/** Shapers by font file bytes (null: no usable table). */
const shapers = new WeakMap<object, FaceShaper | null>();

function shaperFor(bytes: object): FaceShaper | null {
  let shaper = shapers.get(bytes);
  if (shaper !== undefined) return shaper;
  shaper = null;
  for (const [file, preloaded] of preloadedFonts()) {
    if (preloaded !== bytes) continue;
    const table = readShapingTable(path.basename(file).replace(/\.[^.]+$/, ''), preloaded);
    if (table) shaper = faceShaper(table);
    break;
  }
  shapers.set(bytes, shaper);
  return shaper;
}

interface EmbeddedFontLike {
  font: GlyphSource & { stream?: { buffer?: object } };
  scale: number;
  layoutRun(text: string, features?: unknown): unknown;
}

let enabled = true;
/** Switches the table shaping off or on (tests compare the bytes both ways); it runs only with the speed patches. */
export function setLatinShaping(on: boolean): void {
  enabled = on;
}

let installed = false;
/** Patch pdfkit's EmbeddedFont (the prototype of `sample`) to shape table-covered words without fontkit. */
export function installLatinShaping(sample: object): void {
  if (installed) return;
  const proto = Object.getPrototypeOf(sample) as EmbeddedFontLike;
  const original = proto.layoutRun;
  if (typeof original !== 'function') throw new Error('pdfkit internals changed: EmbeddedFont.prototype.layoutRun not found');
  proto.layoutRun = function layoutRunFromTable(this: EmbeddedFontLike, text: string, features?: unknown) {
    const bytes = this.font.stream?.buffer;
    if (features === undefined && enabled && bytes && speedupsEnabled()) {
      const shaper = shaperFor(bytes);
      const run = shaper ? shapeWord(this.font, shaper, text, this.scale) : undefined;
      if (run) return run;
    }
    return original.call(this, text, features);
  };
  installed = true;
}
