// A content problem a renderer finds (a character no font can draw, a footnote without a definition), as data
// that crosses a worker thread and comes back the same type, so the pipeline can place it in the user's file.

/** Where a problem came from: file name plus mdast point, when known. */
export interface RenderProblemPlace {
  file?: string;
  line?: number;
  column?: number;
}

/** A render problem as plain data (what a worker thread posts). */
export interface RenderProblemData {
  name: string;
  message: string;
  reason: string;
  ruleId: string;
  place: RenderProblemPlace;
  codePoint?: number;
  stack?: string;
}

/**
 * A problem in the content handed to a renderer. `message` may say where in the tree; `reason` is the same
 * without the place; `ruleId` names the rule (stable, kebab-case); `codePoint` is the character at fault.
 */
export class RenderProblem extends Error {
  readonly ruleId: string;
  readonly reason: string;
  codePoint?: number;
  line?: number;
  column?: number;
  file?: string;

  constructor(message: string, ruleId: string, place: RenderProblemPlace = {}, options: { cause?: unknown; reason?: string; codePoint?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RenderProblem';
    this.ruleId = ruleId;
    this.reason = options.reason ?? message;
    if (options.codePoint !== undefined) this.codePoint = options.codePoint;
    if (place.file !== undefined) this.file = place.file;
    if (place.line !== undefined) this.line = place.line;
    if (place.column !== undefined) this.column = place.column;
  }

  /** The problem as plain data. */
  toData(): RenderProblemData {
    const place: RenderProblemPlace = {
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.column !== undefined ? { column: this.column } : {}),
    };
    return { name: this.name, message: this.message, reason: this.reason, ruleId: this.ruleId, place, ...(this.codePoint !== undefined ? { codePoint: this.codePoint } : {}), ...(this.stack ? { stack: this.stack } : {}) };
  }

  /** The problem rebuilt from its data, as an instance of the class it is called on (`PdfRenderError.fromData`). */
  static fromData<T extends RenderProblem>(this: new (message: string, ruleId: string, place?: RenderProblemPlace, options?: { reason?: string; codePoint?: number }) => T, data: RenderProblemData): T {
    const problem = new this(data.message, data.ruleId, data.place, { reason: data.reason, ...(data.codePoint !== undefined ? { codePoint: data.codePoint } : {}) });
    problem.name = data.name;
    if (data.stack) problem.stack = data.stack;
    return problem;
  }
}
