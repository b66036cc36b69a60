// Business confidential information (BCI) in the tree: spans made, and the BC and public versions made from them.
import type { FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { bciSpans, REDACTED, type Bci, type BciData } from '../document/bci.js';
import { applyShortForms } from './citations.js';
import { text } from './nodes.js';

export { BC_MARKING, bciSpans, confidentialTexts, PUBLIC_MARKING, publicText, REDACTED, type Bci, type BciData } from '../document/bci.js';

/** Wraps phrasing content as one BCI span. */
export function bci(children: PhrasingContent[], reason?: string, place?: BciData['place']): Bci {
  const data: BciData = { ...(reason ? { reason } : {}), ...(place ? { place } : {}) };
  return { type: 'bci', children, ...(Object.keys(data).length ? { data } : {}) };
}

/** A datum that may be business confidential: a quote or a metric with `confidential: true`. */
export interface MaybeConfidential {
  confidential?: boolean;
  confidential_reason?: string | undefined;
}

/** Where a datum was written, asked for only when the datum is confidential (finding it may parse its data file). */
export type DatumPlace = () => BciData['place'];

/**
 * The one way a composer turns a datum into phrasing: one BCI span when the datum is confidential, as it is
 * otherwise. Every piece of a confidential datum (a table cell, a list item, a quotation) goes through here.
 */
export function datumPhrasing(datum: MaybeConfidential, children: PhrasingContent[], place?: DatumPlace): PhrasingContent[] {
  return datum.confidential ? [bci(children, datum.confidential_reason, place?.())] : children;
}

/** A table row about one datum: every cell its own span when the datum is confidential (the table keeps its shape). */
export function datumRow(datum: MaybeConfidential, cells: PhrasingContent[][], place?: DatumPlace): PhrasingContent[][] {
  if (!datum.confidential) return cells;
  const at = place?.();
  return cells.map((cell) => datumPhrasing(datum, cell, () => at));
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

/** Identifiers of the footnotes referenced only from inside BCI spans (the public version drops them). */
export function confidentialFootnotes(root: Root): Set<string> {
  const inside = new Set<string>();
  const outside = new Set<string>();
  const walk = (node: Nodes, inSpan: boolean): void => {
    if (node.type === 'footnoteReference') (inSpan ? inside : outside).add(node.identifier);
    if (node.type === 'footnoteDefinition') return; // a note citing another note does not make it public
    if ('children' in node) for (const child of node.children) walk(child as Nodes, inSpan || (node as { type: string }).type === 'bci');
  };
  walk(root, false);
  return new Set([...inside].filter((id) => !outside.has(id)));
}

/**
 * Square brackets inside a span are escaped (`\[`, `\]`) in the BC version, so the only bare brackets around
 * confidential text are the span's own: a reader (and USTR) can always tell where each span begins and ends.
 */
function escapeBrackets(children: PhrasingContent[]): void {
  visit({ type: 'paragraph', children } as Parent as Nodes, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') node.value = node.value.replace(/[[\]]/g, (bracket) => `\\${bracket}`);
  });
}

/**
 * The business-confidential version: each span in [brackets] (brackets inside a span escaped), everything
 * kept — and the footnotes the public version drops, in brackets too, since 15 CFR 2017.4 asks the BC version
 * to show bracketed everything the public one omits.
 */
export function businessConfidentialTree(root: Root): Root {
  const tree = structuredClone(root);
  const notes = confidentialFootnotes(tree);
  replaceSpans(tree, (span) => [text('['), ...bracketedContent(span.children), text(']')]);
  // Citations are written (Id., supra) for this version's notes, then the notes P drops are bracketed.
  applyShortForms(tree);
  for (const node of tree.children) {
    if (node.type !== 'footnoteDefinition' || !notes.has(node.identifier)) continue;
    node.children = node.children.map((block) => (block.type === 'paragraph' ? { ...block, children: [text('['), ...bracketedContent(block.children), text(']')] } : block));
  }
  return tree;
}

/** A span's content for the BC version: nested spans unwrapped (bracketed once, by the outermost), brackets escaped. */
function bracketedContent(children: PhrasingContent[]): PhrasingContent[] {
  const inner = structuredClone(children);
  replaceSpans({ type: 'root', children: [{ type: 'paragraph', children: inner }] }, (s) => s.children);
  escapeBrackets(inner);
  return inner;
}

/** A link whose text holds a span would show its target next to the `[ ]`: in the public version it is unlinked. */
function unlinkConfidentialLinks(tree: Root): void {
  visit(tree, 'link', (node, index, parent) => {
    if (!parent || index === undefined || bciSpans({ type: 'root', children: [{ type: 'paragraph', children: [node] }] }).length === 0) return undefined;
    parent.children.splice(index, 1, ...(node.children as never[]));
    return index;
  });
}

/**
 * The public version: each span becomes `[ ]`; footnotes referenced only from inside spans disappear,
 * and the remaining footnotes are renumbered 1, 2, 3 … so no gap hints at what was removed.
 */
export function publicTree(root: Root): Root {
  const tree = structuredClone(root);
  unlinkConfidentialLinks(tree);
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
  // The public version renumbers its footnotes: its Id. and supra forms are worked out again.
  applyShortForms(tree);
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
