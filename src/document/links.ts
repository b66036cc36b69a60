// The link-safety rule every renderer applies: which link targets may become live links.

/** What a link may point to once checked: in-page, an external web page, or an e-mail address. */
export interface SafeHref {
  href: string;
  kind: 'fragment' | 'web' | 'mailto';
}

/**
 * Checks a link target: only `#fragment`, `http:`, `https:` and `mailto:` are allowed. Relative paths,
 * protocol-relative URLs and every other scheme (javascript:, data:, vbscript:, file:, …) give undefined.
 */
export function safeHref(value: unknown): SafeHref | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  if (raw.startsWith('#')) return { href: raw, kind: 'fragment' };
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
