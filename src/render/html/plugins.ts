// The HTML renderer's tree steps: a defensive copy of the mdast (roles → classes, nothing else from `data`),
// then rehype plugins that sanitise (allow-listed elements, attributes and link schemes), add heading ids,
// and make tables accessible and scrollable with status-cell classes. They never touch the caller's tree.
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastRootContent, Text as HastText } from 'hast';
import type { Nodes, Root } from 'mdast';
import { safeHref } from '../../document/links.js';
import { cellStatusOf, roleOf, type ListingStatus } from '../../document/roles.js';

export { safeHref, type SafeHref } from '../../document/links.js';

/**
 * A deep copy of an mdast tree for conversion to HTML. `data` is dropped from every node (so no
 * `hName`/`hProperties`/`hChildren` can smuggle elements or attributes into the page), except a known
 * `data.docketpress.role`, which becomes a `role-<name>` class, and a table cell's listing status, which
 * becomes `status-<status>` / `status-unverified` classes. Positions are dropped too.
 */
export function prepareMdast(root: Root): Root {
  return copyNode(root) as Root;
}

function copyNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(copyNode);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'data' || key === 'position') continue;
    out[key] = copyNode(value);
  }
  if (out.type === 'table') out.align = fullAlign(out);
  const role = roleOf(node as Nodes);
  if (role) out.data = { hProperties: { className: [`role-${role}`] } };
  const cell = out.type === 'tableCell' ? cellStatusOf(node as Nodes) : undefined;
  if (cell) out.data = { hProperties: { className: [...(cell.status ? [`status-${cell.status}`] : []), ...(cell.unverified ? ['status-unverified'] : [])] } };
  return out;
}

/**
 * mdast-util-to-hast emits only as many cells per row as `table.align` has entries, so a table built with
 * `align: []` (or a short array) would lose its cells. Pad (or create) it to the widest row with nulls.
 */
function fullAlign(table: Record<string, unknown>): unknown[] {
  const align = Array.isArray(table.align) ? [...(table.align as unknown[])] : [];
  const rows = Array.isArray(table.children) ? (table.children as { children?: unknown }[]) : [];
  const width = Math.max(0, ...rows.map((row) => (Array.isArray(row.children) ? row.children.length : 0)));
  while (align.length < width) align.push(null);
  return align;
}

// ───────────────────────── sanitising ─────────────────────────

const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'del', 's', 'code', 'pre',
  'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'sup', 'sub',
  'section', 'div', 'span', 'input', 'b', 'i', 'u', 'small', 'abbr', 'cite', 'q', 'dl', 'dt', 'dd', 'kbd', 'mark',
]);

/** Elements removed with their content (everything else unknown is unwrapped to its children). */
const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'head',
  'title', 'meta', 'link', 'base', 'svg', 'math', 'audio', 'video', 'source', 'track', 'canvas', 'picture',
  'form', 'button', 'select', 'textarea', 'option', 'portal', 'dialog',
]);

const GLOBAL_PROPERTIES: ReadonlySet<string> = new Set([
  'id', 'className', 'title', 'lang', 'dir', 'role', 'ariaHidden', 'ariaLabel', 'ariaDescribedBy',
  'dataFootnotes', 'dataFootnoteRef', 'dataFootnoteBackref',
]);

const TAG_PROPERTIES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href']),
  ol: new Set(['start', 'reversed']),
  td: new Set(['align', 'colSpan', 'rowSpan']),
  th: new Set(['align', 'colSpan', 'rowSpan', 'scope']),
  input: new Set(['type', 'checked', 'disabled']),
};

function text(value: string): HastText {
  return { type: 'text', value };
}

/** The text content of a hast node. */
export function hastText(node: HastRootContent | ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return (node.children as ElementContent[]).map(hastText).join('');
  return '';
}

function cleanProperties(tagName: string, properties: Properties): Properties {
  const allowed = TAG_PROPERTIES[tagName];
  const out: Properties = {};
  for (const key of Object.keys(properties).sort()) {
    if (GLOBAL_PROPERTIES.has(key) || allowed?.has(key)) out[key] = properties[key];
  }
  return out;
}

interface SanitizeOptions {
  /** Allow relative links to other pages of a generated site. */
  pages?: boolean;
}

function cleanChildren(children: readonly (HastRootContent | ElementContent)[], options: SanitizeOptions): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'text') out.push(child);
    else if (child.type === 'element') out.push(...cleanElement(child, options));
    // comments, doctypes and raw HTML never pass
  }
  return out;
}

