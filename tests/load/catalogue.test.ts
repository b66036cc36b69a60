// The error catalogue: every rule id a fixture shows is catalogued, and the README's table equals the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnostics/catalogue.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function files(dir: string, names: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, names) : names.test(name) ? [full] : [];
  });
}

describe('error catalogue', () => {
  it('has an entry for every rule id the fixtures expect', () => {
    const seen = new Set<string>();
    for (const file of files(path.join(ROOT, 'tests/fixtures'), /^(expected\.txt|messages\.txt)$/)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\[([a-z0-9-]+)\]$/gm)) seen.add(match[1]!);
    }
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter((id) => !(id in RULES))).toEqual([]);
  });

  it('has an entry for every rule id the source names', () => {
    const used = new Set<string>();
    for (const file of files(path.join(ROOT, 'src'), /\.ts$/)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/'((?:yaml|compliance|template|prose|pdf|bci|unknown|missing|invalid|duplicate)-[a-z0-9-]+|file-too-large|file-unreadable|control-character|invisible-character|date-order|unused-source|id-file-mismatch|anachronism|claim-not-answered|too-few-items|empty-text|out-of-range|person-stakeholder-mismatch|data-folder-unreadable|todo-left)'/g)) used.add(match[1]!);
    }
    expect([...used].filter((id) => !(id in RULES))).toEqual([]);
  });

  it('is listed in the README, entry for entry', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- rules:start'), readme.indexOf('<!-- rules:end -->'));
    const listed = [...table.matchAll(/^\| `([a-z0-9-]+)` \| (.+) \| (.+) \|$/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(RULES));
    for (const [id, entry] of Object.entries(RULES)) expect(table).toContain(`| \`${id}\` | ${entry.title.replace(/\|/g, '\\|')} |`);
  });

  it('says what to do for every rule, without "Oops" or a bare "Error:"', () => {
    for (const [id, entry] of Object.entries(RULES)) {
      expect(entry.fix.length, id).toBeGreaterThan(8);
      expect(`${entry.title} ${entry.fix}`).not.toMatch(/oops|^error:/i);
    }
  });
});
