// `docketpress list <edition> [--country CN] [--operator ID]`: an edition's roster as the record knows it, saying when it is partial.
import { countryName, stakeholderName } from '../../model/names.js';
import { editionRoster, type RosterRow } from '../../model/roster.js';
import { CitedSources } from '../cited.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK } from '../errors.js';
import { answerForm, countryOption } from '../options.js';
import { csv, json, table } from '../output.js';
import type { CommandContext } from '../context.js';

const STATE = (row: RosterRow): string => (row.listed === null ? 'no record' : row.listed ? 'listed' : 'not listed');

/** Runs `docketpress list`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, values, positionals } = context;
  const country = countryOption(values.country);
  const operator = typeof values.operator === 'string' ? values.operator : undefined;
  const { form, bom } = answerForm(context);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const roster = editionRoster(dataset, positionals[0]!, { ...(country ? { country } : {}), ...(operator ? { operator } : {}) });
  const rows = [...roster.listed, ...roster.notListed, ...roster.noRecord];
  if (form === 'json') {
    io.out(json(roster));
    return EXIT_OK;
  }
  if (form === 'csv') {
    const header = ['edition', 'market', 'name', 'local_name', 'kind', 'country', 'operator', 'listed', 'change', 'confidence', 'quote', 'note', 'sources'];
    io.out(csv(header, rows.map((r) => [roster.edition, r.market, r.name, r.localName, r.kind, r.country, r.operator, r.listed, r.change, r.confidence, r.quote, r.note, r.sources.join(' ')]), bom));
    return EXIT_OK;
  }
  const cited = new CitedSources();
  const filters = [country ? `in ${countryName(country)}` : '', operator ? `operated by ${stakeholderName(dataset, operator)}` : ''].filter(Boolean).join(', ');
  io.out(`${roster.title} (published ${roster.published}) ${cited.refs(roster.sources)}\n`);
  if (roster.issueFocus) io.out(`issue focus: ${roster.issueFocus}\n`);
  const official = roster.officialCounts;
  if (official) io.out(`USTR's own count: ${[official.online !== null ? `${official.online} online` : '', official.physical !== null ? `${official.physical} physical` : '', official.total !== null ? `${official.total} in all` : ''].filter(Boolean).join(', ')} — the data records only the markets it holds\n`);
  io.out(`\nmarkets in the data${filters ? ` ${filters}` : ''}: ${roster.totals.markets} — ${roster.totals.listed} listed, ${roster.totals.notListed} recorded as not listed, ${roster.totals.noRecord} with no record\n\n`);
  if (rows.length === 0) io.out('no market in the data matches\n');
  else {
    const body = rows.map((r) => [r.market, r.name + (r.localName ? ` (${r.localName})` : ''), r.country ?? '—', STATE(r), r.change ?? '', r.confidence ?? '', cited.refs(r.sources)]);
    io.out(table(['market', 'name', 'country', 'status', 'change', 'confidence', 'sources'], body));
  }
  if (!roster.complete) io.out(`\nPARTIAL: ${roster.totals.noRecord} market(s) have no record for this edition — the data cannot say whether they were listed.\n`);
  io.out(cited.footer(dataset));
  return EXIT_OK;
}
