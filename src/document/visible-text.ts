// The visible-text record every renderer returns with its bytes: what a reader (or a tool) can read in the file.
// The leak check and the marking check read this, for every format, so no format can skip them.

interface VisibleTextBase {
  /** Metadata a reader can open (document properties, the HTML title …): name → value. */
  metadata: Record<string, string>;
  /** Bookmark (outline) titles, depth first. */
  bookmarks: string[];
}

/** A paged format (PDF, a word-processor layout): the text drawn on each page. */
export interface PagedText extends VisibleTextBase {
  paged: true;
  /** Per page, the text of every line drawn on it (body, notes, furniture), joined by spaces. */
  pages: string[];
}

/** A flowing format (Markdown, HTML): the whole text, and where its body opens and closes. */
export interface FlowingText extends VisibleTextBase {
  paged: false;
  /** One entry: every character of text the file holds, as a reader or a tool can get it. */
  pages: [string];
  /** The first and last lines of the body as a reader meets them (where a version's markings belong). */
  ends: { first: string; last: string };
}

export type VisibleText = PagedText | FlowingText;
