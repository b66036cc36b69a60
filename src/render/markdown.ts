// Markdown renderer: mdast → GFM Markdown via remark-stringify. Escapes every text value; never restyles.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified()
  .use(remarkGfm, { tablePipeAlign: true })
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one', incrementListMarker: true })
  .freeze();

/** Serialises a composed tree to Markdown. */
export function renderMarkdown(root: Root): string {
  return processor.stringify(root);
}
