// Checks on a composed document's confidentiality: no confidential datum outside a span; marked text that is also unmarked.
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Dataset } from '../load/dataset.js';
import { placeOf, type YamlFile } from '../load/yaml-file.js';
import { bciSpans, type Bci } from './bci.js';
import type { DocumentMeta } from './context.js';

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
    const place = origin ? { file: origin.file.name, ...placeOf(origin.file, [...origin.path, ...below]) } : { file: briefName, line: 1, column: 1 };
    found.push(diagnostic(place.file, place, 'error', `${label} is confidential, but brief \`${briefName}\` would show “${leaked.slice(0, 60)}” outside a confidential span; nothing was built for it — report this as a bug in docketpress`, 'bci-unmarked-data'));
  }
  return found;
}

/** Where `needle` (whitespace-insensitive, any case) occurs in a file's text, as offsets. */
function occurrences(haystack: string, needle: string): number[] {
  const pattern = new RegExp(needle.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gi');
  return [...haystack.matchAll(pattern)].map((match) => match.index);
}

/**
 * Text marked confidential that the document also shows unmarked (in another prose field, in the data, in a
 * title): the public version shows it there. A warning at both places — the span, and each unmarked place found
 * in the brief or the data files (or the brief itself when the unmarked text is made from the data).
 */
export function confidentialAlsoPublic(root: Root, meta: DocumentMeta, briefFile: YamlFile, dataset: Dataset): Diagnostic[] {
  const spans = bciSpans(root);
  if (spans.length === 0) return [];
  const unmarked = unmarkedText(root, meta, false);
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  let dataFiles: YamlFile[] | undefined;
  for (const span of spans as Bci[]) {
    const words = toString(span);
    const secret = normalise(words);
    if (secret.length < MIN_LENGTH || seen.has(secret) || !unmarked.includes(secret)) continue;
    seen.add(secret);
    const marked = span.data?.place ?? { file: briefFile.name, ...placeOf(briefFile, ['id']) };
    const others: Array<{ file: string; line: number; column: number }> = [];
    dataFiles ??= [...new Set(dataset.origins.entries().map(([, origin]) => origin.file))];
    for (const file of [briefFile, ...dataFiles]) {
      const markedOffset = file.name === marked.file ? (file.lineCounter.lineStarts[marked.line - 1] ?? 0) + marked.column - 1 : -1;
      for (const offset of occurrences(file.source, words)) {
        // The marked occurrence itself: just after the `:bci[` (or within the confidential datum's entry).
        const reach = file.source.startsWith(':bci', markedOffset) ? 12 : 240;
        if (markedOffset >= 0 && offset >= markedOffset && offset - markedOffset < reach) continue;
        const { line, col } = file.lineCounter.linePos(offset);
        others.push({ file: file.name, line, column: col });
      }
    }
    const shown = `“${words.replace(/\s+/g, ' ').trim().slice(0, 60)}”`;
    const at = (p: { file: string; line: number; column: number }): string => `${p.file}:${p.line}:${p.column}`;
    const elsewhere = others.length ? others : [{ file: briefFile.name, ...placeOf(briefFile, ['id']) }];
    found.push(diagnostic(marked.file, marked, 'warning', `${shown} is marked confidential here but also appears unmarked (${elsewhere.map(at).join(', ')}), so the public version shows it there: mark it there too, or drop the marker`, 'bci-also-public'));
    for (const place of elsewhere) {
      found.push(diagnostic(place.file, place, 'warning', `${shown} appears here unmarked, so the public version shows it, yet it is marked confidential at ${at(marked)}: mark it here too, or drop the marker there`, 'bci-also-public'));
    }
  }
  return found;
}
