// Markdown renderer: mdast → GFM Markdown via remark-stringify. Escapes every text value; never restyles.
import type { Parents, Root, Text } from 'mdast';
import { defaultHandlers, type Info, type State } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

// Text that no Markdown construct can claim is written as it is: escaping it (remark's `safe`, dozens of
// patterns over every text node — most of the time spent writing a long filing) would change nothing. What
// counts as plain follows the escaping rules of mdast-util-to-markdown, remark-gfm and remark-directive; a test
// compares both ways on random text in every construct a document uses.
//   Inside: letters, digits, single spaces, non-ASCII characters, `, . ; ? % $ / ' " ( ) + = -`, and colons only
//   before a space (`:name` is a directive, `http:/` a link). Never: !#&*:<>@[\]^_`{|}~, tabs, line breaks.
const INNER = String.raw`[\p{L}\p{M}\p{N},.;?%$/'"()+=-]|[^\s\x00-\x7F]| (?! |$)|:(?= [^ ])`;
/** At a line's start a digit, `-`, `+`, `=`, `(` … could open a list, a heading underline or a link. */
const LINE_START = new RegExp(String.raw`^(?:[\p{L}\p{M}"'.,;?%$/]|[^\s\x00-\x7F])(?:${INNER})*$`, 'u');
/** Away from a line's start any inner character may lead. */
const MID_LINE = new RegExp(String.raw`^(?:${INNER})+$`, 'u');
/** `w.` before a word character (inside, or at the end, where the next node may supply one) reads as `www.`. */
const AUTOLINK_LIKE = /[Ww]\.(?:[-.\w]|$)/;

/** Whether a text value is written as it is at the start of a line (the strictest place). */
export function isPlainText(value: string): boolean {
  return LINE_START.test(value) && !AUTOLINK_LIKE.test(value);
}

/**
 * Whether a text node is written as it is where it stands. Block syntax and the space rules apply only right
 * after a line break (as `before` says); elsewhere one space may lead and one may end the text — unless a line
 * break follows — and `(` may lead unless it follows `]` (which would make a link).
 */
function writtenAsIs(value: string, info: Info): boolean {
  if (/[\r\n]$/.test(info.before)) return isPlainText(value);
  let core = value.startsWith(' ') ? value.slice(1) : value;
  if (core.endsWith(' ')) {
    if (/^[\r\n]/.test(info.after)) return false;
    core = core.slice(0, -1);
  }
  if (value.startsWith('(') && info.before.endsWith(']')) return false;
  return MID_LINE.test(core) && !AUTOLINK_LIKE.test(core);
}

function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  return writtenAsIs(node.value, info) ? node.value : defaultHandlers.text(node, parent, state, info);
}

/** How documents are written: `-` bullets, `_emphasis_`, `*strong*`, fenced code, aligned table pipes. */
const STYLE = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one', incrementListMarker: true } as const;

const processor = unified().use(remarkGfm, { tablePipeAlign: true }).use(remarkStringify, { ...STYLE, handlers: { text } }).freeze();
const slowProcessor = unified().use(remarkGfm, { tablePipeAlign: true }).use(remarkStringify, STYLE).freeze();

/** Serialises a composed tree to Markdown. */
export function renderMarkdown(root: Root): string {
  return processor.stringify(root);
}

/** The same, every text value escaped the general way (what the shortcut is checked against). */
export function renderMarkdownSlowly(root: Root): string {
  return slowProcessor.stringify(root);
}
