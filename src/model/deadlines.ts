// Docket deadlines as instants in Eastern time, days left as of a given instant, and U.S. federal business days.
import { tz, TZDate, tzOffset } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { differenceInBusinessDays } from 'date-fns/differenceInBusinessDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { formatISO } from 'date-fns/formatISO';
import { getDay } from 'date-fns/getDay';
import { isSaturday } from 'date-fns/isSaturday';
import { isSunday } from 'date-fns/isSunday';
import { isValid } from 'date-fns/isValid';
import { isWeekend } from 'date-fns/isWeekend';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { parse } from 'date-fns/parse';
import { subDays } from 'date-fns/subDays';
import type { Day } from 'date-fns';
import type { z } from 'zod';
import type { docketDeadlineSchema, docketWithoutDeadlineSchema } from '../schema/answers.js';
import type { Dataset } from './dataset.js';
import type { Docket } from '../schema/index.js';

/** The time zone every USTR deadline is stated in ("11:59 p.m. Eastern"). */
export const DEADLINE_TIME_ZONE = 'America/New_York';

const EASTERN = tz(DEADLINE_TIME_ZONE);

/** Which deadline of a docket: initial comments or rebuttal comments. */
export type DeadlineKind = 'comment' | 'rebuttal';

/** The Eastern zone abbreviation in force at an instant. */
export type EasternZone = 'EDT' | 'EST';

/**
 * One deadline of one docket, as of an instant (the `deadlines --json` row).
 *
 * - `date`: the deadline day as the record gives it (`YYYY-MM-DD`, a calendar day in New York).
 * - `deadline`: that day at the docket's `deadline_time` (default 23:59) in America/New_York, ISO 8601
 *   with the offset in force that day (`-04:00` EDT or `-05:00` EST); `deadlineUtc` is the same instant in UTC.
 * - `closed`: a deadline stated to the minute runs to the end of that minute, so 11:59 p.m. closes at
 *   00:00:00.000 the next day: `closed` is true from that instant on.
 * - `calendarDaysLeft`: New York calendar days from the as-of day through the deadline day, both counted
 *   (as of Oct 1, a deadline on Oct 7 has 7 days left; on the deadline day itself, 1); 0 once closed.
 * - `businessDaysLeft`: the days of that span that are Monday–Friday and not a U.S. federal holiday
 *   (observed date, see {@link federalHolidays}); 0 once closed.
 * - `note`: the docket's `deadline_note`, if any.
 */
export type DocketDeadline = z.output<typeof docketDeadlineSchema>;

/**
 * A docket whose record has neither a comment nor a rebuttal deadline: the same keys as
 * {@link DocketDeadline}, with `kind`, `date`, `deadline`, `deadlineUtc`, `zone`, `closed`,
 * `calendarDaysLeft` and `businessDaysLeft` all `null` (no deadline is ever invented).
 */
export type DocketWithoutDeadline = z.output<typeof docketWithoutDeadlineSchema>;

/** One row of the `deadlines` answer. */
export type DeadlineRow = DocketDeadline | DocketWithoutDeadline;

/** Whether a `deadlines` row has a deadline. */
export function hasDeadline(row: DeadlineRow): row is DocketDeadline {
  return row.deadline !== null;
}

/** A `YYYY-MM-DD` calendar day in New York → its midnight there, as a TZDate; undefined if it is not a real date. */
export function easternDayStart(text: string): TZDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const day = parse(text, 'yyyy-MM-dd', new TZDate(0, DEADLINE_TIME_ZONE), { in: EASTERN });
  // parse() rejects month 13 and Feb 30; the round trip also catches anything it would have rolled over.
  return isValid(day) && format(day, 'yyyy-MM-dd') === text ? day : undefined;
}

/** The instant of a deadline: `date` (`YYYY-MM-DD`) at `time` (`HH:MM`, default 23:59) in America/New_York. */
export function deadlineInstant(date: string, time = '23:59'): TZDate {
  const day = easternDayStart(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) throw new RangeError(`not a deadline date and time: \`${date} ${time}\``);
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Number(clock[1]), Number(clock[2]), DEADLINE_TIME_ZONE);
}

/** The Eastern zone abbreviation (EDT or EST) in force at an instant. */
export function easternZone(instant: Date): EasternZone {
  // From the offset, not the zone's short name: the time zone data names 1900–1969 offsets `GMT-5`/`GMT-4`
  // (and war time, 1942–45, is daylight time all year).
  const offset = tzOffset(DEADLINE_TIME_ZONE, instant);
  if (offset === -240) return 'EDT';
  if (offset === -300) return 'EST';
  throw new RangeError(`${DEADLINE_TIME_ZONE} was UTC${offset / 60} at ${instant.toISOString()}, neither EDT nor EST`);
}

