// What kind of document a source is (government, filing, statement, press, secondary, reference), its default from the URL's host, and which addresses are unusable.

/** Source kinds, strongest first. Filings cite only the first four (`FILING_KINDS`). */
export const SOURCE_KINDS = ['government', 'filing', 'statement', 'press', 'secondary', 'reference'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What each kind means, for messages, the schema and the README. */
export const SOURCE_KIND_MEANING: Record<SourceKind, string> = {
  government: 'government primary: ustr.gov, the Federal Register, regulations.gov, other .gov pages',
  filing: "a party's filing or letter in the docket (comments, rebuttals, letters to USTR)",
  statement: "a company's or organisation's own statement (press release, corporate news site)",
  press: 'a news report (newspaper, wire, trade press)',
  secondary: 'a mirror, wiki or aggregator: a copy or retelling of someone else’s document',
  reference: 'a tooling or reference page: package registries, code hosts, vendor documentation',
};

/** The kinds a filing (comment, response, policy brief) may cite. */
export const FILING_KINDS: readonly SourceKind[] = ['government', 'filing', 'statement', 'press'];

/** Hosts whose kind is clear: an exact host or any subdomain of it. */
const HOST_KINDS: readonly [string, SourceKind][] = [
  ['ustr.gov', 'government'],
  ['federalregister.gov', 'government'],
  ['regulations.gov', 'government'],
  ['govinfo.gov', 'government'],
  ['gpo.gov', 'government'],
  // Copies and retellings of other documents.
  ['docslib.org', 'secondary'],
  ['wikisource.org', 'secondary'],
  ['wikipedia.org', 'secondary'],
  ['wikipedia-on-ipfs.org', 'secondary'],
  ['wikimili.com', 'secondary'],
  ['wikizero.com', 'secondary'],
  ['zxc.wiki', 'secondary'],
  ['cloudfront.net', 'secondary'],
  ['scribd.com', 'secondary'],
  ['studylib.net', 'secondary'],
  ['pdfslide.net', 'secondary'],
  ['pdfslide.us', 'secondary'],
  ['fdocuments.net', 'secondary'],
  ['vdocuments.pub', 'secondary'],
  ['pdfdrive.to', 'secondary'],
  ['documentcloud.org', 'secondary'],
  ['regulations.justia.com', 'secondary'],
  ['regulations.vlex.com', 'secondary'],
  ['thefederalregister.org', 'secondary'],
  ['marketscreener.com', 'secondary'],
  ['inkl.com', 'secondary'],
  ['pubt.io', 'secondary'],
  // Tooling and reference pages.
  ['github.com', 'reference'],
  ['githubusercontent.com', 'reference'],
  ['gitlab.com', 'reference'],
  ['pypi.org', 'reference'],
  ['npmjs.com', 'reference'],
  ['brew.sh', 'reference'],
  ['docs.unified.to', 'reference'],
  // Organisations' own news sites.
  ['alizila.com', 'statement'],
  ['aafaglobal.org', 'statement'],
  ['riaa.com', 'statement'],
];

/** The host of an address, lower-case, or undefined when it is not a URL. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Kinds found so far, by address: a document cites the same sources many times, and parsing a URL is not free. */
const kindsByUrl = new Map<string, SourceKind | undefined>();

/** The kind an address implies when its host makes it clear (a mirror copy is always `secondary`). */
export function kindFromHost(url: string): SourceKind | undefined {
  if (kindsByUrl.has(url)) return kindsByUrl.get(url);
  const kind = hostKind(hostOf(url));
  kindsByUrl.set(url, kind);
  return kind;
}

function hostKind(host: string | undefined): SourceKind | undefined {
  if (!host) return undefined;
  for (const [suffix, kind] of HOST_KINDS) if (host === suffix || host.endsWith(`.${suffix}`)) return kind;
  if (/(?:^|\.)gov(?:\.[a-z]{2})?$/.test(host)) return 'government';
  return undefined;
}

/** A source's kind: as written, else `secondary` for a mirror copy, else from its host, else `press`. */
export function sourceKind(source: { kind?: SourceKind | undefined; url: string; mirror?: boolean | undefined }): SourceKind {
  return source.kind ?? (source.mirror ? 'secondary' : (kindFromHost(source.url) ?? 'press'));
}

/** Query parameters that tie an address to one visitor's session or search, so no reader can open it. */
const SESSION_PARAMETER = /^(?:bc|sid|sessionid|session_id|session|jsessionid|phpsessid|aspsessionid\w*|cfid|cftoken|search_id|searchid|token|auth|s_token)$/i;

/** Why an address cannot be cited (a session parameter, or cut off), or undefined when it can. */
export function unusableUrl(url: string): string | undefined {
  if (/(?:\.\.\.|…)$/.test(url) || /%E2%80%A6$/i.test(url)) return 'this address is cut off (it ends with an ellipsis): copy the whole address from the page';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (/;jsessionid=/i.test(parsed.pathname)) return 'this address carries a session id (`;jsessionid=`): cite the address without it';
  const session = [...parsed.searchParams.keys()].find((key) => SESSION_PARAMETER.test(key));
  if (session) return `this address carries a session or search parameter \`${session}=\`, which no reader can open: cite the page's own address without it`;
  return undefined;
}
