// HTML renderer: mdast → one self-contained HTML5 page via remark-rehype → rehype-stringify. Inline CSS only,
// no scripts, no external resources; only http(s), mailto and #fragment links; deterministic output.
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { hastText, prepareMdast, rehypeHeadingIds, rehypeSanitize, rehypeTables } from './html/plugins.js';
import { STYLE } from './html/style.js';

export { CONTRAST_PAIRS, PALETTE, STYLE, type ContrastPair, type PaletteName } from './html/style.js';
export { safeHref, slug, type SafeHref, type Status } from './html/plugins.js';

export interface HtmlMeta {
  /** The page's `<title>`. */
  title: string;
  /** BCP 47 language tag for `<html lang>`; default "en". */
  lang?: string;
  /** `<meta name="description">`, when given. */
  description?: string;
  /** When set, shown as a prominent banner at the top of the page (`<p role="note" class="sample-banner">`). */
  sampleNotice?: string;
  /** Add a key (● listed · ○ not listed · — no record) after status matrices; default true. */
  statusLegend?: boolean;
  /** A page of a generated site: site header with navigation and search, footer, relative links between pages. */
  site?: SitePage;
}

/** What a page of a generated site adds around its content. */
export interface SitePage {
  /** The way from this page to the site's root folder: `''` or `'../'`. */
  root: string;
  /** The site's name, shown first in the header and linking to its index. */
  name: string;
  /** Navigation links, `href` relative to the site root. */
  nav: readonly { label: string; href: string }[];
  /** Scripts at the site root (same origin only), loaded deferred; with any, the header has a search box. */
  scripts: readonly string[];
  /** One line at the foot of every page. */
  footer: string;
}

/** Label of the footnotes section that holds the sources. */
export const SOURCES_LABEL = 'Sources';

/** Accessible name of a footnote back-link ("Back to text citing source 2", "… (2nd citation)"). */
export function footnoteBackLabel(referenceIndex: number, rereferenceIndex: number): string {
  return `Back to text citing source ${referenceIndex + 1}` + (rereferenceIndex > 1 ? ` (citation ${rereferenceIndex})` : '');
}

/** The exact text of the page's `<style>` element (its CSP hash must match it byte for byte). */
const STYLE_TEXT = `\n${STYLE}\n`;

/** Visible content of a footnote back-link: ↩ (text presentation), with the citation number from the second on. */
function footnoteBackContent(_referenceIndex: number, rereferenceIndex: number): ElementContent[] {
  const arrow: ElementContent = { type: 'text', value: '↩\uFE0E' };
  return rereferenceIndex > 1 ? [arrow, element('sup', {}, [{ type: 'text', value: String(rereferenceIndex) }])] : [arrow];
}

/**
 * The Content-Security-Policy of the page: nothing may load; only the page's own stylesheet applies. A site page
 * (`scripts`) may also run scripts from its own site, and nothing else.
 */
