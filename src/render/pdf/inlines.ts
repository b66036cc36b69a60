// Text → pdfmake inline objects: picks the bundled font family for every character, gives lines
// that mix fonts one leading, and reports characters no bundled font can draw as
// PdfRenderError('pdf-missing-glyph') with their origin. Must not decide block layout.
import { PdfRenderError } from './errors.js';
import { codePointLabel, familyMetrics, splitByFont, BASE_SERIF, type FontChain } from './fonts.js';

/** How a piece of text is set. */
export interface TextStyle {
  bold: boolean;
  italics: boolean;
  mono: boolean;
  fontSize: number;
  /** pdfmake lineHeight factor relative to Tinos (see styles LEADING). */
  lineHeight: number;
  strike?: boolean;
  underline?: boolean;
  color?: string;
  link?: string;
  sup?: boolean;
  /** Internal link (named destination). */
  linkToDestination?: string;
}

/** Where text came from, for error messages. */
export interface TextOrigin {
  file?: string;
  line?: number;
  column?: number;
  /** What the text is, when it has no position (e.g. "the running header"). */
  label?: string;
}

/** A pdfmake inline text object (the subset this renderer produces). */
export interface Inline {
  text: string;
  font: string;
  fontSize: number;
  lineHeight: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  decoration?: 'underline' | 'lineThrough';
  link?: string;
  linkToDestination?: string;
  sup?: boolean;
  /**
   * The same object for every inline set alike (all the above but `text`): pdfmake copies it
   * onto each word, and the measuring speedup resolves a style once per run of such words.
   */
  styleKey?: object;
}

const styleKeys = new Map<string, object>();

/** The shared `styleKey` of inlines set like `inline`. */
function styleKeyOf(inline: Inline): object {
  const signature = JSON.stringify([
    inline.font,
    inline.fontSize,
    inline.lineHeight,
    inline.bold,
    inline.italics,
    inline.color,
    inline.decoration,
    inline.link,
    inline.linkToDestination,
    inline.sup,
  ]);
  let key = styleKeys.get(signature);
  if (!key) {
    key = Object.freeze({});
    styleKeys.set(signature, key);
  }
  return key;
}

function describe(cp: number, char: string): string {
  const printable = !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}]/u.test(char);
  return printable ? `${codePointLabel(cp)} "${char}"` : codePointLabel(cp);
}

function missingGlyph(origin: TextOrigin, cp: number, char: string): never {
  const where =
    origin.line !== undefined
      ? ` (line ${origin.line}${origin.column !== undefined ? `, column ${origin.column}` : ''})`
      : origin.label
        ? ` (in ${origin.label})`
        : '';
  const advice = 'the PDF would show a blank; remove the character or replace it with text in a covered script (Latin, Greek, Cyrillic, Hebrew, Chinese)';
  throw new PdfRenderError(
    `No bundled font has a glyph for ${describe(cp, char)}${where}: ${advice}`,
    'pdf-missing-glyph',
    {
      ...(origin.file !== undefined ? { file: origin.file } : {}),
      ...(origin.line !== undefined ? { line: origin.line } : {}),
      ...(origin.column !== undefined ? { column: origin.column } : {}),
    },
    { reason: `No bundled font has a glyph for ${describe(cp, char)}: ${advice}`, codePoint: cp },
  );
}

/**
 * pdfmake lineHeight factor for a run in `family` so that its line is as tall as a Tinos line at
 * factor `lineHeight`, plus any extra ascent the family has (pdfmake puts the baseline below the
 * tallest ascent of a line; the extra height keeps the room below the baseline the same).
 */
function normalisedLineHeight(lineHeight: number, family: string): number {
  const base = familyMetrics(BASE_SERIF);
  const own = familyMetrics(family);
  const target = lineHeight * base.natural + Math.max(0, own.ascent - base.ascent);
  return target / own.natural;
}

/** A run of this many characters without white space is laid out in pieces (see cutLongTokens). */
const LONG_TOKEN = /\S{201,}/g;
/** Characters per piece of a long token. */
const PIECE = 100;

/**
 * A text cut into pieces so no piece holds more than about PIECE characters of one unbroken token. pdfmake
 * lays out a word too wide for the line by measuring ever shorter prefixes of the whole rest of the word, on
 * every line — a 20,000-character token took 19 s and 1.2 GB. Pieces are joined as one word (no break is
 * added between them), so the token still wraps where the line is full, in time linear in its length. Text
 * without such a token is returned whole, so ordinary documents lay out exactly as before.
 */
export function cutLongTokens(text: string): string[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(LONG_TOKEN)) {
    const end = match.index + match[0].length;
    for (let at = match.index + PIECE; at < end; at += PIECE) {
      // Never between a surrogate pair, nor before a combining mark, joiner or variation selector.
      while (at < end && /[\uDC00-\uDFFF\p{M}\u200D\uFE00-\uFE0F]/u.test(text[at]!)) at++;
      if (at < end) cuts.push(at);
    }
  }
  if (cuts.length === 0) return [text];
  return [0, ...cuts].map((start, i) => text.slice(start, cuts[i] ?? text.length));
}

/** Convert `text` set in `style` into inline objects, one per font run (and per piece of a long token). */
export function textInlines(text: string, style: TextStyle, origin: TextOrigin): Inline[] {
  const chain: FontChain = style.mono ? 'mono' : 'serif';
  const runs = splitByFont(text, chain, { bold: style.bold, italics: style.italics }, (cp, char, offset) => {
    // A single-line text value maps characters to columns one to one.
    const column =
      origin.column !== undefined && !text.slice(0, offset).includes('\n') ? origin.column + offset : origin.column;
    return missingGlyph({ ...origin, ...(column !== undefined ? { column } : {}) }, cp, char);
  });
  return runs.flatMap((run) => cutLongTokens(run.text).map((piece) => ({ ...run, text: piece }))).map((run) => {
    const inline: Inline = {
      text: run.text,
      font: run.font,
      fontSize: style.fontSize,
      lineHeight: normalisedLineHeight(style.lineHeight, run.font),
      bold: style.bold,
      italics: style.italics,
    };
    if (style.color) inline.color = style.color;
    if (style.strike) inline.decoration = 'lineThrough';
    if (style.underline) inline.decoration = 'underline';
    if (style.link) inline.link = style.link;
    if (style.linkToDestination) inline.linkToDestination = style.linkToDestination;
    if (style.sup) inline.sup = true;
    inline.styleKey = styleKeyOf(inline);
    return inline;
  });
}
