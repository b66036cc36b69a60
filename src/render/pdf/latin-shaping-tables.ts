// Derives, at build time (scripts/latin-shaping.mjs), a bundled font face's table for shaping Latin words
// without fontkit (./latin-shaping.ts): which characters fontkit would shape as their plain glyph whatever
// surrounds them, those glyphs' advances, and the kerning fontkit applies to each pair of them.
import { createHash } from 'node:crypto';

/** A face's table as written to dist/fonts/shaping/<face>.json. Numbers are font units. */
export interface ShapingTable {
  format: typeof SHAPING_TABLE_FORMAT;
  /** The font file's name without extension, e.g. `tinos-latin-400-normal`. */
  face: string;
  /** sha256 of the TrueType bytes the table was derived from: a table is used for those bytes only. */
  sha256: string;
  /** fontkit's version: its shaping is what the table reproduces. */
  fontkit: string;
  /** The glyph fontkit fetches for U+0020 on every layout (the ignorable characters' stand-in). */
  spaceGlyph: number;
  /** Characters safe to shape without fontkit, flattened: code point, glyph id, advance, 1 if Latin script (else Common). */
  glyphs: number[];
  /**
   * Adjustments fontkit's GPOS pair lookups make to two adjacent glyphs, flattened: first glyph, second glyph, then
   * xAdvance, yAdvance, xOffset, yOffset of the first and of the second. `latin`: in a word with a Latin letter
   * (fontkit selects the font's `latn` script); `common`: in a word of digits, spaces and punctuation only.
   */
  kerning: { latin: number[]; common: number[] };
}

export const SHAPING_TABLE_FORMAT = 1;
/** Numbers per entry of ShapingTable.glyphs and of ShapingTable.kerning's lists. */
export const GLYPH_ENTRY = 4;
export const PAIR_ENTRY = 10;

/** fontkit's script tags for a word with a Latin letter, and for one of Common characters only (its `Unknown`). */
export const LATIN_SCRIPT = 'latn';
export const COMMON_SCRIPT = 'zzzz';

// ── fontkit 2 internals read here (decoded OpenType tables, as fontkit's processors read them) ─────────────────

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: Array<{ start: number; end: number }>;
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: Array<{ start: number; end: number; class: number }>;
}
interface SubTable {
  version?: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}
interface Lookup {
  lookupType: number;
  flags: { flags: { ignoreBaseGlyphs: boolean; ignoreLigatures: boolean } };
  subTables: SubTable[];
}
interface LangSys {
  reqFeatureIndex: number;
  featureIndexes: number[];
}
interface LayoutTable {
  scriptList: Array<{ script: { defaultLangSys?: LangSys | null; langSysRecords: Array<{ langSys: LangSys }> } }>;
  featureList: Array<{ feature: { lookupListIndexes: number[] } }>;
  lookupList: { toArray(): Lookup[] };
  featureVariations?: unknown;
}
interface Glyph {
  id: number;
  advanceWidth: number;
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
/** A fontkit TrueType font, as far as this module reads it. */
export interface FontkitFontLike {
  characterSet: number[];
  directory: { tables: Record<string, unknown> };
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef | null };
  glyphForCodePoint(codePoint: number): Glyph;
  getGlyph(id: number): Glyph;
  layout(text: string, features?: unknown, script?: string): { glyphs: Glyph[]; positions: Position[] };
}
/** What unicode-properties (fontkit's own copy) says of a code point. */
export interface UnicodeLike {
  getScript(codePoint: number): string;
  getCategory(codePoint: number): string;
}

function coverageGlyphs(coverage: Coverage | undefined): number[] {
  if (!coverage) return [];
  if (coverage.version === 1) return [...(coverage.glyphs ?? [])];
  const glyphs: number[] = [];
  for (const { start, end } of coverage.rangeRecords ?? []) for (let g = start; g <= end; g++) glyphs.push(g);
  return glyphs;
}

function classOf(glyph: number, classDef: ClassDef | null | undefined): number {
  if (!classDef) return 0;
  if (classDef.version === 1) {
    const i = glyph - (classDef.startGlyph ?? 0);
    return i >= 0 && i < (classDef.classValueArray?.length ?? 0) ? (classDef.classValueArray?.[i] ?? 0) : 0;
  }
  for (const range of classDef.classRangeRecord ?? []) if (range.start <= glyph && glyph <= range.end) return range.class;
  return 0;
}

