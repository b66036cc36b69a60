// The Word format: the package's bytes, the text of every part, and the header and footer parts every page shows.
import { renderDocumentDocx } from '../docx/document.js';
import type { RenderedFile, RenderRequest } from './format.js';

export async function render({ document, marking }: RenderRequest): Promise<RenderedFile> {
  const { bytes, visible } = await renderDocumentDocx(document, marking ? { markings: [marking] } : {});
  return { bytes, visible };
}
