// The site's search: a prebuilt index of every page (names, local-script names, ids, domains) and the small script that filters it in the browser.
import type { Dataset } from '../load/dataset.js';
import { editionLabel } from '../compose/format.js';
import { PAGE_PATH } from './pages.js';

/** One searchable page. */
export interface SearchEntry {
  /** What the result shows. */
  title: string;
  kind: 'market' | 'edition' | 'stakeholder' | 'docket';
  /** Path from the site root. */
  url: string;
  /** Other words that find it: ids, local names, domains, people, operator. */
  terms: string[];
}

/** The index of every market, edition, stakeholder and docket page. */
export function searchIndex(dataset: Dataset): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const m of [...dataset.markets.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    const operator = m.operator === undefined ? undefined : dataset.stakeholders.get(m.operator);
    entries.push({
      title: m.local_name ? `${m.name} (${m.local_name})` : m.name,
      kind: 'market',
      url: PAGE_PATH.market(m.id),
      terms: [m.id, ...(m.local_name ? [m.local_name] : []), ...(m.domains ?? []), ...(m.location ? [m.location.city] : []), ...(operator ? [operator.name, ...(operator.short_name ? [operator.short_name] : [])] : [])],
    });
  }
  for (const s of [...dataset.stakeholders.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    entries.push({ title: s.name, kind: 'stakeholder', url: PAGE_PATH.stakeholder(s.id), terms: [s.id, ...(s.short_name ? [s.short_name] : []), ...s.people.map((p) => p.name)] });
  }
  for (const e of [...dataset.editions].reverse()) {
    entries.push({ title: e.title, kind: 'edition', url: PAGE_PATH.edition(e.id), terms: [e.id, String(e.year), editionLabel(e)] });
  }
  for (const d of [...dataset.dockets].sort((a, b) => b.cycle - a.cycle)) {
    entries.push({ title: `${d.cycle} review${d.docket_id ? ` — docket ${d.docket_id}` : ''}`, kind: 'docket', url: PAGE_PATH.docket(d.cycle), terms: [String(d.cycle), ...(d.docket_id ? [d.docket_id] : []), ...(d.fr_cite ? [d.fr_cite] : [])] });
  }
  return entries;
}

/** `search-index.js`: the index as a script (a page opened from disk may not fetch a JSON file). */
export function searchIndexScript(entries: readonly SearchEntry[]): string {
  // JSON.stringify escapes quotes and control characters; `<` is escaped too so no text can close a script element.
  return `window.DOCKETPRESS_SEARCH = ${JSON.stringify(entries).replace(/</g, '\\u003c')};\n`;
}

/**
 * `search.js`: filters the index as the reader types — every word must occur in the title or terms, compared
 * after Unicode NFKC folding and lower-casing, so "taobao", "淘宝" and "TAOBAO.COM" all find Taobao.
 * Results are built with textContent (never HTML) and link relative to the page's way to the site root.
 */
export const SEARCH_SCRIPT = `// docketpress site search: filters the prebuilt index in search-index.js; no network.
(function () {
  'use strict';
  var input = document.getElementById('site-search-input');
  var results = document.getElementById('site-search-results');
  var index = window.DOCKETPRESS_SEARCH;
  if (!input || !results || !Array.isArray(index)) return;
  var root = input.getAttribute('data-root') || '';
  var fold = function (value) { return String(value).normalize('NFKC').toLowerCase(); };
  var entries = index.map(function (entry) {
    return { entry: entry, haystack: fold([entry.title].concat(entry.terms).join(' \\u0000 ')) };
  });
  function show() {
    var query = fold(input.value).trim();
    results.textContent = '';
    if (!query) return;
    var words = query.split(/\\s+/);
    var hits = entries.filter(function (item) {
      return words.every(function (word) { return item.haystack.indexOf(word) !== -1; });
    }).slice(0, 15);
    if (hits.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'Nothing in the record matches.';
      results.appendChild(none);
      return;
    }
    hits.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + item.entry.url;
      a.textContent = item.entry.title;
      var kind = document.createElement('span');
      kind.className = 'result-kind';
      kind.textContent = ' · ' + item.entry.kind;
      li.appendChild(a);
      li.appendChild(kind);
      results.appendChild(li);
    });
  }
  input.addEventListener('input', show);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { input.value = ''; show(); }
  });
})();
`;