/** Lookups a feature of any script or language system refers to (those fontkit may apply; nested ones only run inside them). */
function featureLookups(table: LayoutTable): Lookup[] {
  const lookups = table.lookupList.toArray();
  const used = new Set<number>();
  const addLangSys = (langSys: LangSys | null | undefined) => {
    if (!langSys) return;
    const features = langSys.reqFeatureIndex === 0xffff ? langSys.featureIndexes : [langSys.reqFeatureIndex, ...langSys.featureIndexes];
    for (const index of features) for (const lookup of table.featureList[index]?.feature.lookupListIndexes ?? []) used.add(lookup);
  };
  for (const { script } of table.scriptList) {
    addLangSys(script.defaultLangSys);
    for (const { langSys } of script.langSysRecords) addLangSys(langSys);
  }
  return [...used].sort((a, b) => a - b).map((i) => lookups[i] as Lookup);
}

/** A lookup's subtables with extension subtables (GSUB 7, GPOS 9) replaced by what they wrap, with its type. */
function subTablesOf(lookup: Lookup, extensionType: number): Array<{ type: number; table: SubTable }> {
  return lookup.subTables.map((table) =>
    lookup.lookupType === extensionType && table.extension ? { type: table.lookupType ?? 0, table: table.extension } : { type: lookup.lookupType, table },
  );
}

/** The coverage a subtable tests the current glyph against: it can act only where that glyph is in it. */
function firstCoverage(table: SubTable): Coverage | undefined {
  return table.coverage ?? table.inputCoverage?.[0] ?? table.coverages?.[0] ?? table.markCoverage ?? table.mark1Coverage;
}

/**
 * Whether a subtable can act on a word made only of `glyphs`: a context subtable given as coverages (format 3)
 * needs a glyph of each of them in the word; any other subtable may act where its first coverage is met.
 */
function canAct(table: SubTable, glyphs: ReadonlySet<number>): boolean {
  const sequences = [table.backtrackCoverage, table.inputCoverage, table.lookaheadCoverage, table.coverages].filter((s): s is Coverage[] => !!s);
  return sequences.every((sequence) => sequence.every((coverage) => coverageGlyphs(coverage).some((g) => glyphs.has(g))));
}

function sameGlyphs(glyphs: Glyph[], ids: number[]): boolean {
  return glyphs.length === ids.length && glyphs.every((glyph, i) => glyph.id === ids[i]);
}

/**
 * The table of `font` (bytes `bytes`, file stem `face`), or undefined when fontkit shapes it in ways the table
 * cannot reproduce (an AAT `morx` or a `kern` table, font variations, pair lookups that skip base glyphs).
 */
