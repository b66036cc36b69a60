// Bundled fonts: which font files ship (from @fontsource packages), the pdfmake font families
// they form, and which family draws each character (per-character coverage through fontkit).
// Must not lay out or render anything, and must not read any file that is not a bundled font
// (or its plain TrueType copy that `npm run build` decodes into dist/fonts).
import { createRequire } from 'node:module';
import { requirePdfStack } from './stack.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Fontkit from 'fontkit';

/** A fallback chain: body text (Tinos first) or code (Cousine first). */
export type FontChain = 'serif' | 'mono';

/** Bold/italic flags as pdfmake understands them. */
export interface FaceStyle {
  bold: boolean;
  italics: boolean;
}

/** A run of text drawn by one pdfmake font family. */
export interface FontRun {
  text: string;
  font: string;
}

interface StyleFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

interface Family {
  /** pdfmake family name. */
  name: string;
  /** Set the line by the font's typographic (em-box) metrics rather than its hhea ones. */
  typoMetrics?: boolean;
  /** Unicode ranges the file is meant for (from the package's unicode.json). */
  ranges: Array<[number, number]>;
  files: StyleFiles;
}

type StyleKey = keyof StyleFiles;

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** Ranges sorted by start, overlapping or touching ones merged (so `inRanges` can bisect). */
function parseRanges(spec: string): Array<[number, number]> {
  const ranges = spec
    .split(',')
    .map((part) => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const start = Number.parseInt(from ?? '', 16);
      const end = to === undefined ? start : Number.parseInt(to, 16);
      return [start, end] as [number, number];
    })
    .filter(([from, to]) => !Number.isNaN(from) && !Number.isNaN(to))
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function readUnicode(dir: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
}

/** Subsets of the Latin-script families, in the order they are tried. */
const LATIN_FAMILY_SUBSETS = [
  'latin',
  'latin-ext',
  'cyrillic',
  'cyrillic-ext',
  'greek',
  'greek-ext',
  'vietnamese',
  'hebrew',
] as const;

function fontsourceFamilies(pkg: string, label: string, stem: string): Family[] {
  const dir = packageDir(pkg);
  const unicode = readUnicode(dir);
  const file = (subset: string, weight: number, style: 'normal' | 'italic') =>
    path.join(dir, 'files', `${stem}-${subset}-${weight}-${style}.woff2`);
  return LATIN_FAMILY_SUBSETS.filter((subset) => unicode[subset] !== undefined).map((subset) => ({
    name: `${label} ${subset}`,
    ranges: parseRanges(unicode[subset] ?? ''),
    files: {
      normal: file(subset, 400, 'normal'),
      bold: file(subset, 700, 'normal'),
      italics: file(subset, 400, 'italic'),
      bolditalics: file(subset, 700, 'italic'),
    },
  }));
}

/** Noto Serif SC: ~100 numbered CJK subsets; no italics, so italics use the upright faces. */
function cjkFamilies(): Family[] {
  const dir = packageDir('@fontsource/noto-serif-sc');
  const unicode = readUnicode(dir);
  const keys = Object.keys(unicode)
    .map((key) => ({ key, id: key.replace(/^\[(\d+)\]$/, '$1') }))
    .filter(({ id }) => /^\d+$/.test(id))
    .sort((a, b) => Number(a.id) - Number(b.id));
  return keys.map(({ key, id }) => {
    const file = (weight: number) => path.join(dir, 'files', `noto-serif-sc-${id}-${weight}-normal.woff2`);
    return {
      name: `Noto Serif SC ${id}`,
      typoMetrics: true,
      ranges: parseRanges(unicode[key] ?? ''),
      files: { normal: file(400), bold: file(700), italics: file(400), bolditalics: file(700) },
    };
  });
}

interface Catalogue {
  chains: Record<FontChain, Family[]>;
  byName: Map<string, Family>;
}

let catalogue: Catalogue | undefined;

function getCatalogue(): Catalogue {
  if (catalogue) return catalogue;
  const tinos = fontsourceFamilies('@fontsource/tinos', 'Tinos', 'tinos');
  const cousine = fontsourceFamilies('@fontsource/cousine', 'Cousine', 'cousine');
  const cjk = cjkFamilies();
  const serif = [...tinos, ...cjk];
  const mono = [...cousine, ...serif];
  const byName = new Map<string, Family>();
  for (const family of mono) byName.set(family.name, family);
  catalogue = { chains: { serif, mono }, byName };
  return catalogue;
}

