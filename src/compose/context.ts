// What every composer works with: the dataset, the brief and its file, citations and the diagnostics list.
import type { BlockContent } from 'mdast';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/index.js';
import type { BriefSource, Dataset } from '../model/dataset.js';
import type { Locator, PathSegment } from '../diagnostics/locator.js';
import type { Brief } from '../schema/index.js';
import { FILING_KINDS, SOURCE_KINDS } from '../schema/source-kind.js';
import { Citations } from './citations.js';
import { exhibitNames } from './exhibits.js';
import { parseProse, type FilePlace } from './prose.js';

export type { DocumentMeta } from '../document/document.js';

/** Brief kinds that are filings: they cite only government, filing, statement and press sources. */
export const FILING_BRIEF_KINDS: readonly Brief['kind'][] = ['comment', 'response', 'policy-brief'];

export class ComposeContext {
  readonly citations: Citations;
  readonly diagnostics: Diagnostic[] = [];
  /** Where each text node of the brief's prose was written, for messages about the composed tree. */
  readonly textPlaces = new WeakMap<object, () => FilePlace>();

  constructor(
    readonly dataset: Dataset,
    readonly brief: Brief,
    readonly briefFile: Locator,
    /** The other briefs of the run, by id (a response answers comment briefs). */
    readonly briefs: ReadonlyMap<string, BriefSource> = new Map(),
  ) {
    this.citations = new Citations(dataset, {
      asOf: brief.date,
      kinds: brief.source_kinds ?? (FILING_BRIEF_KINDS.includes(brief.kind) ? FILING_KINDS : SOURCE_KINDS),
      report: (origin, message, ruleId) => {
        if (Array.isArray(origin)) this.report(origin, 'warning', message, ruleId);
        else this.diagnostics.push(diagnostic(this.briefFile.name, origin, 'warning', message, ruleId));
      },
    });
  }

  /** Reports a problem at a path inside the brief file. */
  report(at: PathSegment[], severity: Severity, message: string, ruleId: string): void {
    this.diagnostics.push(diagnostic(this.briefFile.name, this.briefFile.placeOf(at), severity, message, ruleId));
  }

  /** Where a datum of the dataset was written (its file, line and column), optionally a path below it. */
  placeOfDatum(entity: object, below: PathSegment[] = []): { file: string; line: number; column: number } | undefined {
    const origin = this.dataset.origins.get(entity);
    if (!origin) return undefined;
    return { file: origin.file.name, ...origin.file.placeOf([...origin.path, ...below]) };
  }

  /** The exhibits of a filing, by id, as prose prints them ("Exhibit A"). */
  get exhibits(): ReadonlyMap<string, string> {
    return exhibitNames('exhibits' in this.brief ? this.brief.exhibits : []);
  }

  /** Parses a Markdown prose field of the brief at `at` (footnotes via `:cite[...]`). */
  prose(markdown: string | undefined, at: PathSegment[]): BlockContent[] {
    if (!markdown) return [];
    return parseProse(markdown, { file: this.briefFile.name, field: at.join('.'), start: () => this.briefFile.proseStart(at), textPlaces: this.textPlaces, exhibits: this.exhibits }, this.dataset, this.citations, this.diagnostics);
  }
}
