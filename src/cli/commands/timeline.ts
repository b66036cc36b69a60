// `docketpress timeline <market…> [--from YYYY] [--to YYYY]`: dated chronology with sources.
import { citation } from '../../model/names.js';
import { timeline } from '../../model/timeline.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { yearOption } from '../options.js';
import { json } from '../output.js';
import type { CommandContext } from '../context.js';

/** Runs `docketpress timeline`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, options, values, positionals } = context;
  const from = yearOption(values.from, 'from');
  const to = yearOption(values.to, 'to');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const entries = timeline(dataset, positionals, { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
  if (options.json) {
    io.out(json(entries));
    return EXIT_OK;
  }
  const cited = [...new Set(entries.flatMap((e) => e.sources))];
  for (const entry of entries) {
    const refs = entry.sources.map((id) => `[${cited.indexOf(id) + 1}]`).join('');
    io.out(`${entry.date.padEnd(10)}  ${entry.kind.padEnd(8)}  ${entry.summary} ${refs}\n`);
  }
  if (entries.length === 0) io.out('no entries in that range\n');
  if (cited.length) io.out(`\nsources:\n${cited.map((id, i) => `  [${i + 1}] ${citation(dataset, id)} (${id})`).join('\n')}\n`);
  return EXIT_OK;
}
