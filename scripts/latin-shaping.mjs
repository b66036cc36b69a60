// Writes, at build time, the table of each bundled Latin face (Tinos and Cousine, latin and latin-ext subsets)
// that lets the PDF renderer shape plain Latin words without fontkit (src/render/pdf/latin-shaping.ts): derived
// from the TrueType copies scripts/fonts.mjs decoded into dist/fonts, by the compiled latin-shaping-tables.js.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveShapingTable } from '../dist/render/pdf/latin-shaping-tables.js';
import { installedVersion } from '../dist/render/pdf/stack.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FONTS = path.join(ROOT, 'dist', 'fonts');
const OUT = path.join(FONTS, 'shaping');
const require = createRequire(path.join(ROOT, 'package.json'));
// fontkit's CommonJS build and its own unicode-properties: the code whose shaping the tables reproduce.
const fontkit = require('fontkit');
const unicode = createRequire(require.resolve('fontkit'))('unicode-properties');
// The version the renderer checks a table against, found the way it finds it.
const version = installedVersion('fontkit');

const FACES = /^(tinos|cousine)-latin(-ext)?-(400|700)-(normal|italic)\.ttf$/;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const dir of ['tinos', 'cousine']) {
  for (const name of readdirSync(path.join(FONTS, dir)).filter((n) => FACES.test(n)).sort()) {
    const bytes = readFileSync(path.join(FONTS, dir, name));
    const face = name.replace(/\.ttf$/, '');
    const table = deriveShapingTable(face, bytes, fontkit.create(bytes), unicode, version);
    if (table) writeFileSync(path.join(OUT, `${face}.json`), `${JSON.stringify(table)}\n`);
  }
}
