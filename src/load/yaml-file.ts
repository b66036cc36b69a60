// Reads one YAML file keeping positions: parse errors as diagnostics, and the place of any path in the file.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Locator, PathSegment, Place } from '../diagnostics/locator.js';
import { characterName, visible } from '../diagnostics/visible.js';
import { lazyFile, registerCarefulParser } from './lazy-yaml.js';

export { MAX_FILE_BYTES } from './file-bytes.js';

/** A parsed YAML file with what is needed to point at its nodes; later stages see only its `Locator` side. */
export interface YamlFile extends Locator {
  /** The path shown in messages. */
  name: string;
  /** The file's text. */
  source: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export type { PathSegment, Place } from '../diagnostics/locator.js';
export { characterName, visible } from '../diagnostics/visible.js';

/** A parsed file with its `Locator` methods. */
function yamlFile(name: string, source: string, doc: Document.Parsed, lineCounter: LineCounter): YamlFile {
  const file: YamlFile = {
    name,
    source,
    doc,
    lineCounter,
    placeOf: (path, options) => placeOf(file, path, options),
    proseStart: (path) => proseStart(file, path),
    placeOfText: (text) => placeOfText(file, text),
  };
  return file;
}

/** The first place `text` occurs in the file (columns count UTF-16 units, as in every other message). */
function placeOfText(file: YamlFile, text: string): Place | undefined {
  const offset = file.source.indexOf(text);
  return offset < 0 ? undefined : placeOfOffset(file, offset);
}

/** What each YAML parser error code means for a person editing the file. */
const YAML_ERROR_ADVICE: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'this key appears twice in the same mapping: keep one',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs: replace the tab with spaces',
  BAD_INDENT: 'the indentation does not line up with the lines above: align it with its siblings',
  MULTIPLE_DOCS: 'a file holds one YAML document: remove the extra `---` line (and merge what follows it into the document above)',
  BAD_ALIAS: 'this alias names no anchor defined before it',
  RESOURCE_EXHAUSTION: 'aliases expand to too much data (an alias bomb?): write the values out instead',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span lines: is a colon missing or a quote unclosed?',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span lines: is a colon missing or a quote unclosed?',
  UNEXPECTED_TOKEN: 'unexpected character here: check colons, dashes and quotes',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters: is a colon missing?',
};

/** Parser messages reworded for people who edit YAML by hand (keyed by error code). */
const YAML_MESSAGE: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: 'a second YAML document starts here',
};

/** Most aliases a file may expand, so alias bombs stop early. */
export const MAX_ALIAS_COUNT = 200;


/** Deepest nesting of mappings and lists a file may have (the real data nests five or six levels). */
export const MAX_DEPTH = 64;

/** YAML syntax messages reported per file; the rest are summed up in one message. */
export const MAX_SYNTAX_MESSAGES = 20;

/** Characters that are invisible or reorder text: fine in prose, never in ids, keys or dates. */
export const INVISIBLE_CHARACTER = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** Control characters YAML does not allow in a file (all C0 and C1 controls but tab, line feed and carriage return). */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/u;

// Whoever can ask for a position has loaded this module, so files restored from the cache can parse themselves.
registerCarefulParser((name, source) => parseYamlText(name, source).file);

