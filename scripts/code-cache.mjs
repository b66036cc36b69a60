// Makes V8's code cache of the PDF stack's bundle (dist/bin/pdf-stack.cjs, see src/render/pdf/stack.ts): renders the
// sample briefs' PDFs in memory (nothing is written), so the cache holds the functions a render runs, then writes it.
// Run by `npm run build` after scripts/bundle.mjs; a cache that is missing or made by another Node is not used.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Render on this thread: the cache is of what this thread compiled.
process.env.DOCKETPRESS_WORKERS = '0';
const { buildBriefs } = await import(path.join(ROOT, 'dist', 'index.js'));
const { writePdfStackCodeCache } = await import(path.join(ROOT, 'dist', 'render', 'pdf', 'stack.js'));
await buildBriefs({
  dataDir: path.join(ROOT, 'data'),
  briefsDir: path.join(ROOT, 'briefs'),
  templatesDir: path.join(ROOT, 'templates'),
  outDir: path.join(ROOT, 'out'),
  formats: ['pdf'],
  dryRun: true,
  cache: false,
});
if (!writePdfStackCodeCache()) console.warn('scripts/code-cache.mjs: dist/bin/pdf-stack.cjs is not in use: no code cache written');
