// The visible-text record every renderer returns with its bytes: what a reader (or a tool) can read in the file.
// The leak check and the marking check read this, for every format, so no format can skip them. A new layout
// must be handled by both (they switch over `layout` exhaustively: one left out does not compile).

interface VisibleTextBase {
  /** Metadata a reader can open (document properties, the HTML title …): name → value. */
  metadata: Record<string, string>;
  /** Bookmark (outline) titles, depth first. */
  bookmarks: string[];
}

/** A format laid out in pages by the renderer (PDF): the text drawn on each page. */
export interface PagedText extends VisibleTextBase {
  layout: 'pages';
  /** Per page, the text of every line drawn on it (body, notes, furniture), joined by spaces. */
  pages: string[];
}

/** A flowing format (Markdown, HTML): the whole text, and where its body opens and closes. */
export interface FlowingText extends VisibleTextBase {
  layout: 'flow';
  /** Every character of text the file holds, as a reader or a tool can get it. */
  text: string;
  /** The first and last lines of the body as a reader meets them (where a version's markings belong). */
  ends: { first: string; last: string };
}

/** A format its reader lays out (Word): the text of every part, and the header and footer parts every page shows. */
export interface FramedText extends VisibleTextBase {
  layout: 'frames';
  /** Every part of the file with its text (body, notes, comments, properties, link addresses …). */
  parts: Array<{ part: string; text: string }>;
  /** The text of each header part and each footer part (a page shows one of each). */
  headers: string[];
  footers: string[];
}

export type VisibleText = PagedText | FlowingText | FramedText;
