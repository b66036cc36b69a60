// Output formats a build can write (kept apart from the pipeline so the command line can parse them cheaply).
import { kindOf, type BriefKind } from '../kinds/index.js';
import { FORMAT_IDS, type FormatId } from '../render/formats/index.js';

export type OutputFormat = FormatId;
export const OUTPUT_FORMATS: readonly OutputFormat[] = FORMAT_IDS;

/** Formats built when none are asked for: each kind says its own (src/kinds/). */
export function defaultFormats(kind: BriefKind): readonly OutputFormat[] {
  return kindOf(kind).defaultFormats;
}
