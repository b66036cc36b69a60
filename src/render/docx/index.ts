// renderDocx: mdast Root + options → a Word document (.docx bytes) and the text it shows a reader (body,
// headers, footers, footnotes, comments, document properties). Assembles the section (US Letter, 1-inch
// margins), its page furniture and properties around the content builder, then packs deterministically.
// Must not convert mdast nodes (content.ts), define formatting (styles.ts) or zip (package.ts) itself.
import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { Root } from 'mdast';
import { DocxContent } from './content.js';
import type { FramedText } from '../../document/visible-text.js';
import { deterministicPackage, visibleRecord, visibleText, type DocxText, type PackageParts } from './package.js';
import { houseNumbering, houseStyles, PAGE, STYLE, TABLE_STYLES } from './styles.js';

export type { DocxText } from './package.js';

/** Options of `renderDocx`: the same metadata and furniture the PDF has. */
export interface DocxRenderOptions {
  /** Document properties: title, author (the filer), subject (the docket), keywords. */
  title: string;
  author: string;
  subject: string;
  keywords: readonly string[];
  /** Created and modified date of the document properties and zip entries (the brief's, so rebuilds are byte-identical). */
  date: Date;
  /** Small text at the top of every page but the first. */
  runningHeader: string;
  /** Lines set bold and centred at the top and bottom of every page ("BUSINESS CONFIDENTIAL", "PUBLIC VERSION"). */
  markings?: readonly string[];
  /** Set in a shaded box at the foot of every page when given. */
  sampleNotice?: string;
}

/** docx's own compiler (Packer zips what it gives; docx 9 does not export it), when it is there. */
const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => unknown } }).compiler;

/**
 * The package's parts as docx compiles them, taken before docx zips them (they are re-zipped with fixed dates and
 * order anyway: zipping and unzipping once more cost a fifth of a Word file's time); docx's zip file when its
 * compiler is not where docx 9 keeps it.
 */
async function packageParts(document: Document): Promise<PackageParts> {
  const files = compiler?.compile?.(document);
  if (files instanceof Map && [...files.values()].every((data) => typeof data === 'string' || data instanceof Uint8Array)) {
    return { files: files as ReadonlyMap<string, string | Uint8Array> };
  }
  return { zip: await Packer.toBuffer(document) };
}

const lines = (style: string, texts: readonly string[]): Paragraph[] => texts.map((text) => new Paragraph({ style, children: [new TextRun(text)] }));

/** Headers: the markings on every page; from page 2, the running header under them. */
function headers(options: DocxRenderOptions): ISectionOptions['headers'] {
  const markings = lines(STYLE.marking, options.markings ?? []);
  const running = options.runningHeader ? lines(STYLE.runningHeader, [options.runningHeader]) : [];
  return {
    first: new Header({ children: markings.length ? markings : [new Paragraph({ style: STYLE.header })] }),
    default: new Header({ children: [...lines(STYLE.marking, options.markings ?? []), ...running] }),
  };
}

/** Footers: the sample notice, "Page X of Y" (PAGE and NUMPAGES fields), then the markings, on every page. */
function footers(options: DocxRenderOptions): ISectionOptions['footers'] {
  const footer = () =>
    new Footer({
      children: [
        ...(options.sampleNotice ? lines(STYLE.footerNotice, [options.sampleNotice]) : []),
        new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] }),
        ...lines(STYLE.marking, options.markings ?? []),
      ],
    });
  return { first: footer(), default: footer() };
}

/**
 * Render an mdast tree as a Word filing in the house style, and say what it shows: `text` part by part, `visible`
 * as the record every renderer returns. Byte-identical for the same input.
 */
export async function renderDocx(root: Root, options: DocxRenderOptions): Promise<{ bytes: Uint8Array; text: DocxText; visible: FramedText }> {
  const content = new DocxContent(root);
  const body = content.body();
  const document = new Document({
    title: options.title,
    subject: options.subject,
    creator: options.author,
    lastModifiedBy: options.author,
    keywords: options.keywords.join(', '),
    revision: 1,
    externalStyles: TABLE_STYLES,
    styles: houseStyles(),
    numbering: houseNumbering(),
    footnotes: content.footnotes,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.furniture, footer: PAGE.furniture, gutter: 0 },
          },
        },
        headers: headers(options),
        footers: footers(options),
        children: body,
      },
    ],
  });
  const packed = deterministicPackage(await packageParts(document), options.date);
  const text = visibleText(packed.parts);
  return { bytes: packed.bytes, text, visible: visibleRecord(text, packed.parts) };
}
