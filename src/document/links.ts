// The link-safety rule every renderer applies: which link targets may become live links.

/** What a link may point to once checked: in-page, another page of the same site, an external web page, or an e-mail address. */
export interface SafeHref {
  href: string;
  kind: 'fragment' | 'page' | 'web' | 'mailto';
}

/** A relative link to another page of a generated site: `../markets/taobao.html#history`, nothing else. */
const SITE_PAGE = /^(?:\.\.\/)*(?:[a-z0-9-]+\/)*[a-z0-9-]+\.html(?:#[A-Za-z0-9_-]+)?$/;

/**
 * Checks a link target: only `#fragment`, `http:`, `https:` and `mailto:` are allowed — and, with `pages`
 * (the pages of a generated site), relative links to its `.html` pages. Other relative paths, protocol-relative
 * URLs and every other scheme (javascript:, data:, vbscript:, file:, …) give undefined.
 */
export function safeHref(value: unknown, options: { pages?: boolean } = {}): SafeHref | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  if (raw.startsWith('#')) return { href: raw, kind: 'fragment' };
  if (options.pages && SITE_PAGE.test(raw)) return { href: raw, kind: 'page' };
  let url: URL;
  try {
    url = new URL(raw); // no base: relative and protocol-relative URLs throw
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return { href: url.href, kind: 'web' };
  if (url.protocol === 'mailto:') return { href: url.href, kind: 'mailto' };
  return undefined;
}

/** The target of a link a printed document (PDF, Word) may make live: a web or mail address, else undefined (set as plain text). */
export function externalLink(url: string): string | undefined {
  const safe = safeHref(url);
  return safe && safe.kind !== 'fragment' ? url.trim() : undefined;
}