/** The pdfmake family that body text starts in (Tinos, Latin subset). */
export const BASE_SERIF = 'Tinos latin';
/** The pdfmake family that code starts in (Cousine, Latin subset). */
export const BASE_MONO = 'Cousine latin';

/** Every bundled family as a pdfmake font dictionary (absolute file paths). */
export function pdfmakeFontDictionary(): Record<string, StyleFiles> {
  const result: Record<string, StyleFiles> = {};
  for (const family of getCatalogue().byName.values()) result[family.name] = { ...family.files };
  return result;
}

/** Absolute paths of every font file the renderer may read (for pdfmake's local access policy). */
export function bundledFontFiles(): Set<string> {
  const files = new Set<string>();
  for (const family of getCatalogue().byName.values()) {
    for (const file of Object.values(family.files)) files.add(file);
  }
  return files;
}

/** Decompressed (plain TrueType) bytes of bundled WOFF2 files, by absolute path. */
const sfntCache = new Map<string, Buffer>();
const openFonts = new Map<string, Fontkit.Font>();

interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): Fontkit.Font;
  openSync(file: string): Fontkit.Font;
}
let fontkitModule: FontkitModule | undefined;

/** fontkit's CommonJS build, the copy pdfkit loads (importing it would load its ES build as well). */
function fontkit(): FontkitModule {
  return (fontkitModule ??= requirePdfStack('fontkit') as FontkitModule);
}

function openFont(file: string): Fontkit.Font {
  let font = openFonts.get(file);
  if (!font) {
    const sfnt = sfntCache.get(file);
    // Without a preloaded copy fontkit reads the WOFF2 itself (same font, slower: JS brotli).
    font = sfnt ? fontkit().create(sfnt) : fontkit().openSync(file);
    openFonts.set(file, font);
  }
  return font;
}

/**
 * Load, once per process, the font files that may be needed to draw `codePoints` (every family
 * whose unicode range holds one of them, plus the base faces) as plain TrueType: the copy the
 * build decoded into dist/fonts, or else the WOFF2 decoded by Google's reference decoder (wasm,
 * through wawoff2). fontkit and pdfkit then parse plain TrueType, which is much faster than
 * fontkit's own JavaScript decompression.
 */
export function preloadFonts(codePoints: Iterable<number>): Promise<void> {
  // One preload at a time: the decoder answers with a view into its wasm memory, which a second decode running
  // meanwhile (two documents rendered at once on one thread) would overwrite before it is copied.
  const run = preloadQueue.then(() => preloadFontsNow([...codePoints]));
  preloadQueue = run.catch(() => undefined);
  return run;
}

let preloadQueue: Promise<void> = Promise.resolve();

async function preloadFontsNow(codePoints: readonly number[]): Promise<void> {
  const { byName } = getCatalogue();
  const wanted = new Set<Family>([byName.get(BASE_SERIF), byName.get(BASE_MONO)].filter((f): f is Family => !!f));
  const families = [...byName.values()];
  for (const cp of codePoints) {
    for (const family of families) if (!wanted.has(family) && inRanges(cp, family.ranges)) wanted.add(family);
  }
  const files = new Map<string, Family>();
  for (const family of wanted) {
    for (const file of Object.values(family.files)) if (!sfntCache.has(file)) files.set(file, family);
  }
  for (const [file, family] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const sfnt = readDecoded(file) ?? (await decodeWoff2(file));
    if (family.typoMetrics) useTypoMetrics(sfnt);
    sfntCache.set(file, sfnt);
    openFonts.delete(file);
  }
}

/** Package name → its directory under dist/fonts, for packages whose decoded copies match the installed version. */
let decodedDirs: Map<string, string> | undefined;

/**
 * Where `npm run build` (scripts/fonts.mjs) put plain TrueType copies of the bundled WOFF2 files: dist/fonts of
 * the package this module belongs to (nearest ancestor with a package.json), trusted per font package only when
 * its manifest names the installed version.
 */
