// Checking a brief's references into the data: each unknown id is a positioned error with the nearest id.
import { suggestion } from '../diagnostics/suggest.js';
import type { PathSegment } from '../diagnostics/locator.js';
import type { ComposeContext } from './context.js';

/** Collects unknown-reference errors for one brief; `ok` is false once any was found. */
export class ReferenceCheck {
  ok = true;

  constructor(readonly context: ComposeContext) {}

  /** `id` must be one of `known`; otherwise an error at `at` with a hint on where such ids live. */
  need(known: Iterable<string>, at: PathSegment[], what: string, id: string, hint: string): void {
    const ids = [...known];
    if (ids.includes(id)) return;
    this.context.report(at, 'error', `unknown ${what} \`${id}\`${suggestion(id, ids)}: ${hint}`, 'unknown-reference');
    this.ok = false;
  }

  /** Every id of a list field must be known. */
  needAll(known: readonly string[], at: PathSegment[], what: string, ids: readonly string[], hint: string): void {
    ids.forEach((id, index) => this.need(known, [...at, index], what, id, hint));
  }
}
