// Pipeline stage: load data and briefs, compose each brief, render the formats asked for, write outputs atomically.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { cacheKey } from '../load/cache.js';
import path from 'node:path';
import { diagnostic, displayPath, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { Locator } from '../diagnostics/locator.js';
import { RenderProblem } from '../document/render-problem.js';
import { confidentialTexts, PUBLIC_MARKING, publicText } from '../compose/bci.js';
import { composeBrief, templatePath, templateRoots, type ComposedDocument } from '../compose/index.js';
import { readTemplateText } from '../compose/template.js';
import { documentVersions, type DocumentVersion } from '../compose/versions.js';
import { documentCompliance, outputCompliance, type VersionOutputs } from '../check/compliance.js';
import { findLeaks, publicTexts, type PublicText } from '../check/leaks.js';
import { loadBriefs, type LoadedBrief } from '../load/briefs.js';
import { loadDataset, type Dataset, type LoadResult } from '../load/dataset.js';
import type { ReadingMemo } from '../load/validate.js';
import type { VisibleText } from '../document/visible-text.js';
import type { RenderRequest } from '../render/formats/format.js';
import { FORMATS, inRegistryOrder, isFormatId } from '../render/formats/index.js';
import { writeFilesAtomic } from '../render/write.js';
import { briefFolderProblem, settleBriefFolder } from './output-folder.js';
import { renderHere, type RenderPool } from './render-pool.js';
import { kindOf } from '../kinds/index.js';

import { defaultFormats, type OutputFormat } from './formats.js';

export { defaultFormats, OUTPUT_FORMATS, type OutputFormat } from './formats.js';

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
  /** Render and check, but write nothing (`docketpress check <brief-id>`). */
  dryRun?: boolean;
  /**
   * What was last built, by brief id (watch mode keeps one across rebuilds; with `cache` it is also read from
   * and saved to the cache folder): a brief whose inputs are byte for byte the same is not even composed, and
   * one whose composed document is the same is not rendered — as long as its files are still there, unedited.
   */
  records?: Map<string, BriefRecord>;
  /** A cache folder for the dataset and for `records` between runs (see `defaultCacheDir`); off unless given. */
  cache?: string | false;
  /** Data file readings kept between builds in one process (watch mode). */
  readings?: ReadingMemo;
  /** Called as each brief begins (composing, rendering, writing follow). */
  onBrief?: (id: string, index: number, total: number) => void;
  /** Called after each file is written. */
  onFile?: (file: string) => void;
  /** Called after each file of an earlier build is removed (see `settleBriefFolder`). */
  onRemove?: (file: string) => void;
}

export interface BuildResult {
  written: string[];
  failed: string[];
  diagnostics: Diagnostic[];
  /** Briefs neither rendered nor written because nothing that goes into them changed (see `records`). */
  unchanged: string[];
  /** The files of those briefs, left as they were. */
  upToDate: string[];
  /** Files of earlier builds removed because this build does not write them (other formats, version names, temp files). */
  removed: string[];
  /** Brief ids asked for that no spec defines. */
  unknownIds: string[];
  available: string[];
  dataset: Dataset;
  /** The data files read, as shown in messages. */
  dataFiles: string[];
  /** Files of costly formats (PDF) rendered by this build on this thread and on worker threads. */
  rendered: { here: number; workers: number };
}

/** What one brief's last build used and made. */
export interface BriefRecord {
  /** Key over the data, the spec, its template and the options (only when the dataset came with a key). */
  inputs?: string;
  /** Hash of the composed document with the formats and options (when it was composed and rendered). */
  fingerprint?: string;
  /** Whether the brief failed (its messages say why): with the same inputs it fails the same way. */
  failed: boolean;
  /** Every file written, with the sha256 of its bytes. */
  files: Array<{ file: string; sha256: string }>;
  /** The brief's own messages (composing, compliance, outputs). */
  diagnostics: Diagnostic[];
  /** Those of them about the rendered files (they hold as long as the document does). */
  outputDiagnostics: Diagnostic[];
}

