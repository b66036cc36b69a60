// Where a brief may mark confidential words: `:bci[…]` only in prose fields; in any plain-text field it is an error.
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Locator, PathSegment } from '../diagnostics/locator.js';
import { PROSE_FIELDS } from '../schema/index.js';

const MARKER = /:bci\s*[[{]/;

/** Whether a value's path is one of the prose fields (`*` matching any list index). */
function isProse(path: readonly PathSegment[]): boolean {
  const written = path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
  return PROSE_FIELDS.includes(written);
}

/**
 * Errors for every `:bci` marker in a brief field that is not prose (the title, an addressee's name, who a
 * brief is prepared for, an option's title …): such a field goes out as it is — into PDF metadata,
 * bookmarks, the HTML title, a salutation — so the span could not be kept out of the public version.
 */
export function bciOutsideProse(file: Locator, value: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (typeof node === 'string') {
      const match = MARKER.exec(node);
      if (match && !isProse(path)) {
        const field = path.join('.');
        found.push(
          diagnostic(file.name, file.placeOf(path), 'error', `\`:bci[…]\` in \`${field}\` cannot be honoured: \`${field}\` is plain text that every version shows (metadata, bookmarks, headings) — move the confidential words into a prose field and mark them there, or remove the marker`, 'bci-not-honoured'),
        );
      }
    } else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (node && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
  };
  walk(value, []);
  return found;
}
