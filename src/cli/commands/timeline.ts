// `docketpress timeline <market|stakeholder…> [--from YYYY] [--to YYYY]`: dated chronology with sources and quotes.
import { formatDate } from '../../compose/format.js';
import { timeline, type TimelineEntry } from '../../model/timeline.js';
import { CitedSources } from '../cited.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { answerForm, yearOption } from '../options.js';
import { csv, json, type CsvCell } from '../output.js';
import type { CommandContext } from '../context.js';

/** The CSV columns of a timeline answer. */
export const TIMELINE_CSV_HEADER = ['date', 'precision', 'kind', 'markets', 'stakeholder', 'stance', 'cycle', 'summary', 'confidence', 'quotes', 'note', 'sources', 'edition', 'event', 'position'];

/** A quote as one line of text: “…” — speaker, date; confidential ones carry the BCI marker. */
export function quoteLine(quote: TimelineEntry['quotes'][number]): string {
  const who = [quote.speakerName, quote.date ? formatDate(quote.date) : null].filter(Boolean).join(', ');
  return `${quote.confidential ? '[BUSINESS CONFIDENTIAL] ' : ''}“${quote.text}”${who ? ` — ${who}` : ''}`;
}

function csvRow(entry: TimelineEntry): CsvCell[] {
  return [
    entry.date,
    entry.precision,
    entry.kind,
    entry.markets.join(' '),
    entry.stakeholder,
    entry.stance,
    entry.cycle,
    entry.summary,
    entry.confidence,
    entry.quotes.map(quoteLine).join('\n'),
    entry.note,
    entry.sources.join(' '),
    entry.edition,
    entry.event,
    entry.position,
  ];
}

/** Runs `docketpress timeline`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, values, positionals } = context;
  const from = yearOption(values.from, 'from');
  const to = yearOption(values.to, 'to');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const { form, bom } = answerForm(context);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const entries = timeline(dataset, positionals, { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
  if (form === 'json') {
    io.out(json(entries));
    return EXIT_OK;
  }
  if (form === 'csv') {
    io.out(csv(TIMELINE_CSV_HEADER, entries.map(csvRow), bom));
    return EXIT_OK;
  }
  const cited = new CitedSources();
  const width = Math.max(0, ...entries.map((e) => formatDate(e.date).length));
  for (const entry of entries) {
    io.out(`${formatDate(entry.date).padEnd(width)}  ${entry.kind.padEnd(8)}  ${entry.summary} ${cited.refs(entry.sources)}\n`);
    for (const quote of entry.kind === 'edition' ? [] : entry.quotes) io.out(`${' '.repeat(width + 12)}${quoteLine(quote)} ${cited.refs(quote.sources)}\n`);
  }
  if (entries.length === 0) io.out('no entries in that range\n');
  io.out(cited.footer(dataset));
  return EXIT_OK;
}
