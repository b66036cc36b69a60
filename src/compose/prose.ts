// Markdown prose written in briefs: parsed to mdast, `:cite[source-id]` turned into footnotes, raw HTML dropped.
import type { BlockContent, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Dataset } from '../model/dataset.js';
import { suggestion } from '../diagnostics/suggest.js';
import { bci } from './bci.js';
import type { Citations } from './citations.js';
import { markdownParser, sanitizeMarkdown } from './template.js';

/** A prose field in the brief file: its name, and where its text starts (worked out only if a message needs it). */
export interface ProsePlace {
  file: string;
  field: string;
  /** For a block scalar: its first content line. */
  start: () => { line: number; column: number };
  /** Remembers where each text node of the prose was written (worked out only if a message needs it). */
  textPlaces?: WeakMap<object, () => FilePlace>;
  /** The exhibits `:exhibit[id]` may name, and what each prints ("Exhibit A"). */
  exhibits?: ReadonlyMap<string, string>;
}

/** A file and a line and column in it. */
export interface FilePlace {
  file: string;
  line: number;
  column: number;
}

/** The file position of a node of the parsed prose (exact for block scalars, the field's start otherwise). */
function placeIn(place: ProsePlace, node: { position?: { start: { line: number; column: number } } }): { line: number; column: number } {
  const field = place.start();
  const start = node.position?.start;
  if (!start) return field;
  return start.line === 1 ? { line: field.line, column: field.column + start.column - 1 } : { line: field.line + start.line - 1, column: field.column + start.column - 1 };
}

/**
 * Parses a prose field into blocks. `:cite[id1,id2]` becomes a footnote citing those sources;
 * raw HTML, images and links to anything but http(s)/mailto are dropped with a warning (see
 * sanitizeMarkdown), so no renderer ever sees them; any other directive is an error.
 */
