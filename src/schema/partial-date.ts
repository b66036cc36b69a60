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

/** The year of a partial date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
