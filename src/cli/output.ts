// Writing to the terminal: plain-text tables, JSON, CSV (RFC 4180), and diagnostics in the one-line contract format.
import { stringify } from 'csv-stringify/sync';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/index.js';

/** Where a command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  isTTY: boolean;
  /** The terminal's width when `isTTY` (default 80). */
  columns?: number;
}

/** Streams whose reader has gone (`docketpress build | head -1`): later output to them is dropped. */
const closedStreams = new WeakSet<NodeJS.WriteStream>();

/**
 * Keeps working when the reader of stdout or stderr goes away: the EPIPE is noted and later output to that
 * stream dropped, so a closed pipe never stops or shortens the work (the exit code still says how it went).
 */
export function surviveClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closedStreams.add(stream);
      else throw error;
    });
  }
}

function writeTo(stream: NodeJS.WriteStream, text: string): void {
  if (closedStreams.has(stream) || stream.destroyed) return;
  try {
    stream.write(text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
    closedStreams.add(stream);
  }
}

export const processIo: Io = {
  out: (text) => writeTo(process.stdout, text),
  err: (text) => writeTo(process.stderr, text),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  get columns() {
    return process.stdout.columns;
  },
};

/** Width of a string in terminal cells (wide East Asian characters take two). */
function cellWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

/** Lays rows out as an aligned plain-text table with a header rule. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(cellWidth(h), ...rows.map((row) => cellWidth(row[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - cellWidth(cell)))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** Pretty JSON with a trailing newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Diagnostics, one per line. */
export function diagnosticLines(list: readonly Diagnostic[]): string {
  return list.map((d) => `${formatDiagnostic(d)}\n`).join('');
}

/** A cell of a CSV answer. */
export type CsvCell = string | number | boolean | null;

/**
 * RFC 4180 CSV: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled; UTF-8,
 * with a byte-order mark first when `bom` is set (so Excel reads the text as UTF-8).
 */
export function csv(header: readonly string[], rows: readonly (readonly CsvCell[])[], bom = false): string {
  return (bom ? '\uFEFF' : '') + stringify([[...header], ...rows.map((row) => [...row])], { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { boolean: (value) => String(value) } });
}