/** Whether the deadline has passed at `asOf`: a deadline runs to the end of its stated minute. */
export function isDeadlineClosed(deadline: Date, asOf: Date): boolean {
  return asOf.getTime() >= deadline.getTime() + 60_000;
}

/** An instant seen in New York (for calendar-day arithmetic there). */
function inEastern(instant: Date): TZDate {
  return new TZDate(instant.getTime(), DEADLINE_TIME_ZONE);
}

/** `YYYY-MM-DD` of a TZDate's wall-clock day. */
function dayKey(day: TZDate): string {
  return format(day, 'yyyy-MM-dd');
}

/** The n-th (1-based) given weekday of a month, in New York. */
function nthWeekday(year: number, monthIndex: number, weekday: Day, n: number): TZDate {
  const first = new TZDate(year, monthIndex, 1, DEADLINE_TIME_ZONE);
  return addDays(first, ((weekday - getDay(first) + 7) % 7) + 7 * (n - 1));
}

/** The last given weekday of a month, in New York. */
function lastWeekday(year: number, monthIndex: number, weekday: Day): TZDate {
  const last = lastDayOfMonth(new TZDate(year, monthIndex, 1, DEADLINE_TIME_ZONE));
  return subDays(last, (getDay(last) - weekday + 7) % 7);
}

/** A fixed-date holiday's observed day: Saturday → the Friday before, Sunday → the Monday after. */
function observed(day: TZDate): TZDate {
  if (isSaturday(day)) return subDays(day, 1);
  if (isSunday(day)) return addDays(day, 1);
  return day;
}

const MONDAY: Day = 1;
const THURSDAY: Day = 4;

const HOLIDAY_CACHE = new Map<number, ReadonlyMap<string, string>>();

/** See {@link federalHolidays}. */
function computeFederalHolidays(year: number): Map<string, string> {
  const fixed = (y: number, monthIndex: number, day: number): TZDate => observed(new TZDate(y, monthIndex, day, DEADLINE_TIME_ZONE));
  const candidates: [string, TZDate][] = [
    ["New Year's Day", fixed(year, 0, 1)],
    ["New Year's Day", fixed(year + 1, 0, 1)],
    ["Washington's Birthday", nthWeekday(year, 1, MONDAY, 3)],
    ['Memorial Day', lastWeekday(year, 4, MONDAY)],
    ['Independence Day', fixed(year, 6, 4)],
    ['Labor Day', nthWeekday(year, 8, MONDAY, 1)],
    ['Columbus Day', nthWeekday(year, 9, MONDAY, 2)],
    ['Veterans Day', fixed(year, 10, 11)],
    ['Thanksgiving Day', nthWeekday(year, 10, THURSDAY, 4)],
    ['Christmas Day', fixed(year, 11, 25)],
  ];
  if (year >= 1986) candidates.push(['Martin Luther King Jr. Day', nthWeekday(year, 0, MONDAY, 3)]);
  if (year >= 2021) candidates.push(['Juneteenth National Independence Day', fixed(year, 5, 19)]);
  const holidays = new Map<string, string>();
  for (const [name, day] of candidates.sort((a, b) => a[1].getTime() - b[1].getTime())) {
    if (day.getFullYear() === year) holidays.set(dayKey(day), name);
  }
  return holidays;
}

/** The cached holidays of a year (the rules never change for a given year). */
function holidaysOf(year: number): ReadonlyMap<string, string> {
  let holidays = HOLIDAY_CACHE.get(year);
  if (!holidays) HOLIDAY_CACHE.set(year, (holidays = computeFederalHolidays(year)));
  return holidays;
}

/**
 * The U.S. federal holidays (5 U.S.C. 6103) observed in a year, by rule: `YYYY-MM-DD` → name.
 * Fixed-date holidays on a Saturday are observed the Friday before and on a Sunday the Monday after
 * (so New Year's Day 2022, a Saturday, is observed on Dec 31, 2021 and listed under 2021).
 * Uses the Monday-holiday rules in force since 1971, Martin Luther King Jr. Day from 1986 and
 * Juneteenth from 2021. One-off closures (e.g. by executive order) and Inauguration Day are not included.
 */
export function federalHolidays(year: number): Map<string, string> {
  return new Map(holidaysOf(year));
}

