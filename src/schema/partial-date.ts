// Comparing partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) without pretending to know the missing parts.

function earliest(date: string): string {
  return date.length === 4 ? `${date}-00-00` : date.length === 7 ? `${date}-00` : date;
}

function latest(date: string): string {
  return date.length === 4 ? `${date}-99-99` : date.length === 7 ? `${date}-99` : date;
}

/** True only when `a` is surely before `b`, whatever the missing months or days are. */
export function surelyBefore(a: string, b: string): boolean {
  return latest(a) < earliest(b);
}

/** Orders partial dates by their earliest possible day, a shorter (less precise) date first on ties. */
export function comparePartialDates(a: string, b: string): number {
  const ea = earliest(a);
  const eb = earliest(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.length - b.length;
}

/**
 * Orders partial dates for a chronology: by their latest possible day, so a month-only date comes after
 * every day-dated entry of that month and a year-only date after the whole year; a more precise date first on ties.
 */
export function compareChronologically(a: string, b: string): number {
  const la = latest(a);
  const lb = latest(b);
  if (la !== lb) return la < lb ? -1 : 1;
  return b.length - a.length;
}

/** How precise a partial date is. */
export type DatePrecision = 'day' | 'month' | 'year';

/** The precision of a partial date: `2016-10-07` day, `2016-10` month, `2016` year. */
export function datePrecision(date: string): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** Whether the partial date `inner` lies within the span from `start` to `end` (inclusive, at their own precision). */
export function dateWithin(inner: string, start: string, end: string = start): boolean {
  return earliest(inner) >= earliest(start) && latest(inner) <= latest(end);
}

/** The year of a partial date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
