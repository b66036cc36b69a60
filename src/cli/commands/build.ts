// `docketpress build [brief-id…] [--format md,pdf] [--pdfa]`: build briefs into out/<brief-id>/.
import path from 'node:path';
import { buildBriefs, OUTPUT_FORMATS, type OutputFormat } from '../../build/index.js';
import { hasErrors } from '../../diagnostics/index.js';
import { suggestion } from '../../load/zod-issues.js';
import { resolveFolder } from '../context.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { diagnosticLines, json } from '../output.js';
import type { Command } from './types.js';

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

export const buildCommand: Command = {
  name: 'build',
  summary: 'build all (or the named) briefs into out/<brief-id>/',
  usage: 'docketpress build [brief-id…] [--format md,pdf,html] [--pdfa] [--out DIR]',
  options: {
    format: { type: 'string', value: 'LIST', description: 'formats to write, comma-separated: md, pdf, html (default: md,pdf; timelines and diffs also html)' },
    pdfa: { type: 'boolean', description: 'write PDF/A-2b' },
    templates: { type: 'string', value: 'DIR', description: 'templates folder (default: ./templates, else the bundled ones)' },
  },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY },
  async run({ options, values, positionals, io }) {
    const formats = parseFormats(values.format as string | undefined);
    const lines: string[] = [];
    const result = await buildBriefs({
      dataDir: options.data,
      briefsDir: options.briefs,
      templatesDir: resolveFolder(values.templates as string | undefined, 'templates', io.cwd),
      outDir: options.out,
      ...(formats ? { formats } : {}),
      ids: positionals,
      cwd: io.cwd,
      pdfa: values.pdfa === true,
      onFile: (file) => {
        lines.push(file);
        if (!options.json) io.out(`wrote ${file}\n`);
      },
    });
    if (result.unknownIds.length) {
      const id = result.unknownIds[0]!;
      throw new UsageError(`unknown brief \`${id}\`${suggestion(id, result.available)}: briefs are the .yaml files in ${path.relative(io.cwd, options.briefs) || options.briefs}`);
    }
    if (options.json) {
      io.out(json({ written: lines, failed: result.failed, diagnostics: result.diagnostics }));
    } else {
      io.err(diagnosticLines(result.diagnostics));
      if (result.failed.length) io.err(`not built: ${result.failed.join(', ')}\n`);
    }
    return hasErrors(result.diagnostics) || result.failed.length ? EXIT_CONTENT : EXIT_OK;
  },
};
