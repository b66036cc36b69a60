// Bundles the command line into dist/bin/ with esbuild: one file to load instead of hundreds of small ES modules
// (resolving and linking them was a third of a query's start-up). The PDF stack (CommonJS packages that read
// their own data files) stays external, loaded from node_modules only when a PDF is wanted.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'bin');

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
  external: ['pdfmake', 'pdfkit', 'fontkit', 'wawoff2'],
  // Bundled CommonJS dependencies call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