function cleanElement(node: Element, options: SanitizeOptions): ElementContent[] {
  const tag = node.tagName.toLowerCase();
  if (DROPPED_TAGS.has(tag)) return [];
  if (tag === 'img') {
    const alt = node.properties.alt;
    return typeof alt === 'string' && alt.trim() ? [text(alt)] : [];
  }
  const children = cleanChildren(node.children, options);
  if (!ALLOWED_TAGS.has(tag)) return children;
  if (tag === 'input') {
    if (node.properties.type !== 'checkbox') return [];
    return [{ type: 'element', tagName: 'input', properties: { type: 'checkbox', checked: node.properties.checked === true, disabled: true }, children: [] }];
  }
  const properties = cleanProperties(tag, node.properties);
  if (tag === 'a') {
    const target = safeHref(properties.href, options);
    if (!target) return children; // unsafe or missing target: keep the words, drop the link
    properties.href = target.href;
    if (target.kind === 'web') {
      properties.rel = ['noopener', 'noreferrer'];
      const label = hastText(node).trim();
      if (!sameUrl(label, target.href)) properties.className = [...classList(properties), 'show-url'];
    }
  }
  return [{ type: 'element', tagName: tag, properties, children }];
}

function sameUrl(label: string, href: string): boolean {
  const strip = (value: string) => value.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return strip(label) === strip(href);
}

function classList(properties: Properties): string[] {
  const value = properties.className;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return String(value).split(/\s+/).filter(Boolean);
  return [];
}

/** rehype plugin: keeps only allow-listed elements/attributes and safe links; adds rel to external links. */
export function rehypeSanitize(options: SanitizeOptions = {}) {
  return (tree: HastRoot): void => {
    tree.children = cleanChildren(tree.children, options);
  };
}

// ───────────────────────── heading ids ─────────────────────────

/** A readable, unique-in-page id from heading text (letters and digits of any script, joined by '-'). */
export function slug(value: string): string {
  const base = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'section';
}

function* elements(node: HastRoot | Element): Generator<Element> {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    yield child;
    yield* elements(child);
  }
}

/** rehype plugin: gives every heading without an id one made from its text, unique in the page. */
export function rehypeHeadingIds() {
  return (tree: HastRoot): void => {
    const used = new Set<string>();
    for (const element of elements(tree)) if (typeof element.properties.id === 'string') used.add(element.properties.id);
    for (const element of elements(tree)) {
      if (!/^h[1-6]$/.test(element.tagName) || element.properties.id !== undefined) continue;
      const base = slug(hastText(element));
      let id = base;
      for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      element.properties.id = id;
    }
  };
}

// ───────────────────────── tables ─────────────────────────

export type Status = ListingStatus;

const MARKS: Record<Status | 'unverified', string> = { listed: '●', 'not-listed': '○', 'no-record': '—', unverified: '?' };
const STATUS_WORDS: Record<Status, string> = { listed: 'listed', 'not-listed': 'not listed', 'no-record': 'no record' };
const STATUS_CLASSES: ReadonlySet<string> = new Set(['status-listed', 'status-not-listed', 'status-no-record', 'status-unverified']);

/** The listing status a cell carries as classes (set from the composer's data by `prepareMdast`), taken off it. */
function takeCellStatus(cell: Element): { status?: Status; unverified: boolean } | undefined {
  const classes = classList(cell.properties);
  const own = classes.filter((name) => STATUS_CLASSES.has(name));
  if (own.length === 0) return undefined;
  const rest = classes.filter((name) => !STATUS_CLASSES.has(name));
  if (rest.length) cell.properties.className = rest;
  else delete cell.properties.className;
  const status = own.find((name) => name !== 'status-unverified')?.slice('status-'.length) as Status | undefined;
  return { ...(status ? { status } : {}), unverified: own.includes('status-unverified') };
}

function mark(symbol: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['status-mark'], ariaHidden: 'true' }, children: [text(symbol)] };
}

interface TableOptions {
  /** Add a key after tables with status cells (default true). */
  statusLegend?: boolean;
}

interface TableFacts {
  statuses: Set<Status>;
  unverified: boolean;
}