/** Parses YAML text; returns the file and every syntax problem as a positioned diagnostic. */
export function parseYamlText(name: string, text: string): { file: YamlFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  // A byte order mark is not part of the text: positions count from the first real character, as editors do.
  const source = text.replace(/^\uFEFF/, '');
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const file = yamlFile(name, source, doc, lineCounter);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  // A tab used as indentation makes the parser report a cascade of follow-on errors: report the tab alone.
  const firstTab = doc.errors.find((e) => e.code === 'TAB_AS_INDENT');
  const tabLine = firstTab ? lineCounter.linePos(firstTab.pos[0]).line : Number.POSITIVE_INFINITY;
  let tooDeep = false;
  let hidden = 0;
  let firstHidden: Place | undefined;
  for (const [severity, list] of [['error', doc.errors], ['warning', doc.warnings]] as const) {
    for (const problem of list) {
      const at = lineCounter.linePos(problem.pos[0]);
      const deep = problem.code === 'RESOURCE_EXHAUSTION' && /call stack|depth/i.test(problem.message);
      if (deep) {
        // The parser ran out of stack: one message is enough, the others it gives for the same spot are noise.
        if (tooDeep) continue;
        tooDeep = true;
        // Where the parser gave up depends on the stack size; where the brackets pass the limit does not.
        const offset = flowDepthOffset(source);
        const place = offset === undefined ? { line: at.line, column: at.col } : placeOfOffset(file, offset);
        diagnostics.push(tooDeepDiagnostic(name, place));
        continue;
      }
      if (problem.code !== 'TAB_AS_INDENT' && at.line >= tabLine) continue;
      const key = `${problem.code}:${at.line}:${at.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (diagnostics.length >= MAX_SYNTAX_MESSAGES) {
        hidden++;
        firstHidden ??= { line: at.line, column: at.col };
        continue;
      }
      if (problem.code === 'DUPLICATE_KEY') {
        const end = source.indexOf('\n', problem.pos[0]);
        const rest = source.slice(problem.pos[0], end < 0 ? undefined : end);
        const key = visible(/^\s*(?:- )?("(?:[^"\\]|\\.)*"|'[^']*'|[^:#]+?)\s*:/.exec(rest)?.[1] ?? '', 60);
        if (key) {
          diagnostics.push(diagnostic(name, { line: at.line, column: at.col }, severity, `the key \`${key}\` appears twice in the same mapping: keep one of them`, 'yaml-duplicate-key'));
          continue;
        }
      }
      const advice = YAML_ERROR_ADVICE[problem.code];
      const first = YAML_MESSAGE[problem.code] ?? problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/"quote$/, 'quote');
      const message = advice ? `${first.charAt(0).toLowerCase()}${first.slice(1)}: ${advice}` : first;
      diagnostics.push(diagnostic(name, { line: at.line, column: at.col }, severity, message, `yaml-${problem.code.toLowerCase().replace(/_/g, '-')}`));
    }
  }
  if (tooDeep) {
    // Past the parser's depth everything else it says is noise (brackets it never saw closed).
    return { file, diagnostics: diagnostics.filter((d) => d.ruleId === 'yaml-too-deep') };
  }
  if (hidden > 0 && firstHidden) {
    diagnostics.push(diagnostic(name, firstHidden, 'error', `${hidden} more YAML syntax problem(s) from here on are not shown: fix the ones above first (one early mistake often causes the rest)`, 'yaml-too-many-errors'));
  }
  const control = CONTROL_CHARACTER.exec(source);
  if (control) {
    const { line, col } = lineCounter.linePos(control.index);
    diagnostics.push(
      diagnostic(name, { line, column: col }, 'error', `an invisible control character ${characterName(control[0])} is here (often pasted from a PDF or a word processor): delete it`, 'control-character'),
    );
  }
  if (!tooDeep && !diagnostics.some((d) => d.severity === 'error')) {
    const deep = deepestPlace(file);
    if (deep) diagnostics.push(tooDeepDiagnostic(name, deep));
  }
  return { file, diagnostics };
}

function tooDeepDiagnostic(name: string, place: Place): Diagnostic {
  return diagnostic(name, place, 'error', `the values here are nested more than ${MAX_DEPTH} levels deep, so the file was not read: data and brief files nest a few levels at most; look for unclosed \`[\` or \`{\` or runaway indentation`, 'yaml-too-deep');
}