const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

/** Whether every file of a record is still there with the bytes that were written. */
function filesIntact(record: BriefRecord): boolean {
  return record.files.every(({ file, sha256: expected }) => {
    try {
      // Only a regular file is read: a FIFO put in its place would block the build forever.
      return lstatSync(file).isFile() && sha256(readFileSync(file)) === expected;
    } catch {
      return false;
    }
  });
}

/** The brief's template, named and read as the composer will read it (templates include no other file). */
function templateText(loaded: LoadedBrief, templatesDir: string): string[] {
  const found = templatePath(loaded, templatesDir);
  if (!('file' in found)) return [found.problem];
  const read = readTemplateText(found.file, templateRoots(loaded, templatesDir));
  return [found.file, 'text' in read ? read.text : `unreadable: ${read.problem}`];
}

/** One rendered file, before it is written. */
interface Rendered {
  file: string;
  content: string | Uint8Array;
}

/** A version's files and what the checks read of them. */
interface RenderedVersion {
  version: DocumentVersion;
  files: Rendered[];
  outputs: VersionOutputs;
  publicTexts: PublicText[];
}

/** Renders one version of a document in the formats asked for (in the registry's order), in memory. */
async function renderVersion(version: DocumentVersion, loaded: LoadedBrief, formats: readonly OutputFormat[], options: BuildOptions, pool: RenderPool): Promise<RenderedVersion> {
  const dir = path.join(options.outDir, loaded.brief.id);
  const { document, fileStem } = version;
  const request: RenderRequest = { document, sourceName: loaded.file.name, pdfa: options.pdfa ?? false, ...(version.marking ? { marking: version.marking } : {}) };
  const rendered = await Promise.all(
    inRegistryOrder(formats).map(async (format) => {
      const { extension, threads } = FORMATS[format];
      const job = { format, request };
      return { extension, ...(await (threads ? pool.render(job) : renderHere(job))) };
    }),
  );
  const files = rendered.map(({ extension, bytes }) => ({ file: path.join(dir, `${fileStem}.${extension}`), content: bytes }));
  const outputs: VersionOutputs = { label: version.label, fileStem, files: rendered.map(({ extension, visible }) => ({ extension, visible })) };
  // What a reader of each file can see (for the PDF, the text drawn on each page, which tests show equals what a
  // PDF reader extracts from the file), and the file names themselves.
  const readable: PublicText[] = [{ where: `the file name ${fileStem}`, text: fileStem }, ...rendered.flatMap(({ extension, visible }) => publicTexts(`${fileStem}.${extension}`, visible))];
  return { version, files, outputs, publicTexts: readable };
}

/** The first place a character occurs in these files. */
function findCharacter(char: string, files: readonly Locator[]): { file: string; line: number; column: number } | undefined {
  for (const file of files) {
    const place = file.placeOfText(char);
    if (place) return { file: file.name, ...place };
  }
  return undefined;
}

/** Leaks of confidential text into the public version, as errors on the brief. */
function leakDiagnostics(loaded: LoadedBrief, document: ComposedDocument, rendered: readonly RenderedVersion[]): Diagnostic[] {
  const publicVersion = rendered.find((r) => r.version.label === 'P');
  if (!publicVersion) return [];
  // The public corpus: what the public version says on purpose (its tree outside spans, notices and metadata).
  const { meta } = publicVersion.version.document;
  const corpus = [publicText(publicVersion.version.document.root), meta.title, meta.author, meta.subject, meta.runningHeader, meta.sampleNotice ?? '', ...meta.keywords, PUBLIC_MARKING].join('\n');
  const leaks = findLeaks(confidentialTexts(document.root), corpus, publicVersion.publicTexts);
  return leaks.map((leak) =>
    diagnostic(loaded.file.name, loaded.file.placeOf(['id']), 'error', `confidential text “${leak.fragment}” reached the public version (${leak.where}); nothing was written for this brief — report this as a bug`, 'bci-leak'),
  );
}

