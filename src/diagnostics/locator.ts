// Places in a source file as later stages see them: a name for messages and where a path or a text is in it.

/** A step of a path into a document: a mapping key or a list index. */
export type PathSegment = string | number;

/** A 1-based line and column (columns count UTF-16 units). */
export interface Place {
  line: number;
  column: number;
}

/**
 * A file that can point into itself. Compose and the checks report positions through this, never through
 * the parser's tree, so they do not depend on how the file was read.
 */
export interface Locator {
  /** The path shown in messages. */
  readonly name: string;
  /** Where the value at `path` starts (with `key`, its key); a missing step stops at the deepest node there is. */
  placeOf(path: readonly PathSegment[], options?: { key?: boolean }): Place;
  /** Where the text of the string value at `path` starts (a block scalar's first content line). */
  proseStart(path: readonly PathSegment[]): Place;
  /** The first place `text` occurs in the file, if it does. */
  placeOfText(text: string): Place | undefined;
}
