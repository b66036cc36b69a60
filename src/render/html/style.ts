// The HTML page's one inline stylesheet. Every colour is declared once in PALETTE (emitted as CSS custom
// properties on :root) so tests can compute the contrast of each pair actually used; rules only use var(--…).

/** Colours of the page (hex, 6 digits). Names become `--name` custom properties. */
export const PALETTE = {
  text: '#1b1b1b',
  bg: '#ffffff',
  muted: '#4f4f4f',
  link: '#0b4c8c',
  visited: '#5b2a86',
  rule: '#767676',
  focus: '#0b4c8c',
  'head-bg': '#eef1f5',
  'banner-text': '#4d2c00',
  'banner-bg': '#fff3d1',
  'banner-border': '#8a5a00',
  'notice-bg': '#fff8e6',
  'listed-text': '#7a1212',
  'listed-bg': '#fde7e7',
  'not-listed-text': '#14532d',
  'not-listed-bg': '#e7f4eb',
  'no-record-text': '#4f4f4f',
  'no-record-bg': '#f1f1f1',
  'unverified-border': '#8a5a00',
  'print-text': '#000000',
  'print-bg': '#ffffff',
} as const satisfies Record<string, `#${string}`>;

export type PaletteName = keyof typeof PALETTE;

/** A foreground/background pair the stylesheet uses, with the minimum WCAG AA ratio it must meet. */
export interface ContrastPair {
  fg: PaletteName;
  bg: PaletteName;
  /** 4.5 for text; 3 for non-text UI (borders that carry meaning, focus rings). */
  min: number;
  where: string;
}

/** Every colour pair the CSS below puts together. Keep in sync with STYLE when adding rules. */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  { fg: 'text', bg: 'bg', min: 4.5, where: 'body text' },
  { fg: 'muted', bg: 'bg', min: 4.5, where: 'legend, secondary text' },
  { fg: 'link', bg: 'bg', min: 4.5, where: 'links' },
  { fg: 'visited', bg: 'bg', min: 4.5, where: 'visited links' },
  { fg: 'text', bg: 'head-bg', min: 4.5, where: 'table header cells' },
  { fg: 'link', bg: 'head-bg', min: 4.5, where: 'links in table header cells' },
  { fg: 'visited', bg: 'head-bg', min: 4.5, where: 'visited links in table header cells' },
  { fg: 'banner-text', bg: 'banner-bg', min: 4.5, where: 'sample banner' },
  { fg: 'banner-text', bg: 'notice-bg', min: 4.5, where: 'sample notice block' },
  { fg: 'link', bg: 'notice-bg', min: 4.5, where: 'links in the sample notice block' },
  { fg: 'visited', bg: 'notice-bg', min: 4.5, where: 'visited links in the sample notice block' },
  { fg: 'listed-text', bg: 'listed-bg', min: 4.5, where: 'status: listed' },
  { fg: 'not-listed-text', bg: 'not-listed-bg', min: 4.5, where: 'status: not listed' },
  { fg: 'no-record-text', bg: 'no-record-bg', min: 4.5, where: 'status: no record' },
  { fg: 'link', bg: 'listed-bg', min: 4.5, where: 'source references in listed cells' },
  { fg: 'link', bg: 'not-listed-bg', min: 4.5, where: 'source references in not-listed cells' },
  { fg: 'link', bg: 'no-record-bg', min: 4.5, where: 'source references in no-record cells' },
  { fg: 'visited', bg: 'listed-bg', min: 4.5, where: 'visited source references in listed cells' },
  { fg: 'visited', bg: 'not-listed-bg', min: 4.5, where: 'visited source references in not-listed cells' },
  { fg: 'visited', bg: 'no-record-bg', min: 4.5, where: 'visited source references in no-record cells' },
  { fg: 'print-text', bg: 'print-bg', min: 4.5, where: 'print' },
  { fg: 'rule', bg: 'bg', min: 3, where: 'table borders, rules' },
  { fg: 'focus', bg: 'bg', min: 3, where: 'focus ring' },
  { fg: 'banner-border', bg: 'bg', min: 3, where: 'banner border' },
  { fg: 'unverified-border', bg: 'bg', min: 3, where: 'unconfirmed cell outline' },
];

