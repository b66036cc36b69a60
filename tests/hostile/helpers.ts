// Shared pieces of the hostile-input tests: case folders assembled in a temp dir, message checks, and what a
// reader sees of each output (Markdown re-parsed, PDF text layer, HTML text) and every link target it holds.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { readPdfText } from '../helpers/pdf-text.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const HOSTILE = path.join(ROOT, 'tests/fixtures/hostile');
export const BASE = path.join(HOSTILE, '_base');

/** `file:line:column: error|warning message [rule-id]`, the one-line message contract. */
export const MESSAGE_LINE = /^([^:\s][^:]*):(\d+):(\d+): (error|warning) .+ \[[a-z0-9-]+\]$/;

/** The cases of the corpus (folders not starting with `_`), sorted. */
export function hostileCases(): string[] {
  return readdirSync(HOSTILE, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

/** A fresh temp folder. */
/** Every file below `dir`, temp files included: relative path → sha256 of its bytes. */
export function fileHashes(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else found.set(relative, createHash('sha256').update(readFileSync(path.join(dir, relative))).digest('hex'));
    }
  };
  walk('');
  return found;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `docketpress-${prefix}-`));
}

/**
 * Assembles a case in `dir`: the base data, the case's data files laid over it (same path: replaced; new
 * path: added), the case's briefs (only those), and a copy of the project's templates with the case's on top.
 */
export function assembleCase(caseDir: string, dir: string): void {
  cpSync(path.join(BASE, 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  mkdirSync(path.join(dir, 'briefs'), { recursive: true });
  for (const folder of ['data', 'briefs', 'templates', 'extra']) {
    const from = path.join(caseDir, folder);
    if (existsSync(from)) cpSync(from, folder === 'extra' ? dir : path.join(dir, folder), { recursive: true });
  }
}

/** Every message line of a run, and the lines that break the contract (stack traces, stray output). */
export function messagesOf(output: string): { messages: string[]; strays: string[] } {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const messages = lines.filter((line) => MESSAGE_LINE.test(line));
  const strays = lines.filter((line) => /^\s+at |Error:|node:internal|\bTypeError\b|\bRangeError\b/.test(line));
  return { messages, strays };
}

/** Problems with a message's place: the file must exist (under `cwd`) and the line and column lie within it. */
export function placeProblems(messages: readonly string[], cwd: string, texts: Map<string, string> = new Map()): string[] {
  const problems: string[] = [];
  for (const message of messages) {
    const match = MESSAGE_LINE.exec(message);
    if (!match) {
      problems.push(`not a message line: ${message}`);
      continue;
    }
    const [, file, lineText, columnText] = match;
    const full = path.resolve(cwd, file!);
    const text = texts.get(file!) ?? (existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined);
    if (text === undefined) {
      problems.push(`names a file that does not exist: ${message}`);
      continue;
    }
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    const line = Number(lineText);
    const column = Number(columnText);
    if (line < 1 || line > lines.length) problems.push(`line ${line} is outside the file (${lines.length} lines): ${message}`);
    else if (column < 1 || column > lines[line - 1]!.length + 1) problems.push(`column ${column} is outside line ${line} (${lines[line - 1]!.length} characters): ${message}`);
  }
  return problems;
}

/** Collapses runs of white space, so text wrapped differently by each output compares equal. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const gfmParser = unified().use(remarkParse).use(remarkGfm);

/** What a GFM reader sees of a Markdown file: its text (text nodes only), links, and the node types it holds. */
export function readMarkdown(markdown: string): { text: string; urls: string[]; types: Set<string> } {
  const tree = gfmParser.parse(markdown) as Root;
  const parts: string[] = [];
  const urls: string[] = [];
  const types = new Set<string>();
  visit(tree, (node: Nodes) => {
    types.add(node.type);
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'link' || node.type === 'definition' || node.type === 'image') urls.push(node.url);
    else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'break') parts.push(' ');
  });
  return { text: squash(parts.join('')), urls, types };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** What a browser shows of an HTML page (its body text) and every URL-bearing attribute and element name. */
export function readHtml(html: string): { text: string; urls: string[]; elements: Set<string> } {
  const elements = new Set<string>();
  const urls: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  for (const match of html.matchAll(tag)) {
    elements.add(match[2]!.toLowerCase());
    for (const attr of match[3]!.matchAll(/\b(href|src|action|formaction|xlink:href|poster|srcset)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
      urls.push(decodeEntities(attr[2]!.replace(/^["']|["']$/g, '')));
    }
  }
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const withoutStyle = body.replace(/<style[\s\S]*?<\/style>/gi, ' ');
  // Block boundaries become spaces; inline tags (a, em, strong, sup …) vanish, as they do on screen.
  const block = /^(?:p|div|section|h[1-6]|li|ul|ol|table|thead|tbody|tr|td|th|br|hr|blockquote|pre|header|footer|nav|main|article|caption|dl|dt|dd)$/i;
  const text = decodeEntities(withoutStyle.replace(tag, (whole, _slash: string, name: string) => (block.test(name) ? ' ' : '')));
  return { text: squash(text), urls, elements };
}

/** What a PDF reader sees: the text of every page, and every URI its link annotations point to. */
export async function readPdf(bytes: Uint8Array): Promise<{ text: string; urls: string[] }> {
  const read = await readPdfText(bytes);
  const raw = Buffer.from(bytes).toString('latin1');
  const urls = [...raw.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  return { text: squash(read.pages.join(' ')), urls };
}

/** True for the only link targets a built document may hold. */
export function allowedUrl(url: string): boolean {
  if (url.startsWith('#')) return true; // in-page links the HTML renderer makes itself (footnotes, headings)
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