/** Loads everything and builds the briefs; every brief that can be built is, whatever fails elsewhere. */
export async function buildBriefs(options: BuildOptions): Promise<BuildResult> {
  // A format the registry does not know would otherwise build nothing and report success (callers from plain JS).
  const unknown = options.formats?.find((format) => !isFormatId(format));
  if (unknown !== undefined) throw new RangeError(`unknown output format \`${String(unknown)}\`: the formats are ${Object.keys(FORMATS).join(', ')}`);
  const cwd = options.cwd ?? process.cwd();
  const data = await loadDataset(options.dataDir, { cwd, cache: options.cache ?? false, ...(options.readings ? { memo: options.readings } : {}) });
  const briefs = await loadBriefs(options.briefsDir, { cwd });
  const diagnostics: Diagnostic[] = [...data.diagnostics, ...briefs.diagnostics];
  const available = [...briefs.briefs.map((b) => b.brief.id), ...briefs.invalid].sort();
  const wanted = options.ids?.length ? options.ids : available;
  const result: BuildResult = { written: [], failed: [], unchanged: [], upToDate: [], removed: [], diagnostics, unknownIds: wanted.filter((id) => !available.includes(id)), available, dataset: data.dataset, dataFiles: data.files, rendered: { here: 0, workers: 0 } };
  result.failed.push(...briefs.invalid.filter((id) => wanted.includes(id)));
  if (result.unknownIds.length) return result;
  if (hasErrors(data.diagnostics)) {
    result.failed = [...wanted];
    result.diagnostics = sortDiagnostics(diagnostics);
    return result;
  }
  const stored = options.cache ? await import('./records.js') : undefined;
  // Checking (nothing rendered), dry runs and builds keep apart records: each would otherwise undo the others'.
  const recordsKind = options.formats?.length === 0 ? 'check' : options.dryRun ? 'dry-run' : 'build';
  const records = options.records ?? stored?.readRecords(options.cache as string, recordsKind, options.outDir) ?? new Map<string, BriefRecord>();
  const selected = briefs.briefs.filter((b) => wanted.includes(b.brief.id));
  const renderer = await renderPool(selected, options);
  try {
    // Briefs are composed one after another and their PDFs handed to the renderer as each is composed (on
    // worker threads they render meanwhile); then each is checked and written, in order.
    const started: Array<{ loaded: LoadedBrief; inputs?: string; prepared: Prepared }> = [];
    for (const [index, loaded] of selected.entries()) {
      options.onBrief?.(loaded.brief.id, index, selected.length);
      const formats = options.formats ?? defaultFormats(loaded.brief.kind);
      const settings = JSON.stringify({ formats, pdfa: options.pdfa ?? false, outDir: options.outDir, dryRun: options.dryRun ?? false });
      // A response is composed from the comment briefs it answers too: their bytes are inputs of its build.
      const answered = loaded.brief.kind === 'response' ? loaded.brief.responds_to.map((id) => briefs.briefs.find((b) => b.brief.id === id)?.file.source ?? '') : [];
      const inputs = data.key ? cacheKey([data.key, loaded.file.name, loaded.file.source, settings, ...templateText(loaded, options.templatesDir), ...answered]) : undefined;
      const previous = records.get(loaded.brief.id);
      if (inputs && previous?.inputs === inputs && filesIntact(previous)) {
        diagnostics.push(...previous.diagnostics);
        (previous.failed ? result.failed : result.unchanged).push(loaded.brief.id);
        result.upToDate.push(...previous.files.map((f) => f.file));
        if (!previous.failed) result.removed.push(...(await settle(loaded, previous.files.map((f) => f.file), options, diagnostics)));
        continue;
      }
      const prepared = await prepareBrief(loaded, data, formats, options, previous, settings, renderer, briefs.briefs);
      started.push({ loaded, ...(inputs ? { inputs } : {}), prepared });
    }
    for (const { loaded, inputs, prepared } of started) {
      const outcome = await completeBrief(prepared, loaded, data, options);
      diagnostics.push(...outcome.diagnostics);
      if (outcome.status === 'failed') result.failed.push(loaded.brief.id);
      if (outcome.status === 'unchanged') {
        result.unchanged.push(loaded.brief.id);
        result.upToDate.push(...outcome.files.map((f) => f.file));
      }
      if (outcome.status !== 'failed') result.removed.push(...(await settle(loaded, outcome.files.map((f) => f.file), options, diagnostics)));
      for (const file of outcome.written) result.written.push(file);
      records.set(loaded.brief.id, {
        ...(inputs ? { inputs } : {}),
        ...(outcome.fingerprint ? { fingerprint: outcome.fingerprint } : {}),
        failed: outcome.status === 'failed',
        files: outcome.files,
        diagnostics: outcome.diagnostics,
        outputDiagnostics: outcome.outputDiagnostics,
      });
    }
  } finally {
    await renderer.close();
    result.rendered = { ...renderer.rendered };
  }
  if (stored && !options.records) stored.writeRecords(options.cache as string, recordsKind, options.outDir, records);
  result.diagnostics = sortDiagnostics(diagnostics);
  return result;
}

