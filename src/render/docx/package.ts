// The .docx package: made byte-identical for the same document (the brief's date in the core properties and
// on every zip entry, stable relationship ids, a fixed entry order), and read back as the text it shows a
// reader, part by part, for the leak and marking checks. Must not build content or styles.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { FramedText } from '../../document/visible-text.js';

/** What a Word document shows a reader, part by part (paragraphs separated by newlines). */
export interface DocxText {
  /** The main text (word/document.xml). */
  body: string;
  /** Each header part's text (the first page's and the other pages'). */
  headers: string[];
  /** Each footer part's text. */
  footers: string[];
  /** The footnotes' text. */
  footnotes: string;
  /** Comments' text (docketpress writes none; read all the same, so a comment could never go unchecked). */
  comments: string;
  /** Document properties: title, subject, author, keywords, last modified by (docProps/*). */
  properties: string;
  /** Addresses of hyperlinks (relationship targets). */
  links: string[];
  /** Every part of the package with its text, for checks that must see everything. */
  parts: Array<{ part: string; text: string }>;
}

/** A package as docx made it: its zip file, or (without zipping it first) its parts by path. */
export type PackageParts = { zip: Uint8Array } | { files: ReadonlyMap<string, string | Uint8Array> };

/** The OPC order: content types first, then the package relationships, then every other part by name. */
function partOrder(a: string, b: string): number {
  const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

const isXml = (part: string): boolean => /\.(xml|rels)$/.test(part);

/**
 * The package with fixed bytes, as Word expects it: core properties created/modified on `date` (docx writes the
 * clock's time), separator notes without a note mark,
 * relationship ids docx draws at random (hyperlinks) renamed `rIdLink1`, `rIdLink2` … in order of appearance,
 * entries in a fixed order, each stamped with `date` (at noon local time, so the DOS date stored is the
 * brief's date in any time zone).
 */
export function deterministicPackage(parts: PackageParts, date: Date): { bytes: Uint8Array; parts: Map<string, string> } {
  const entries = 'zip' in parts ? new Map(Object.entries(unzipSync(parts.zip))) : parts.files;
  const names = [...entries.keys()].sort(partOrder);
  const bytesOf = (name: string): Uint8Array => {
    const data = entries.get(name)!;
    return typeof data === 'string' ? strToU8(data) : data;
  };
  const texts = new Map<string, string>();
  for (const name of names) {
    const data = entries.get(name)!;
    if (isXml(name)) texts.set(name, typeof data === 'string' ? data : strFromU8(data));
  }

  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  const core = texts.get('docProps/core.xml');
  if (core !== undefined) texts.set('docProps/core.xml', core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));

  // docx writes a note-number run into the separator notes, which belongs only in real notes: Word then opens the
  // file with its "unreadable content" repair dialog. The separators keep just their rule.
  for (const part of ['word/footnotes.xml', 'word/endnotes.xml']) {
    const notes = texts.get(part);
    if (notes !== undefined) texts.set(part, notes.replace(/<w:(footnote|endnote) w:type="(?:separator|continuationSeparator)"[^>]*>.*?<\/w:\1>/gs, separatorWithoutMark));
  }

  const renamed = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    for (const [, id] of texts.get(name)!.matchAll(/\bId="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(id!) && !renamed.has(id!)) renamed.set(id!, `rIdLink${renamed.size + 1}`);
    }
  }
  if (renamed.size > 0) {
    const pattern = new RegExp(`"(${[...renamed.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`, 'g');
    for (const [name, text] of texts) texts.set(name, text.replace(pattern, (_, id: string) => `"${renamed.get(id)}"`));
  }

  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
  const files: Zippable = {};
  for (const name of names) files[name] = [texts.has(name) ? strToU8(texts.get(name)!) : bytesOf(name), { mtime, level: 6 }];
  return { bytes: zipSync(files, { mtime, level: 6 }), parts: texts };
}

function separatorWithoutMark(note: string): string {
  return note.replace(/<w:r><w:rPr><w:rStyle w:val="(?:Footnote|Endnote)Reference"\/><\/w:rPr><w:(?:footnote|endnote)Ref\/><\/w:r>/g, '');
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** A WordprocessingML part's text: its paragraphs' text runs, tabs and breaks, a paragraph a line. */
function wordText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) => {
      let line = '';
      for (const [, tag, content] of paragraph.matchAll(/<(w:t|w:tab|w:br|w:cr|w:delText)\b[^>]*?(?:\/>|>([^<]*)<\/\1>)/g)) {
        line += tag === 'w:tab' ? '\t' : tag === 'w:br' || tag === 'w:cr' ? '\n' : decode(content ?? '');
      }
      return line;
    })
    .filter((line) => line !== '')
    .join('\n');
}

/** Any other XML part's text: the content of every element, each on its own line. */
function elementText(xml: string): string {
  return [...xml.matchAll(/>([^<]+)</g)].map(([, text]) => decode(text!)).join('\n');
}

/** What each part of a packed document shows, in the shape the checks read. */
export function visibleText(parts: ReadonlyMap<string, string>): DocxText {
  const text = (part: string): string => {
    const xml = parts.get(part);
    return xml === undefined ? '' : part.startsWith('word/') && !part.includes('/_rels/') ? wordText(xml) : elementText(xml);
  };
  const names = [...parts.keys()];
  const targets = (part: string): string[] =>
    [...(parts.get(part) ?? '').matchAll(/<Relationship\b[^>]*\bTargetMode="External"[^>]*>/g)].map(([tag]) => decode(/\bTarget="([^"]*)"/.exec(tag)?.[1] ?? ''));
  const links = names.filter((n) => n.endsWith('.rels')).flatMap(targets);
  return {
    body: text('word/document.xml'),
    headers: names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(text),
    footers: names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(text),
    footnotes: text('word/footnotes.xml'),
    comments: names.filter((n) => /^word\/comments\w*\.xml$/.test(n)).map(text).join('\n'),
    properties: names.filter((n) => n.startsWith('docProps/')).map(text).join('\n'),
    links,
    parts: names.map((part) => ({ part, text: part.endsWith('.rels') ? targets(part).join('\n') : text(part) })),
  };
}

/**
 * The record every renderer returns: Word lays out its own pages, so the text of every part, the header and footer
 * parts every page shows, and the document properties.
 */
export function visibleRecord(text: DocxText, parts: ReadonlyMap<string, string>): FramedText {
  const metadata: Record<string, string> = {};
  for (const [, name, value] of (parts.get('docProps/core.xml') ?? '').matchAll(/<(?:dc|cp|dcterms):(\w+)\b[^>]*>([^<]+)</g)) metadata[name!] = decode(value!);
  return { layout: 'frames', parts: text.parts, headers: text.headers, footers: text.footers, metadata, bookmarks: [] };
}
