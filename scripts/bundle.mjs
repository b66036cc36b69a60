// Bundles the command line into dist/bin/ with esbuild: one file to load instead of hundreds of small ES modules
// (resolving and linking them was a third of a query's start-up). The PDF stack (pdfmake, pdfkit, fontkit: CommonJS
// packages) goes into one CommonJS file of its own, dist/bin/pdf-stack.cjs, loaded only when a PDF is wanted (see
// src/render/pdf/stack.ts): modules a PDF never runs (pdfkit's encryption, fontkit's WOFF2 decoder) are evaluated
// only when first used, and the files the packages read at run time are read from their own folders.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'bin');

/** Packages of the PDF stack: bundled into pdf-stack.cjs, so the CLI's bundle keeps them external. */
const PDF_STACK = ['pdfmake', 'pdfkit', 'fontkit'];

rmSync(OUT, { recursive: true, force: true });
await build({
  // The worker is its own entry: render-pool.js starts it from beside itself (new URL('./render-worker.js')); so
  // is the build server, which the client starts from beside itself (new URL('./docketpress-server.js')).
  entryPoints: {
    docketpress: path.join(ROOT, 'src', 'cli', 'main.ts'),
    'render-worker': path.join(ROOT, 'src', 'pipeline', 'render-worker.ts'),
    'docketpress-server': path.join(ROOT, 'src', 'server', 'main.ts'),
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: [...PDF_STACK, 'wawoff2'],
  // Bundled CommonJS dependencies call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});

/** Every module of the stack the renderer asks for by name (`require('pdfmake/js/Renderer.js')` in src/render/pdf). */
function stackSpecifiers() {
  const specs = new Set(PDF_STACK);
  const dir = path.join(ROOT, 'src', 'render', 'pdf');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const [, spec] of readFileSync(path.join(dir, name), 'utf8').matchAll(/require\('((?:pdfmake|pdfkit|fontkit)\/[^']+\.js)'\)/g)) specs.add(spec);
  }
  return [...specs].sort();
}

/** Modules that only encryption or WOFF2 decoding use: their code is bundled, but evaluated on first use only. */
const ON_FIRST_USE = new Set(['@noble/hashes/utils', '@noble/hashes/sha2', '@noble/ciphers/aes', 'brotli/decompress.js']);

/** Each package's `__dirname`, as where it is installed at run time (pdfkit reads its font metrics and ICC profile). */
const PACKAGE_DIRS = { 'pdfkit/js/pdfkit.js': ['pdfkit', 'js'], 'pdfmake/js/virtual-fs.js': ['pdfmake', 'js'] };

/**
 * esbuild plugin for the PDF stack: a stand-in for each module of ON_FIRST_USE that loads it when first touched;
 * PACKAGE_DIRS' `__dirname`s; fontkit's shaper tables decoded on first lookup.
 */
const pdfStackPlugin = {
  name: 'pdf-stack',
  setup(b) {
    b.onResolve({ filter: /^(@noble|brotli)\// }, async (args) => {
      if (!ON_FIRST_USE.has(args.path)) return undefined;
      if (args.pluginData?.real) return b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind });
      return { path: args.path, namespace: 'on-first-use', pluginData: { resolveDir: args.resolveDir } };
    });
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({
      resolveDir: args.pluginData.resolveDir,
      pluginData: { real: true },
      contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy(function () {}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  apply: (_, self, args) => Reflect.apply(load(), self, args),
});`,
    }));
    b.onLoad({ filter: /node_modules[\\/](pdfkit[\\/]js[\\/]pdfkit|pdfmake[\\/]js[\\/]virtual-fs)\.js$/ }, (args) => {
      const key = Object.keys(PACKAGE_DIRS).find((k) => args.path.replaceAll('\\', '/').endsWith(`node_modules/${k}`));
      const [pkg, sub] = PACKAGE_DIRS[key];
      const dir = `require('path').join(require('path').dirname(require.resolve(${JSON.stringify(`${pkg}/package.json`)})), ${JSON.stringify(sub)})`;
      return { contents: readFileSync(args.path, 'utf8').replaceAll(/\b__dirname\b/g, `(${dir})`), loader: 'js', resolveDir: path.dirname(args.path) };
    });
    // fontkit decodes the Unicode tables of its Arabic, Indic and universal shapers as it loads; Latin and Chinese
    // text never reads them: each is decoded on its first lookup instead.
    b.onLoad({ filter: /node_modules[\\/]fontkit[\\/]dist[\\/]main\.cjs$/ }, (args) => {
      let tables = 0;
      const contents = readFileSync(args.path, 'utf8').replaceAll(/^const (\$\w+\$var\$trie) = (new [^\n]*\));$/gm, (_, name, make) => {
        tables++;
        return `let ${name}$decoded; const ${name} = { get: (codePoint) => (${name}$decoded ??= ${make}).get(codePoint) };`;
      });
      if (tables === 0) console.warn(`scripts/bundle.mjs: no shaper table found in ${args.path}: fontkit changed, its tables load eagerly`);
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

const specs = stackSpecifiers();
await build({
  stdin: {
    contents: `module.exports = {\n${specs.map((s) => `  ${JSON.stringify(s)}: () => require(${JSON.stringify(s)}),`).join('\n')}\n};\n`,
    resolveDir: ROOT,
    sourcefile: 'pdf-stack-entry.cjs',
  },
  outfile: path.join(OUT, 'pdf-stack.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Only resolved (for the packages' folders), never loaded.
  external: ['pdfmake/package.json', 'pdfkit/package.json'],
  plugins: [pdfStackPlugin],
  logLevel: 'warning',
});
// The versions bundled: src/render/pdf/stack.ts uses the bundle only while they are the ones installed.
const { installedVersion } = await import('../dist/render/pdf/stack.js');
const packages = Object.fromEntries(PDF_STACK.map((pkg) => [pkg, installedVersion(pkg)]));
writeFileSync(path.join(OUT, 'pdf-stack.json'), `${JSON.stringify({ packages }, null, 2)}\n`);
