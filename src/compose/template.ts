// Templates: Markdown with frontmatter, {{placeholders}} and ::directives, expanded into an mdast tree.
import type { Definition, FootnoteReference, Image, ImageReference, Link, LinkReference, Nodes, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { suggestion } from '../diagnostics/suggest.js';
import { readInputFile } from '../load/input-file.js';
import { text } from './nodes.js';

/** A parsed template and the brief kinds its frontmatter says it serves. */
export interface Template {
  name: string;
  source: string;
  tree: Root;
  kinds: string[];
}

const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/g;

/** The Markdown parser shared by templates and prose fields (GFM + directives + frontmatter). */
function createMarkdownParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();
}

let sharedParser: ReturnType<typeof createMarkdownParser> | undefined;

/** The one Markdown parser (frozen, so its syntax extensions are put together once, not per prose field). */
export function markdownParser(): ReturnType<typeof createMarkdownParser> {
  return (sharedParser ??= createMarkdownParser());
}

/** What a sanitised tree lost, reported by the caller at the node's place. */
export interface Dropped {
  node: Nodes;
  message: string;
  ruleId: 'prose-link-dropped' | 'prose-image-dropped' | 'prose-footnote-dropped' | 'prose-html-dropped';
}

/** True for the only link targets a document may carry: absolute `http:`, `https:` and `mailto:` URLs. */
export function allowedLinkUrl(url: string): boolean {
  try {
    const protocol = new URL(url.trim()).protocol; // no base: relative and protocol-relative links throw
    return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

function plain(children: PhrasingContent[]): PhrasingContent[] {
  return children.length ? children : [];
}

/**
 * Makes a parsed Markdown tree (a prose field or a template) safe for every renderer: links to anything but
 * http(s) or mailto become their text; images are never read (their alt text stays as text); reference-style
 * links are resolved against their definitions and definitions removed; footnotes written by hand stay as
 * literal text (footnotes come from `:cite[…]` only, so they cannot clash); raw HTML is removed.
 * Returns what was dropped; the tree is changed in place.
 */
export function sanitizeMarkdown(tree: Root, where = ''): Dropped[] {
  const dropped: Dropped[] = [];
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const replace = (nodes: PhrasingContent[]): [typeof SKIP, number] => {
      parent.children.splice(index, 1, ...(nodes as never[]));
      return [SKIP, index];
    };
    switch (node.type) {
      case 'definition':
      case 'footnoteDefinition':
        if (node.type === 'footnoteDefinition') dropped.push({ node, message: `the hand-written footnote \`[^${node.label ?? node.identifier}]\`${where} was removed (its reference stays as plain text): cite sources with \`:cite[source-id]\`, which numbers the footnotes`, ruleId: 'prose-footnote-dropped' });
        parent.children.splice(index, 1);
        return [SKIP, index];
      case 'footnoteReference': {
        const ref = node as FootnoteReference;
        return replace([{ type: 'text', value: `[^${ref.label ?? ref.identifier}]`, ...(ref.position ? { position: ref.position } : {}) }]);
      }
      case 'link':
      case 'linkReference': {
        const url = node.type === 'link' ? (node as Link).url : definitions.get((node as LinkReference).identifier)?.url;
        const children = (node as Link | LinkReference).children;
        if (url !== undefined && allowedLinkUrl(url)) {
          if (node.type === 'linkReference') return replace([{ type: 'link', url: url.trim(), children, ...(node.position ? { position: node.position } : {}) }]);
          return undefined;
        }
        dropped.push({ node, message: `the link to \`${visibleUrl(url ?? '')}\`${where} was turned into plain text: documents link only to http://, https:// and mailto: addresses`, ruleId: 'prose-link-dropped' });
        return replace(plain(children));
      }
      case 'image':
      case 'imageReference': {
        const image = node as Image | ImageReference;
        const url = node.type === 'image' ? (node as Image).url : definitions.get((node as ImageReference).identifier)?.url;
        dropped.push({ node, message: `the image \`${visibleUrl(url ?? '')}\`${where} was dropped and not read: documents carry no images${image.alt ? ' (its alt text is kept as text)' : ''}`, ruleId: 'prose-image-dropped' });
        return replace(image.alt ? [{ type: 'text', value: image.alt }] : []);
      }
      case 'html':
        dropped.push({ node, message: `raw HTML${where} was dropped: write Markdown instead`, ruleId: 'prose-html-dropped' });
        parent.children.splice(index, 1);
        return [SKIP, index];
      default:
        return undefined;
    }
  });
  return dropped;
}

