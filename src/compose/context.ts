// What every composer works with: the dataset, the brief and its file, citations and the diagnostics list.
import type { BlockContent } from 'mdast';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/index.js';
import type { Dataset } from '../load/dataset.js';
import { placeOf, proseStart, type PathSegment, type YamlFile } from '../load/yaml-file.js';
import type { Brief } from '../schema/index.js';
import { Citations } from './citations.js';
import { parseProse } from './prose.js';

/** Output-facing facts about a composed document: PDF metadata, running header, file stem. */
export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The brief's (partial) date. */
  date: string;
  runningHeader: string;
  sampleNotice?: string;
}

/** Brief kinds that are filings: they cite only government, filing, statement and press sources. */
export const FILING_BRIEF_KINDS: readonly Brief['kind'][] = ['comment', 'response', 'policy-brief'];

export class ComposeContext {
  readonly citations: Citations;
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly dataset: Dataset,
    readonly brief: Brief,
    readonly briefFile: YamlFile,
  ) {
    this.citations = new Citations(dataset, {
      asOf: brief.date,
      strict: FILING_BRIEF_KINDS.includes(brief.kind),
      report: (origin, message, ruleId) => {
        if (Array.isArray(origin)) this.report(origin, 'warning', message, ruleId);
        else this.diagnostics.push(diagnostic(this.briefFile.name, origin, 'warning', message, ruleId));
      },
    });
  }

  /** Reports a problem at a path inside the brief file. */
  report(at: PathSegment[], severity: Severity, message: string, ruleId: string): void {
    this.diagnostics.push(diagnostic(this.briefFile.name, placeOf(this.briefFile, at), severity, message, ruleId));
  }

  /** Parses a Markdown prose field of the brief at `at` (footnotes via `:cite[...]`). */
  prose(markdown: string | undefined, at: PathSegment[]): BlockContent[] {
    if (!markdown) return [];
    return parseProse(markdown, { file: this.briefFile.name, field: at.join('.'), start: () => proseStart(this.briefFile, at) }, this.dataset, this.citations, this.diagnostics);
  }
}
