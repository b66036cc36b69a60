// The PDF renderer's error type: a content problem with a rule id and, where known, a place and a character.
// Owns no rendering and no formatting of CLI messages (the CLI formats file:line:column).
import { RenderProblem, type RenderProblemPlace } from '../../document/render-problem.js';

/** Where a problem came from: file name plus mdast point, when known. */
export type PdfRenderErrorPlace = RenderProblemPlace;

/**
 * A problem in the content handed to `renderPdf` (a character no bundled font can draw, a
 * footnote reference without a definition, …). `message` says where in the tree when it can; `reason` is
 * the same without the place; `file`, `line` and `column` say where, `ruleId` names the rule (stable,
 * kebab-case), `codePoint` the character at fault.
 */
export class PdfRenderError extends RenderProblem {
  constructor(message: string, ruleId: string, place: PdfRenderErrorPlace = {}, options: { cause?: unknown; reason?: string; codePoint?: number } = {}) {
    super(message, ruleId, place, options);
    this.name = 'PdfRenderError';
  }
}
