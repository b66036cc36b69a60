// The PDF stack's bundle is used only when it bundles the installed versions, its code cache only when made from
// the same bytes by this Node, and a module it lacks is an error, never a silent second copy from node_modules.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installedVersion, loadStack, PDF_STACK_FILES, pdfStack, stackModule, writeCodeCache, type StackFiles } from '../../src/render/pdf/stack.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A bundle of one fake `pdfmake` module (`source` is its body), with a manifest naming `version`. */
function fakeBundle(version: string | undefined, source = "module.exports = { pdfmake: () => ({ fromBundle: true, folder: __dirname }) };"): StackFiles {
  const folder = mkdtempSync(path.join(tmpdir(), 'docketpress-stack-'));
  folders.push(folder);
  const files = { bundle: path.join(folder, 'pdf-stack.cjs'), manifest: path.join(folder, 'pdf-stack.json'), codeCache: path.join(folder, 'pdf-stack.v8cache') };
  writeFileSync(files.bundle, source);
  writeFileSync(files.manifest, JSON.stringify({ packages: { pdfmake: version } }));
  return files;
}

describe('the PDF stack bundle', () => {
  const pdfmakeVersion = installedVersion('pdfmake');

  it('reads the installed version of a package whose exports hide its package.json', () => {
    expect(pdfmakeVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(installedVersion('fontkit')).toBe(JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('fontkit')), '..', 'package.json'), 'utf8')).version);
  });

  it('runs the bundle as a CommonJS module of its own folder', () => {
    const files = fakeBundle(pdfmakeVersion);
    const stack = loadStack(files);
    expect(stack?.codeCache).toBe('none');
    expect(stackModule(stack!.modules, 'pdfmake')).toEqual({ fromBundle: true, folder: path.dirname(files.bundle) });
  });

  it('is not used when it bundles another version than the one installed, or has no manifest', () => {
    expect(loadStack(fakeBundle('0.0.0-other'))).toBeNull();
    const files = fakeBundle(pdfmakeVersion);
    rmSync(files.manifest);
    expect(loadStack(files)).toBeNull();
  });

  it('compiles from the code cache only when it was made from the same bytes by this Node, and is undamaged', () => {
    const files = fakeBundle(pdfmakeVersion);
    writeCodeCache(files, loadStack(files)!);
    expect(JSON.parse(readFileSync(files.manifest, 'utf8')).codeCache).toMatchObject({ node: process.version, arch: process.arch });
    expect(loadStack(files)?.codeCache).toBe('used');

    const manifest = JSON.parse(readFileSync(files.manifest, 'utf8'));
    writeFileSync(files.manifest, JSON.stringify({ ...manifest, codeCache: { ...manifest.codeCache, node: 'v0.0.0' } }));
    expect(loadStack(files)?.codeCache).toBe('none');

    writeFileSync(files.manifest, JSON.stringify(manifest));
    expect(loadStack(files)?.codeCache).toBe('used');
    const cache = readFileSync(files.codeCache);
    cache.writeUInt8(cache.readUInt8(cache.length - 1) ^ 0xff, cache.length - 1);
    writeFileSync(files.codeCache, cache);
    expect(loadStack(files)?.codeCache).toBe('none');

    writeFileSync(files.bundle, "module.exports = { pdfmake: () => ({ fromBundle: 'edited' }) };");
    const edited = loadStack(files);
    expect(edited?.codeCache).toBe('none');
    expect(stackModule(edited!.modules, 'pdfmake')).toEqual({ fromBundle: 'edited' });
  });

  it("code cache holds the bundle's code, never the text it handled", () => {
    const files = fakeBundle(pdfmakeVersion, "const seen = []; module.exports = { pdfmake: () => (text) => { seen.push(text.toUpperCase()); return seen.join('source-literal-separator'); } };");
    const stack = loadStack(files)!;
    const render = stackModule(stack.modules, 'pdfmake') as (text: string) => string;
    const secret = `confidential-${process.pid}-${Date.now()}`;
    expect(render(secret)).toContain(secret.toUpperCase());
    writeCodeCache(files, stack);
    const cache = readFileSync(files.codeCache);
    expect(cache.length).toBeGreaterThan(0);
    for (const text of [secret, secret.toUpperCase()]) {
      expect(cache.includes(Buffer.from(text, 'latin1'))).toBe(false);
      expect(cache.includes(Buffer.from(text, 'utf16le'))).toBe(false);
    }
    // The source's own literals are in it: the search above finds text that is there.
    expect(cache.includes(Buffer.from('source-literal-separator', 'latin1'))).toBe(true);
  });

  it('refuses a module it does not bundle instead of loading a second copy', () => {
    const stack = loadStack(fakeBundle(pdfmakeVersion))!;
    expect(() => stackModule(stack.modules, 'pdfmake/js/Renderer.js')).toThrow(/has no `pdfmake\/js\/Renderer\.js`.*npm run build/);
  });

  it.skipIf(!existsSync(PDF_STACK_FILES.bundle))('of the build holds the stack, with pdfkit reading its data files from its own folder', () => {
    const stack = pdfStack();
    expect(stack).not.toBeNull();
    const pdfmake = stackModule(stack!.modules, 'pdfmake') as { createPdf?: unknown };
    expect(typeof pdfmake.createPdf).toBe('function');
    const PDFDocument = stackModule(stack!.modules, 'pdfkit') as new (options: object) => { font(name: string): unknown; widthOfString(text: string): number };
    // A standard font's metrics are read from pdfkit's own js/data folder, not from beside the bundle.
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.font('Helvetica');
    expect(doc.widthOfString('docketpress')).toBeGreaterThan(0);
  });
});