/**
 * After a real build of a brief (not a check or a dry run), its folder keeps only this build's files: what an
 * earlier build wrote and this one does not is removed and reported. A folder that is a link out of --out is left.
 */
async function settle(loaded: LoadedBrief, kept: readonly string[], options: BuildOptions, diagnostics: Diagnostic[]): Promise<string[]> {
  if (options.dryRun || options.formats?.length === 0 || kept.length === 0) return [];
  if (briefFolderProblem(options.outDir, loaded.brief.id)) return [];
  const cwd = options.cwd ?? process.cwd();
  const { removed, stuck } = await settleBriefFolder(path.join(options.outDir, loaded.brief.id), loaded.brief, kept);
  for (const file of removed) options.onRemove?.(displayPath(file, cwd));
  for (const { file, code } of stuck) {
    diagnostics.push(diagnostic(loaded.file.name, loaded.file.placeOf(['id']), 'warning', `${displayPath(file, cwd)} is left from an earlier build and could not be removed or updated (${code}): delete it by hand before filing from this folder`, 'output-stale-kept'));
  }
  return removed;
}

/** Where this build renders its costly formats: on worker threads when several such files are coming, else here. */
async function renderPool(selected: readonly LoadedBrief[], options: BuildOptions): Promise<RenderPool> {
  const costly = options.formats?.length === 0 ? 0 : selected.filter((loaded) => (options.formats ?? defaultFormats(loaded.brief.kind)).some((format) => FORMATS[format].threads)).length;
  const pool = await import('./render-pool.js');
  const workers = pool.workerCount(costly);
  return workers ? pool.workerRenderer(workers) : pool.inThreadRenderer();
}

/** How one brief went: its files (written now or kept), its messages, and the document fingerprint when composed. */
interface BriefOutcome {
  status: 'built' | 'unchanged' | 'failed';
  written: string[];
  files: BriefRecord['files'];
  fingerprint?: string;
  diagnostics: Diagnostic[];
  outputDiagnostics: Diagnostic[];
}

/** A composed brief with its renders under way — or already its outcome (failed, unchanged, nothing to render). */
type Prepared =
  | { outcome: BriefOutcome }
  | { document: ComposedDocument; fingerprint: string; diagnostics: Diagnostic[]; rendered: Promise<RenderedVersion[]> };