/** Whether a New York calendar day (`YYYY-MM-DD`) is a business day: Monday–Friday and not a federal holiday. */
export function isFederalBusinessDay(date: string): boolean {
  const day = easternDayStart(date);
  if (!day) throw new RangeError(`not a date: \`${date}\``);
  return !isWeekend(day) && !holidaysOf(day.getFullYear()).has(date);
}

/** New York calendar days from the day of `asOf` through the deadline's day, both counted; 0 once closed. */
export function calendarDaysLeft(deadline: Date, asOf: Date): number {
  if (isDeadlineClosed(deadline, asOf)) return 0;
  return Math.max(0, differenceInCalendarDays(deadline, asOf, { in: EASTERN }) + 1);
}

/** Business days (see {@link isFederalBusinessDay}) from the day of `asOf` through the deadline's day; 0 once closed. */
export function businessDaysLeft(deadline: Date, asOf: Date): number {
  if (calendarDaysLeft(deadline, asOf) === 0) return 0;
  const first = inEastern(asOf);
  const last = inEastern(deadline);
  // Weekdays in [first, last]: date-fns counts [earlier, later), so count up to the day after the deadline.
  const weekdays = differenceInBusinessDays(addDays(last, 1), first, { in: EASTERN });
  const [from, to] = [dayKey(first), dayKey(last)];
  let holidays = 0;
  for (let year = first.getFullYear(); year <= last.getFullYear(); year++) {
    // Observed holidays always fall on a weekday, so each one in range removes one weekday.
    for (const date of holidaysOf(year).keys()) if (date >= from && date <= to) holidays++;
  }
  return weekdays - holidays;
}

/** An instant as people write an Eastern deadline: `Fri Oct 7, 2016 11:59 p.m. EDT`. */
export function formatEasternTime(instant: Date): string {
  return `${format(inEastern(instant), 'EEE MMM d, yyyy h:mm aaaa')} ${easternZone(instant)}`;
}

function sortedByCycle(dockets: readonly Docket[]): Docket[] {
  return [...dockets].sort((a, b) => a.cycle - b.cycle);
}

/**
 * Every docket's deadlines as of the instant `asOf`, dockets by cycle, comment before rebuttal.
 * A docket with neither deadline gets one {@link DocketWithoutDeadline} row.
 */
export function docketDeadlines(dockets: readonly Docket[], asOf: Date): DeadlineRow[] {
  const rows: DeadlineRow[] = [];
  for (const docket of sortedByCycle(dockets)) {
    const common = { cycle: docket.cycle, docket: docket.docket_id ?? null };
    const notice = easternDayStart(docket.notice_date);
    const tail = { confidence: docket.confidence, sources: [...docket.sources], note: docket.deadline_note ?? null, noticePublished: notice === undefined || notice.getTime() <= asOf.getTime() };
    const dates: [DeadlineKind, string | undefined][] = [
      ['comment', docket.comment_deadline],
      ['rebuttal', docket.rebuttal_deadline],
    ];
    let found = false;
    for (const [kind, date] of dates) {
      if (date === undefined) continue;
      found = true;
      const instant = deadlineInstant(date, docket.deadline_time ?? '23:59');
      const closed = isDeadlineClosed(instant, asOf);
      rows.push({
        ...common,
        kind,
        date,
        deadline: formatISO(instant),
        deadlineUtc: new Date(instant.getTime()).toISOString(),
        zone: easternZone(instant),
        closed,
        calendarDaysLeft: calendarDaysLeft(instant, asOf),
        businessDaysLeft: businessDaysLeft(instant, asOf),
        ...tail,
      });
    }
    if (!found) {
      rows.push({
        ...common,
        kind: null,
        date: null,
        deadline: null,
        deadlineUtc: null,
        zone: null,
        closed: null,
        calendarDaysLeft: null,
        businessDaysLeft: null,
        ...tail,
      });
    }
  }
  return rows;
}

/** The dataset's docket deadlines as of the instant `asOf` (see {@link docketDeadlines}). */
export function datasetDeadlines(dataset: Dataset, asOf: Date): DeadlineRow[] {
  return docketDeadlines(dataset.dockets, asOf);
}

/** The next deadline still open at `asOf` (the earliest instant among rows not closed), if any. */
export function nextDeadline(rows: readonly DeadlineRow[]): DocketDeadline | undefined {
  return rows.filter(hasDeadline).filter((row) => !row.closed).sort((a, b) => (a.deadlineUtc < b.deadlineUtc ? -1 : a.deadlineUtc > b.deadlineUtc ? 1 : 0))[0];
}
