// Decodes, at build time, the bundled WOFF2 fonts the PDF renderer may draw with (the @fontsource files of
// src/render/pdf/fonts.ts) into plain TrueType under dist/fonts/, so a render reads them as they are instead
// of decoding WOFF2 (wasm) in every process. fonts.ts falls back to decoding when a file is missing or stale.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decompress } from 'wawoff2';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'fonts');
const require = createRequire(path.join(ROOT, 'package.json'));

/** Package → which of its files fonts.ts can open (weights 400/700; Noto Serif SC: numbered subsets, upright). */
const PACKAGES = {
  '@fontsource/tinos': /^tinos-[a-z-]+-(400|700)-(normal|italic)\.woff2$/,
  '@fontsource/cousine': /^cousine-[a-z-]+-(400|700)-(normal|italic)\.woff2$/,
  '@fontsource/noto-serif-sc': /^noto-serif-sc-\d+-(400|700)-normal\.woff2$/,
};

rmSync(OUT, { recursive: true, force: true });
const manifest = { packages: {} };
for (const [pkg, pattern] of Object.entries(PACKAGES)) {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const target = path.join(OUT, pkg.replace(/^@fontsource\//, ''));
  mkdirSync(target, { recursive: true });
  const files = readdirSync(path.join(dir, 'files')).filter((name) => pattern.test(name)).sort();
  for (const name of files) {
    const sfnt = await decompress(readFileSync(path.join(dir, 'files', name)));
    writeFileSync(path.join(target, name.replace(/\.woff2$/, '.ttf')), sfnt);
  }
  manifest.packages[pkg] = { version, files: files.length };
}
// Written last: fonts.ts trusts the directory only when the manifest names the installed versions.
writeFileSync(path.join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