function decodedFontDirs(): Map<string, string> {
  if (decodedDirs) return decodedDirs;
  decodedDirs = new Map();
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return decodedDirs;
    dir = parent;
  }
  const root = path.join(dir, 'dist', 'fonts');
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
    for (const [pkg, entry] of Object.entries(manifest.packages ?? {})) {
      const installed = JSON.parse(readFileSync(path.join(packageDir(pkg), 'package.json'), 'utf8')) as { version?: string };
      if (entry.version !== undefined && entry.version === installed.version) {
        decodedDirs.set(packageDir(pkg), path.join(root, pkg.replace(/^@fontsource\//, '')));
      }
    }
  } catch {
    // No (readable) decoded copies: every file is decoded when first needed.
  }
  return decodedDirs;
}

/** The build's plain TrueType copy of a bundled WOFF2 file (a fresh buffer), if there is one. */
function readDecoded(file: string): Buffer | undefined {
  const dir = decodedFontDirs().get(path.dirname(path.dirname(file)));
  if (!dir) return undefined;
  try {
    return readFileSync(path.join(dir, path.basename(file).replace(/\.woff2$/, '.ttf')));
  } catch {
    return undefined;
  }
}

/** Decode a WOFF2 file with Google's reference decoder (wasm, loaded on first use). */
async function decodeWoff2(file: string): Promise<Buffer> {
  const { decompress } = await import('wawoff2');
  // Copy: the result may be a view into the decoder's wasm memory.
  return Buffer.from(await decompress(readFileSync(file)));
}

function tableOffset(sfnt: Buffer, tag: string): number | undefined {
  const count = sfnt.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    if (sfnt.toString('latin1', record, record + 4) === tag) return sfnt.readUInt32BE(record + 8);
  }
  return undefined;
}

/**
 * Noto CJK fonts have a tall hhea ascent (1.151 em) for rare marks, while ideographs fill the
 * 0.88/−0.12 em box given by OS/2 sTypoAscender/sTypoDescender. pdfkit and pdfmake set lines
 * by hhea, so a Chinese word would sink its line's baseline ~3 pt below its neighbours' (and a
 * table cell's below the row's). Copy the typographic values into hhea (bytes of this
 * in-memory copy only) so Chinese shares the Latin baseline.
 */
function useTypoMetrics(sfnt: Buffer): void {
  const os2 = tableOffset(sfnt, 'OS/2');
  const hhea = tableOffset(sfnt, 'hhea');
  if (os2 === undefined || hhea === undefined) return;
  sfnt.writeInt16BE(sfnt.readInt16BE(os2 + 68), hhea + 4); // ascender ← sTypoAscender
  sfnt.writeInt16BE(sfnt.readInt16BE(os2 + 70), hhea + 6); // descender ← sTypoDescender
  sfnt.writeInt16BE(sfnt.readInt16BE(os2 + 72), hhea + 8); // lineGap ← sTypoLineGap
}

/** Preloaded font bytes (plain TrueType) by absolute path of their bundled file. */
export function preloadedFonts(): ReadonlyMap<string, Buffer> {
  return sfntCache;
}

function styleKey(style: FaceStyle): StyleKey {
  if (style.bold && style.italics) return 'bolditalics';
  if (style.bold) return 'bold';
  if (style.italics) return 'italics';
  return 'normal';
}

