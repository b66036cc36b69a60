// Renders a composed document to PDF: maps its metadata onto the PDF renderer's options.
import { dateValue, type ComposedDocument } from '../document/document.js';
import { renderPdfWithText, type DrawnText, type PdfRenderOptions } from './pdf/index.js';

/** Options of the PDF of a composed document. */
export interface DocumentPdfOptions {
  pdfa: boolean;
  sourceName: string;
  markings?: string[];
}

function renderOptions(document: ComposedDocument, options: DocumentPdfOptions): PdfRenderOptions {
  const { meta } = document;
  return {
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
  };
}

/** The PDF of a composed document; byte-identical for the same document. The tree is not modified. */
export async function renderDocumentPdf(document: ComposedDocument, options: DocumentPdfOptions): Promise<Uint8Array> {
  return (await renderDocumentPdfWithText(document, options)).bytes;
}

/**
 * The PDF of a composed document and what it draws: per page the text of every line (joined by
 * spaces), the information dictionary and the outline titles, in the shape `readPdfText` reads
 * back from the bytes (equal to it once whitespace is normalised), without parsing the PDF.
 */
export async function renderDocumentPdfWithText(document: ComposedDocument, options: DocumentPdfOptions): Promise<{ bytes: Uint8Array; drawn: DrawnText }> {
  return renderPdfWithText(document.root, renderOptions(document, options));
}
