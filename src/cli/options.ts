// Parsing option values shared by several commands, and the options every tabular answer takes.
import type { OptionSpec } from './commands/types.js';
import type { CommandContext } from './context.js';
import { UsageError } from './errors.js';

/** Reads an optional four-digit year option (`--year`, `--from`, `--to`). */
export function yearOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) throw new UsageError(`--${name} takes a four-digit year such as 2012, not \`${String(value)}\``);
  return Number(value);
}

/** `--csv` and `--bom`: every command whose answer is a table takes them. */
export const TABLE_OPTIONS: Record<string, OptionSpec> = {
  csv: { type: 'boolean', description: 'write the answer as CSV (RFC 4180, UTF-8) instead of a table' },
  bom: { type: 'boolean', description: 'with --csv: start with a UTF-8 byte-order mark, for Excel' },
};

/** The output form a query asked for: text, JSON or CSV (never both machine forms). */
export function answerForm(context: CommandContext): { form: 'text' | 'json' | 'csv'; bom: boolean } {
  const wantsCsv = context.values.csv === true;
  if (wantsCsv && context.options.json) throw new UsageError('choose one of --json and --csv');
  if (context.values.bom === true && !wantsCsv) throw new UsageError('--bom goes with --csv');
  return { form: wantsCsv ? 'csv' : context.options.json ? 'json' : 'text', bom: context.values.bom === true };
}

/** Reads `--country XX` as an upper-case ISO 3166-1 alpha-2 code. */
export function countryOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value)) throw new UsageError(`--country takes a two-letter ISO 3166-1 code such as CN or US, not \`${String(value)}\``);
  return value.toUpperCase();
}
