// The versions a composed document is published in: one, or a business-confidential and a public one when it holds BCI.
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Brief } from '../schema/index.js';
import { BC_MARKING, bciSpans, businessConfidentialTree, markingParagraph, PUBLIC_MARKING, publicTree, REDACTED } from './bci.js';
import type { ComposedDocument, DocumentMeta, DocumentVersion, VersionLabel } from '../document/document.js';
import { roleOf } from '../document/roles.js';
import { smartQuotes } from './smart-quotes.js';
import { list, paragraph, strong, text } from './nodes.js';
import { sampleNoticeQuote } from './filing.js';

export type { DocumentVersion, VersionLabel } from '../document/document.js';

/** The filer part of BC/P file names: the brief's filer, else the first word of its id. */
function filerSlug(brief: Brief): string {
  return 'filer' in brief ? brief.filer : brief.id.split('-')[0]!;
}

/**
 * `BC-aafa-2016-comment` for brief `aafa-2016-comment` filed by `aafa`; the confidential version's prefix is the
 * docket's (`BCI-…` when its notice asks for that).
 */
export function versionStem(label: VersionLabel, brief: Brief, bciPrefix: 'BC' | 'BCI' = 'BC'): string {
  const filer = filerSlug(brief);
  const name = brief.id.startsWith(`${filer}-`) ? brief.id.slice(filer.length + 1) : brief.id;
  return `${label === 'BC' ? bciPrefix : label}-${filer}-${name}`;
}

/**
 * A version's tree: its marking first and last, and its notice after the document's title block (letterhead,
 * caption and title come first, as on a filed cover page), or at the top when the document has no title block.
 */
function framed(root: Root, marking: string, notice: RootContent[]): Root {
  smartQuotes(root);
  const body = root.children.filter((node) => node.type !== 'footnoteDefinition');
  const notes = root.children.filter((node) => node.type === 'footnoteDefinition');
  const afterTitle = body.findIndex((node) => roleOf(node) === 'title') + 1;
  return { ...root, children: [markingParagraph(marking), ...body.slice(0, afterTitle), ...notice, ...body.slice(afterTitle), markingParagraph(marking), ...notes] };
}

/**
 * The business-confidential version's opening: what the brackets mean, every reason given for protection (the
 * brief's justification and each span's own reason, each once), and the certification USTR notices ask for.
 */
export function bcNotice(root: Root, brief: Brief, filerName: string): RootContent[] {
  const reasons = [...new Set([brief.bci_justification, ...bciSpans(root).map((span) => span.data?.reason)].filter((r): r is string => Boolean(r)))];
  const blocks: RootContent[] = [
    paragraph(strong('Business confidential information.'), text(` Text in [brackets] is business confidential information of ${filerName}, submitted under 15 CFR 2017.4. A public version omits it.`)),
  ];
  if (reasons.length === 1) blocks.push(paragraph(strong('Why it needs protection.'), text(` ${reasons[0]}`)));
  if (reasons.length > 1) blocks.push(paragraph(strong('Why it needs protection:')), list(reasons.map((reason) => [text(reason)])));
  blocks.push(
    paragraph(
      strong('Certification.'),
      text(` ${filerName} certifies that the information in [brackets] is business confidential information, that it would not customarily be released to the public by ${filerName}, and that substantially identical information is not available to the public.`),
    ),
  );
  return blocks;
}

/**
 * A version's tree and metadata with the SAMPLE notice true of what that version shows: the composer's notice for
 * text marked INVENTED when the version shows such text (outside the notice). Judged from the version's own tree, so a
 * public version's notice never depends on the text it leaves out.
 */
function withShownNotice(root: Root, meta: DocumentMeta): ComposedDocument {
  const { inventedSampleNotice, ...rest } = meta;
  const showsInvented = inventedSampleNotice !== undefined && root.children.some((node) => roleOf(node) !== 'sample-notice' && /\bINVENTED\b/.test(toString(node)));
  if (!showsInvented) return { root, meta: rest };
  const children = root.children.map((node) => (roleOf(node) === 'sample-notice' ? sampleNoticeQuote(inventedSampleNotice) : node));
  return { root: { ...root, children }, meta: { ...rest, sampleNotice: inventedSampleNotice } };
}

/**
 * The versions of a document. Without BCI: the document itself. With BCI: a business-confidential version
 * (spans in [brackets], "BUSINESS CONFIDENTIAL" at top and bottom) and a public one (spans replaced by `[ ]`,
 * footnotes that served only BCI removed, "PUBLIC VERSION"), both made on the tree before any renderer runs.
 */
export function documentVersions(document: ComposedDocument, brief: Brief, filerName: string = document.meta.author): DocumentVersion[] {
  if (bciSpans(document.root).length === 0) return [{ label: null, fileStem: brief.id, document: withShownNotice(document.root, document.meta) }];
  const confidential = withShownNotice(businessConfidentialTree(document.root), document.meta);
  const open = withShownNotice(publicTree(document.root), document.meta);
  const publicNotice = paragraph(strong('Public version.'), text(` Business confidential information has been removed from this version; each omission is marked ${REDACTED}.`));
  return [
    {
      label: 'BC',
      fileStem: versionStem('BC', brief, document.meta.bciPrefix),
      marking: BC_MARKING,
      document: { root: framed(confidential.root, BC_MARKING, bcNotice(document.root, brief, filerName)), meta: { ...confidential.meta, keywords: [...document.meta.keywords, BC_MARKING] } },
    },
    {
      label: 'P',
      fileStem: versionStem('P', brief),
      marking: PUBLIC_MARKING,
      document: { root: framed(open.root, PUBLIC_MARKING, [publicNotice]), meta: { ...open.meta, keywords: [...document.meta.keywords, PUBLIC_MARKING] } },
    },
  ];
}
