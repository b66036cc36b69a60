// Shared zod building blocks for every data and brief file: ids, partial dates, source lists, confidence.
import * as z from 'zod';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';

/** Rule ids carried by custom issues, so the loader can name the problem precisely. */
export const ISSUE_RULE = 'ruleId';

/** A lower-case kebab-case slug. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case slugs such as `taobao` or `aafa-2015-comment`');

/** An edition id such as `s301-2009` or `2012`; an unquoted year in YAML is accepted and read as text. */
export const editionIdSchema = z
  .union([z.string(), z.number().int()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^(?:s301-\d{4}|\d{4})$/, 'edition ids look like `s301-2009` or `2012`'));

/** Checks that a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string names a day, month or year that exists. */
export function partialDateProblem(text: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return `\`${text}\` is not a date: write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day`;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1900 || year > 2100) return `year ${year} in \`${text}\` is out of range (1900–2100)`;
  if (month !== undefined && (month < 1 || month > 12)) return `month ${match[2]} in \`${text}\` does not exist`;
  if (month !== undefined && day !== undefined) {
    const days = getDaysInMonth(new Date(Date.UTC(year, month - 1, 1, 12)));
    if (day < 1 || day > days) return `\`${text}\` does not exist: ${monthName(month)} ${year} has ${days} days`;
  }
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** A calendar date, possibly partial: `2015-10-07`, `2015-10` or `2015`. */
export const partialDateSchema = z
  .union([z.string(), z.number().int()])
  .transform((value) => String(value))
  .superRefine((text, ctx) => {
    const problem = partialDateProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { [ISSUE_RULE]: 'invalid-date' } });
  });

/** A full calendar date `YYYY-MM-DD`. */
export const fullDateSchema = partialDateSchema.superRefine((text, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `\`${text}\` needs a day: write YYYY-MM-DD`, params: { [ISSUE_RULE]: 'invalid-date' } });
  }
});

/** The sources a fact rests on: one or more source ids. */
export const sourceRefsSchema = z.array(idSchema).min(1, 'every fact needs at least one source id');

/** How sure the record is. `unverified` marks facts the reference flags ⚠ or that rest on a mirror copy. */
export const confidenceSchema = z.enum(['verified', 'unverified']);

/** An ISO 3166-1 alpha-2 country code. */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'countries are ISO 3166-1 alpha-2 codes such as `CN` or `US`');

/** A web address; only http(s) is accepted. */
export const urlSchema = z.url({ protocol: /^https?$/, error: 'urls must be absolute http:// or https:// addresses' });

/** A plain-text field that must say something. */
export const textSchema = z.string().trim().min(1, 'this text must not be empty');
