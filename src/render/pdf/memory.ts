// A full garbage collection between two layouts of a long document: V8 lets the garbage of a laid-out document
// that was let go (a few hundred MB for 500 pages) pile up until its next full collection, so two or three
// layouts of one long document would otherwise all be in memory at the peak. Must not hold any document.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Layouts of fewer pages than this leave too little garbage to be worth a full collection. */
export const LONG_DOCUMENT_PAGES = 100;

let collect: (() => void) | undefined;

/** Collect all garbage now (V8's `gc`, exposed to a fresh context as the test runners do). */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