export function deriveShapingTable(face: string, bytes: Uint8Array, font: FontkitFontLike, unicode: UnicodeLike, fontkitVersion: string): ShapingTable | undefined {
  const tables = font.directory.tables;
  if (tables['morx'] || tables['kern'] || tables['fvar'] || !font.GPOS) return undefined;
  if (font.GSUB?.featureVariations || font.GPOS.featureVariations) return undefined;

  // Candidates: BMP characters with a glyph of their own, Latin or Common script, no marks, controls or format characters.
  const candidates = new Map<number, { glyph: number; latin: boolean }>();
  for (const cp of font.characterSet) {
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    const script = unicode.getScript(cp);
    const category = unicode.getCategory(cp);
    if ((script !== 'Latin' && script !== 'Common') || /^(M|C|Z[lp])/.test(category)) continue;
    const glyph = font.glyphForCodePoint(cp).id;
    const glyphClass = classOf(glyph, font.GDEF?.glyphClassDef);
    if (glyph === 0 || (glyphClass !== 0 && glyphClass !== 1)) continue;
    candidates.set(cp, { glyph, latin: script === 'Latin' });
  }
  const candidateGlyphs = new Set([...candidates.values()].map((c) => c.glyph));

  // Glyphs a substitution or a positioning other than a pair adjustment may act on; first glyphs of pair adjustments.
  const unsafe = new Set<number>();
  const pairFirst = new Set<number>();
  for (const lookup of font.GSUB ? featureLookups(font.GSUB) : []) {
    for (const { table } of subTablesOf(lookup, 7)) if (canAct(table, candidateGlyphs)) for (const g of coverageGlyphs(firstCoverage(table))) unsafe.add(g);
  }
  for (const lookup of featureLookups(font.GPOS)) {
    for (const { type, table } of subTablesOf(lookup, 9)) {
      if (type === 2) {
        if (lookup.flags.flags.ignoreBaseGlyphs) return undefined;
        for (const g of coverageGlyphs(firstCoverage(table))) pairFirst.add(g);
      } else if (canAct(table, candidateGlyphs)) {
        for (const g of coverageGlyphs(firstCoverage(table))) unsafe.add(g);
      }
    }
  }

  // Each remaining character alone, as fontkit shapes it in each script it can be in: its glyph at its advance.
  const safe = new Map<number, { glyph: number; latin: boolean; advance: number }>();
  for (const [cp, { glyph, latin }] of candidates) {
    if (unsafe.has(glyph)) continue;
    const advance = font.getGlyph(glyph).advanceWidth;
    const plain = (latin ? [LATIN_SCRIPT] : [LATIN_SCRIPT, COMMON_SCRIPT]).every((script) => {
      const run = font.layout(String.fromCodePoint(cp), undefined, script);
      const position = run.positions[0];
      return sameGlyphs(run.glyphs, [glyph]) && position?.xAdvance === advance && position.yAdvance === 0 && position.xOffset === 0 && position.yOffset === 0;
    });
    if (plain) safe.set(cp, { glyph, latin, advance });
  }

  // Pairs whose first glyph a pair adjustment covers, measured as fontkit shapes them (one character per glyph stands for it).
  const byGlyph = new Map<number, { cp: number; advance: number; common: boolean }>();
  for (const [cp, { glyph, latin, advance }] of safe) {
    const known = byGlyph.get(glyph);
    if (!known) byGlyph.set(glyph, { cp, advance, common: !latin });
    else if (!latin) known.common = true;
  }
  const kerning: ShapingTable['kerning'] = { latin: [], common: [] };
  const dropped = new Set<number>();
  for (const [first, a] of byGlyph) {
    if (!pairFirst.has(first)) continue;
    for (const [second, b] of byGlyph) {
      for (const [script, list] of [[LATIN_SCRIPT, kerning.latin], [COMMON_SCRIPT, kerning.common]] as const) {
        if (script === COMMON_SCRIPT && !(a.common && b.common)) continue;
        const run = font.layout(String.fromCodePoint(a.cp, b.cp), undefined, script);
        if (!sameGlyphs(run.glyphs, [first, second])) {
          dropped.add(first).add(second);
          continue;
        }
        const [p, q] = run.positions as [Position, Position];
        const deltas = [p.xAdvance - a.advance, p.yAdvance, p.xOffset, p.yOffset, q.xAdvance - b.advance, q.yAdvance, q.xOffset, q.yOffset];
        if (deltas.some((d) => d !== 0)) list.push(first, second, ...deltas);
      }
    }
  }

  const glyphs: number[] = [];
  for (const [cp, { glyph, latin, advance }] of [...safe].sort((x, y) => x[0] - y[0])) {
    if (!dropped.has(glyph)) glyphs.push(cp, glyph, advance, latin ? 1 : 0);
  }
  if (dropped.size > 0) {
    // A pair fontkit shaped into other glyphs: its glyphs are left to fontkit, and so are pairs that name them.
    const keep = (list: number[]) => {
      const kept: number[] = [];
      for (let i = 0; i < list.length; i += PAIR_ENTRY) {
        if (!dropped.has(list[i] as number) && !dropped.has(list[i + 1] as number)) kept.push(...list.slice(i, i + PAIR_ENTRY));
      }
      return kept;
    };
    kerning.latin = keep(kerning.latin);
    kerning.common = keep(kerning.common);
  }
  return {
    format: SHAPING_TABLE_FORMAT,
    face,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fontkit: fontkitVersion,
    spaceGlyph: font.glyphForCodePoint(0x20).id,
    glyphs,
    kerning,
  };
}
