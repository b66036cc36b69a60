// Business confidential information (BCI) in the tree: spans made, and the BC and public versions made from them.
import type { FootnoteDefinition, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { REDACTED, type Bci } from '../document/bci.js';
import { text } from './nodes.js';

export { BC_MARKING, bciSpans, confidentialTexts, PUBLIC_MARKING, publicText, REDACTED, type Bci, type BciData } from '../document/bci.js';

/** Wraps phrasing content as one BCI span. */
export function bci(children: PhrasingContent[], reason?: string): Bci {
  return { type: 'bci', children, ...(reason ? { data: { reason } } : {}) };
}

/** Replaces every BCI span, innermost-safe: the replacement never contains another span. */
function replaceSpans(root: Root, replace: (span: Bci) => PhrasingContent[]): void {
  visit(root, 'bci', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const replacement = replace(node as Bci);
    parent.children.splice(index, 1, ...(replacement as never[]));
    return [SKIP, index + replacement.length];
  });
}

/** The business-confidential version: each span in [brackets], everything kept. */
export function businessConfidentialTree(root: Root): Root {
  const tree = structuredClone(root);
  replaceSpans(tree, (span) => {
    // Nested spans are bracketed once, by the outermost.
    const inner = structuredClone(span.children);
    replaceSpans({ type: 'root', children: [{ type: 'paragraph', children: inner }] }, (s) => s.children);
    return [text('['), ...inner, text(']')];
  });
  return tree;
}

/**
 * The public version: each span becomes `[ ]`; footnotes referenced only from inside spans disappear,
 * and the remaining footnotes are renumbered 1, 2, 3 … so no gap hints at what was removed.
 */
export function publicTree(root: Root): Root {
  const tree = structuredClone(root);
  replaceSpans(tree, () => [text(REDACTED)]);
  const referenced: string[] = [];
  visit(tree, 'footnoteReference', (node) => {
    if (!referenced.includes(node.identifier)) referenced.push(node.identifier);
  });
  const renumber = new Map(referenced.map((id, i) => [id, String(i + 1)]));
  tree.children = tree.children.filter((node: RootContent) => node.type !== 'footnoteDefinition' || renumber.has(node.identifier));
  visit(tree, (node) => {
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      const id = renumber.get(node.identifier)!;
      node.identifier = id;
      node.label = id;
    }
  });
  tree.children.sort((a, b) => footnoteOrder(a) - footnoteOrder(b));
  return tree;
}

function footnoteOrder(node: RootContent): number {
  return node.type === 'footnoteDefinition' ? Number((node as FootnoteDefinition).identifier) : 0;
}

/** A marking paragraph for the top or bottom of a version: plain capitals (bold alone would read as a heading to markdownlint, MD036). */
export function markingParagraph(marking: string): RootContent {
  const value: Text = text(marking);
  return { type: 'paragraph', children: [value] };
}
