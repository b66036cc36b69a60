// `docketpress status <market> [--year YYYY]`: a market's listing status per edition, with sources.
import { citation } from '../../model/names.js';
import { marketPlace, marketWhereLine, operatorName } from '../../model/places.js';
import { listingFor, marketStatus } from '../../model/status.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK } from '../errors.js';
import { yearOption } from '../options.js';
import { json, table } from '../output.js';
import type { CommandContext } from '../context.js';

const LISTED_TEXT = { true: 'listed', false: 'not listed', null: 'no record' } as const;

/** Runs `docketpress status`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, options, values, positionals } = context;
  const year = yearOption(values.year, 'year');

  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const marketId = positionals[0]!;
  const status = marketStatus(dataset, marketId, year === undefined ? {} : { year });
  if (options.json) {
    io.out(json(status));
    return EXIT_OK;
  }
  const market = dataset.markets.get(status.market)!;
  const local = market.local_name ? ` (${market.local_name})` : '';
  const operator = operatorName(dataset, market);
  const operated = operator === undefined ? 'operator not recorded' : `operated by ${operator}`;
  if (market.kind === 'physical') {
    io.out(`${market.name}${local} — ${marketWhereLine(market)}\n${operated}\n\n`);
  } else {
    const domains = market.domains?.length ? ` — ${market.domains.join(', ')}` : '';
    io.out(`${market.name}${local}${domains}\n${operated}; headquartered in ${marketPlace(market)}\n\n`);
  }
  if (status.editions.length === 0) {
    io.out(`no edition of review year ${year} in the data\n`);
    return EXIT_OK;
  }
  const cited = [...new Set(status.editions.flatMap((row) => row.sources))];
  const rows = status.editions.map((row) => [
    row.edition,
    String(row.year),
    row.published,
    LISTED_TEXT[String(row.listed) as 'true' | 'false' | 'null'],
    row.change ?? '',
    row.confidence ?? '',
    row.sources.map((id) => `[${cited.indexOf(id) + 1}]`).join(''),
  ]);
  io.out(table(['edition', 'review', 'published', 'listed', 'change', 'confidence', 'sources'], rows));
  const notes = status.editions
    .map((row) => ({ row, listing: listingFor(dataset, status.market, row.edition) }))
    .filter(({ listing }) => listing?.quote || listing?.note)
    .map(({ row, listing }) => `  ${row.edition}: ${listing!.quote ? `USTR: “${listing!.quote}”` : ''}${listing!.quote && listing!.note ? ' — ' : ''}${listing!.note ?? ''}`);
  if (notes.length) io.out(`\nnotes:\n${notes.join('\n')}\n`);
  if (cited.length) io.out(`\nsources:\n${cited.map((id, i) => `  [${i + 1}] ${citation(dataset, id)} (${id})`).join('\n')}\n`);
  io.out(`\n"no record" means the data holds nothing for that edition — not that the market was absent.\n`);
  return EXIT_OK;
}