export function contentSecurityPolicy(style: string = STYLE_TEXT, scripts = false): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; script-src ${scripts ? "'self'" : "'none'"}; base-uri 'none'; form-action 'none'`;
}

/** The header, skip link and footer of a site page (built after sanitising: its links and form are our own). */
function siteChrome(site: SitePage): { header: ElementContent[]; footer: ElementContent[] } {
  const a = (href: string, label: string, props: Element['properties'] = {}): Element => element('a', { href: `${site.root}${href}`, ...props }, [{ type: 'text', value: label }]);
  const items = site.nav.map((item) => element('li', {}, [a(item.href, item.label)]));
  const header: ElementContent[] = [
    element('a', { href: '#content', className: ['skip-link'] }, [{ type: 'text', value: 'Skip to content' }]),
    NL,
    element('header', { className: ['site-header'] }, [
      a('index.html', site.name, { className: ['site-name'] }),
      element('nav', { ariaLabel: 'Site' }, [element('ul', {}, items)]),
      ...(site.scripts.length
        ? [
            element('div', { role: 'search', className: ['site-search'] }, [
              element('label', { htmlFor: ['site-search-input'] }, [{ type: 'text', value: 'Search the record' }]),
              element('input', { id: 'site-search-input', type: 'search', autoComplete: ['off'], placeholder: 'market, 淘宝, AAFA, 2016…', dataRoot: site.root, ariaControls: ['site-search-results'] }),
              element('ul', { id: 'site-search-results', className: ['site-search-results'], ariaLive: 'polite' }),
            ]),
          ]
        : []),
    ]),
    NL,
  ];
  const footer: ElementContent[] = [NL, element('footer', { className: ['site-footer'] }, [element('p', {}, [{ type: 'text', value: site.footer }])]), NL];
  return { header, footer };
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

const NL = { type: 'text', value: '\n' } as const;

/** rehype plugin: wraps the body content in a complete document (head with meta, title, style; banner; main). */
function rehypeDocument(meta: HtmlMeta) {
  return (tree: HastRoot): HastRoot => {
    const head: ElementContent[] = [
      NL,
      element('meta', { charSet: 'utf-8' }),
      NL,
      element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      NL,
      element('meta', { httpEquiv: ['Content-Security-Policy'], content: contentSecurityPolicy(STYLE_TEXT, (meta.site?.scripts.length ?? 0) > 0) }),
      NL,
      element('meta', { name: 'referrer', content: 'no-referrer' }),
      NL,
      element('meta', { name: 'color-scheme', content: 'light' }),
      NL,
    ];
    if (meta.description?.trim()) head.push(element('meta', { name: 'description', content: meta.description.trim() }), NL);
    head.push(element('title', {}, [{ type: 'text', value: meta.title.trim() }]), NL);
    head.push(element('style', {}, [{ type: 'text', value: STYLE_TEXT }]), NL);
    for (const script of meta.site?.scripts ?? []) head.push(element('script', { src: `${meta.site!.root}${script}`, defer: true }), NL);
    const chrome = meta.site ? siteChrome(meta.site) : { header: [], footer: [] };

    const main: ElementContent[] = [NL];
    if (meta.sampleNotice?.trim()) {
      main.push(element('p', { role: 'note', className: ['sample-banner'] }, [{ type: 'text', value: meta.sampleNotice.trim() }]), NL);
    }
    main.push(...(tree.children as ElementContent[]));
    if (tree.children.at(-1)?.type !== 'text') main.push(NL);

    const html = element('html', { lang: meta.lang ?? 'en' }, [
      NL,
      element('head', {}, head),
      NL,
      element('body', {}, [NL, ...chrome.header, element('main', { id: 'content' }, main), ...chrome.footer, NL]),
      NL,
    ]);
    return { type: 'root', children: [{ type: 'doctype' }, NL, html, NL] };
  };
}

/**
 * Renders a composed tree as one self-contained HTML5 page. The input tree is not modified; the same
 * tree and meta always give byte-identical output.
 */
export function renderHtml(root: Root, meta: HtmlMeta): string {
  return renderHtmlWithText(root, meta).html;
}

/** The element children of an element. */
const elementsOf = (node: Element): Element[] => node.children.filter((child): child is Element => child.type === 'element');

/** The first element with this tag name, depth first. */
function findElement(node: HastRoot | Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}

/**
 * `renderHtml`, with the first and last blocks of the page's body as a reader meets them: `<main>` without the
 * sample banner (page furniture) and the sources section (notes), whitespace-normalised.
 */
export function renderHtmlWithText(root: Root, meta: HtmlMeta): { html: string; ends: { first: string; last: string } } {
  if (!meta.title.trim()) throw new TypeError('renderHtml: meta.title must not be empty');
  const lang = meta.lang ?? 'en';
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) throw new RangeError(`renderHtml: invalid language tag ${JSON.stringify(lang)}`);

  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: false,
      footnoteLabel: SOURCES_LABEL,
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { className: ['sources-label'] },
      footnoteBackLabel,
      footnoteBackContent,
    })
    .use(rehypeSanitize, { pages: meta.site !== undefined })
    .use(rehypeHeadingIds)
    .use(rehypeTables, { statusLegend: meta.statusLegend !== false })
    .use(rehypeDocument, { ...meta, lang })
    .use(rehypeStringify, { allowDangerousHtml: false, characterReferences: { useNamedReferences: false } });

  const tree = processor.runSync(prepareMdast(root));
  const main = findElement(tree, 'main');
  const blocks = main ? elementsOf(main).filter((el) => !String(el.properties.className ?? '').includes('sample-banner') && el.tagName !== 'section') : [];
  const textOf = (el: Element | undefined): string => (el ? hastText(el).replace(/\s+/g, ' ').trim() : '');
  return { html: processor.stringify(tree), ends: { first: textOf(blocks[0]), last: textOf(blocks[blocks.length - 1]) } };
}
