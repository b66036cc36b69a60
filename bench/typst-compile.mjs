#!/usr/bin/env node
// The bench's Typst peer as one fresh process: load the compiler installed in bench/peers/, typeset a .typ file
// with the given font folders and write the PDF — so Typst's process start and loading count, as ours do.
// Usage: node bench/typst-compile.mjs <in.typ> <out.pdf> [font folder …]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [input, output, ...fontPaths] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: node bench/typst-compile.mjs <in.typ> <out.pdf> [font folder …]\n');
  process.exit(2);
}
const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), 'peers', 'package.json'));
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(input)), fontArgs: [{ fontPaths }] });
const pdf = compiler.pdf({ mainFileContent: readFileSync(input, 'utf8') });
writeFileSync(output, pdf);
