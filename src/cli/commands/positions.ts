// `docketpress positions <stakeholder|market> [--market ID]`: what a stakeholder asked USTR, or every position on a market, with quotes and sources.
import { formatDate } from '../../compose/format.js';
import { positionsOf } from '../../model/positions.js';
import { CitedSources } from '../cited.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK } from '../errors.js';
import { answerForm } from '../options.js';
import { csv, json } from '../output.js';
import type { CommandContext } from '../context.js';
import { quoteLine } from './timeline.js';

/** Runs `docketpress positions`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, values, positionals } = context;
  const market = typeof values.market === 'string' ? values.market : undefined;
  const { form, bom } = answerForm(context);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const answer = positionsOf(dataset, positionals[0]!, market === undefined ? {} : { market });
  if (form === 'json') {
    io.out(json(answer));
    return EXIT_OK;
  }
  if (form === 'csv') {
    const header = ['id', 'date', 'precision', 'stakeholder', 'person', 'markets', 'cycle', 'stance', 'summary', 'confidence', 'quotes', 'claims', 'sources'];
    const rows = answer.positions.map((p) => [
      p.id, p.date, p.precision, p.stakeholder, p.person, p.markets.join(' '), p.cycle, p.stance, p.summary, p.confidence,
      p.quotes.map(quoteLine).join('\n'), p.claims.map((c) => (c.verbatim ? `“${c.text}”` : `(paraphrase) ${c.text}`)).join('\n'), p.sources.join(' '),
    ]);
    io.out(csv(header, rows, bom));
    return EXIT_OK;
  }
  if (answer.positions.length === 0) {
    io.out(`the data records no position ${answer.subjectKind === 'market' ? 'about' : 'of'} \`${answer.subject}\`${answer.market ? ` on \`${answer.market}\`` : ''}\n`);
    return EXIT_OK;
  }
  const cited = new CitedSources();
  for (const p of answer.positions) {
    const names = p.markets.map((id) => dataset.markets.get(id)?.name ?? id).join(', ');
    io.out(`${formatDate(p.date)} — ${p.stakeholderName}${p.personName ? ` (${p.personName})` : ''}: ${p.asks} ${names} (${p.cycle} review)${p.confidence === 'unverified' ? ' (unconfirmed)' : ''} ${cited.refs(p.sources)}\n`);
    io.out(`  ${p.summary}\n`);
    for (const quote of p.quotes) io.out(`  ${quoteLine(quote)} ${cited.refs(quote.sources)}\n`);
    io.out('\n');
  }
  io.out(cited.footer(dataset).replace(/^\n/, ''));
  return EXIT_OK;
}
