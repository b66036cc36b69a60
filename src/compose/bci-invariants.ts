// Checks on a composed document's confidentiality: no confidential datum outside a span; marked text that is also unmarked.
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Dataset } from '../model/dataset.js';
import type { Locator } from '../diagnostics/locator.js';
import { bciSpans, type Bci } from './bci.js';
import type { DocumentMeta } from './context.js';
import type { FilePlace } from './prose.js';

const normalise = (value: string): string => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** Shortest confidential text these checks compare (shorter strings, such as "31", match by chance). */
const MIN_LENGTH = 8;

/** Text of the tree outside spans; `composedOnly` keeps the text nodes a composer made (no source position). */
function unmarkedText(root: Root, meta: DocumentMeta, composedOnly: boolean): string {
  const parts: string[] = [meta.title, meta.author, meta.subject, meta.runningHeader, meta.sampleNotice ?? '', ...meta.keywords];
  const walk = (node: Nodes): void => {
    if ((node as { type: string }).type === 'bci') return;
    if ((node.type === 'text' || node.type === 'inlineCode') && !(composedOnly && node.position)) parts.push(node.value);
    if (node.type === 'link') parts.push(node.url, node.title ?? '');
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(root);
  return normalise(parts.join('\n'));
}

/** The confidential data of the dataset — quotes and metrics with `confidential: true` — with where each was written. */
function confidentialData(dataset: Dataset): Array<{ owner: object; below: (string | number)[]; label: string; texts: string[] }> {
  const found: Array<{ owner: object; below: (string | number)[]; label: string; texts: string[] }> = [];
  const publicMeasures = new Set(dataset.metrics.filter((m) => !m.confidential).flatMap((m) => [m.measure, m.period ?? ''].map(normalise)));
  const publicQuotes = new Set(dataset.positions.flatMap((p) => p.quotes.filter((q) => !q.confidential).map((q) => normalise(q.text))));
  for (const metric of dataset.metrics) {
    if (metric.confidential) found.push({ owner: metric, below: [], label: `metric \`${metric.id}\``, texts: [metric.measure, metric.period ?? ''].map(normalise).filter((t) => !publicMeasures.has(t)) });
  }
  for (const position of dataset.positions) {
    position.quotes.forEach((quote, i) => {
      if (quote.confidential && !publicQuotes.has(normalise(quote.text))) found.push({ owner: position, below: ['quotes', i], label: `a quote of position \`${position.id}\``, texts: [normalise(quote.text)] });
    });
  }
  return found;
}

/**
 * The runtime invariant behind every output: no text a composer made from a confidential datum stands outside a
 * BCI span (in a table cell, heading, footnote or the metadata). The versions are made from the tree, so a datum
 * that passes here can only reach the public version through a span, which the public version replaces.
 * A failure is a bug in a composer; the brief is not built.
 */
export function confidentialDataOutsideSpans(root: Root, meta: DocumentMeta, dataset: Dataset, briefName: string): Diagnostic[] {
  const data = confidentialData(dataset);
  if (data.length === 0) return [];
  const composed = unmarkedText(root, meta, true);
  const found: Diagnostic[] = [];
  for (const { owner, below, label, texts } of data) {
    const leaked = texts.find((t) => t.length >= MIN_LENGTH && composed.includes(t));
    if (!leaked) continue;
    const origin = dataset.origins.get(owner);
    const place = origin ? { file: origin.file.name, ...origin.file.placeOf([...origin.path, ...below]) } : { file: briefName, line: 1, column: 1 };
    found.push(diagnostic(place.file, place, 'error', `${label} is confidential, but brief \`${briefName}\` would show “${leaked.slice(0, 60)}” outside a confidential span; nothing was built for it — report this as a bug in docketpress`, 'bci-unmarked-data'));
  }
  return found;
}

/** The text of a block outside spans, and where its first written text node was written (when it was). */
function leafBlocks(root: Root, places: WeakMap<object, () => FilePlace>): Array<{ text: string; place?: () => FilePlace }> {
  const blocks: Array<{ text: string; place?: () => FilePlace }> = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const parts: string[] = [];
      let place: (() => FilePlace) | undefined;
      const collect = (inner: Nodes): void => {
        if ((inner as { type: string }).type === 'bci') return;
        if (inner.type === 'text') {
          parts.push(inner.value);
          place ??= places.get(inner);
        }
        if ('children' in inner) for (const child of inner.children) collect(child as Nodes);
      };
      collect(node);
      blocks.push({ text: normalise(parts.join('')), ...(place ? { place } : {}) });
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(root);
  return blocks;
}

/**
 * Text marked confidential that the document also shows unmarked (in another prose field, in the data, in a
 * title): the public version shows it there. A warning at both places — the span, and each block of prose that
 * shows it unmarked (or the brief itself when the unmarked text is made from the data or is a title).
 */
export function confidentialAlsoPublic(root: Root, meta: DocumentMeta, briefFile: Locator, textPlaces: WeakMap<object, () => FilePlace>): Diagnostic[] {
  const spans = bciSpans(root);
  if (spans.length === 0) return [];
  const unmarked = unmarkedText(root, meta, false);
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  let blocks: ReturnType<typeof leafBlocks> | undefined;
  const briefPlace = (): FilePlace => ({ file: briefFile.name, ...briefFile.placeOf(['id']) });
  const at = (p: FilePlace): string => `${p.file}:${p.line}:${p.column}`;
  for (const span of spans as Bci[]) {
    const secret = normalise(toString(span));
    if (secret.length < MIN_LENGTH || seen.has(secret) || !unmarked.includes(secret)) continue;
    seen.add(secret);
    const marked = span.data?.place ?? briefPlace();
    blocks ??= leafBlocks(root, textPlaces);
    const elsewhere = blocks.filter((block) => block.text.includes(secret)).map((block) => block.place?.() ?? briefPlace());
    if (elsewhere.length === 0) elsewhere.push(briefPlace()); // in the metadata: a title or another plain field
    const places = [...new Map(elsewhere.map((p) => [at(p), p])).values()];
    const shown = `“${secret.slice(0, 60)}”`;
    found.push(diagnostic(marked.file, marked, 'warning', `${shown} is marked confidential here but also appears unmarked (${places.map(at).join(', ')}), so the public version shows it there: mark it there too, or drop the marker`, 'bci-also-public'));
    for (const place of places) {
      found.push(diagnostic(place.file, place, 'warning', `${shown} appears here unmarked, so the public version shows it, yet it is marked confidential at ${at(marked)}: mark it here too, or drop the marker there`, 'bci-also-public'));
    }
  }
  return found;
}
