// What a brief kind is: everything the pipeline, `new` and the checks need of it, in one typed definition.
// A kind that leaves out a piece does not compile (every field is required; say `null` or `noRules` for none).
// Each kind file declares its export as `KindDefinition<typeof itsSchema>`, which checks every piece against it.
import type { z } from 'zod';
import type { PathSegment } from '../diagnostics/locator.js';
import type { Severity } from '../diagnostics/index.js';
import type { ComposeContext } from '../compose/context.js';
import type { Composed } from '../compose/filing.js';
import type { Scaffold, ScaffoldOptions } from '../compose/scaffold.js';
import type { Dataset } from '../model/dataset.js';
import type { FormatId } from '../render/formats/index.js';

/** A brief kind's spec schema: a strict object with a literal `kind`. */
export type BriefSchema = z.ZodType<{ kind: string }>;

/** What a kind's own compliance rules get: the data, and a way to report at a path of the brief file. */
export interface RuleContext {
  dataset: Dataset;
  report(at: PathSegment[], severity: Severity, message: string, ruleId: string): void;
}

/** A filing made to USTR in a docket: needs a filer, is checked against the docket and this deadline. */
export interface FilingRules {
  deadline: 'comment' | 'rebuttal';
}

export interface KindDefinition<S extends BriefSchema = BriefSchema> {
  /** The `kind:` value of its specs (also `new <kind>` and `templates/<kind>.md`). */
  kind: z.output<S>['kind'];
  schema: S;
  /** One line for `new --help` and the README. */
  summary: string;
  /** The docket rules it is held to, when it is a filing; null otherwise. */
  filing: FilingRules | null;
  /** Formats built when `--format` is not given. */
  defaultFormats: readonly FormatId[];
  /** Composes a spec of this kind (errors go to the context's diagnostics). */
  compose(context: ComposeContext, brief: z.output<S>): Composed | undefined;
  /** The YAML text of a new spec of this kind (`docketpress new`). */
  scaffold(dataset: Dataset, options: Omit<ScaffoldOptions, 'kind'>): Scaffold;
  /** Compliance rules of its own, beyond those of every brief and every filing. */
  rules(brief: z.output<S>, check: RuleContext): void;
}

/** For kinds with no compliance rules of their own. */
export function noRules(): void {}
