// Output formats a build can write (kept apart from the pipeline so the command line can parse them cheaply).
import { FORMAT_IDS, type FormatId } from '../render/formats/index.js';

export type OutputFormat = FormatId;
export const OUTPUT_FORMATS: readonly OutputFormat[] = FORMAT_IDS;

/** Formats built when none are asked for: Markdown and PDF, and HTML for timelines and edition diffs. */
export function defaultFormats(kind: string): OutputFormat[] {
  return kind === 'timeline' || kind === 'diff' ? ['md', 'pdf', 'html'] : ['md', 'pdf'];
}
