// The project's drawing of its own structure: folders are stages and imports go one way. Scans every import of
// src/ (static and dynamic, type-only included) and fails on one that crosses a line it must not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative module a file imports (from, import(), export … from), as src-relative paths without extension. */
export function importsOf(file: string, text: string = readFileSync(file, 'utf8')): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    const target = path.resolve(path.dirname(file), match[1]!).replace(/\.(js|ts)$/, '');
    found.push(path.relative(SRC, target).split(path.sep).join('/'));
  }
  return found;
}

const files = sourceFiles(SRC).map((file) => ({ name: path.relative(SRC, file).split(path.sep).join('/'), imports: importsOf(file) }));
const under = (folder: string) => (name: string) => name.startsWith(`${folder}/`);

/** Every import from a file matching `from` of a module matching `to`, as "file → module". */
function crossings(from: (name: string) => boolean, to: (name: string) => boolean): string[] {
  return files.filter((f) => from(f.name)).flatMap((f) => f.imports.filter(to).map((target) => `${f.name} → ${target}`));
}

describe('import directions', () => {
  it('sees the imports it scans (the scanner itself can fail)', () => {
    expect(importsOf(path.join(SRC, 'render/x.ts'), "import type { A } from '../compose/nodes.js';\nconst m = await import('../check/leaks.js');\nexport { b } from './y.js';")).toEqual(['compose/nodes', 'check/leaks', 'render/y']);
    expect(files.length).toBeGreaterThan(50);
    expect(crossings(under('pipeline'), under('compose')).length).toBeGreaterThan(0); // the pipeline does compose
  });

  it('renderers and checks read compose\'s output only through src/document, never compose internals', () => {
    expect(crossings((n) => under('render')(n) || under('check')(n), under('compose'))).toEqual([]);
  });

  it('model/ never imports the loader', () => {
    expect(crossings(under('model'), under('load'))).toEqual([]);
  });

  it('src/document is a leaf: it imports no stage', () => {
    expect(crossings(under('document'), (target) => !target.startsWith('document/'))).toEqual([]);
  });

  it('the library entry and everything it reaches never import the CLI', () => {
    const byName = new Map(files.map((f) => [f.name.replace(/\.ts$/, ''), f.imports]));
    const seen = new Set<string>();
    const queue = ['index'];
    while (queue.length) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(...(byName.get(name) ?? byName.get(`${name}/index`) ?? []));
    }
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter((name) => name.startsWith('cli/'))).toEqual([]);
  });
});