/** Offset of the first `[` or `{` that opens more than MAX_DEPTH flow collections (quotes and comments skipped). */
function flowDepthOffset(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** The place of the first node nested deeper than MAX_DEPTH, found without recursion. */
function deepestPlace(file: YamlFile): Place | undefined {
  const stack: [unknown, number][] = [[file.doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_DEPTH) return placeOfOffset(file, nodeStart(node) ?? 0);
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** Converts the parsed document to plain data, bounding alias expansion. */
export function yamlToValue(file: YamlFile): { value: unknown } | { problem: Diagnostic } {
  try {
    return { value: file.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    let at: Place = { line: 1, column: 1 };
    visit(file.doc, {
      Alias(_, node) {
        const start = nodeStart(node);
        if (start !== undefined) at = placeOfOffset(file, start);
        return visit.BREAK;
      },
    });
    const aliasBomb = /alias/i.test(text);
    return {
      problem: diagnostic(
        file.name,
        at,
        'error',
        aliasBomb
          ? `the aliases (\`*name\`) in this file expand to too much data (more than ${MAX_ALIAS_COUNT} expansions), so it was not read: write the values out instead of repeating aliases`
          : `cannot read this file's data (${visible(text.split('\n')[0] ?? '')}): simplify the YAML here`,
        'yaml-resource-exhaustion',
      ),
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

/**
 * The place of the character at `index` of the string value at `path`, when the value is written on one line
 * as is (plain, or quoted without escapes before it); otherwise the value's start.
 */
export function placeOfCharacter(file: YamlFile, path: readonly PathSegment[], index: number, options: { key?: boolean } = {}): Place {
  const start = placeOf(file, path, options);
  let node: unknown = file.doc.getIn(path, true);
  if (options.key) {
    const parent = file.doc.getIn(path.slice(0, -1), true);
    const pair = isMap(parent) ? parent.items.find((item) => isPair(item) && keyText(item.key) === String(path[path.length - 1])) : undefined;
    node = pair?.key;
  }
  if (!isScalar(node) || !node.range || typeof node.value !== 'string') return start;
  const raw = file.source.slice(node.range[0], node.range[1]);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  const written = raw.slice(quoted, quoted + index + 1);
  if (raw.includes('\n') || written !== node.value.slice(0, index + 1)) return start;
  return { line: start.line, column: start.column + quoted + index };
}

/** Anchors, aliases, tags or directives: files with these take the careful parser (it bounds alias expansion). */
const NEEDS_CAREFUL_PARSER = /(?:^|[\s,[{:-])[&*!][^\s,\]}]|^%/m;

/** Every character NEEDS_CAREFUL_PARSER or CONTROL_CHARACTER can start a match with. */
const MAYBE_CAREFUL = /[&*!%\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/;

/**
 * Whether a plain value from the fast parser nests deeper than MAX_DEPTH. Recursive, but never more than
 * MAX_DEPTH + 1 calls deep: it stops at the first value past the limit (the fast parser makes no aliases, so
 * the value is a tree).
 */
function nestedTooDeep(node: unknown, depth = 1): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(node)) {
    for (const child of node) if (nestedTooDeep(child, depth + 1)) return true;
  } else {
    for (const key in node) if (nestedTooDeep((node as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/**
 * Reads YAML text into plain data with every problem positioned. Plain files (no anchors, aliases or tags,
 * no control characters) go through a fast parser; positions are then computed only if a message needs one.
 * Anything the fast parser rejects, or does not handle, goes through the careful parser, which reports it.
 */
export function readYaml(name: string, text: string): { file: YamlFile; diagnostics: Diagnostic[]; value?: unknown } {
  const source = text.replace(/^\uFEFF/, '');
  // One quick scan for any character either pattern needs; most files have none, so neither pattern runs.
  const plain = !MAYBE_CAREFUL.test(source) || (!NEEDS_CAREFUL_PARSER.test(source) && !CONTROL_CHARACTER.test(source));
  if (plain) {
    try {
      const value = loadFast(source, { schema: CORE_SCHEMA, json: false });
      if (!nestedTooDeep(value)) return { file: lazyFile(name, source), diagnostics: [], value };
    } catch {
      // The careful parser says what is wrong, and where.
    }
  }
  const parsed = parseYamlText(name, text);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return parsed;
  const converted = yamlToValue(parsed.file);
  if ('problem' in converted) return { ...parsed, diagnostics: [...parsed.diagnostics, converted.problem] };
  return { ...parsed, value: converted.value };
}
