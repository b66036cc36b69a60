// Business confidential information (BCI) in the tree: the `bci` node, and the BC and public versions made from it.
import type { Data, FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { text } from './nodes.js';

/** A span of business confidential information, with the reason it needs protection. */
export interface Bci extends Parent {
  type: 'bci';
  children: PhrasingContent[];
  data?: BciData;
}

export interface BciData extends Data {
  reason?: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    bci: Bci;
  }
  interface RootContentMap {
    bci: Bci;
  }
}

/** Wraps phrasing content as one BCI span. */
export function bci(children: PhrasingContent[], reason?: string): Bci {
  return { type: 'bci', children, ...(reason ? { data: { reason } } : {}) };
}

export const BC_MARKING = 'BUSINESS CONFIDENTIAL';
export const PUBLIC_MARKING = 'PUBLIC VERSION';
/** What replaces each BCI span in the public version. */
export const REDACTED = '[ ]';

/** The BCI spans of a tree, in document order. */
export function bciSpans(root: Root): Bci[] {
  // A plain walk: unist-util-visit builds the ancestor list of every node, which over a 200-market comment
  // cost more than composing it, and only the spans are wanted here.
  const spans: Bci[] = [];
  const walk = (node: Nodes): void => {
    if ((node as { type: string }).type === 'bci') spans.push(node as unknown as Bci);
    else if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(root);
  return spans;
}

/** The text of each BCI span (what must never reach the public version). */
export function confidentialTexts(root: Root): string[] {
  return bciSpans(root)
    .map((span) => toString(span).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** All text of the tree outside BCI spans, whitespace-normalised (what the public may read). */
export function publicText(root: Root): string {
  const parts: string[] = [];
  visit(root, (node) => {
    if (node.type === 'bci') return SKIP;
    if ('value' in node && typeof node.value === 'string' && node.type !== 'html') parts.push(node.value);
    if (node.type === 'link') parts.push(node.url);
    return undefined;
  });
  return parts.join(' ').replace(/\s+/g, ' ');
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
