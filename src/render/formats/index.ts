// The output formats, in the order their files are written. Adding a format is adding its renderer module here
// (one line): the command line, the pipeline, the leak and marking checks and stale-file cleanup all read this list.
import type { FormatEntry } from './format.js';

export const FORMATS = {
  md: { extension: 'md', summary: 'Markdown (GFM)', threads: false, load: () => import('./md.js') },
  html: { extension: 'html', summary: 'one self-contained HTML page', threads: false, load: () => import('./html.js') },
  pdf: { extension: 'pdf', summary: 'PDF (US Letter, embedded fonts)', threads: true, load: () => import('./pdf.js') },
  docx: { extension: 'docx', summary: 'Word (styles, real footnotes)', threads: false, load: () => import('./docx.js') },
} as const satisfies Record<string, FormatEntry>;

/** An output format's id (`--format` value). */
export type FormatId = keyof typeof FORMATS;

/** Every format id, in the registry's order. */
export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

/** Whether a string names a format. */
export function isFormatId(value: string): value is FormatId {
  return Object.hasOwn(FORMATS, value);
}

/** The given formats in the registry's order, each once. */
export function inRegistryOrder(formats: readonly FormatId[]): FormatId[] {
  return FORMAT_IDS.filter((id) => formats.includes(id));
}
