// The PDF renderer's error type: a content problem with a rule id and, where known, a place.
// Owns no rendering and no formatting of CLI messages (the CLI formats file:line:column).

/** Where a problem came from: file name plus mdast point, when known. */
export interface PdfRenderErrorPlace {
  file?: string;
  line?: number;
  column?: number;
}

/**
 * A problem in the content handed to `renderPdf` (a character no bundled font can draw, a
 * footnote reference without a definition, …). `message` is the reason only; `file`, `line`
 * and `column` say where, `ruleId` names the rule (stable, kebab-case).
 */
export class PdfRenderError extends Error {
  readonly ruleId: string;
  line?: number;
  column?: number;
  file?: string;

  constructor(reason: string, ruleId: string, place: PdfRenderErrorPlace = {}, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'PdfRenderError';
    this.ruleId = ruleId;
    if (place.file !== undefined) this.file = place.file;
    if (place.line !== undefined) this.line = place.line;
    if (place.column !== undefined) this.column = place.column;
  }
}