export function parseProse(markdown: string, place: ProsePlace, dataset: Dataset, citations: Citations, diagnostics: Diagnostic[]): BlockContent[] {
  const tree = markdownParser().parse(markdown) as Root;
  for (const { node, what } of unhonouredBci(tree, markdown)) {
    diagnostics.push(diagnostic(place.file, placeIn(place, node), 'error', `\`:bci[…]\` in ${what} in \`${place.field}\` cannot be honoured: ${what} is plain text that every version shows — mark confidential words only in the running text of a prose field, or remove the marker`, 'bci-not-honoured'));
  }
  let htmlReported = false;
  for (const { node, message, ruleId } of sanitizeMarkdown(tree, ` in \`${place.field}\``)) {
    if (ruleId === 'prose-html-dropped' && htmlReported) continue;
    htmlReported ||= ruleId === 'prose-html-dropped';
    diagnostics.push(diagnostic(place.file, placeIn(place, node), 'warning', message, ruleId));
  }
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'textDirective' && (node as TextDirective).name === 'cite') {
      const ids = citedIds(node as TextDirective);
      const unknown = ids.filter((id) => !dataset.sources.has(id));
      for (const id of unknown) {
        diagnostics.push(diagnostic(place.file, placeIn(place, node), 'error', `\`:cite[${id}]\` in \`${place.field}\` names an unknown source${suggestion(id, [...dataset.sources.keys()])}: fix the id or add the source to data/sources/`, 'unknown-reference'));
      }
      if (ids.length === 0) {
        diagnostics.push(diagnostic(place.file, placeIn(place, node), 'error', `\`:cite[]\` in \`${place.field}\` names no source: write \`:cite[source-id]\``, 'missing-source'));
      }
      const known = ids.filter((id) => dataset.sources.has(id));
      const reference = known.length ? citations.citeFact(known, placeIn(place, node), `\`:cite[${known.join(',')}]\` in \`${place.field}\``) : undefined;
      const replacement: PhrasingContent[] = reference ? [reference] : [];
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    }
    if (node.type === 'textDirective' && (node as TextDirective).name === 'bci') {
      // A business-confidential span: its children are processed too (it may hold :cite[…] and emphasis).
      const directive = node as TextDirective;
      const reason = directive.attributes?.reason ?? undefined;
      if (directive.children.length === 0) {
        diagnostics.push(diagnostic(place.file, placeIn(place, node), 'error', `\`:bci[]\` in \`${place.field}\` is empty: put the confidential words between the brackets`, 'bci-empty'));
      }
      parent.children.splice(index, 1, bci(directive.children, reason || undefined, { file: place.file, ...placeIn(place, node) }));
      return index;
    }
    if (node.type === 'textDirective' && (node as TextDirective).name === 'exhibit') {
      // A reference to an exhibit of this filing, printed by its letter.
      const [id = ''] = citedIds(node as TextDirective);
      const known = place.exhibits ?? new Map<string, string>();
      const name = known.get(id);
      if (name === undefined) {
        const ids = [...known.keys()];
        diagnostics.push(diagnostic(place.file, placeIn(place, node), 'error', `\`:exhibit[${id}]\` in \`${place.field}\` names no exhibit of this filing${suggestion(id, ids)}: ${ids.length ? `its exhibits are ${ids.map((k) => `\`${k}\``).join(', ')}` : 'add it under `exhibits:`'}`, 'unknown-reference'));
      }
      const replacement: PhrasingContent[] = name === undefined ? [] : [{ type: 'text', value: name }];
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    }
    if (node.type === 'textDirective' && isBare(node as TextDirective)) {
      // `10:30`, `3:1`, `note:see`: a colon before a word, with no [label] or {attributes}, is just text.
      const literal: PhrasingContent = { type: 'text', value: `:${(node as TextDirective).name}` };
      parent.children.splice(index, 1, literal as never);
      return [SKIP, index + 1];
    }
    if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') {
      const name = (node as TextDirective).name;
      const marker = node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::';
      diagnostics.push(diagnostic(place.file, placeIn(place, node), 'error', `unknown directive \`${marker}${name}\` in \`${place.field}\`: prose knows \`:cite[source-id]\`, \`:bci[confidential words]\` and \`:exhibit[id]\`; to write a literal colon before a word, escape it as \`\\:\``, 'prose-unknown-directive'));
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  const places = place.textPlaces;
  if (places) visit(tree, 'text', (node) => void places.set(node, () => ({ file: place.file, ...placeIn(place, node) })));
  return tree.children.filter((child): child is BlockContent => child.type !== 'yaml' && child.type !== 'definition' && child.type !== 'footnoteDefinition') as BlockContent[];
}

/** A `:bci` marker where no span can exist: inside an image's alt text or a link's title (plain attributes). */
const BCI_MARKER = /:bci\s*[[{]/;

function unhonouredBci(tree: Root, markdown: string): Array<{ node: Nodes; what: string }> {
  const found: Array<{ node: Nodes; what: string }> = [];
  visit(tree, (node) => {
    if (node.type === 'image' || node.type === 'imageReference') {
      // The alt text is flattened to a string by the parser (the marker is gone from it): read the source.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const source = start !== undefined && end !== undefined ? markdown.slice(start, end) : (node.alt ?? '');
      if (BCI_MARKER.test(source)) found.push({ node, what: 'image alt text' });
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.title && BCI_MARKER.test(node.title)) found.push({ node, what: 'a link title' });
  });
  return found;
}

/** True for `:name` written with neither `[label]` nor `{attributes}` (its source is just the colon and the name). */
function isBare(node: TextDirective): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  return end - start === node.name.length + 1 && node.name !== 'cite' && node.name !== 'bci' && node.name !== 'exhibit';
}

function citedIds(node: TextDirective): string[] {
  const label = node.children.map((child) => ('value' in child ? String(child.value) : '')).join('');
  return label
    .split(/[,\s]+/)
    .map((id) => id.trim())
    .filter(Boolean);
}

