// `docketpress status <market|operator> [--year YYYY]`: listing status per edition, with sources — for a market, or every market of an operator.
import { marketPlace, marketWhereLine, operatorName } from '../../model/places.js';
import { marketStatus, type MarketStatus } from '../../model/status.js';
import { resolveSubject, subjectMarkets } from '../../model/subjects.js';
import type { Dataset } from '../../model/dataset.js';
import { CitedSources } from '../cited.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { answerForm, yearOption } from '../options.js';
import { csv, json, table, type CsvCell } from '../output.js';
import type { CommandContext } from '../context.js';

const LISTED_TEXT = { true: 'listed', false: 'not listed', null: 'no record' } as const;

/** The CSV columns of a status answer (one row per market × edition). */
export const STATUS_CSV_HEADER = ['market', 'name', 'edition', 'year', 'published', 'listed', 'change', 'confidence', 'quote', 'note', 'sources'];

function csvRows(statuses: readonly MarketStatus[]): CsvCell[][] {
  return statuses.flatMap((status) =>
    status.editions.map((row) => [status.market, status.name, row.edition, row.year, row.published, row.listed, row.change, row.confidence, row.quote, row.note, row.sources.join(' ')]),
  );
}

function marketText(dataset: Dataset, status: MarketStatus, cited: CitedSources): string {
  const market = dataset.markets.get(status.market)!;
  const local = market.local_name ? ` (${market.local_name})` : '';
  const operator = operatorName(dataset, market);
  const operated = operator === undefined ? 'operator not recorded' : `operated by ${operator}`;
  let out =
    market.kind === 'physical'
      ? `${market.name}${local} — ${marketWhereLine(market)}\n${operated}\n\n`
      : `${market.name}${local}${market.domains?.length ? ` — ${market.domains.join(', ')}` : ''}\n${operated}; headquartered in ${marketPlace(market)}\n\n`;
  const rows = status.editions.map((row) => [
    row.edition,
    String(row.year),
    row.published,
    LISTED_TEXT[String(row.listed) as 'true' | 'false' | 'null'],
    row.change ?? '',
    row.confidence ?? '',
    cited.refs(row.sources),
  ]);
  out += table(['edition', 'review', 'published', 'listed', 'change', 'confidence', 'sources'], rows);
  const notes = status.editions
    .filter((row) => row.quote || row.note)
    .map((row) => `  ${row.edition}: ${row.quote ? `USTR: “${row.quote}”` : ''}${row.quote && row.note ? ' — ' : ''}${row.note ?? ''}`);
  if (notes.length) out += `\nnotes:\n${notes.join('\n')}\n`;
  return out;
}

/** Runs `docketpress status`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, values, positionals } = context;
  const year = yearOption(values.year, 'year');
  const { form, bom } = answerForm(context);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const subject = resolveSubject(dataset, positionals[0]!);
  if (subject.kind === 'stakeholder') {
    throw new UsageError(`\`${subject.id}\` is a stakeholder that operates no market in the data: \`docketpress timeline ${subject.id}\` or \`docketpress positions ${subject.id}\` tell what it did`);
  }
  const statuses = subjectMarkets(subject).map((market) => marketStatus(dataset, market.id, year === undefined ? {} : { year }));
  if (form === 'csv') {
    io.out(csv(STATUS_CSV_HEADER, csvRows(statuses), bom));
    return EXIT_OK;
  }
  if (subject.kind === 'market') {
    const [status] = statuses;
    if (form === 'json') io.out(json(status));
    else {
      const cited = new CitedSources();
      io.out(marketText(dataset, status!, cited) + cited.footer(dataset));
      io.out(`\n"no record" means the data holds nothing for that edition — not that the market was absent.\n`);
    }
    return EXIT_OK;
  }
  if (form === 'json') {
    io.out(json({ operator: subject.id, name: subject.stakeholder.name, markets: statuses }));
    return EXIT_OK;
  }
  const cited = new CitedSources();
  io.out(`${subject.stakeholder.name} operates ${statuses.length} market(s) in the data: ${statuses.map((s) => s.market).join(', ')}\n\n`);
  io.out(statuses.map((status) => marketText(dataset, status, cited)).join('\n'));
  io.out(cited.footer(dataset));
  io.out(`\n"no record" means the data holds nothing for that edition — not that the market was absent.\n`);
  return EXIT_OK;
}
