// The composed document: what compose produces and every renderer consumes (a tree and its metadata).
import type { Root } from 'mdast';

/** Output-facing facts about a composed document: metadata, running header, sample notice. */
export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The brief's (partial) date. */
  date: string;
  runningHeader: string;
  sampleNotice?: string;
  /**
   * The SAMPLE notice of a version that shows text marked INVENTED, when the notice must then say more (see
   * compose/versions.ts: chosen from what the version shows, so a public version never depends on its BCI).
   */
  inventedSampleNotice?: string;
  /** How the confidential version's file name begins (the docket's `bci_prefix`, default `BC`). */
  bciPrefix?: 'BC' | 'BCI';
}

/** A composed document: its tree (footnote definitions at the end) and metadata for the renderers. */
export interface ComposedDocument {
  root: Root;
  meta: DocumentMeta;
}

/** BC (business confidential) or P (public): the two versions of a document that holds BCI. */
export type VersionLabel = 'BC' | 'P';

/** One version to render: its file stem, tree and metadata, and the marking on every page. */
export interface DocumentVersion {
  label: VersionLabel | null;
  /** File name without extension: the brief id, or `BC-<filer>-<name>` / `P-<filer>-<name>`. */
  fileStem: string;
  document: ComposedDocument;
  marking?: string;
}

/** A Date for a (partial) ISO date at noon UTC of its first day — the same instant in every time zone. */
export function dateValue(date: string): Date {
  const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
  return new Date(Date.UTC(year, month - 1, day, 12, 0, 0));
}
