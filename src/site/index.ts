// The `site` stage: the whole record as a static, self-contained website (pages, search index, script), written all at once, and a local server to look at it.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Root } from 'mdast';
import type { Dataset } from '../model/dataset.js';
import { renderHtml, type SitePage } from '../render/html.js';
import { sitePages, PAGE_PATH } from './pages.js';
import { SEARCH_SCRIPT, searchIndex, searchIndexScript } from './search.js';

export { PAGE_PATH, sitePages, type SitePageTree } from './pages.js';
export { searchIndex, type SearchEntry } from './search.js';

const SCRIPTS = ['search-index.js', 'search.js'] as const;

const NAV = [
  { label: 'Markets', href: `${PAGE_PATH.index}#markets` },
  { label: 'Editions', href: `${PAGE_PATH.index}#editions` },
  { label: 'Stakeholders', href: `${PAGE_PATH.index}#stakeholders` },
  { label: 'Dockets', href: `${PAGE_PATH.index}#dockets` },
  { label: 'Coverage', href: PAGE_PATH.coverage },
];

/** Every file of the site: path under the site folder → content. Same dataset, same bytes. */
export function siteFiles(dataset: Dataset): Map<string, string> {
  const files = new Map<string, string>();
  for (const page of sitePages(dataset)) {
    const site: SitePage = {
      root: '../'.repeat(page.path.split('/').length - 1),
      name: 'The Notorious Markets record',
      nav: NAV,
      scripts: SCRIPTS,
      footer: 'Built by docketpress from its sourced dataset. Every fact cites a public source; “no record” is not “not listed”.',
    };
    const root: Root = { type: 'root', children: page.children };
    files.set(page.path, renderHtml(root, { title: page.title, description: page.description, site }));
  }
  files.set('search-index.js', searchIndexScript(searchIndex(dataset)));
  files.set('search.js', SEARCH_SCRIPT);
  return files;
}

/**
 * Writes the site into `outDir`: every file goes into a fresh sibling folder first, which then replaces
 * `outDir` — a failure leaves the previous site as it was, and no stale page survives a rebuild.
 */
export async function writeSite(dataset: Dataset, outDir: string): Promise<{ files: string[] }> {
  const files = siteFiles(dataset);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const fresh = `${outDir}.new-${stamp}`;
  const old = `${outDir}.old-${stamp}`;
  try {
    for (const [relative, content] of files) {
      const file = path.join(fresh, ...relative.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    await mkdir(path.dirname(outDir), { recursive: true });
    const hadOld = await rename(outDir, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(fresh, outDir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
  return { files: [...files.keys()] };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Serves a built site folder on 127.0.0.1 (files inside it only); resolves once listening. */
export function serveSite(dir: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const relative = decodeURIComponent(url.pathname).replace(/\/$/, '/index.html');
    const file = path.resolve(dir, `.${relative}`);
    const inside = file === dir || file.startsWith(dir + path.sep);
    let ok = false;
    try {
      ok = inside && statSync(file).isFile();
    } catch {
      ok = false;
    }
    if (!ok) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
