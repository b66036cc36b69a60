// Leak check: no confidential string, nor any distinctive 8+-character fragment of one, may appear in a public output.

/** A public output's text, named for the message (e.g. "P-aafa-2016-comment.pdf, page 2"). */
export interface PublicText {
  where: string;
  text: string;
}

export interface Leak {
  where: string;
  /** The confidential string the fragment belongs to. */
  secret: string;
  fragment: string;
}

const normalise = (value: string): string => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** Shortest fragment that counts. */
export const MIN_FRAGMENT = 8;

/**
 * The fragments of a confidential string worth looking for: the whole string, and every run of whole words
 * of at least 8 characters that the public part of the document does not already contain (so "Taobao" in a
 * secret does not flag every page that names Taobao).
 */
export function distinctiveFragments(secret: string, publicCorpus: string): string[] {
  const clean = normalise(secret);
  const corpus = normalise(publicCorpus);
  const words = clean.split(' ');
  const fragments = new Set<string>();
  if (clean && !corpus.includes(clean)) fragments.add(clean);
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      const fragment = words.slice(start, end).join(' ');
      if (fragment.length < MIN_FRAGMENT || corpus.includes(fragment)) continue;
      fragments.add(fragment);
      break; // longer runs from this start contain this one
    }
  }
  return [...fragments];
}

/** Every place a public output shows a confidential string or a distinctive fragment of one. */
export function findLeaks(secrets: readonly string[], publicCorpus: string, outputs: readonly PublicText[]): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    const fragments = distinctiveFragments(secret, publicCorpus);
    for (const output of outputs) {
      const haystack = normalise(output.text);
      const squashed = haystack.replace(/ /g, '');
      const hit = fragments.find((fragment) => haystack.includes(fragment) || squashed.includes(fragment.replace(/ /g, '')));
      if (hit) leaks.push({ where: output.where, secret, fragment: hit });
    }
  }
  return leaks;
}
