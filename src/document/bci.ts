// Business confidential information (BCI) in the tree: the `bci` node, the markings, and what is confidential or public.
import type { Data, Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** A span of business confidential information, with the reason it needs protection. */
export interface Bci extends Parent {
  type: 'bci';
  children: PhrasingContent[];
  data?: BciData;
}

export interface BciData extends Data {
  reason?: string;
  /** Where the span was marked (a `:bci[…]` in a brief, or a confidential datum), for messages. */
  place?: { file: string; line: number; column: number };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    bci: Bci;
  }
  interface RootContentMap {
    bci: Bci;
  }
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
