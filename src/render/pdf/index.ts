// Public surface of the PDF renderer (mdast → pdfmake definition → PDF bytes). Re-exports only.
export { renderPdf, renderPdfWithText, type DrawnText, type PdfRenderOptions } from './render.js';
export { PdfRenderError } from './errors.js';
