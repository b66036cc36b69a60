// The Markdown format: the file is its own visible text; its body opens and closes on its first and last lines.
import { renderMarkdown } from '../markdown.js';
import type { RenderedFile, RenderRequest } from './format.js';

export async function render({ document }: RenderRequest): Promise<RenderedFile> {
  const markdown = renderMarkdown(document.root);
  const lines = markdown.trim().split('\n');
  // Footnote definitions follow the body: the last body line is the last one that is not one of them.
  const body = lines.filter((line) => line.trim() && !line.startsWith('[^'));
  return { bytes: markdown, visible: { layout: 'flow', text: markdown, ends: { first: lines[0] ?? '', last: body[body.length - 1] ?? '' }, metadata: {}, bookmarks: [] } };
}
