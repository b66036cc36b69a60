// Tests that run the built package (dist/): whether each compiled module is there and newer than its source.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every TypeScript source below src/, relative to src/. */
function sources(dir = ''): string[] {
  return readdirSync(path.join(ROOT, 'src', dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/**
 * Why dist/ cannot be trusted to be src/ compiled, as one line saying what to do, or undefined when every source has
 * its compiled module, written after the source last changed (`npm run build` compiles them all; a pull or an edit
 * without it leaves dist/ behind).
 */
export function staleBuild(): string | undefined {
  for (const source of sources().sort()) {
    const compiled = path.join('dist', source.replace(/\.ts$/, '.js'));
    let builtAt: number;
    try {
      builtAt = statSync(path.join(ROOT, compiled)).mtimeMs;
    } catch {
      return `dist/ is missing ${compiled}: run \`npm run build\``;
    }
    if (statSync(path.join(ROOT, 'src', source)).mtimeMs > builtAt) return `dist/ is older than src/ (src/${source} changed after ${compiled} was built): run \`npm run build\``;
  }
  return undefined;
}

/** Fails the calling test (or hook) with staleBuild's line when dist/ is missing or older than src/. */
export function requireFreshBuild(): void {
  const problem = staleBuild();
  if (problem) throw new Error(problem);
}
