// `docketpress coverage [--country CN] [--operator ID]`: every market × edition — listed, not listed, no record, unverified — with totals.
import { coverage, type CoverageCell } from '../../model/roster.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK } from '../errors.js';
import { answerForm, countryOption } from '../options.js';
import { csv, json, table } from '../output.js';
import type { CommandContext } from '../context.js';

const WORD: Record<CoverageCell['state'], string> = { listed: 'listed', 'not-listed': 'not listed', 'no-record': 'no record' };
const MARK: Record<CoverageCell['state'], string> = { listed: '●', 'not-listed': '○', 'no-record': '·' };

/** A cell as a word, with ` (unverified)` when the record is unconfirmed. */
function cellWord(cell: CoverageCell): string {
  return `${WORD[cell.state]}${cell.confidence === 'unverified' ? ' (unverified)' : ''}`;
}

/** A short column label for an edition: `S06` for the Special 301 section of 2006, `25` for the 2025 review. */
function columnLabel(id: string): string {
  return id.startsWith('s301-') ? `S${id.slice(-2)}` : id.slice(-2);
}

/** Runs `docketpress coverage`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, values } = context;
  const country = countryOption(values.country);
  const operator = typeof values.operator === 'string' ? values.operator : undefined;
  const { form, bom } = answerForm(context);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const map = coverage(dataset, { ...(country ? { country } : {}), ...(operator ? { operator } : {}) });
  if (form === 'json') {
    io.out(json(map));
    return EXIT_OK;
  }
  if (form === 'csv') {
    const header = ['market', 'name', ...map.editions, 'listed', 'not_listed', 'no_record', 'unverified'];
    const rows = map.markets.map((row) => [row.market, row.name, ...row.cells.map(cellWord), row.totals.listed, row.totals.notListed, row.totals.noRecord, row.totals.unverified]);
    const totals = (key: 'listed' | 'notListed' | 'noRecord' | 'unverified', label: string) => [
      `total ${label}`,
      '',
      ...map.byEdition.map((column) => column[key]),
      ...(['listed', 'notListed', 'noRecord', 'unverified'] as const).map((k) => (k === key ? map.totals[k] : '')),
    ];
    io.out(csv(header, [...rows, totals('listed', 'listed'), totals('notListed', 'not listed'), totals('noRecord', 'no record'), totals('unverified', 'unverified')], bom));
    return EXIT_OK;
  }
  const body = map.markets.map((row) => [
    row.market,
    ...row.cells.map((cell) => `${MARK[cell.state]}${cell.confidence === 'unverified' ? '?' : ''}`),
    String(row.totals.listed),
    String(row.totals.notListed),
    String(row.totals.noRecord),
  ]);
  body.push(['listed', ...map.byEdition.map((c) => String(c.listed)), String(map.totals.listed), '', '']);
  body.push(['no record', ...map.byEdition.map((c) => String(c.noRecord)), '', '', String(map.totals.noRecord)]);
  io.out(table(['market', ...map.editions.map(columnLabel), 'L', 'N', '·'], body));
  const t = map.totals;
  io.out(
    `\n● listed  ○ not listed  · no record  ? unverified   (S06 = Special 301 section of 2006; 25 = the 2025 review)\n` +
      `${t.markets} markets × ${map.editions.length} editions = ${t.cells} cells: ${t.listed} listed, ${t.notListed} not listed, ${t.noRecord} no record (${Math.round((100 * t.noRecord) / Math.max(1, t.cells))}%), ${t.unverified} unverified.\n` +
      `"no record" is what the record does not know — never read it as "not listed".\n`,
  );
  return EXIT_OK;
}
