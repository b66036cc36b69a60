// Parsing option values shared by several commands.
import { UsageError } from './errors.js';

/** Reads an optional four-digit year option (`--year`, `--from`, `--to`). */
export function yearOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) throw new UsageError(`--${name} takes a four-digit year such as 2012, not \`${String(value)}\``);
  return Number(value);
}