function visibleUrl(url: string): string {
  const oneLine = url.replace(/[\u0000-\u001F\u007F]/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 60)}…` : oneLine;
}

/** Parses template text; a malformed frontmatter is a positioned diagnostic. */
export function parseTemplate(name: string, source: string, diagnostics: Diagnostic[]): Template {
  const tree = markdownParser().parse(source);
  let kinds: string[] = [];
  const front = tree.children[0];
  if (front?.type === 'yaml') {
    try {
      const data = parseYaml(front.value) as { kind?: unknown } | null;
      const kind = data?.kind;
      kinds = Array.isArray(kind) ? kind.map(String) : kind === undefined ? [] : [String(kind)];
    } catch {
      diagnostics.push(diagnostic(name, { line: 2, column: 1 }, 'error', 'the frontmatter is not valid YAML: write `kind: <brief kind>` between the `---` lines', 'template-frontmatter'));
    }
    tree.children.shift();
  }
  for (const { node, message, ruleId } of sanitizeMarkdown(tree)) {
    diagnostics.push(diagnostic(name, node.position?.start, 'warning', message, ruleId));
  }
  return { name, source, tree, kinds };
}

/** Largest template read: a template is a page or two of Markdown. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * A template file's text, read only if it is a regular file inside `roots` (a FIFO would block forever, and a
 * symbolic link out of the project would put another file's content in the document), or why it was not read.
 */
export function readTemplateText(file: string, roots: readonly string[]): { text: string } | { problem: string; ruleId: 'template-unreadable' | 'template-outside-project' } {
  const read = readInputFile(file, roots, MAX_TEMPLATE_BYTES);
  if ('bytes' in read) return { text: read.bytes.toString('utf8') };
  const { refusal } = read;
  if (refusal.ruleId === 'symlink-outside-project') return { problem: 'this template is a symbolic link out of the project, so it was not read: copy the template into the templates folder', ruleId: 'template-outside-project' };
  if (refusal.ruleId === 'file-too-large') return { problem: `this template is over ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB, so it was not read: a template is a page or two of Markdown`, ruleId: 'template-unreadable' };
  if (/ENOENT/.test(refusal.message)) return { problem: 'template not found: check `template:` in the brief, or add the file', ruleId: 'template-unreadable' };
  return { problem: refusal.message.replace('this file', 'this template'), ruleId: 'template-unreadable' };
}

/** Reads and parses a template file (see readTemplateText for what is refused). */
export function loadTemplate(file: string, name: string, roots: readonly string[], diagnostics: Diagnostic[]): Template | undefined {
  const read = readTemplateText(file, roots);
  if ('problem' in read) {
    diagnostics.push(diagnostic(name, undefined, 'error', read.problem, read.ruleId));
    return undefined;
  }
  return parseTemplate(name, read.text, diagnostics);
}

/** What a template can call: block directives and text placeholders. */
export interface TemplateBindings {
  directives: Record<string, () => RootContent[]>;
  placeholders: Record<string, string | undefined>;
}

/**
 * Expands a template: each `::name` leaf directive is replaced by the blocks its binding returns,
 * each `{{path}}` by a text node. Unknown names are positioned errors in the template.
 */
export function expandTemplate(template: Template, bindings: TemplateBindings, diagnostics: Diagnostic[]): Root {
  const tree = structuredClone(template.tree);
  // Looked up in maps of the bindings' own entries: a template's `::constructor` or `{{toString}}` must name
  // nothing, not a member every object inherits.
  const directives = new Map(Object.entries(bindings.directives));
  const placeholders = new Map(Object.entries(bindings.placeholders));
  const directiveNames = [...directives.keys()].sort();
  const placeholderNames = [...placeholders.keys()].sort();

  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'leafDirective' || node.type === 'containerDirective' || node.type === 'textDirective') {
      const directive = node as LeafDirective;
      const make = node.type === 'leafDirective' ? directives.get(directive.name) : undefined;
      if (!make) {
        const known = node.type === 'leafDirective' ? `${suggestion(directive.name, directiveNames)}; known here: ${directiveNames.map((n) => `\`::${n}\``).join(', ')}` : ': templates use leaf directives on their own line, such as `::caption`';
        diagnostics.push(diagnostic(template.name, node.position?.start, 'error', `unknown directive \`${node.type === 'textDirective' ? ':' : '::'}${directive.name}\`${known}`, 'template-unknown-directive'));
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const blocks = make();
      parent.children.splice(index, 1, ...(blocks as never[]));
      return [SKIP, index + blocks.length];
    }
    if (node.type === 'text') {
      const parts = splitPlaceholders(node, template, placeholders, placeholderNames, diagnostics);
      if (parts) {
        parent.children.splice(index, 1, ...(parts as never[]));
        return [SKIP, index + parts.length];
      }
    }
    return undefined;
  });
  return tree;
}

function splitPlaceholders(node: Text, template: Template, values: ReadonlyMap<string, string | undefined>, names: string[], diagnostics: Diagnostic[]): Text[] | undefined {
  if (!node.value.includes('{{')) return undefined;
  const parts: Text[] = [];
  let last = 0;
  for (const match of node.value.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (match.index > last) parts.push(text(node.value.slice(last, match.index)));
    last = match.index + match[0].length;
    const value = values.get(name);
    if (value === undefined) {
      const place = placeOfPlaceholder(node, template, match[0]);
      const known = values.has(name) ? ': the data has no value for it in this brief — add it to the data or remove the placeholder' : `${suggestion(name, names)}: known placeholders: ${names.map((n) => `\`{{${n}}}\``).join(', ')}`;
      diagnostics.push(diagnostic(template.name, place, 'error', `${values.has(name) ? 'empty' : 'unknown'} placeholder \`{{${name}}}\`${known}`, 'template-unknown-placeholder'));
      continue;
    }
    parts.push(text(value));
  }
  if (last < node.value.length) parts.push(text(node.value.slice(last)));
  return parts;
}

/** Line and column of a placeholder, found in the template source after the text node's start. */
function placeOfPlaceholder(node: Text, template: Template, raw: string): { line: number; column: number } | undefined {
  const start = node.position?.start;
  if (!start || start.offset === undefined) return start;
  const offset = template.source.indexOf(raw, start.offset);
  if (offset < 0) return start;
  const before = template.source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
