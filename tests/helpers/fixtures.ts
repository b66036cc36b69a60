// Fixture folders: compare actual output with an expected file; write it when missing or when UPDATE=1.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** The case folders below a fixtures group, sorted. */
export function fixtureCases(group: string): string[] {
  const dir = path.join(FIXTURES, group);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The expected content of `file`. When it is missing or UPDATE=1, writes `actual` there first,
 * so a new case is recorded on its first run and reviewed in the diff.
 */
export function expected(file: string, actual: string): string {
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  return readFileSync(file, 'utf8');
}
