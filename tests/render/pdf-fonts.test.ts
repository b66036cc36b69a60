// PDF fonts decoded at build time: the plain TrueType copies `npm run build` (scripts/fonts.mjs) writes into
// dist/fonts are the bytes the renderer would otherwise decode from the bundled WOFF2 files, so a render reads
// the same fonts whether or not they are there (skipped before a build).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decompress } from 'wawoff2';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DECODED = path.join(ROOT, 'dist', 'fonts');
const require = createRequire(import.meta.url);

function fontsourceFile(pkg: string, name: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files', name);
}

describe.skipIf(!existsSync(path.join(DECODED, 'manifest.json')))('fonts decoded at build time', () => {
  it('names the installed font package versions', () => {
    const manifest = JSON.parse(readFileSync(path.join(DECODED, 'manifest.json'), 'utf8')) as { packages: Record<string, { version: string; files: number }> };
    for (const pkg of ['@fontsource/tinos', '@fontsource/cousine', '@fontsource/noto-serif-sc']) {
      const installed = JSON.parse(readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'package.json'), 'utf8')) as { version: string };
      expect(manifest.packages[pkg]?.version).toBe(installed.version);
      expect(manifest.packages[pkg]?.files).toBeGreaterThan(0);
    }
  });

  it.each([
    ['@fontsource/tinos', 'tinos', 'tinos-latin-400-normal'],
    ['@fontsource/tinos', 'tinos', 'tinos-greek-700-italic'],
    ['@fontsource/cousine', 'cousine', 'cousine-latin-700-normal'],
    ['@fontsource/noto-serif-sc', 'noto-serif-sc', 'noto-serif-sc-119-400-normal'],
  ])('%s %s: the copy is the WOFF2 file decoded', async (pkg, dir, stem) => {
    const decoded = Buffer.from(await decompress(readFileSync(fontsourceFile(pkg, `${stem}.woff2`))));
    expect(readFileSync(path.join(DECODED, dir, `${stem}.ttf`)).equals(decoded)).toBe(true);
  });
});
