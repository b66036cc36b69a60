// Makes V8's code cache of the PDF stack's bundle (dist/bin/pdf-stack.cjs, see src/render/pdf/stack.ts): renders the
// sample briefs' PDFs in memory (nothing is written), so the cache holds the functions a render runs, then writes it.
// Run by `npm run build` after scripts/bundle.mjs. Never fails the build: without a cache the bundle is compiled as
// it is loaded, as it is when the cache was made by another Node.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Render on this thread: the cache is of what this thread compiled.
process.env.DOCKETPRESS_WORKERS = '0';
try {
  const { buildBriefs } = await import('../dist/index.js');
  const { PDF_STACK_FILES, pdfStack, writeCodeCache } = await import('../dist/render/pdf/stack.js');
  await buildBriefs({
    dataDir: path.join(ROOT, 'data'),
    briefsDir: path.join(ROOT, 'briefs'),
    templatesDir: path.join(ROOT, 'templates'),
    outDir: path.join(ROOT, 'out'),
    formats: ['pdf'],
    dryRun: true,
    cache: false,
  });
  const stack = pdfStack();
  if (stack) writeCodeCache(PDF_STACK_FILES, stack);
  else console.warn('scripts/code-cache.mjs: dist/bin/pdf-stack.cjs is not in use (missing, or other package versions): no code cache made');
} catch (error) {
  console.warn(`scripts/code-cache.mjs: no code cache made (PDFs will load a little slower): ${error?.message ?? error}`);
}