/** Is `cp` in one of `ranges` (sorted, disjoint: see parseRanges)? */
function inRanges(cp: number, ranges: Array<[number, number]>): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid] as [number, number];
    if (cp < range[0]) high = mid - 1;
    else if (cp > range[1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** Glyph coverage by font file and code point (fontkit's cmap lookup, memoised). */
const coverage = new Map<string, Map<number, boolean>>();

function covers(family: Family, key: StyleKey, cp: number): boolean {
  const file = family.files[key];
  let known = coverage.get(file);
  if (!known) coverage.set(file, (known = new Map()));
  let has = known.get(cp);
  if (has === undefined) {
    has = openFont(file).hasGlyphForCodePoint(cp);
    known.set(cp, has);
  }
  return has;
}

/** familyFor results by chain and style, then code point. */
const familyMemo = new Map<string, Map<number, string | null>>();

function familyMemoFor(chain: FontChain, key: StyleKey): Map<number, string | null> {
  const memoKey = `${chain}|${key}`;
  let memo = familyMemo.get(memoKey);
  if (!memo) familyMemo.set(memoKey, (memo = new Map()));
  return memo;
}

/** The first family of `chain` whose file for `style` has a glyph for `cp`, or null. */
export function familyFor(cp: number, chain: FontChain, style: FaceStyle): string | null {
  const key = styleKey(style);
  const memo = familyMemoFor(chain, key);
  const known = memo.get(cp);
  if (known !== undefined) return known;
  let found: string | null = null;
  for (const family of getCatalogue().chains[chain]) {
    if (inRanges(cp, family.ranges) && covers(family, key, cp)) {
      found = family.name;
      break;
    }
  }
  memo.set(cp, found);
  return found;
}

/** Invisible format characters (zero-width, bidi controls and isolates, variation selectors) that carry no glyph: dropped rather than reported. */
const IGNORABLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFE00-\uFE0F\uFEFF\u{E0100}-\u{E01EF}]/u;
/** Line breaks and tabs are layout, not glyphs: they stay in the current run. */
const LAYOUT = /[\n\r\t]/;
/** Characters shared by scripts (spaces, punctuation, digits): kept in the current run if it can draw them. */
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

const IS_IGNORABLE = 1;
const IS_LAYOUT = 2;
const IS_SHARED = 4;
/** The three tests above, by code point (memoised: they run on every character). */
const charClasses = new Map<number, number>();
function charClass(cp: number, char: string): number {
  let flags = charClasses.get(cp);
  if (flags === undefined) {
    flags = (IGNORABLE.test(char) ? IS_IGNORABLE : 0) | (LAYOUT.test(char) ? IS_LAYOUT : 0) | (SHARED.test(char) ? IS_SHARED : 0);
    charClasses.set(cp, flags);
  }
  return flags;
}

/**
 * Split `text` into runs, each drawn by one bundled family of `chain`. Calls `onMissing` (which
 * must throw) for a character no bundled font can draw.
 */
export function splitByFont(
  text: string,
  chain: FontChain,
  style: FaceStyle,
  onMissing: (cp: number, char: string, offset: number) => never,
): FontRun[] {
  const catalogueNow = getCatalogue();
  const key = styleKey(style);
  const memo = familyMemoFor(chain, key);
  const runs: FontRun[] = [];
  let current: FontRun | undefined;
  let currentFamily: Family | undefined;
  let offset = 0;
  for (const char of text) {
    const at = offset;
    offset += char.length;
    const cp = char.codePointAt(0) ?? 0;
    const flags = charClass(cp, char);
    if (flags & IS_IGNORABLE) continue;
    if (flags & IS_LAYOUT) {
      if (!current) {
        current = { text: '', font: chain === 'mono' ? BASE_MONO : BASE_SERIF };
        currentFamily = undefined;
        runs.push(current);
      }
      current.text += char;
      continue;
    }
    if (current && flags & IS_SHARED) {
      currentFamily ??= catalogueNow.byName.get(current.font);
      if (currentFamily && covers(currentFamily, key, cp)) {
        current.text += char;
        continue;
      }
    }
    const known = memo.get(cp);
    const font = known === undefined ? familyFor(cp, chain, style) : known;
    if (font === null) onMissing(cp, char, at);
    else if (current && current.font === font) current.text += char;
    else {
      current = { text: char, font };
      currentFamily = undefined;
      runs.push(current);
    }
  }
  return runs;
}

/** Vertical metrics of a family in em, as pdfmake uses them (no line gap). */
export interface FamilyMetrics {
  /** Ascent − descent. */
  natural: number;
  ascent: number;
}

const metricsMemo = new Map<string, FamilyMetrics>();

/** Vertical metrics of a family, so lines that mix fonts can be given one leading. */
export function familyMetrics(familyName: string): FamilyMetrics {
  const memo = metricsMemo.get(familyName);
  if (memo) return memo;
  const family = getCatalogue().byName.get(familyName);
  if (!family) throw new Error(`Unknown font family ${familyName}`);
  const font = openFont(family.files.normal);
  const value = { natural: (font.ascent - font.descent) / font.unitsPerEm, ascent: font.ascent / font.unitsPerEm };
  metricsMemo.set(familyName, value);
  return value;
}

/** `U+1F600` style code point label. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
