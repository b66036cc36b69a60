// Typographic quotation marks in a composed tree: straight quotes become curly ones, and quotes inside a
// quotation alternate (double outside, single inside), in data and prose alike. Code and URLs are untouched.
import type { Nodes, Root } from 'mdast';

const OPENS_AFTER = /[\s([{\u2014\u2013/-]/u;

/**
 * Rewrites the quotation marks of every text run of the tree, block by block (a quotation may span
 * several text nodes of one paragraph): `"` opens or closes by its neighbours, a quote opened inside a
 * double quotation becomes single (‘…’), an inner “…” inside “…” becomes ‘…’, and `'` is an apostrophe (’)
 * unless it opens a quotation. Inline code, code blocks and link text (addresses) are left as they are.
 */
export function smartQuotes(root: Root): void {
  const walk = (node: Nodes): void => {
    if (!('children' in node)) return;
    const phrasing = node.children.some((child) => child.type === 'text');
    if (phrasing) quoteRun(node.children as Nodes[]);
    else for (const child of node.children) walk(child as Nodes);
  };
  walk(root);
}

/** The text nodes of a phrasing run, in order, skipping code and links. */
function textsOf(nodes: readonly Nodes[], out: { value: string }[] = []): { value: string }[] {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node);
    else if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'link') continue;
    else if ('children' in node) textsOf(node.children as Nodes[], out);
  }
  return out;
}

/** Any quotation mark or apostrophe this module rewrites. */
const QUOTE_MARK = /["'“”‘’]/;

/** The last character (code point) of a non-empty text. */
function lastCharacter(value: string): string {
  const low = value.charCodeAt(value.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && value.length > 1 ? value.slice(-2) : value.slice(-1);
}

function quoteRun(nodes: readonly Nodes[]): void {
  const stack: ('d' | 's')[] = [];
  let previous = '';
  for (const node of textsOf(nodes)) {
    // A run without quotation marks stays as it is: only its last character matters to the next run.
    if (!QUOTE_MARK.test(node.value)) {
      if (node.value !== '') previous = lastCharacter(node.value);
      continue;
    }
    let result = '';
    const chars = [...node.value];
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i]!;
      let out = char;
      if (QUOTE_MARK.test(char)) {
        const next = chars[i + 1] ?? '';
        const opening = previous === '' || OPENS_AFTER.test(previous) || previous === '“' || previous === '‘';
        const top = stack[stack.length - 1];
        if (char === '"' || char === '“' || char === '”') {
          const opens = char === '“' || (char === '"' && opening);
          if (opens) {
            out = top === 'd' ? '‘' : '“';
            stack.push(top === 'd' ? 's' : 'd');
          } else {
            out = top === 's' ? '’' : '”';
            stack.pop();
          }
        } else if ((char === '\'' && opening && /\p{L}|\p{N}/u.test(next)) || char === '‘') {
          out = '‘';
          stack.push('s');
        } else {
          out = '’';
          if (top === 's' && !/\p{L}/u.test(next)) stack.pop();
        }
      }
      result += out;
      previous = char;
    }
    node.value = result;
  }
}
