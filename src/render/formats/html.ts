// The HTML format: the page is its own visible text (attributes included); its body is <main> without the banner.
import { renderHtmlWithText } from '../html.js';
import type { RenderedFile, RenderRequest } from './format.js';

export async function render({ document }: RenderRequest): Promise<RenderedFile> {
  const { meta } = document;
  const { html, ends } = renderHtmlWithText(document.root, { title: meta.title, description: meta.subject, statusLegend: false, ...(meta.sampleNotice ? { sampleNotice: meta.sampleNotice } : {}) });
  return { bytes: html, visible: { layout: 'flow', text: html, ends, metadata: { title: meta.title, description: meta.subject }, bookmarks: [] } };
}
