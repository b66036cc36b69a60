// "Did you mean" suggestions for a mistyped id, key, command or format.
import { closest, distance } from 'fastest-levenshtein';

/** A "did you mean" suggestion when a word is close to one of the allowed words. */
export function suggestion(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(word, [...candidates]);
  return distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean \`${best}\`?)` : '';
}
