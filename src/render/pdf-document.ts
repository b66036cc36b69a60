// Renders a composed document to PDF: maps its metadata onto the PDF renderer's options.
import type { ComposedDocument } from '../compose/index.js';
import { dateValue } from '../compose/format.js';
import { renderPdf } from './pdf/index.js';

/** The PDF of a composed document; byte-identical for the same document. */
export async function renderDocumentPdf(document: ComposedDocument, options: { pdfa: boolean; sourceName: string; markings?: string[] }): Promise<Uint8Array> {
  const { meta } = document;
  return renderPdf(structuredClone(document.root), {
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords: meta.keywords,
    creationDate: dateValue(meta.date),
    runningHeader: meta.runningHeader,
    ...(meta.sampleNotice ? { sampleNotice: meta.sampleNotice } : {}),
    ...(options.markings ? { markings: options.markings } : {}),
    pdfa: options.pdfa,
    sourceName: options.sourceName,
  });
}
