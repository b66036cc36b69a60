// Footnotes that cite sources: which sources a document may cite (none after its date; in filings, no mirror or tooling page), and the full, *Id.* and *supra* forms.
import type { FootnoteDefinition, FootnoteReference, PhrasingContent, Root } from 'mdast';
import type { PathSegment } from '../diagnostics/locator.js';
import type { Dataset } from '../model/dataset.js';
import { surelyBefore } from '../schema/partial-date.js';
import { FILING_KINDS, SOURCE_KINDS, sourceKind, type SourceKind } from '../schema/source-kind.js';
import type { Source } from '../schema/source.js';
import { formatDate } from './format.js';
import { emphasis, link, paragraph, text } from './nodes.js';

/** One source in a footnote: its id, its full form, and the words of its short form. */
export interface CitedSource {
  id: string;
  /** `Publisher, “Title” (Date), URL` (with a flag for a weak kind in as-of documents). */
  full: PhrasingContent[];
  publisher: string;
  title: string;
}

/** What a citing footnote holds, kept on its definition so short forms can be worked out on any version of the tree. */
export interface CitationData {
  sources: CitedSource[];
  note?: string;
}

declare module 'mdast' {
  interface FootnoteDefinitionData {
    citation?: CitationData;
  }
}

/** Where in the brief a citation was brought in: a path in the brief file, or a position in it (prose). */
export type CiteOrigin = PathSegment[] | { line: number; column: number };

/** What a document may cite: nothing after its date, and sources of the kinds given. */
export interface CitationPolicy {
  /** The document's (partial) date: nothing published surely after it is cited, in any kind of document. */
  asOf?: string;
  /** The kinds of source the document may cite (filings: government, filing, statement and press). */
  kinds: readonly SourceKind[];
  /** Receives one warning per fact or citation left out, at the place that brought it in. */
  report: (origin: CiteOrigin, message: string, ruleId: 'anachronism' | 'weak-source') => void;
}

/** Flags shown after a weak source's full form in documents that may cite it (timelines, diffs). */
const WEAK_FLAG: Partial<Record<SourceKind, string>> = { secondary: ' (secondary source)', reference: ' (reference page)' };

/** Collects the footnotes of one document, numbered in order of first citation. */
export class Citations {
  private readonly definitions: FootnoteDefinition[] = [];
  private readonly reported = new Set<string>();

  constructor(
    private readonly dataset: Dataset,
    private readonly policy: CitationPolicy = { kinds: SOURCE_KINDS, report: () => undefined },
  ) {}

  /** Why this document may not cite a source (`after` its date, or a `weak` kind for a filing), or undefined when it may. */
  private problem(id: string): { rule: 'anachronism' | 'weak-source'; why: string } | undefined {
    const source = this.dataset.sources.get(id);
    if (!source) return undefined;
    const asOf = this.policy.asOf;
    if (asOf && source.date && surelyBefore(asOf, source.date)) return { rule: 'anachronism', why: `\`${id}\` (${source.date}, after ${asOf})` };
    const kind = sourceKind(source);
    if (!this.policy.kinds.includes(kind)) return { rule: 'weak-source', why: `\`${id}\` (${kind}: not cited in ${this.policy.kinds === FILING_KINDS ? 'a filing' : 'this document'})` };
    return undefined;
  }

