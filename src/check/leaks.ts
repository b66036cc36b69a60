// Leak check: no confidential string, nor any distinctive run of its words, may appear in what a public output shows.
// Linear in the size of the text: one token automaton (Aho–Corasick over words) scans the corpus and each output once.
// It reads every format through the visible-text record (document/visible-text.ts), so no format can skip it.
import type { VisibleText } from '../document/visible-text.js';

export type { VisibleText } from '../document/visible-text.js';

/** A public output's text, named for the message (e.g. "P-aafa-2016-comment.pdf, page 2"). */
export interface PublicText {
  where: string;
  text: string;
}

/**
 * What a reader can read in one file, as named pieces: each page (or the whole flowing text, or each part of a
 * framed package), the metadata and the bookmarks. Character references (`&#x26;`, `&amp;`) read as what they show.
 */
export function publicTexts(file: string, visible: VisibleText): PublicText[] {
  const texts = bodyTexts(file, visible);
  for (const [key, value] of Object.entries(visible.metadata)) texts.push({ where: `${file} metadata (${key})`, text: value });
  if (visible.bookmarks.length) texts.push({ where: `${file} bookmarks`, text: visible.bookmarks.join('\n') });
  return texts;
}

/** The text of a file's body, as its layout presents it. */
function bodyTexts(file: string, visible: VisibleText): PublicText[] {
  switch (visible.layout) {
    case 'pages':
      return visible.pages.map((text, i) => ({ where: `${file}, page ${i + 1}`, text }));
    case 'flow':
      return [{ where: file, text: decodeReferences(visible.text) }];
    case 'frames':
      return visible.parts.map(({ part, text }) => ({ where: `${file}, ${part}`, text: decodeReferences(text) }));
  }
}

export interface Leak {
  where: string;
  /** The confidential string the fragment belongs to. */
  secret: string;
  fragment: string;
}

/** Shortest fragment that counts, in characters (words joined by single spaces). */
export const MIN_FRAGMENT = 8;

/** Words, lower-cased: runs of letters, marks and digits. Punctuation, markup and spacing never split a match. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** How much work the last `findLeaks` did (automaton steps): a test checks it grows linearly with the input. */
export const leakCheckWork = { steps: 0 };

/** Aho–Corasick over word ids: finds every pattern (a run of words) in a text in one pass. */
class WordAutomaton {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state, and the nearest state down the fail chain that ends some. */
  private readonly ends: number[][] = [[]];
  private readonly outputLink: number[] = [0];
  private readonly ids = new Map<string, number>();

  private id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) this.ids.set(word, (id = this.ids.size));
    return id;
  }

  add(pattern: readonly string[], index: number): void {
    let state = 0;
    for (const word of pattern) {
      const id = this.id(word);
      let to = this.next[state]!.get(id);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.ends.push([]);
        this.outputLink.push(0);
        this.next[state]!.set(id, to);
      }
      state = to;
    }
    this.ends[state]!.push(index);
  }

  /** Fail links, breadth first. */
  build(): void {
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [id, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(id)) f = this.fail[f]!;
        const target = this.next[f]!.get(id);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        const failTo = this.fail[to]!;
        this.outputLink[to] = this.ends[failTo]!.length ? failTo : this.outputLink[failTo]!;
        queue.push(to);
      }
    }
  }

  /** Calls `found` for every pattern occurring in the text (words unknown to every pattern reset the match). */
  scan(text: string, found: (pattern: number) => void): void {
    let state = 0;
    for (const word of words(text)) {
      leakCheckWork.steps++;
      const id = this.ids.get(word);
      if (id === undefined) {
        state = 0;
        continue;
      }
      while (state !== 0 && !this.next[state]!.has(id)) {
        state = this.fail[state]!;
        leakCheckWork.steps++;
      }
      state = this.next[state]!.get(id) ?? 0;
      for (let s = this.ends[state]!.length ? state : this.outputLink[state]!; s !== 0; s = this.outputLink[s]!) {
        for (const pattern of this.ends[s]!) found(pattern);
        leakCheckWork.steps++;
      }
    }
  }
}

interface Fragment {
  secret: number;
  words: string[];
}

/**
 * The fragments of each confidential string worth looking for: the whole string, and from each of its words the
 * shortest run of words of at least 8 characters (at most five words, so the patterns' total size is linear).
 */
function fragmentsOf(secrets: readonly string[]): Fragment[] {
  const fragments: Fragment[] = [];
  secrets.forEach((secret, index) => {
    const tokens = words(secret);
    if (tokens.length === 0) return;
    fragments.push({ secret: index, words: tokens });
    let end = 0;
    let length = -1; // characters of tokens[start, end) joined by spaces
    for (let start = 0; start < tokens.length; start++) {
      while (end < tokens.length && length < MIN_FRAGMENT) length += tokens[end++]!.length + 1;
      if (length < MIN_FRAGMENT) break;
      if (end - start < tokens.length) fragments.push({ secret: index, words: tokens.slice(start, end) });
      length -= tokens[start]!.length + 1;
    }
  });
  return fragments;
}

/**
 * Every place a public output shows a confidential string or a distinctive fragment of one. A fragment that the
 * public corpus itself contains (the public part of the document: "Taobao" in a secret does not flag every page
 * that names Taobao) is not distinctive. One leak per secret and place. Work: one pass over the corpus and one over
 * each output, whatever the number and length of the secrets.
 */
export function findLeaks(secrets: readonly string[], publicCorpus: string, outputs: readonly PublicText[]): Leak[] {
  leakCheckWork.steps = 0;
  const fragments = fragmentsOf(secrets);
  if (fragments.length === 0) return [];
  const automaton = new WordAutomaton();
  fragments.forEach((fragment, i) => automaton.add(fragment.words, i));
  automaton.build();
  const inCorpus = new Set<number>();
  automaton.scan(publicCorpus, (pattern) => inCorpus.add(pattern));
  const leaks: Leak[] = [];
  for (const output of outputs) {
    const reported = new Set<number>();
    automaton.scan(output.text, (pattern) => {
      const fragment = fragments[pattern]!;
      if (inCorpus.has(pattern) || reported.has(fragment.secret)) return;
      reported.add(fragment.secret);
      leaks.push({ where: output.where, secret: secrets[fragment.secret]!, fragment: fragment.words.join(' ') });
    });
  }
  return leaks;
}

/** Decodes the character references HTML and XML serialisers write (`&#x26;`, `&amp;` …), so words read as they show. */
function decodeReferences(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex ? Number.parseInt(hex, 16) : dec ? Number.parseInt(dec, 10) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return named[name!.toLowerCase()] ?? whole;
  });
}
