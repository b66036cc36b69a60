// Values as messages echo them: invisible and control characters spelled out, so a person can find them.

const INVISIBLE_NAMES: Record<number, string> = {
  0x0000: 'NULL',
  0x0007: 'BELL',
  0x0008: 'BACKSPACE',
  0x000b: 'LINE TABULATION',
  0x000c: 'FORM FEED',
  0x001b: 'ESCAPE',
  0x007f: 'DELETE',
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** `U+200B (ZERO WIDTH SPACE)` for a character. */
export function characterName(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const label = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = INVISIBLE_NAMES[cp];
  return name ? `${label} (${name})` : label;
}

/** A value as a message may echo it: on one line, invisible and control characters spelled out, cut to `max`. */
export function visible(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return cut.replace(/[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `<${characterName(c).split(' ')[0]}>`,
  );
}
