// Reads one YAML file keeping positions: parse errors as diagnostics, and the place of any path in the file.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';

/** A parsed YAML file with what is needed to point at its nodes. */
export interface YamlFile {
  /** The path shown in messages. */
  name: string;
  /** The file's text. */
  source: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export type PathSegment = string | number;
export interface Place {
  line: number;
  column: number;
}

/** What each YAML parser error code means for a person editing the file. */
const YAML_ERROR_ADVICE: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'this key appears twice in the same mapping: keep one',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs: replace the tab with spaces',
  BAD_INDENT: 'the indentation does not line up with the lines above: align it with its siblings',
  MULTIPLE_DOCS: 'a data file holds one YAML document: remove the extra `---`',
  BAD_ALIAS: 'this alias names no anchor defined before it',
  RESOURCE_EXHAUSTION: 'aliases expand to too much data (an alias bomb?): write the values out instead',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span lines: is a colon missing or a quote unclosed?',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span lines: is a colon missing or a quote unclosed?',
  UNEXPECTED_TOKEN: 'unexpected character here: check colons, dashes and quotes',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters: is a colon missing?',
};

/** Most aliases a file may expand, so alias bombs stop early. */
export const MAX_ALIAS_COUNT = 200;

/** Parses YAML text; returns the file and every syntax problem as a positioned diagnostic. */
export function parseYamlText(name: string, text: string): { file: YamlFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [];
  for (const [severity, list] of [['error', doc.errors], ['warning', doc.warnings]] as const) {
    for (const problem of list) {
      const at = lineCounter.linePos(problem.pos[0]);
      const advice = YAML_ERROR_ADVICE[problem.code];
      const first = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/"quote$/, 'quote');
      const message = advice ? `${first.charAt(0).toLowerCase()}${first.slice(1)}: ${advice}` : first;
      diagnostics.push(diagnostic(name, { line: at.line, column: at.col }, severity, message, `yaml-${problem.code.toLowerCase().replace(/_/g, '-')}`));
    }
  }
  return { file: { name, source: text, doc, lineCounter }, diagnostics };
}

/** Converts the parsed document to plain data, bounding alias expansion. Throws a diagnostic-ready error text. */
export function yamlToValue(file: YamlFile): { value: unknown } | { problem: Diagnostic } {
  try {
    return { value: file.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return {
      problem: diagnostic(file.name, { line: 1, column: 1 }, 'error', `cannot read this file's data: ${text.split('\n')[0]}: write the values out instead of using so many aliases`, 'yaml-resource-exhaustion'),
    };
  }
}

function placeOfOffset(file: YamlFile, offset: number): Place {
  const { line, col } = file.lineCounter.linePos(offset);
  return { line, column: col };
}

function nodeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as Node).range;
    if (range) return range[0];
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * Finds the node at `path`; when a segment is missing, stops at the deepest node that exists.
 * With `key`, returns the key node of the last segment instead of its value (for unknown fields).
 */
export function placeOf(file: YamlFile, path: readonly PathSegment[], options: { key?: boolean } = {}): Place {
  let node: unknown = file.doc.contents;
  let best = nodeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) break;
      const keyStart = nodeStart(pair.key);
      if (last && options.key && keyStart !== undefined) return placeOfOffset(file, keyStart);
      const valueStart = nodeStart(pair.value);
      node = pair.value;
      best = valueStart ?? keyStart ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      best = nodeStart(item) ?? best;
    } else {
      break;
    }
  }
  return placeOfOffset(file, best);
}

/**
 * Where the text of a string value starts: for a block scalar (`|` or `>`), its first content line and
 * indentation; otherwise the value itself (one past an opening quote).
 */
export function proseStart(file: YamlFile, path: readonly PathSegment[]): Place {
  const node = file.doc.getIn(path, true);
  const place = placeOf(file, path);
  if (!isScalar(node)) return place;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const firstContentLine = place.line + 1;
    const lineStart = file.lineCounter.lineStarts[firstContentLine - 1];
    return { line: firstContentLine, column: lineStart === undefined ? place.column : indentationAt(file, lineStart) + 1 };
  }
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return { line: place.line, column: place.column + 1 };
  return place;
}

function indentationAt(file: YamlFile, offset: number): number {
  let count = 0;
  while (file.source[offset + count] === ' ') count++;
  return count;
}
