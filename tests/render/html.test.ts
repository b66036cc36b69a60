// HTML renderer (no browser): renders tests/fixtures/render-html/timeline.md and hostile trees; checks the page
// is self-contained, safe (links, raw HTML, escaping), accessible (ids, tables, contrast) and deterministic.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { List, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { heading, link, paragraph, statusCell, table, text, withRole } from '../../src/compose/nodes.js';
import { CONTRAST_PAIRS, PALETTE, renderHtml, safeHref, slug, type HtmlMeta } from '../../src/render/html.js';
import { markStatusCells } from '../helpers/status-cells.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/render-html/timeline.md', import.meta.url));

function parse(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(markdown)) as Root;
}

const fixture = (): Root => markStatusCells(parse(readFileSync(FIXTURE, 'utf8')));

const META: HtmlMeta = {
  title: 'Taobao, AliExpress and WeChat — timeline',
  description: 'A sourced chronology of three markets on the USTR Notorious Markets List.',
  sampleNotice: 'SAMPLE — illustrative timeline built from public reporting; not an official record',
};

/** Decodes the few character references hast-util-to-html emits in attribute values. */
function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Names of the start tags in serialised HTML (a quote-aware scan: `<` inside attribute values is not a tag). */
function tagNames(html: string): string[] {
  const names: string[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 40))?.[1];
    i += 1;
    if (!name) continue;
    names.push(name.toLowerCase());
    let quote = '';
    for (; i < html.length; i++) {
      const c = html[i]!;
      if (quote) quote = c === quote ? '' : quote;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
  }
  return names;
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => decode(m[1]!));
}

