// What an output format is to the pipeline: a file extension and a renderer that returns the bytes it wrote
// and the text it made visible (so every check reads every format). One file per format, listed in ./index.ts.
import type { ComposedDocument } from '../../document/document.js';
import type { VisibleText } from '../../document/visible-text.js';

/** One version of a document to render in one format. */
export interface RenderRequest {
  document: ComposedDocument;
  /** The version's marking ("BUSINESS CONFIDENTIAL", "PUBLIC VERSION") at the top and bottom of every page. */
  marking?: string;
  /** The brief file's name, for messages. */
  sourceName: string;
  /** PDF/A-2b (formats without an archival variant ignore it). */
  pdfa: boolean;
}

/** A rendered file before it is written: its bytes (text is written as UTF-8) and what a reader can see of it. */
export interface RenderedFile {
  bytes: Uint8Array | string;
  visible: VisibleText;
}

/** A format's renderer module: `render` never writes, and gives the same bytes for the same request. */
export interface FormatRenderer {
  render(request: RenderRequest): Promise<RenderedFile>;
}

/** A format in the registry: cheap to list (the command line parses `--format` from it); loaded when used. */
export interface FormatEntry {
  /** The file extension, without the dot. */
  extension: string;
  /** What the format is, for messages and help. */
  summary: string;
  /** Costly renderers run on worker threads when a build has several files to make (see pipeline/render-pool). */
  threads: boolean;
  load(): Promise<FormatRenderer>;
}
