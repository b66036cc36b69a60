// Output formats a build can write (kept apart from the build stage so the command line can parse them cheaply).

export type OutputFormat = 'md' | 'pdf' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['md', 'pdf', 'html'];

/** Formats built when none are asked for: Markdown and PDF, and HTML for timelines and edition diffs. */
export function defaultFormats(kind: string): OutputFormat[] {
  return kind === 'timeline' || kind === 'diff' ? ['md', 'pdf', 'html'] : ['md', 'pdf'];
}
