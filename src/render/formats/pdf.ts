// The PDF format: bytes and the text drawn on each page, with the information dictionary and the bookmarks.
import { renderDocumentPdfWithText } from '../pdf-document.js';
import type { RenderedFile, RenderRequest } from './format.js';

export async function render({ document, marking, sourceName, pdfa }: RenderRequest): Promise<RenderedFile> {
  const { bytes, drawn } = await renderDocumentPdfWithText(document, { pdfa, sourceName, ...(marking ? { markings: [marking] } : {}) });
  const metadata = Object.fromEntries(Object.entries(drawn.info).map(([key, value]) => [key, String(value)]));
  return { bytes, visible: { layout: 'pages', pages: drawn.pages, metadata, bookmarks: drawn.outline } };
}