const FONT_SERIF =
  '"Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, Cambria, "Times New Roman", Times, "Noto Serif", "Liberation Serif", "DejaVu Serif", serif';
const FONT_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif';

const vars = Object.entries(PALETTE)
  .map(([name, value]) => `--${name}:${value};`)
  .join('');

/** The stylesheet, one line per rule (deterministic; no external resources, no @import, no url()). */
export const STYLE = [
  `:root{color-scheme:light;${vars}}`,
  `*,*::before,*::after{box-sizing:border-box}`,
  `html{-webkit-text-size-adjust:100%;text-size-adjust:100%}`,
  `body{margin:0;background:var(--bg);color:var(--text);font-family:${FONT_SERIF};font-size:1.0625rem;line-height:1.55}`,
  // Text keeps a readable 44rem column; a table's scroll region may take the whole width of the window.
  `main{padding:1.25rem 1rem 3rem;overflow-wrap:break-word}`,
  `main>*:not(.table-scroll){max-width:44rem;margin-left:auto;margin-right:auto}`,
  `h1,h2,h3,h4,h5,h6{line-height:1.25;margin:2rem 0 .75rem;font-weight:700}`,
  `h1{font-size:clamp(1.55rem,4vw + .8rem,2.1rem);margin-top:1rem}`,
  `h2{font-size:1.4rem}h3{font-size:1.2rem}h4,h5,h6{font-size:1.05rem}`,
  `p,ul,ol,blockquote,pre{margin:0 0 1rem}`,
  `ul,ol{padding-left:1.75rem}li{margin:.3rem 0}li>p{margin:0 0 .4rem}`,
  `blockquote{margin-left:0;padding-left:1rem;border-left:3px solid var(--rule)}`,
  `hr{border:0;border-top:1px solid var(--rule);margin:2rem 0}`,
  `code,pre{font-family:ui-monospace,"Cascadia Mono","DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}`,
  `pre{overflow-x:auto;white-space:pre-wrap}`,
  `a{color:var(--link);text-decoration:underline;text-underline-offset:.15em}`,
  `a:visited{color:var(--visited)}`,
  `a:focus-visible,.table-scroll:focus-visible{outline:3px solid var(--focus);outline-offset:2px}`,
  `a[href^="http"],a[href^="mailto:"]{overflow-wrap:anywhere}`,
  `sup{line-height:0}`,
  `sup>a[data-footnote-ref]{padding:0 .15em;text-decoration:none}`,
  `.sample-banner{margin:0 0 1.5rem;padding:.75rem 1rem;border:3px solid var(--banner-border);background:var(--banner-bg);color:var(--banner-text);font-family:${FONT_SANS};font-weight:700;text-align:center;letter-spacing:.01em}`,
  `.role-sample-notice{padding:.75rem 1rem;border:2px dashed var(--banner-border);background:var(--notice-bg);color:var(--banner-text)}`,
  `.role-caption,.role-title,.role-center{text-align:center}`,
  `.role-attribution{text-align:right}`,
  `.role-caption{margin-bottom:.5rem}`,
  `.role-title{font-weight:700}`,
  `.role-re-line{font-weight:700}`,
  `.role-signature{margin-top:1.5rem}`,
  `.table-scroll{width:fit-content;max-width:100%;overflow-x:auto;margin:0 auto .5rem;-webkit-overflow-scrolling:touch;scrollbar-color:var(--rule) var(--head-bg)}`,
  `table{border-collapse:separate;border-spacing:0;border-top:1px solid var(--rule);font-size:.95rem;line-height:1.35;margin:0}`,
  `th,td{border-right:1px solid var(--rule);border-bottom:1px solid var(--rule);padding:.35rem .6rem;text-align:left;vertical-align:top;background:var(--bg)}`,
  `tr>:first-child{border-left:1px solid var(--rule)}`,
  `thead th{background:var(--head-bg);color:var(--text)}`,
  `tbody th{font-weight:700}`,
  `.status-matrix tbody th{min-width:min(11rem,35vw)}`,
  `td.cell-prose{min-width:min(22rem,70vw)}`,
  `@media screen{.table-scroll tr>:first-child{position:sticky;left:0;z-index:1}}`,
  `.align-left{text-align:left}.align-center{text-align:center}.align-right{text-align:right}`,
  `td.status-listed,td.status-not-listed,td.status-no-record,td.status-unverified{white-space:nowrap}`,
  `.status-listed{background:var(--listed-bg);color:var(--listed-text);font-weight:700}`,
  `.status-not-listed{background:var(--not-listed-bg);color:var(--not-listed-text)}`,
  `.status-no-record{background:var(--no-record-bg);color:var(--no-record-text);font-style:italic}`,
  `.status-unverified{outline:2px dashed var(--unverified-border);outline-offset:-4px}`,
  `.status-mark{display:inline-block;min-width:1.1em;font-style:normal}`,
  `.status-legend{margin:0 0 1.5rem;color:var(--muted);font-size:.9rem}`,
  `.status-legend .status-key{display:inline-block;margin:0 .6rem .3rem 0;padding:0 .3rem;white-space:nowrap}`,
  `.status-legend .status-key.status-unverified{white-space:normal;outline-offset:0}`,
  `.footnotes{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid var(--rule);font-size:.95rem}`,
  `.footnotes h2{font-size:1.25rem;margin-top:1rem}`,
  `.footnotes li{margin:.45rem 0}`,
  `.footnotes li p{margin:0}`,
  `.data-footnote-backref{padding:0 .2em}`,
  `.skip-link{position:absolute;left:.5rem;top:.5rem;z-index:10;padding:.4rem .6rem;background:var(--bg);color:var(--link)}`,
  `.skip-link:not(:focus){width:1px;height:1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`,
  `.site-header{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem 1.5rem;padding:.6rem 1rem;border-bottom:1px solid var(--rule);background:var(--head-bg);font-family:${FONT_SANS};font-size:.95rem}`,
  `.site-header a.site-name{font-weight:700;font-size:1.05rem}`,
  `.site-header nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}`,
  `.site-header nav li{margin:0}`,
  `.site-search{position:relative;flex:1 1 14rem;max-width:26rem}`,
  `.site-search label{display:block;font-size:.85rem}`,
  `.site-search input{width:100%;font:inherit;padding:.35rem .5rem;border:1px solid var(--rule);border-radius:3px;background:var(--bg);color:var(--text)}`,
  `.site-search input::placeholder{color:var(--muted);opacity:1}`,
  `.site-search-results{position:absolute;left:0;right:0;z-index:5;margin:.2rem 0 0;padding:0;list-style:none;background:var(--bg);border:1px solid var(--rule);max-height:60vh;overflow:auto}`,
  `.site-search-results:empty{display:none}`,
  `.site-search-results li{margin:0;padding:.35rem .5rem;border-bottom:1px solid var(--head-bg)}`,
  `.site-search-results .result-kind{color:var(--muted);font-size:.85em}`,
  `.site-footer{border-top:1px solid var(--rule);padding:1rem;color:var(--muted);font-size:.9rem;text-align:center}`,
  `.site-footer p{max-width:44rem;margin:0 auto}`,
  `@page{margin:1in}`,
  `@media print{` +
    `body{background:var(--print-bg);color:var(--print-text);font-size:11pt;line-height:1.4}` +
    `main{max-width:none;margin:0;padding:0}` +
    `main>*:not(.table-scroll){max-width:none}` +
    `.site-header,.skip-link,.site-footer{display:none}` +
    `a,a:visited{color:var(--print-text)}` +
    `a.show-url::after{content:" <" attr(href) ">";font-size:.9em;overflow-wrap:anywhere}` +
    `.table-scroll{overflow:visible;max-width:none;width:auto}` +
    `table{width:100%;font-size:9.5pt}` +
    `.status-matrix{font-size:8.5pt}` +
    `th,td,td.status-listed,td.status-not-listed,td.status-no-record,td.status-unverified{white-space:normal;padding:.2em .35em}` +
    `.status-matrix tbody th,td.cell-prose{min-width:0}` +
    `thead{display:table-header-group}` +
    `tr,li,blockquote,.sample-banner,.role-sample-notice,.role-signature{break-inside:avoid}` +
    `h1,h2,h3,h4,h5,h6{break-after:avoid}` +
    `.data-footnote-backref{display:none}` +
    `.sample-banner,.status-listed,.status-not-listed,.status-no-record{-webkit-print-color-adjust:exact;print-color-adjust:exact}` +
    `}`,
].join('\n');
