// `docketpress build [brief-id…] [--format md,pdf,docx] [--pdfa] [--quiet]`: build briefs into out/<brief-id>/.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BuildOptions, BuildResult } from '../../pipeline/index.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../../pipeline/formats.js';
import { displayPath, hasErrors } from '../../diagnostics/index.js';
import { suggestion } from '../../diagnostics/suggest.js';
import { resolveFolder } from '../context.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { diagnosticLines, json } from '../output.js';
import { formatSeconds, Progress } from '../progress.js';
import type { CommandContext } from '../context.js';

/** Parses `--format md,pdf`. */
export function parseFormats(given: string | undefined): OutputFormat[] | undefined {
  if (given === undefined) return undefined;
  const formats = given.split(',').map((f) => f.trim()).filter(Boolean);
  for (const format of formats) {
    if (!OUTPUT_FORMATS.includes(format as OutputFormat)) {
      throw new UsageError(`unknown format \`${format}\`${suggestion(format, OUTPUT_FORMATS)}: --format takes ${OUTPUT_FORMATS.join(', ')} (comma-separated)`);
    }
  }
  if (formats.length === 0) throw new UsageError('--format needs at least one format, such as `md,pdf`');
  return formats as OutputFormat[];
}

/** How many briefs a build works through: the ids named, else the specs in the briefs folder. */
function briefCount(ids: readonly string[], briefsDir: string): number {
  if (ids.length) return new Set(ids).size;
  try {
    return readdirSync(briefsDir).filter((name) => /\.ya?ml$/.test(name)).length;
  } catch {
    return 0;
  }
}

/** The brief a written file belongs to: files go to out/<brief-id>/. */
function briefOfFile(file: string): string {
  return path.basename(path.dirname(file));
}

/** Runs `docketpress build`. */
export async function run({ options, values, positionals, io }: CommandContext): Promise<number> {
  const formats = parseFormats(values.format as string | undefined);
  const quiet = values.quiet === true;
  const lines: string[] = [];
  const removed: string[] = [];
  const filesByBrief = new Map<string, string[]>();
  // The progress line is for a person at a terminal: never in JSON, never with --quiet, never in a pipe.
  const progress = new Progress({
    io,
    total: briefCount(positionals, options.briefs),
    enabled: io.isTTY && !options.json && !quiet,
    columns: io.isTTY ? (io.columns ?? 80) : 80,
  });
  if (values.watch === true) return watch({ options, values, positionals, io }, formats);
  // Loaded on demand: the composers and renderers are not needed by the quick query commands.
  const { buildBriefs } = await import('../../pipeline/index.js');
  let result: BuildResult;
  try {
    result = await buildBriefs({
      ...buildOptions({ options, values, positionals, io }, formats),
      onBrief: (id) => progress.update(id, 'composing…'),
      onFile: (file) => {
        lines.push(file);
        const brief = briefOfFile(file);
        filesByBrief.set(brief, [...(filesByBrief.get(brief) ?? []), file]);
        progress.update(brief, `wrote ${path.basename(file)}`);
        if (!options.json && !quiet) progress.log(`wrote ${file}\n`);
      },
      onRemove: (file) => {
        removed.push(file);
        if (!options.json && !quiet) progress.log(`removed ${file} (an earlier build's; this build does not write it)\n`);
      },
    });
  } finally {
    progress.finish();
  }
  const durationMs = Math.round(progress.elapsedMs);
  if (result.unknownIds.length) {
    const id = result.unknownIds[0]!;
    throw new UsageError(`unknown brief \`${id}\`${suggestion(id, result.available)}: briefs are the .yaml files in ${path.relative(io.cwd, options.briefs) || options.briefs}`);
  }
  if (options.json) {
    const wanted = positionals.length ? [...new Set(positionals)] : result.available;
    const upToDate = result.upToDate.map((file) => displayPath(file, io.cwd));
    const briefs = wanted.map((id) => {
      const status = result.failed.includes(id) ? 'failed' : result.unchanged.includes(id) ? 'up to date' : 'built';
      return { id, status, files: status === 'up to date' ? upToDate.filter((file) => briefOfFile(file) === id) : (filesByBrief.get(id) ?? []), removed: removed.filter((file) => briefOfFile(file) === id) };
    });
    io.out(json({ written: lines, upToDate, removed, failed: result.failed, diagnostics: result.diagnostics, durationMs, briefs }));
  } else {
    if (!quiet) for (const file of result.upToDate) io.out(`up to date ${displayPath(file, io.cwd)}\n`);
    io.err(diagnosticLines(result.diagnostics));
    if (result.failed.length) io.err(`not built: ${result.failed.join(', ')}\n`);
    // On a terminal, a closing summary where the progress line was; piped output keeps one line per file.
    if (io.isTTY && !quiet) {
      const built = [...filesByBrief.keys()].length;
      const kept = result.unchanged.length ? `; ${result.unchanged.length} up to date` : '';
      io.out(`built ${built} brief(s), ${lines.length} file(s) in ${formatSeconds(durationMs)}${kept}${result.failed.length ? `; ${result.failed.length} not built` : ''}\n`);
    }
  }
  return hasErrors(result.diagnostics) || result.failed.length ? EXIT_CONTENT : EXIT_OK;
}

/** The build's folders and switches from the command line. */
function buildOptions(context: CommandContext, formats: OutputFormat[] | undefined): BuildOptions {
  const { options, values, positionals, io } = context;
  return {
    dataDir: options.data,
    briefsDir: options.briefs,
    templatesDir: resolveFolder(values.templates as string | undefined, 'templates', io.cwd),
    outDir: options.out,
    ...(formats ? { formats } : {}),
    ids: positionals,
    cwd: io.cwd,
    pdfa: values.pdfa === true,
    cache: options.cache,
  };
}

/** `build --watch`: build, then rebuild on every change until Ctrl-C (SIGINT) or SIGTERM. */
async function watch(context: CommandContext, formats: OutputFormat[] | undefined): Promise<number> {
  const { io } = context;
  const { watchBuild } = await import('../../pipeline/watch.js');
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let cycle = 0;
  let failed = false;
  try {
    await watchBuild(
      {
        ...buildOptions(context, formats),
        onBuild: (result, milliseconds) => {
          cycle++;
          failed = result.failed.length > 0 || hasErrors(result.diagnostics);
          io.err(diagnosticLines(result.diagnostics));
          for (const file of result.removed) io.out(`removed ${displayPath(file, io.cwd)} (an earlier build's; this build does not write it)\n`);
          const rebuilt = [...new Set(result.written.map(briefOfFile))];
          const what = rebuilt.length ? `${cycle === 1 ? 'built' : 'rebuilt'} ${rebuilt.join(', ')}` : 'nothing changed';
          io.out(`${what} in ${formatSeconds(milliseconds)}${result.failed.length ? `; not built: ${result.failed.join(', ')}` : ''}${cycle === 1 ? ' — watching data, briefs and templates (Ctrl-C stops)' : ''}\n`);
        },
        onError: (error) => {
          cycle++;
          failed = true;
          io.err(`docketpress: this build hit an internal error (a bug in docketpress: please report it; --debug shows the stack); still watching — the next change builds again\n`);
          if (context.options.debug) io.err(`${(error as Error)?.stack ?? String(error)}\n`);
        },
      },
      controller.signal,
    );
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return failed ? EXIT_CONTENT : EXIT_OK;
}
