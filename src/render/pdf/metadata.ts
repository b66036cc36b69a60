// PDF metadata: the document information dictionary handed to pdfmake and the XMP packet
// pdfkit writes (escaped, and consistent with the dictionary as PDF/A asks). Fixed dates only:
// nothing here may read the clock, so rebuilds are byte-identical. Must not touch layout.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** What goes into the metadata of one PDF. */
export interface MetadataInput {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creationDate: Date;
}

function version(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

const CREATOR = 'docketpress';
const PRODUCER = `docketpress (pdfmake ${version('pdfmake')}, PDFKit ${version('pdfkit')})`;

/** The pdfmake `info` object: title, author, subject, keywords, creator, producer, dates. */
export function documentInfo(input: MetadataInput): Record<string, string | Date> {
  const info: Record<string, string | Date> = {
    title: input.title,
    author: input.author,
    subject: input.subject,
    creator: CREATOR,
    producer: PRODUCER,
    creationDate: input.creationDate,
    modDate: input.creationDate,
  };
  if (input.keywords.length > 0) info['keywords'] = input.keywords.join(', ');
  return info;
}

function xml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}

interface PdfKitMetadataHost {
  info: Record<string, unknown>;
  appendXML(text: string, newline?: boolean): void;
  _addInfo?: () => void;
}

/**
 * Replace pdfkit's XMP description (which inserts values unescaped and has no ModifyDate) with
 * one that escapes every value and mirrors the information dictionary. `keywords` are listed
 * one by one in dc:subject as well as joined in pdf:Keywords.
 */
export function installXmp(doc: unknown, keywords: string[]): void {
  const host = doc as PdfKitMetadataHost;
  host._addInfo = function addEscapedInfo(this: PdfKitMetadataHost) {
    const info = this.info;
    const created = info['CreationDate'] instanceof Date ? info['CreationDate'] : undefined;
    const modified = info['ModDate'] instanceof Date ? info['ModDate'] : created;
    const lines: string[] = [];
    lines.push('<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">');
    if (created) lines.push(`<xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>`);
    if (modified) {
      lines.push(`<xmp:ModifyDate>${xmpDate(modified)}</xmp:ModifyDate>`);
      lines.push(`<xmp:MetadataDate>${xmpDate(modified)}</xmp:MetadataDate>`);
    }
    lines.push(`<xmp:CreatorTool>${xml(info['Creator'])}</xmp:CreatorTool>`);
    lines.push('</rdf:Description>');
    lines.push('<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">');
    lines.push('<dc:format>application/pdf</dc:format>');
    if (info['Title']) {
      lines.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info['Title'])}</rdf:li></rdf:Alt></dc:title>`);
    }
    if (info['Author']) lines.push(`<dc:creator><rdf:Seq><rdf:li>${xml(info['Author'])}</rdf:li></rdf:Seq></dc:creator>`);
    if (info['Subject']) {
      lines.push(
        `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info['Subject'])}</rdf:li></rdf:Alt></dc:description>`,
      );
    }
    if (keywords.length > 0) {
      lines.push(`<dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`);
    }
    lines.push('</rdf:Description>');
    lines.push('<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">');
    lines.push(`<pdf:Producer>${xml(info['Producer'])}</pdf:Producer>`);
    if (info['Keywords']) lines.push(`<pdf:Keywords>${xml(info['Keywords'])}</pdf:Keywords>`);
    lines.push('</rdf:Description>');
    this.appendXML(lines.join('\n'));
  };
}
