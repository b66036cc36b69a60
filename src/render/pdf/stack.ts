// Loads the PDF stack (pdfmake, pdfkit, fontkit): from the build's one-file bundle, dist/bin/pdf-stack.cjs
// (scripts/bundle.mjs), compiled with V8's code cache of it when the cache was made from the same bytes by this Node;
// else — no bundle, as when running from a checkout not yet built, or a bundle of other package versions — from
// node_modules.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { PACKAGE_ROOT } from '../../load/package-root.js';

const nodeRequire = createRequire(import.meta.url);

/** Where a bundle, its manifest and V8's code cache for it are. */
export interface StackFiles {
  bundle: string;
  manifest: string;
  codeCache: string;
}

/** The build's files (written by `npm run build`: scripts/bundle.mjs, then scripts/code-cache.mjs). */
export const PDF_STACK_FILES: StackFiles = {
  bundle: path.join(PACKAGE_ROOT, 'dist', 'bin', 'pdf-stack.cjs'),
  manifest: path.join(PACKAGE_ROOT, 'dist', 'bin', 'pdf-stack.json'),
  codeCache: path.join(PACKAGE_ROOT, 'dist', 'bin', 'pdf-stack.v8cache'),
};

/** What the build wrote beside the bundle: the versions bundled, and which bundle and Node the code cache is for. */
export interface StackManifest {
  packages: Record<string, string>;
  codeCache?: CodeCacheStamp;
}

interface CodeCacheStamp {
  bundleSha256: string;
  /** Of the cache's own bytes: V8 does not check them in a release build, so a damaged file is refused here. */
  cacheSha256: string;
  node: string;
  v8: string;
  arch: string;
}

/** A bundle compiled and run (each of its modules is evaluated when first required). */
export interface LoadedStack {
  modules: Record<string, () => unknown>;
  /** Whether V8 compiled it from the code cache (`rejected`: the cache was offered and V8 refused it). */
  codeCache: 'used' | 'rejected' | 'none';
  script: vm.Script;
  sha256: string;
}

/** Packages whose modules must all come from one copy: the bundle's, when it is used. */
const STACK_PACKAGE = /^(pdfmake|pdfkit|fontkit)(\/|$)/;

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

function readManifest(files: StackFiles): StackManifest | undefined {
  try {
    return JSON.parse(readFileSync(files.manifest, 'utf8')) as StackManifest;
  } catch {
    return undefined;
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

/** This process's Node, for the code cache's stamp. */
function runningNode(): Omit<CodeCacheStamp, 'bundleSha256' | 'cacheSha256'> {
  return { node: process.version, v8: process.versions.v8, arch: process.arch };
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** V8's code cache for this bundle, when it was made from these very bytes by this Node on this machine type, undamaged. */
function matchingCodeCache(files: StackFiles, stamp: CodeCacheStamp | undefined, sha256: string): Buffer | undefined {
  const here = runningNode();
  if (!stamp || stamp.bundleSha256 !== sha256 || stamp.node !== here.node || stamp.v8 !== here.v8 || stamp.arch !== here.arch) return undefined;
  try {
    const cache = readFileSync(files.codeCache);
    return sha256Of(cache) === stamp.cacheSha256 ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** Compiles and runs a bundle; null when there is none, or it bundles versions other than the ones installed. */
export function loadStack(files: StackFiles): LoadedStack | null {
  const manifest = readManifest(files);
  if (!manifest || !bundleMatchesInstalled(manifest)) return null;
  let source: Buffer;
  try {
    source = readFileSync(files.bundle);
  } catch {
    return null;
  }
  const sha256 = sha256Of(source);
  const cachedData = matchingCodeCache(files, manifest.codeCache, sha256);
  // Wrapped as Node wraps a CommonJS module, so the bundle runs as if required.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: files.bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as Record<string, () => unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(files.bundle), module, files.bundle, path.dirname(files.bundle));
  const codeCache = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { modules: module.exports, codeCache, script, sha256 };
}

/**
 * Writes V8's code cache of a loaded bundle as compiled so far in this process (so with the functions a render
 * ran), and stamps the manifest with the bundle and Node it is for.
 */
export function writeCodeCache(files: StackFiles, stack: LoadedStack): void {
  const manifest = readManifest(files);
  if (!manifest) throw new Error(`${files.manifest} is missing: run scripts/bundle.mjs first`);
  const cache = stack.script.createCachedData();
  writeFileSync(files.codeCache, cache);
  manifest.codeCache = { bundleSha256: stack.sha256, cacheSha256: sha256Of(cache), ...runningNode() };
  writeFileSync(files.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The build's bundle, once per process (null: node_modules is used). */
let processStack: LoadedStack | null | undefined;

export function pdfStack(): LoadedStack | null {
  if (processStack === undefined) processStack = loadStack(PDF_STACK_FILES);
  return processStack;
}

/** A module of the stack from `modules` (a bundle's), or an error: a second copy would miss the renderer's patches. */
export function stackModule(modules: LoadedStack['modules'], spec: string): unknown {
  const load = Object.hasOwn(modules, spec) ? modules[spec] : undefined;
  if (!load) throw new Error(`the PDF stack's bundle has no \`${spec}\`: run \`npm run build\` (scripts/bundle.mjs bundles what src/render/pdf requires)`);
  return load();
}

/**
 * `require` for the PDF stack's modules (`pdfmake`, `pdfmake/js/Renderer.js`, `fontkit`…): the bundle's copy when
 * the build's bundle is used, else node_modules'. Anything else (a package.json) is required from node_modules.
 */
export function requirePdfStack(spec: string): unknown {
  const stack = STACK_PACKAGE.test(spec) ? pdfStack() : null;
  return stack ? stackModule(stack.modules, spec) : nodeRequire(spec);
}