  /** The sources among `ids` this document may cite, in the order given. */
  usable(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.problem(id));
  }

  /** Warns once per place and fact that `what` is left out because none of its sources `ids` may be cited here. */
  private reportLeftOut(ids: readonly string[], origin: CiteOrigin, what: string): void {
    const problems = ids.map((id) => this.problem(id)).filter((p): p is NonNullable<typeof p> => Boolean(p));
    if (problems.length === 0) return;
    const key = `${JSON.stringify(origin)}\u0000${what}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const rule = problems.some((p) => p.rule === 'anachronism') ? 'anachronism' : 'weak-source';
    const fix = rule === 'anachronism' ? 'cite a source published by then' : 'cite the original document';
    this.policy.report(origin, `${what} is left out: it rests only on ${problems.map((p) => p.why).join(', ')}; ${fix}`, rule);
  }

  /**
   * A footnote reference citing the sources among `sourceIds` this document may cite, or undefined (with a
   * warning at `origin`) when it may cite none of them: the caller then leaves the fact out.
   */
  citeFact(sourceIds: readonly string[], origin: CiteOrigin, what: string): FootnoteReference | undefined {
    const usable = this.usable(sourceIds);
    if (usable.length) return this.footnote(usable);
    this.reportLeftOut(sourceIds, origin, what);
    return undefined;
  }

  /** True when this document may cite at least one of the sources; otherwise warns at `origin` that `what` is left out. */
  supports(sourceIds: readonly string[], origin: CiteOrigin, what: string): boolean {
    if (this.usable(sourceIds).length) return true;
    this.reportLeftOut(sourceIds, origin, what);
    return false;
  }

  /**
   * A footnote reference citing the usable sources among `sourceIds` (all of them, when none is usable: callers
   * that may drop the fact check `supports` first). Unknown source ids are cited by id (the loader reports them).
   */
  cite(sourceIds: readonly string[], note?: string): FootnoteReference {
    const usable = this.usable(sourceIds);
    return this.footnote(usable.length ? usable : sourceIds, note);
  }

  private footnote(sourceIds: readonly string[], note?: string): FootnoteReference {
    const identifier = String(this.definitions.length + 1);
    const citation: CitationData = { sources: sourceIds.map((id) => this.citedSource(id)), ...(note ? { note } : {}) };
    this.definitions.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [paragraph(...fullForm(citation))], data: { citation } });
    return { type: 'footnoteReference', identifier, label: identifier };
  }

  private citedSource(id: string): CitedSource {
    const source = this.dataset.sources.get(id);
    if (!source) return { id, full: [text(id)], publisher: id, title: id };
    return { id, full: sourceFullForm(source), publisher: source.publisher, title: source.title };
  }

  /** The footnote definitions, in order; append them at the end of the document. */
  all(): FootnoteDefinition[] {
    return [...this.definitions];
  }
}

/** `Publisher, “Title” (Date), URL`, flagged when the source is a mirror copy or of a weak kind. */
function sourceFullForm(source: Source): PhrasingContent[] {
  const date = source.date ? ` (${formatDate(source.date)})` : '';
  const flag = source.mirror ? ' (mirror copy)' : (WEAK_FLAG[sourceKind(source)] ?? '');
  return [text(`${source.publisher}, “${source.title}”${date}${flag}, `), link(source.url)];
}

function fullForm(citation: CitationData): PhrasingContent[] {
  const parts: PhrasingContent[] = citation.note ? [text(`${citation.note} `)] : [];
  citation.sources.forEach((source, index) => {
    if (index > 0) parts.push(text('; '));
    parts.push(...structuredClone(source.full));
  });
  parts.push(text('.'));
  return parts;
}

/**
 * Rewrites the citing footnotes of a tree in Bluebook short forms, in footnote-number order:
 * - a footnote citing one source, the same single source as the footnote just before it: `*Id.*`;
 * - a source cited in full in an earlier footnote: `Publisher, *supra* note N` (N: that footnote), with its
 *   title when the document cites another source of the same publisher: `Publisher, *Title*, *supra* note N`;
 * - otherwise the full form. Sources carry no pages, so there are no pin cites.
 * Run it on each version of a document after its footnotes are numbered for good (the public version renumbers).
 */
export function applyShortForms(root: Root): void {
  const notes = root.children
    .filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition' && Boolean(node.data?.citation))
    .sort((a, b) => Number(a.identifier) - Number(b.identifier));
  // Sources of the same publisher are told apart by their titles in the short form.
  const byPublisher = new Map<string, Set<string>>();
  for (const definition of notes) {
    for (const source of definition.data!.citation!.sources) byPublisher.set(source.publisher, (byPublisher.get(source.publisher) ?? new Set()).add(source.id));
  }
  const firstNote = new Map<string, string>();
  let previous: string[] = [];
  for (const definition of notes) {
    const citation = definition.data!.citation!;
    const ids = citation.sources.map((s) => s.id);
    const parts: PhrasingContent[] = citation.note ? [text(`${citation.note} `)] : [];
    if (ids.length === 1 && previous.length === 1 && previous[0] === ids[0]) {
      parts.push(emphasis(citation.note ? 'id.' : 'Id.'));
    } else {
      citation.sources.forEach((source, index) => {
        if (index > 0) parts.push(text('; '));
        const first = firstNote.get(source.id);
        if (!first) {
          firstNote.set(source.id, definition.identifier);
          parts.push(...structuredClone(source.full));
          return;
        }
        const shared = (byPublisher.get(source.publisher)?.size ?? 0) > 1;
        parts.push(text(`${source.publisher}, `), ...(shared ? [emphasis(source.title), text(', ')] : []), emphasis('supra'), text(` note ${first}`));
      });
      parts.push(text('.'));
    }
    definition.children = [paragraph(...parts)];
    previous = ids;
  }
}
