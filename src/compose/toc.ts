// The table of contents: a marker the `::toc` directive leaves, filled in once the whole tree is composed.
import type { Heading, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { bciSpans } from '../document/bci.js';
import { heading, link, withRole } from './nodes.js';

/** Without `toc:` in the brief, a filing gets a table of contents when it has at least this many headings of level 2 and 3. */
export const TOC_HEADING_THRESHOLD = 8;

/** The heading "Contents", marking where the table goes; `forced` when the brief says `toc: true`. */
export function tocMarker(forced: boolean): RootContent {
  const marker = withRole(heading(2, 'Contents'), 'toc');
  marker.data = { docketpress: { role: 'toc', tocForced: forced } };
  return marker;
}

function isTocMarker(node: RootContent): node is Heading {
  return node.type === 'heading' && node.data?.docketpress?.role === 'toc';
}

/**
 * Replaces the marker with "Contents" and a list of links to the headings of level 2 and 3 after it (level 3
 * nested), anchored as GitHub anchors headings; or removes it when the brief left `toc:` out and the filing is short.
 * A heading holding business confidential words is never listed: its anchor would carry them.
 */
export function fillToc(root: Root): void {
  const at = root.children.findIndex(isTocMarker);
  if (at < 0) return;
  const marker = root.children[at] as Heading;
  const slugger = new GithubSlugger();
  const anchors = new Map<Heading, string>();
  for (const node of root.children) if (node.type === 'heading') anchors.set(node, slugger.slug(toString(node)));
  const listed = root.children.slice(at + 1).filter((node): node is Heading => node.type === 'heading' && (node.depth === 2 || node.depth === 3) && bciSpans({ type: 'root', children: [node] }).length === 0);
  if (!marker.data?.docketpress?.tocForced && listed.length < TOC_HEADING_THRESHOLD) {
    root.children.splice(at, 1);
    return;
  }
  for (const node of listed) node.data = { ...node.data, docketpress: { ...node.data?.docketpress, tocEntry: true } };
  const item = (node: Heading): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [link(`#${anchors.get(node)!}`, ...structuredClone(node.children))] }] });
  const items: ListItem[] = [];
  for (const node of listed) {
    const last = items[items.length - 1];
    if (node.depth === 3 && last) {
      const nested = last.children[1];
      if (nested?.type === 'list') nested.children.push(item(node));
      else last.children.push({ type: 'list', ordered: false, spread: false, children: [item(node)] });
    } else items.push(item(node));
  }
  root.children.splice(at + 1, 0, withRole({ type: 'list', ordered: false, spread: false, children: items }, 'toc'));
}