function styleOf(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  expect(styles).toHaveLength(1);
  return styles[0]![1]!;
}

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a 6-digit hex colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The custom properties declared on :root in the emitted CSS. */
function declaredColours(css: string): Map<string, string> {
  const root = /:root\{([^}]*)\}/.exec(css);
  expect(root, ':root block').not.toBeNull();
  return new Map([...root![1]!.matchAll(/--([a-z-]+):(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

describe('renderHtml: the timeline fixture', () => {
  const root = fixture();
  const html = renderHtml(root, META);

  it('is one complete HTML5 document with the required head', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Taobao, AliExpress and WeChat — timeline</title>');
    expect(html).toContain('<meta name="description" content="A sourced chronology of three markets on the USTR Notorious Markets List.">');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;sha256-/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(renderHtml(root, { ...META, lang: 'en-GB' })).toContain('<html lang="en-GB">');
  });

  it('loads nothing: no script, no external CSS, fonts or images, no src attributes', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(new Set(tagNames(html))).toEqual(
      new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'p', 'h1', 'h2', 'a', 'ol', 'ul', 'li', 'strong', 'sup', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'section']),
    );
    expect(html).not.toMatch(/<img\b|<iframe\b|<object\b|<embed\b|<video\b|<audio\b|<source\b/i);
    expect(html).not.toMatch(/\ssrc(set)?=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const css = styleOf(html);
    expect(css).not.toMatch(/@import|@font-face|url\(/i);
    expect(css).toMatch(/font-family:[^;]*\bserif\b/);
    // Text in a readable column; table scroll regions may use the whole window.
    expect(css).toMatch(/main>\*:not\(\.table-scroll\)\{max-width:44rem;margin-left:auto;margin-right:auto\}/);
  });

  it('has a print stylesheet: page margins, no clipping scroll regions, URLs after external links, unbroken rows', () => {
    const css = styleOf(html);
    expect(css).toContain('@page{margin:1in}');
    const print = /@media print\{([\s\S]*)\}\s*$/.exec(css.trim())?.[1] ?? '';
    expect(print).toContain('.table-scroll{overflow:visible');
    expect(print).toContain('a.show-url::after{content:" <" attr(href) ">"');
    expect(print).toMatch(/tr,[^{]*\{break-inside:avoid\}/);
    // Links whose text is not already their URL carry the class the print rule uses.
    expect(html).toContain('<a href="https://ustr.gov/issue-areas/intellectual-property/special-301" rel="noopener noreferrer" class="show-url">');
    expect(html).toContain('<a href="http://www.biia.com/baidu-and-taobao-on-notorious-markets-list/" rel="noopener noreferrer">http://www.biia.com');
  });

  it('emits only http(s), mailto and in-page links; external ones with rel="noopener noreferrer"', () => {
    const all = hrefs(html);
    expect(all.length).toBeGreaterThan(10);
    for (const href of all) expect(href).toMatch(/^(https?:\/\/|mailto:|#)/);
    expect(all).toContain('mailto:newsdesk@example.org');
    expect(all).toContain('#chronology');
    for (const [tag] of html.matchAll(/<a\s[^>]*href="https?:[^>]*>/g)) expect(tag).toContain('rel="noopener noreferrer"');
    for (const [tag] of html.matchAll(/<a\s[^>]*href="(#|mailto:)[^>]*>/g)) expect(tag).not.toContain('rel=');
    // Every in-page link points at an id in the page.
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!)));
    for (const href of all.filter((h) => h.startsWith('#'))) expect(ids, href).toContain(href.slice(1));
  });

  it('gives every heading a unique id', () => {
    const headings = [...html.matchAll(/<h([1-6])([^>]*)>/g)];
    expect(headings.length).toBe(5); // h1, three h2 in the text, and the Sources heading
    const ids = headings.map(([, , attrs]) => /\sid="([^"]+)"/.exec(attrs!)?.[1]);
    expect(ids).not.toContain(undefined);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('chronology');
    expect(ids).toContain('status-by-edition');
  });

  it('renders footnotes as a "Sources" section with labelled back-links', () => {
    expect(html).toContain('<section class="footnotes" data-footnotes><h2 class="sources-label" id="footnote-label">Sources</h2>');
    const definitions = root.children.filter((n) => n.type === 'footnoteDefinition');
    const backLinks = [...html.matchAll(/<a aria-label="Back to text citing source (\d+)" class="data-footnote-backref"[^>]*href="#user-content-fnref-[^"]+">/g)];
    expect(backLinks.map((m) => Number(m[1]))).toEqual(definitions.map((_, i) => i + 1));
  });

  it('makes tables semantic and wraps each in a focusable, labelled scroll region', () => {
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Table 1: Status by edition" tabindex="0">\n<table class="status-matrix">\n<thead>');
    const table = root.children.find((n): n is Table => n.type === 'table')!;
    const columns = table.children[0]!.children.length;
    expect([...html.matchAll(/<th class="align-left" scope="col">/g)]).toHaveLength(columns);
    expect([...html.matchAll(/<th class="align-left" scope="row">/g)]).toHaveLength(table.children.length - 1);
    expect([...html.matchAll(/<table/g)]).toHaveLength([...html.matchAll(/<div class="table-scroll" role="region"/g)].length);
    expect(html).not.toMatch(/\salign="/);
  });

  it('classifies status cells, keeps their text, adds a mark and a key', () => {
    const table = root.children.find((n): n is Table => n.type === 'table')!;
    const texts = table.children.slice(1).flatMap((row) => row.children.slice(1).map((cell) => toString(cell)));
    const count = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length;
    const cells = (cls: string) => [...html.matchAll(new RegExp(`<td class="align-left ${cls}( [^"]*)?">`, 'g'))].length;
    expect(cells('status-listed')).toBe(count(/^listed/));
    expect(cells('status-not-listed')).toBe(count(/^not listed/));
    expect(cells('status-no-record')).toBe(count(/^no record/));
    expect([...html.matchAll(/<td class="[^"]*status-unverified[^"]*">/g)]).toHaveLength(count(/unconfirmed/));
    expect(html).toContain('<td class="align-left status-listed"><span class="status-mark" aria-hidden="true">●</span>\u00A0listed</td>');
    expect(html).toContain('<td class="align-left status-not-listed"><span class="status-mark" aria-hidden="true">○</span>\u00A0not listed</td>');
    expect(html).toContain('<td class="align-left status-no-record"><span class="status-mark" aria-hidden="true">—</span>\u00A0no record</td>');
    expect(html).toContain('<td class="align-left status-not-listed status-unverified"><span class="status-mark" aria-hidden="true">○</span>\u00A0not listed (unconfirmed)</td>');
    expect(html).toMatch(/<p class="status-legend"><strong>Key:<\/strong> .*● *<\/span>\u00A0listed.*○<\/span>\u00A0not listed.*—<\/span>\u00A0no record.*unconfirmed<\/span><\/p>/);
    expect(renderHtml(root, { ...META, statusLegend: false })).not.toContain('status-legend"');
  });

  it('shows the sample notice as a banner at the top of the page', () => {
    expect(html).toContain('<main id="content">\n<p role="note" class="sample-banner">SAMPLE — illustrative timeline built from public reporting; not an official record</p>\n<h1');
    expect(renderHtml(root, { title: 'x' })).not.toContain('sample-banner"');
  });

  it('is deterministic and leaves the input tree untouched', () => {
    const before = structuredClone(root);
    const again = renderHtml(root, META);
    expect(again).toBe(html);
    expect(root).toEqual(before);
    expect(renderHtml(fixture(), META)).toBe(html);
  });
});

describe('renderHtml: layout roles', () => {
  it('turns data.docketpress.role into a role-… class and ignores unknown roles', () => {
    const tree: Root = {
      type: 'root',
      children: [
        withRole(paragraph('Before the Office of the United States Trade Representative'), 'caption'),
        withRole(paragraph('SAMPLE — not a real filing'), 'sample-notice'),
        withRole(heading(1, 'Comments'), 'title'),
        withRole(paragraph('Respectfully submitted,'), 'signature'),
        { type: 'paragraph', data: { docketpress: { role: 'evil" onclick="x' } } as never, children: [text('plain')] },
      ],
    };
    const html = renderHtml(tree, { title: 'Roles' });
    expect(html).toContain('<p class="role-caption">Before the Office of the United States Trade Representative</p>');
    expect(html).toContain('<p class="role-sample-notice">SAMPLE — not a real filing</p>');
    expect(html).toContain('<h1 class="role-title" id="comments">Comments</h1>');
    expect(html).toContain('<p class="role-signature">Respectfully submitted,</p>');
    expect(html).toContain('<p>plain</p>');
    const css = styleOf(html);
    expect(css).toMatch(/\.role-sample-notice\{[^}]*border:2px dashed/);
    expect(css).toMatch(/\.role-caption,[^{]*\{text-align:center\}/);
  });
});

describe('renderHtml: tables from the composer\'s builders', () => {
  it('keeps every cell of a table whose align is shorter than its rows (mdast-util-to-hast would drop them)', () => {
    const tree: Root = {
      type: 'root',
      children: [
        heading(2, 'Status by edition'),
        table([
          [['Edition'], ['Published'], ['Taobao']],
          [['2012 Out-of-Cycle Review'], ['December 13, 2012'], statusCell({ status: 'not-listed', unverified: false }, text('not listed'), { type: 'footnoteReference', identifier: '1', label: '1' })],
          [['2016 Out-of-Cycle Review'], ['December 21, 2016'], statusCell({ status: 'listed', unverified: true }, 'listed (unconfirmed)')],
          [['2025 Review'], ['—'], statusCell({ status: 'no-record', unverified: false }, 'no record')],
        ]),
        { type: 'footnoteDefinition', identifier: '1', label: '1', children: [paragraph(link('https://www.reuters.com/article/net-us-usa-trade-piracy-idUSBRE8BC1IG20121213'))] },
      ],
    };
    (tree.children[1] as Table).align = [];
    const html = renderHtml(tree, { title: 'Builders' });
    expect([...html.matchAll(/<th scope="col">/g)]).toHaveLength(3);
    expect([...html.matchAll(/<th scope="row">/g)]).toHaveLength(3);
    expect(html).toContain('<td class="status-not-listed"><span class="status-mark" aria-hidden="true">○</span>\u00A0not listed<sup><a');
    expect(html).toContain('<td class="status-listed status-unverified">');
    expect(html).toContain('<td class="status-no-record">');
    expect((tree.children[1] as Table).align).toEqual([]); // the input is not patched
  });
});

describe('renderHtml: hostile input', () => {
  const hostileUrls = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'relative/path.html',
    '/absolute/path',
    '//evil.example/x',
    'blob:https://example.org/1',
  ];

  const tree = (): Root => ({
    type: 'root',
    children: [
      heading(1, '<script>alert(1)</script>'),
      paragraph('Text <script>alert(1)</script> & <b>bold</b> "quoted"'),
      { type: 'html', value: '<script>alert(2)</script><img src="https://evil.example/x.png">' },
      paragraph(...hostileUrls.map((url, i) => link(url, `bad link ${i}`))),
      paragraph(link('https://ok.example/?a=1&b="2"', 'good link')),
      { type: 'paragraph', children: [{ type: 'image', url: 'https://evil.example/pixel.png', alt: 'a pixel' }] },
      {
        type: 'paragraph',
        children: [{ type: 'linkReference', identifier: 'x', label: 'x', referenceType: 'full', children: [text('ref link')] }, text(' '), { type: 'footnoteReference', identifier: 'n', label: 'n' }],
      },
      { type: 'definition', identifier: 'x', label: 'x', url: 'javascript:alert(3)' },
      { type: 'footnoteDefinition', identifier: 'n', label: 'n', children: [paragraph(link('data:text/html,hi', 'footnote link'))] },
      {
        type: 'paragraph',
        data: { hName: 'script', hProperties: { onclick: 'alert(4)', src: 'https://evil.example/a.js' }, hChildren: [{ type: 'text', value: 'alert(4)' }] } as never,
        children: [text('smuggled')],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'x', data: { hName: 'iframe', hProperties: { src: 'https://evil.example/' } } as never }] },
    ],
  });

  const html = renderHtml(tree(), { title: '</title><script>alert(5)</script>', description: '"><script>alert(6)</script>', sampleNotice: '<b>not bold</b>' });
  const body = html.slice(html.indexOf('<body>'));

  it('drops every unsafe link but keeps its text', () => {
    for (const url of hostileUrls) expect(safeHref(url), url).toBeUndefined();
    for (const href of hrefs(html)) expect(href).toMatch(/^(https?:\/\/|mailto:|#)/);
    expect(html).not.toMatch(/javascript:|vbscript:|data:|file:|blob:/i);
    for (let i = 0; i < hostileUrls.length; i++) expect(body).toContain(`bad link ${i}`);
    expect(body).toContain('ref link');
    expect(body).toContain('footnote link');
    expect(body).toContain('<a href="https://ok.example/?a=1&#x26;b=%222%22" rel="noopener noreferrer" class="show-url">good link</a>');
  });

  it('never passes raw HTML, images or smuggled hast data through, and escapes text', () => {
    const tags = new Set(tagNames(html));
    for (const bad of ['script', 'img', 'iframe', 'b', 'link', 'object', 'embed']) expect(tags, bad).not.toContain(bad);
    expect(body).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\ssrc=|onclick/i);
    expect(html).not.toContain('alert(2)');
    expect(html).not.toContain('alert(4)');
    expect(body).toContain('<h1 id="script-alert-1-script">&#x3C;script>alert(1)&#x3C;/script></h1>');
    expect(body).toContain('Text &#x3C;script>alert(1)&#x3C;/script> &#x26; &#x3C;b>bold&#x3C;/b> "quoted"');
    expect(body).toContain('<p>smuggled</p>');
    expect(body).toContain('<p>a pixel</p>');
    expect(html).toContain('<title>&#x3C;/title>&#x3C;script>alert(5)&#x3C;/script></title>');
    // In a double-quoted attribute only `"` and `&` need escaping; `<` there is inert text.
    expect(html).toContain('<meta name="description" content="&#x22;><script>alert(6)</script>">');
    expect(html).toContain('<p role="note" class="sample-banner">&#x3C;b>not bold&#x3C;/b></p>');
  });

  it('rejects an empty title or a malformed language tag', () => {
    expect(() => renderHtml(tree(), { title: '  ' })).toThrow(TypeError);
    expect(() => renderHtml(tree(), { title: 'x', lang: 'en"><script>' })).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('safeHref allows http(s), mailto and fragments, normalised', () => {
    expect(safeHref('https://ustr.gov')).toEqual({ href: 'https://ustr.gov/', kind: 'web' });
    expect(safeHref(' HTTP://Example.org/a b ')).toEqual({ href: 'http://example.org/a%20b', kind: 'web' });
    expect(safeHref('mailto:a@example.org')).toEqual({ href: 'mailto:a@example.org', kind: 'mailto' });
    expect(safeHref('#user-content-fn-1')).toEqual({ href: '#user-content-fn-1', kind: 'fragment' });
    expect(safeHref(undefined)).toBeUndefined();
  });

  it('takes a cell\'s status from the composer\'s data, never from its words', () => {
    const tree: Root = {
      type: 'root',
      children: [table([[['Edition'], ['Taobao'], ['Tmall']], [['2016'], ['listed'], statusCell({ status: 'no-record', unverified: false }, 'Tmall: nothing recorded')]])],
    };
    const html = renderHtml(tree, { title: 'Status from data' });
    expect(html).toContain('<td>listed</td>'); // words alone classify nothing
    expect(html).toContain('<td class="status-no-record"><span class="status-mark" aria-hidden="true">—</span>\u00A0Tmall: nothing recorded</td>');
    expect(html).not.toMatch(/<td class="[^"]*status-listed/);
  });

  it('slug keeps letters of any script and de-duplicated ids stay unique', () => {
    expect(slug('Status by edition')).toBe('status-by-edition');
    expect(slug('Taobao (淘宝网)')).toBe('taobao-淘宝网');
    expect(slug('—')).toBe('section');
    const html = renderHtml({ type: 'root', children: [heading(2, 'Taobao'), heading(2, 'Taobao'), heading(2, 'Taobao')] }, { title: 'x' });
    expect([...html.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1])).toEqual(['taobao', 'taobao-1', 'taobao-2']);
  });
});

describe('colours', () => {
  const css = styleOf(renderHtml(fixture(), META));
  const colours = declaredColours(css);

  it('computes WCAG contrast correctly', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('declares the palette in the emitted CSS and uses no other colour literals', () => {
    for (const [name, value] of Object.entries(PALETTE)) expect(colours.get(name), name).toBe(value);
    const rest = css.replace(/:root\{[^}]*\}/, '');
    expect(rest).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![-\w])(black|white|red|green|blue|gr[ae]y)(?![-\w])/i);
    for (const [, name] of rest.matchAll(/var\(--([a-z-]+)\)/g)) expect(colours.has(name!), `--${name}`).toBe(true);
  });

  it('meets WCAG AA for every foreground/background pair the CSS uses', () => {
    for (const pair of CONTRAST_PAIRS) {
      const ratio = contrast(colours.get(pair.fg)!, colours.get(pair.bg)!);
      expect(ratio, `${pair.where}: --${pair.fg} on --${pair.bg} = ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(pair.min);
    }
  });

  it('lists every colour/background combination of a rule among the checked pairs', () => {
    const checked = new Set(CONTRAST_PAIRS.map((p) => `${p.fg}/${p.bg}`));
    const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)];
    let combos = 0;
    for (const [, selector, body] of rules) {
      const fg = /(?:^|;)color:var\(--([a-z-]+)\)/.exec(body!)?.[1];
      const bg = /(?:^|;)background:var\(--([a-z-]+)\)/.exec(body!)?.[1];
      if (fg && bg) {
        combos++;
        expect(checked, `${selector!.trim()}: --${fg} on --${bg}`).toContain(`${fg}/${bg}`);
      }
    }
    expect(combos).toBeGreaterThanOrEqual(5);
  });
});

describe('fixture shape', () => {
  it('has an ordered list of events, each citing a source', () => {
    const events = fixture().children.find((n): n is List => n.type === 'list' && n.ordered === true)!;
    expect(events.children.length).toBe(5);
    for (const item of events.children) expect(JSON.stringify(item)).toContain('"footnoteReference"');
  });
});
