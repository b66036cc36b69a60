// Build stage: load data and briefs, compose each brief, render the formats asked for, write outputs atomically.
import path from 'node:path';
import { displayPath, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { composeBrief, type ComposedDocument } from '../compose/index.js';
import { loadBriefs, type LoadedBrief } from '../load/briefs.js';
import { loadDataset, type Dataset } from '../load/dataset.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import { writeFileAtomic } from '../render/write.js';

export type OutputFormat = 'md' | 'pdf' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['md', 'pdf', 'html'];

/** Formats built when none are asked for: Markdown and PDF, and HTML for timelines and edition diffs. */
export function defaultFormats(kind: string): OutputFormat[] {
  return kind === 'timeline' || kind === 'diff' ? ['md', 'pdf', 'html'] : ['md', 'pdf'];
}

export interface BuildOptions {
  dataDir: string;
  briefsDir: string;
  templatesDir: string;
  outDir: string;
  /** Formats to write; undefined: each brief's default formats; empty: compose only (check). */
  formats?: readonly OutputFormat[];
  /** Only these brief ids (all when empty). */
  ids?: readonly string[];
  cwd?: string;
  /** PDF/A-2b output. */
  pdfa?: boolean;
  /** Called after each file is written. */
  onFile?: (file: string) => void;
}

export interface BuildResult {
  written: string[];
  failed: string[];
  diagnostics: Diagnostic[];
  /** Brief ids asked for that no spec defines. */
  unknownIds: string[];
  available: string[];
  dataset: Dataset;
  /** The data files read, as shown in messages. */
  dataFiles: string[];
}

/** One rendered file, before it is written. */
interface Rendered {
  file: string;
  content: string | Uint8Array;
}

async function render(document: ComposedDocument, brief: LoadedBrief, options: BuildOptions): Promise<Rendered[]> {
  const dir = path.join(options.outDir, brief.brief.id);
  const formats = options.formats ?? defaultFormats(brief.brief.kind);
  const files: Rendered[] = [];
  if (formats.includes('md')) files.push({ file: path.join(dir, `${brief.brief.id}.md`), content: renderMarkdown(document.root) });
  if (formats.includes('html')) {
    const { meta } = document;
    files.push({
      file: path.join(dir, `${brief.brief.id}.html`),
      content: renderHtml(document.root, { title: meta.title, description: meta.subject, statusLegend: false, ...(meta.sampleNotice ? { sampleNotice: meta.sampleNotice } : {}) }),
    });
  }
  if (formats.includes('pdf')) {
    const { renderDocumentPdf } = await import('../render/pdf-document.js');
    files.push({ file: path.join(dir, `${brief.brief.id}.pdf`), content: await renderDocumentPdf(document, { pdfa: options.pdfa ?? false, sourceName: brief.file.name }) });
  }
  return files;
}

/** Loads everything and builds the briefs; every brief that can be built is, whatever fails elsewhere. */
export async function buildBriefs(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const data = await loadDataset(options.dataDir, { cwd });
  const briefs = await loadBriefs(options.briefsDir, { cwd });
  const diagnostics: Diagnostic[] = [...data.diagnostics, ...briefs.diagnostics];
  const available = [...briefs.briefs.map((b) => b.brief.id), ...briefs.invalid].sort();
  const wanted = options.ids?.length ? options.ids : available;
  const result: BuildResult = { written: [], failed: [], diagnostics, unknownIds: wanted.filter((id) => !available.includes(id)), available, dataset: data.dataset, dataFiles: data.files };
  result.failed.push(...briefs.invalid.filter((id) => wanted.includes(id)));
  if (result.unknownIds.length) return result;
  if (hasErrors(data.diagnostics)) {
    result.failed = [...wanted];
    result.diagnostics = sortDiagnostics(diagnostics);
    return result;
  }
  for (const loaded of briefs.briefs.filter((b) => wanted.includes(b.brief.id))) {
    const composed = await composeBrief(loaded, data.dataset, { templatesDir: options.templatesDir, cwd });
    diagnostics.push(...composed.diagnostics);
    if (!composed.document) {
      result.failed.push(loaded.brief.id);
      continue;
    }
    try {
      const files = await render(composed.document, loaded, options);
      for (const { file, content } of files) {
        await writeFileAtomic(file, content);
        result.written.push(file);
        options.onFile?.(displayPath(file, cwd));
      }
    } catch (error) {
      if (!(error instanceof Error) || !('ruleId' in error)) throw error;
      const place = error as Error & { ruleId: string; line?: number; column?: number };
      diagnostics.push({ file: loaded.file.name, line: place.line ?? 1, column: place.column ?? 1, severity: 'error', message: place.message, ruleId: place.ruleId });
      result.failed.push(loaded.brief.id);
    }
  }
  result.diagnostics = sortDiagnostics(diagnostics);
  return result;
}
