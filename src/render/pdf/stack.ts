// Loads the PDF stack (pdfmake, pdfkit, fontkit): from the build's one-file bundle, dist/bin/pdf-stack.cjs
// (scripts/bundle.mjs), compiled with V8's code cache of it when the cache was made by this Node; else — no bundle, as
// when running from TypeScript sources, or a bundle of other package versions — from node_modules.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { PACKAGE_ROOT } from '../../load/package-root.js';

const nodeRequire = createRequire(import.meta.url);

/** The bundle, its manifest and V8's code cache for it (written by `npm run build`). */
export const PDF_STACK_FILES = {
  bundle: path.join(PACKAGE_ROOT, 'dist', 'bin', 'pdf-stack.cjs'),
  manifest: path.join(PACKAGE_ROOT, 'dist', 'bin', 'pdf-stack.json'),
  codeCache: path.join(PACKAGE_ROOT, 'dist', 'bin', 'pdf-stack.v8cache'),
};

/** What the build wrote beside the bundle: the versions bundled, and which bundle and Node the code cache is for. */
interface StackManifest {
  packages: Record<string, string>;
  codeCache?: { bundleSha256: string; node: string; v8: string; arch: string };
}

interface LoadedBundle {
  modules: Record<string, () => unknown>;
  script: vm.Script;
  sha256: string;
}

/** Packages whose modules must all come from one copy: the bundle's, when it is used. */
const STACK_PACKAGE = /^(pdfmake|pdfkit|fontkit)(\/|$)/;

let loaded: LoadedBundle | null | undefined;

function readManifest(): StackManifest | undefined {
  try {
    return JSON.parse(readFileSync(PDF_STACK_FILES.manifest, 'utf8')) as StackManifest;
  } catch {
    return undefined;
  }
}

/** The version of a package as installed where this module resolves it (its package.json: the nearest above its main file). */
export function installedVersion(pkg: string): string | undefined {
  let dir = path.dirname(nodeRequire.resolve(pkg));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === pkg) return manifest.version;
    } catch {
      // No package.json here: look further up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Whether every bundled package is the version installed (else the bundle is stale: node_modules is used). */
function bundleMatchesInstalled(manifest: StackManifest): boolean {
  try {
    return Object.entries(manifest.packages).every(([pkg, version]) => installedVersion(pkg) === version);
  } catch {
    return false;
  }
}

/** V8's code cache for this bundle, when it was made from these very bytes by this Node on this machine type. */
function matchingCodeCache(manifest: StackManifest, sha256: string): Buffer | undefined {
  const made = manifest.codeCache;
  if (!made || made.bundleSha256 !== sha256 || made.node !== process.version || made.v8 !== process.versions.v8 || made.arch !== process.arch) return undefined;
  try {
    return readFileSync(PDF_STACK_FILES.codeCache);
  } catch {
    return undefined;
  }
}

/** The bundle, compiled and run once (its modules are evaluated on first require); null when it cannot be used. */
function bundle(): LoadedBundle | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  const manifest = readManifest();
  if (!manifest || !bundleMatchesInstalled(manifest)) return loaded;
  let source: Buffer;
  try {
    source = readFileSync(PDF_STACK_FILES.bundle);
  } catch {
    return loaded;
  }
  const sha256 = createHash('sha256').update(source).digest('hex');
  // Wrapped as Node wraps a CommonJS module, so the bundle runs as if required.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: PDF_STACK_FILES.bundle,
    cachedData: matchingCodeCache(manifest, sha256),
  });
  const module = { exports: {} as Record<string, () => unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(PDF_STACK_FILES.bundle), module, PDF_STACK_FILES.bundle, path.dirname(PDF_STACK_FILES.bundle));
  loaded = { modules: module.exports, script, sha256 };
  return loaded;
}

/**
 * `require` for the PDF stack's modules (`pdfmake`, `pdfmake/js/Renderer.js`, `fontkit`…): the bundle's copy when
 * the bundle is used, else node_modules'. Anything else (a package.json) is required from node_modules.
 */
export function requirePdfStack(spec: string): unknown {
  const modules = STACK_PACKAGE.test(spec) ? bundle()?.modules : undefined;
  if (!modules) return nodeRequire(spec);
  const load = Object.hasOwn(modules, spec) ? modules[spec] : undefined;
  // A module the bundle lacks would be a second copy, which the renderer's patches of the first would not reach.
  if (!load) throw new Error(`dist/bin/pdf-stack.cjs has no \`${spec}\`: run \`npm run build\` (scripts/bundle.mjs bundles what src/render/pdf requires)`);
  return load();
}

/**
 * Writes V8's code cache of the bundle as compiled so far in this process (so with the functions a render ran) and
 * records in the manifest which bundle and Node it is for; false when the bundle is not in use.
 */
export function writePdfStackCodeCache(): boolean {
  const used = bundle();
  const manifest = readManifest();
  if (!used || !manifest) return false;
  writeFileSync(PDF_STACK_FILES.codeCache, used.script.createCachedData());
  manifest.codeCache = { bundleSha256: used.sha256, node: process.version, v8: process.versions.v8, arch: process.arch };
  writeFileSync(PDF_STACK_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
