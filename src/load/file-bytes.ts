// A data file's bytes: the size limit, and decoding as UTF-8 with the place of the first bad byte.
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';

/** Largest YAML file read (data or brief): bigger files are refused before they are read, so memory stays bounded. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What to do about a file that is too large, as a message. */
function sizeText(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The diagnostic for a file over MAX_FILE_BYTES (checked from its size, before reading it). */
export function fileTooLarge(name: string, bytes: number, advice: string): Diagnostic {
  return diagnostic(name, { line: 1, column: 1 }, 'error', `this file is ${sizeText(bytes)}, over the ${sizeText(MAX_FILE_BYTES)} limit for one YAML file, so it was not read: ${advice}`, 'file-too-large');
}

/** Offset of the first byte that is not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const [l, h] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c < l || c > h) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes a YAML file's bytes as UTF-8. Invalid bytes are an `invalid-utf8` error at the line and column of
 * the first bad byte (the column counts characters, as editors do); a UTF-16 file is named as such.
 */
export function decodeYamlBytes(name: string, bytes: Uint8Array): { text: string } | { problem: Diagnostic } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // fall through: find and place the first bad byte
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: diagnostic(name, { line: 1, column: 1 }, 'error', 'this file is saved as UTF-16, not UTF-8: save it again as UTF-8 (in most editors: Save with Encoding → UTF-8)', 'invalid-utf8') };
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).replace(/^\uFEFF/, '');
  const column = before.length + 1;
  const hex = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    problem: diagnostic(name, { line, column }, 'error', `byte ${hex} here is not valid UTF-8 (the file may be saved as Latin-1 or Windows-1252): save the file as UTF-8, or retype the character`, 'invalid-utf8'),
  };
}
