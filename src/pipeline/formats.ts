// Output formats a build can write (kept apart from the build stage so the command line can parse them cheaply).

export type OutputFormat = 'md' | 'pdf' | 'html' | 'docx';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['md', 'pdf', 'html', 'docx'];

/** Formats built when none are asked for: Markdown and PDF; Word too for filings; HTML for timelines and edition diffs. */
export function defaultFormats(kind: string): OutputFormat[] {
  if (kind === 'comment' || kind === 'response') return ['md', 'pdf', 'docx'];
  return kind === 'timeline' || kind === 'diff' ? ['md', 'pdf', 'html'] : ['md', 'pdf'];
}
