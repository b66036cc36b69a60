// pdfmake driver: configures the process-wide pdfmake singleton once (bundled fonts, URL and
// local-file access policies, the per-page footnote reserve hook), turns one fresh definition
// into a laid-out pdfkit document, reads back where footnote references landed, and serialises
// the bytes. Must not build document content or decide styles.
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { bundledFontFiles, pdfmakeFontDictionary, preloadedFonts } from './fonts.js';

/**
 * Key of a function on the `pageMargins` object that tells how many points at the foot of a
 * page (0-based index) are reserved for that page's footnotes.
 */
export const FOOTNOTE_RESERVE = Symbol.for('docketpress.pdf.footnoteReserve');

/** Page margins as an object, optionally with a footnote reserve for each page. */
export interface ReservingMargins {
  left: number;
  top: number;
  right: number;
  bottom: number;
  [FOOTNOTE_RESERVE]?: (pageIndex: number) => number;
}

/** The parts of a laid-out pdfkit document this module reads (pdfkit keeps them on the page). */
interface PdfKitReference {
  data?: Record<string, unknown>;
}
interface PdfKitPage {
  height: number;
  width: number;
  annotations: PdfKitReference[];
}
/** A rendered but not yet ended pdfkit document (pages buffered). */
export interface LaidOutDocument extends NodeJS.ReadableStream {
  page: PdfKitPage;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(index: number): PdfKitPage;
  end(): void;
}

const require = createRequire(import.meta.url);
let configured = false;

/**
 * pdfmake has no footnote area: its layout gives every page the same body height. The hook
 * below lets one document (and only one whose `pageMargins` object carries FOOTNOTE_RESERVE)
 * shorten the body of a page when pdfmake starts laying out that page.
 */
function installReserveHook(): void {
  interface ContextLike {
    page: number;
    availableHeight: number;
    pageMargins?: ReservingMargins;
  }
  const mod = require('pdfmake/js/DocumentContext.js') as {
    default?: { prototype: { initializePage?: (this: ContextLike) => void } };
  };
  const proto = mod.default?.prototype;
  const original = proto?.initializePage;
  if (!proto || typeof original !== 'function') {
    throw new Error('pdfmake internals changed: DocumentContext.prototype.initializePage not found');
  }
  proto.initializePage = function initializePageWithFootnotes(this: ContextLike) {
    original.call(this);
    const reserve = this.pageMargins?.[FOOTNOTE_RESERVE];
    if (typeof reserve === 'function') {
      const points = reserve(this.page);
      if (points > 0) this.availableHeight -= points;
    }
  };
}

/** Register bundled fonts and access policies on the pdfmake singleton (once per process). */
export function configurePdfmake(): void {
  if (configured) return;
  const allowed = bundledFontFiles();
  pdfmake.addFonts(pdfmakeFontDictionary());
  // Nothing is ever fetched: content cannot pull images or fonts from the network.
  pdfmake.setUrlAccessPolicy(() => false);
  // Only the bundled font files may be read; standard-font names and any other path are refused.
  pdfmake.setLocalAccessPolicy((file: string) => allowed.has(file));
  installReserveHook();
  configured = true;
}

interface VirtualFs {
  existsSync(file: string): boolean;
  writeFileSync(file: string, content: Buffer): void;
}

/**
 * Hand pdfmake the decompressed copies of bundled fonts through its in-memory file system,
 * under the same names as the registered files, so pdfkit parses plain TrueType.
 */
function shareDecompressedFonts(): void {
  const vfs = (pdfmake as unknown as { virtualfs?: VirtualFs }).virtualfs;
  if (!vfs) return;
  for (const [file, bytes] of preloadedFonts()) if (!vfs.existsSync(file)) vfs.writeFileSync(file, bytes);
}

/** Lay out and draw `definition` (a fresh object: pdfmake mutates it); the document is not ended. */
export async function layOut(definition: TDocumentDefinitions): Promise<LaidOutDocument> {
  configurePdfmake();
  shareDecompressedFonts();
  const doc = await pdfmake.createPdf(definition, { bufferPages: true } as never).getStream();
  return doc as unknown as LaidOutDocument;
}

/** Heights (pt) of every page of a laid-out document, in order. */
export function pageHeights(doc: LaidOutDocument): number[] {
  const range = doc.bufferedPageRange();
  const heights: number[] = [];
  for (let i = range.start; i < range.start + range.count; i++) heights.push(doc.switchToPage(i).height);
  return heights;
}

/** Number of pages of a laid-out document. */
export function pageCount(doc: LaidOutDocument): number {
  return doc.bufferedPageRange().count;
}

/** Where an internal link sits: 0-based page and its rectangle (PDF user space, y up). */
export interface LinkPlace {
  page: number;
  rect: [number, number, number, number];
}

/**
 * For every internal link whose destination starts with `prefix`, where its first occurrence
 * sits, keyed by the rest of the destination name.
 */
export function linkPlaces(doc: LaidOutDocument, prefix: string): Map<string, LinkPlace> {
  const result = new Map<string, LinkPlace>();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    const page = doc.switchToPage(i);
    for (const annotation of page.annotations) {
      const action = (annotation.data?.['A'] as PdfKitReference | undefined)?.data;
      const destination = action?.['D'];
      if (action?.['S'] !== 'GoTo' || !(destination instanceof String)) continue;
      const name = destination.toString();
      if (!name.startsWith(prefix)) continue;
      const key = name.slice(prefix.length);
      const rect = annotation.data?.['Rect'] as number[] | undefined;
      if (!result.has(key) && rect && rect.length === 4) {
        result.set(key, { page: i - range.start, rect: rect as [number, number, number, number] });
      }
    }
  }
  return result;
}

/** End a laid-out document and collect its bytes. */
export function finish(doc: LaidOutDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      const buffer = Buffer.concat(chunks);
      resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    });
    doc.end();
  });
}