/** Composes one brief and starts rendering it (unless its document is the one already built). */
async function prepareBrief(
  loaded: LoadedBrief,
  data: LoadResult,
  formats: readonly OutputFormat[],
  options: BuildOptions,
  previous: BriefRecord | undefined,
  settings: string,
  renderer: RenderPool,
  allBriefs: readonly LoadedBrief[],
): Promise<Prepared> {
  const diagnostics: Diagnostic[] = [];
  const outcome = (status: BriefOutcome['status'], rest: Partial<BriefOutcome> = {}): Prepared => ({ outcome: { status, written: [], files: [], diagnostics, outputDiagnostics: [], ...rest } });
  const composed = await composeBrief(loaded, data.dataset, { templatesDir: options.templatesDir, cwd: options.cwd ?? process.cwd(), briefs: allBriefs });
  diagnostics.push(...composed.diagnostics);
  if (!composed.document) return outcome('failed');
  const document = composed.document;
  diagnostics.push(...documentCompliance(loaded, data.dataset, document.root, kindOf(loaded.brief.kind)));
  if (formats.length === 0) return outcome('built');
  const fingerprint = sha256(JSON.stringify({ document, settings }));
  if (previous?.fingerprint === fingerprint && filesIntact(previous)) {
    diagnostics.push(...previous.outputDiagnostics);
    return outcome('unchanged', { files: previous.files, fingerprint, outputDiagnostics: previous.outputDiagnostics });
  }
  const versions = documentVersions(document, loaded.brief).map((version) => renderVersion(version, loaded, formats, options, renderer));
  const rendered = Promise.all(versions);
  rendered.catch(() => undefined); // handled when the brief is completed; not an unhandled rejection meanwhile
  return { document, fingerprint, diagnostics, rendered };
}

/** Waits for a brief's renders, checks them (leaks, compliance) and writes its files. */
async function completeBrief(prepared: Prepared, loaded: LoadedBrief, data: LoadResult, options: BuildOptions): Promise<BriefOutcome> {
  if ('outcome' in prepared) return prepared.outcome;
  const { document, fingerprint, diagnostics } = prepared;
  const cwd = options.cwd ?? process.cwd();
  const failed: BriefOutcome = { status: 'failed', written: [], files: [], diagnostics, outputDiagnostics: [] };
  try {
    const rendered = await prepared.rendered;
    const problems = [...leakDiagnostics(loaded, document, rendered), ...outputCompliance(loaded, rendered.map((r) => r.outputs))];
    diagnostics.push(...problems);
    if (problems.some((d) => d.ruleId === 'bci-leak')) return failed;
    const files = rendered.flatMap((r) => r.files);
    if (options.dryRun) return { status: 'built', written: [], files: [], diagnostics, outputDiagnostics: problems };
    // All of a brief's files change together or none does (a full disk fails before any rename).
    const folderProblem = briefFolderProblem(options.outDir, loaded.brief.id);
    if (folderProblem) {
      diagnostics.push(diagnostic(loaded.file.name, loaded.file.placeOf(['id']), 'error', `brief \`${loaded.brief.id}\` was not built: ${displayPath(folderProblem, cwd)}; it is not followed — remove the link, or pass another --out`, 'output-folder-outside'));
      return failed;
    }
    // All of a brief's files change together or none does (a full disk fails before any rename).
    await writeFilesAtomic(files);
    const written = files.map(({ file }) => file);
    for (const file of written) options.onFile?.(displayPath(file, cwd));
    return { status: 'built', written, files: files.map(({ file, content }) => ({ file, sha256: sha256(content) })), fingerprint, diagnostics, outputDiagnostics: problems };
  } catch (error) {
    // Content problems of a renderer, and outputs that could not be written (an OutputWriteError is one), fail
    // this brief alone; anything else is a bug.
    if (!(error instanceof RenderProblem)) throw error;
    const problem = error;
    const codePoint = problem.codePoint;
    // The renderer's line/column are those of the Markdown node (prose-relative or in the template), not of
    // the file a person edits: find the character itself, first in the brief, then in the data files.
    const found = codePoint !== undefined ? findCharacter(String.fromCodePoint(codePoint), [loaded.file, ...data.yamlFiles]) : undefined;
    const reason = problem.reason;
    diagnostics.push({
      file: found?.file ?? loaded.file.name,
      line: found?.line ?? 1,
      column: found?.column ?? 1,
      severity: 'error',
      message: `brief \`${loaded.brief.id}\` was not built: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
      ruleId: problem.ruleId,
    });
    return failed;
  }
}
