// `docketpress deadlines [--on YYYY-MM-DD]`: each docket's comment and rebuttal deadlines in Eastern time, with days left.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import {
  citation,
  DEADLINE_TIME_ZONE,
  datasetDeadlines,
  easternDayStart,
  easternZone,
  formatEasternTime,
  hasDeadline,
  nextDeadline,
  type DeadlineRow,
} from '../../model/index.js';
import { partialDateProblem } from '../../schema/common.js';
import { visible } from '../../diagnostics/visible.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { answerForm } from '../options.js';
import { csv, json, table } from '../output.js';
import type { CommandContext } from '../context.js';

const NO_DEADLINE = 'no deadline in the record';

const FOOTER = `Times are Eastern (America/New_York): EDT (UTC−4) while daylight saving time is in effect, EST (UTC−5) otherwise,
whatever this computer's time zone. Deadlines are 11:59 p.m. Eastern unless the notice says otherwise, and run to the end
of that minute. Days left count the as-of day and the deadline day; business days also skip Saturdays, Sundays and
U.S. federal holidays (observed dates). "unverified": the record of that docket is not confirmed — check the notice.
`;

/** Reads `--on YYYY-MM-DD` as 00:00 Eastern on that day; without it, now (in New York). */
function asOfOption(value: unknown): { asOf: TZDate; given: boolean } {
  if (value === undefined) return { asOf: TZDate.tz(DEADLINE_TIME_ZONE), given: false };
  const text = String(value);
  // The dates the data may hold (1900–2100), the same check as every date in the data.
  const detail = /^\d{4}-\d{2}-\d{2}$/.test(text) ? partialDateProblem(text) : undefined;
  const day = detail ? undefined : easternDayStart(text);
  if (!day) {
    throw new UsageError(`--on takes a real date written YYYY-MM-DD, such as 2016-10-01, not \`${visible(text, 40)}\`${detail ? `: ${detail}` : ''}`);
  }
  return { asOf: day, given: true };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function statusText(row: DeadlineRow): string {
  if (!hasDeadline(row)) return '—';
  if (row.closed) return 'closed';
  const business = `(${plural(row.businessDaysLeft, 'business day')})`;
  const left = row.calendarDaysLeft === 1 ? `due today ${business}` : `${plural(row.calendarDaysLeft, 'day')} left ${business}`;
  return row.noticePublished ? left : `notice not yet out; ${left}`;
}

/** Runs `docketpress deadlines`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, values } = context;
  const { asOf, given } = asOfOption(values.on);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const { form, bom } = answerForm(context);
  const all = datasetDeadlines(dataset, asOf);
  const next = values.next === true ? nextDeadline(all) : undefined;
  const rows = values.next === true ? (next ? [next] : []) : all;
  if (form === 'json') {
    io.out(json(values.next === true ? (next ?? null) : rows));
    return EXIT_OK;
  }
  if (form === 'csv') {
    const header = Object.keys(all[0] ?? { cycle: 0 }) as (keyof DeadlineRow)[];
    io.out(csv(header, rows.map((row) => header.map((key) => { const value = row[key]; return Array.isArray(value) ? value.join(' ') : value; })), bom));
    return EXIT_OK;
  }
  const when = given ? `00:00 ${easternZone(asOf)} on ${format(asOf, 'EEE MMM d, yyyy')}` : `${formatEasternTime(asOf)} (now)`;
  io.out(`Notorious Markets review dockets — deadlines as of ${when}\n\n`);
  if (values.next === true && !next) {
    io.out('no deadline in the record is still open\n');
    return EXIT_OK;
  }
  if (rows.length === 0) {
    io.out('the data has no dockets\n');
    return EXIT_OK;
  }
  if (next) io.out(`next deadline: ${next.kind === 'comment' ? 'comments' : 'rebuttals'} in the ${next.cycle} review${next.docket ? ` (docket ${next.docket})` : ''}, ${formatEasternTime(new Date(next.deadlineUtc))} — ${statusText(next)}\n\n`);
  const cited = [...new Set(rows.flatMap((row) => row.sources))];
  const body = rows.map((row) => [
    String(row.cycle),
    row.docket ?? '—',
    row.kind ?? '—',
    hasDeadline(row) ? formatEasternTime(new Date(row.deadlineUtc)) : NO_DEADLINE,
    statusText(row),
    row.confidence === 'unverified' ? 'UNVERIFIED' : '',
    row.sources.map((id) => `[${cited.indexOf(id) + 1}]`).join(''),
  ]);
  io.out(table(['cycle', 'docket', 'kind', 'deadline (Eastern)', 'status', 'record', 'sources'], body));
  const notes = [...new Map(rows.filter((row) => row.note).map((row) => [row.cycle, row.note!])).entries()];
  if (notes.length) io.out(`\nnotes:\n${notes.map(([cycle, note]) => `  ${cycle}: ${note}`).join('\n')}\n`);
  io.out(`\nsources:\n${cited.map((id, i) => `  [${i + 1}] ${citation(dataset, id)} (${id})`).join('\n')}\n`);
  io.out(`\n${FOOTER}`);
  return EXIT_OK;
}
