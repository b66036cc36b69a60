// Renders a composed document to Word: maps its metadata onto the DOCX renderer's options, as pdf-document.ts does for the PDF.
import { dateValue, type ComposedDocument } from '../../document/index.js';
import type { FramedText } from '../../document/visible-text.js';
import { renderDocx, type DocxText } from './index.js';

/** The Word document of a composed document (with its version's page markings) and the text it shows. */
export async function renderDocumentDocx(document: ComposedDocument, options: { markings?: readonly string[] } = {}): Promise<{ bytes: Uint8Array; text: DocxText; visible: FramedText }> {
  const { meta } = document;
  return renderDocx(document.root, {
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords: meta.keywords,
    date: dateValue(meta.date),
    runningHeader: meta.runningHeader,
    ...(meta.sampleNotice ? { sampleNotice: meta.sampleNotice } : {}),
    ...(options.markings ? { markings: options.markings } : {}),
  });
}
