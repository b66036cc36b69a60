// `docketpress diff <edition-a> <edition-b>`: markets added, removed and retained between two editions.
import { editionDiff } from '../../model/diff.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK } from '../errors.js';
import { answerForm } from '../options.js';
import { csv, json } from '../output.js';
import type { CommandContext } from '../context.js';

/** Runs `docketpress diff`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, positionals } = context;
  const { form, bom } = answerForm(context);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const result = editionDiff(dataset, positionals[0]!, positionals[1]!);
  if (form === 'json') {
    io.out(json(result));
    return EXIT_OK;
  }
  if (form === 'csv') {
    const groups = ['added', 'removed', 'retained', 'unknown'] as const;
    const rows = groups.flatMap((group) => result[group].map((id) => [result.from, result.to, group, id, dataset.markets.get(id)?.name ?? id]));
    io.out(csv(['from', 'to', 'change', 'market', 'name'], rows, bom));
    return EXIT_OK;
  }
  const from = dataset.editionsById.get(result.from)!;
  const to = dataset.editionsById.get(result.to)!;
  const name = (id: string): string => `${dataset.markets.get(id)?.name ?? id} (${id})`;
  const block = (title: string, ids: string[]): string => `${title} (${ids.length}):\n${ids.length ? ids.map((id) => `  ${name(id)}`).join('\n') : '  —'}\n`;
  io.out(`${from.title} (published ${from.published}) → ${to.title} (published ${to.published})\n\n`);
  io.out(
    [
      block('added', result.added),
      block('removed', result.removed),
      block('retained', result.retained),
      block('unknown — a record in only one of the two editions', result.unknown),
    ].join('\n'),
  );
  io.out(`\nOnly markets in the dataset are compared (${dataset.markets.size}); \`docketpress status <market>\` shows each one's sources.\n`);
  return EXIT_OK;
}