function rows(table: Element): { section: string; row: Element }[] {
  const out: { section: string; row: Element }[] = [];
  for (const section of table.children) {
    if (section.type !== 'element') continue;
    if (section.tagName === 'tr') out.push({ section: 'tbody', row: section });
    else for (const row of section.children) if (row.type === 'element' && row.tagName === 'tr') out.push({ section: section.tagName, row });
  }
  return out;
}

function cells(row: Element): Element[] {
  return row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'));
}

/** A body cell longer than this many characters is prose (class `cell-prose`). */
const PROSE_CELL_CHARS = 80;

/** Scope on header cells, alignment as classes, status classes and marks; returns what statuses it holds. */
function enhanceTable(table: Element): TableFacts {
  const facts: TableFacts = { statuses: new Set(), unverified: false };
  const all = rows(table);
  for (const { section, row } of all) {
    for (const cell of cells(row)) {
      const align = cell.properties.align;
      delete cell.properties.align;
      if (typeof align === 'string' && /^(left|center|right)$/.test(align)) cell.properties.className = [...classList(cell.properties), `align-${align}`];
      if (section === 'thead') {
        if (cell.tagName === 'th') cell.properties.scope = 'col';
        continue;
      }
      // Long prose keeps a readable width on a phone (the table scrolls instead of growing very tall rows).
      if (hastText(cell).length > PROSE_CELL_CHARS) cell.properties.className = [...classList(cell.properties), 'cell-prose'];
      const found = takeCellStatus(cell);
      if (!found) continue;
      const classes = classList(cell.properties);
      if (found.status) {
        classes.push(`status-${found.status}`);
        facts.statuses.add(found.status);
      }
      if (found.unverified) {
        classes.push('status-unverified');
        facts.unverified = true;
      }
      cell.properties.className = classes;
      const first = hastText(cell).trim();
      if (/^\p{L}/u.test(first)) cell.children.unshift(mark(MARKS[found.status ?? 'unverified']), text('\u00A0'));
    }
  }
  // In a status matrix the first column names the market: make it a row header.
  if (facts.statuses.size > 0 || facts.unverified) {
    table.properties.className = [...classList(table.properties), 'status-matrix'];
    for (const { section, row } of all) {
      const first = cells(row)[0];
      if (section !== 'thead' && first && first.tagName === 'td' && !classList(first.properties).some((name) => name.startsWith('status-'))) {
        first.tagName = 'th';
        first.properties.scope = 'row';
      }
    }
  }
  return facts;
}

function legend(facts: TableFacts): Element {
  const keys: ElementContent[] = [];
  for (const status of ['listed', 'not-listed', 'no-record'] as const) {
    keys.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['status-key', `status-${status}`] },
      children: [mark(MARKS[status]), text(`\u00A0${STATUS_WORDS[status]}`)],
    });
    keys.push(text(' '));
  }
  if (facts.unverified) {
    keys.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['status-key', 'status-unverified'] },
      children: [text('dashed outline: unconfirmed')],
    });
  }
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: ['status-legend'] },
    children: [{ type: 'element', tagName: 'strong', properties: {}, children: [text('Key:')] }, text(' '), ...keys],
  };
}

/**
 * rehype plugin: wraps each table in a focusable, labelled scroll region (named after the nearest heading
 * before it), marks header cells with scope, and classifies status cells (`status-listed`, …) keeping their text.
 */
export function rehypeTables(options: TableOptions = {}) {
  const withLegend = options.statusLegend !== false;
  return (tree: HastRoot): void => {
    let lastHeading = '';
    let count = 0;
    const walk = (parent: HastRoot | Element): void => {
      for (let index = 0; index < parent.children.length; index++) {
        const node = parent.children[index]!;
        if (node.type !== 'element') continue;
        if (/^h[1-6]$/.test(node.tagName)) {
          lastHeading = hastText(node).replace(/\s+/g, ' ').trim();
          continue;
        }
        if (node.tagName !== 'table') {
          walk(node);
          continue;
        }
        count += 1;
        const facts = enhanceTable(node);
        const label = lastHeading ? `Table ${count}: ${lastHeading}` : `Table ${count}`;
        const region: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], role: 'region', ariaLabel: label, tabIndex: 0 },
          children: [text('\n'), node, text('\n')],
        };
        const replacement: ElementContent[] = [region];
        if (withLegend && (facts.statuses.size > 0 || facts.unverified)) replacement.push(text('\n'), legend(facts));
        (parent.children as ElementContent[]).splice(index, 1, ...replacement);
        index += replacement.length - 1;
      }
    };
    walk(tree);
  };
}
