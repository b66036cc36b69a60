// The visible-text record every renderer returns with its bytes: what a reader (or a tool) can read in the file.
// The leak check and the marking check read this, for every format, so no format can skip them.

export interface VisibleText {
  /**
   * Paged formats: the text drawn on each page (lines joined by spaces). Flowing formats: one entry, every
   * character of text the file holds as a reader or a tool can get it (for Markdown and HTML, the file itself).
   */
  pages: string[];
  /** Whether `pages` are real pages (then markings belong at the top and bottom of each). */
  paged: boolean;
  /** A flowing format's first and last lines of body text, as a reader meets them (where markings belong). */
  ends?: { first: string; last: string };
  /** Metadata a reader can open (document properties, the HTML title …): name → value. */
  metadata: Record<string, string>;
  /** Bookmark (outline) titles, depth first. */
  bookmarks: string[];
  /** Text held in attributes and addresses a reader can reach: link targets and titles, alt text, HTML attributes. */
  attributes?: string[];
  /** Names of the entries of `pages` when they are parts rather than numbered pages (a Word package's parts). */
  pageNames?: string[];
}
