// Schemas of the JSON answers of the query commands (status, list, coverage, diff, timeline, positions, deadlines):
// the model's answer types are derived from them, and `docketpress schema --answers` writes them as JSON Schema.
import * as z from 'zod';

const confidence = z.enum(['verified', 'unverified']);
const sources = z.array(z.string()).describe('source ids (data/sources/*.yaml); `docketpress status` prints each as a citation');
const precision = z.enum(['day', 'month', 'year']).describe('how much of the date the sources give: `2016-10-07` day, `2016-10` month, `2016` year');
const stance = z.enum(['list', 'relist', 'retain', 'remove', 'do-not-list', 'oppose-listing']);

/** A quotation: the words, who said them and when, where they were published. */
export const quoteAnswerSchema = z.strictObject({
  text: z.string(),
  speaker: z.string().nullable().describe('a person id, when the record names the speaker'),
  speakerName: z.string().nullable().describe('the speaker’s name, or the organisation’s when no person is named'),
  date: z.string().nullable(),
  confidential: z.boolean().describe('business confidential information (BCI): never put it in a public document'),
  sources,
});

export const listingChangeSchema = z
  .enum(['added', 'removed', 'retained', 'absent', 'first-recorded', 'after-gap'])
  .nullable()
  .describe(
    'against the edition just before: added / removed / retained / absent when both have a record; first-recorded when no earlier edition has one; ' +
      'after-gap when the edition just before has none (no change is claimed); null when this edition has no record',
  );

/** One edition's row of `status` (the ⚑ contract's fields first). */
export const editionStatusSchema = z.strictObject({
  edition: z.string(),
  year: z.number().int(),
  published: z.string(),
  listed: z.boolean().nullable().describe('true: listed; false: the record says not listed; null: no record'),
  change: listingChangeSchema,
  confidence: confidence.nullable(),
  sources,
  quote: z.string().nullable().describe('USTR’s words about the market in that edition, verbatim'),
  note: z.string().nullable(),
  previousRecord: z.strictObject({ edition: z.string(), listed: z.boolean() }).nullable().describe('the latest earlier edition with a record'),
});

/** `status <market> --json`. */
export const marketStatusSchema = z.strictObject({
  market: z.string(),
  name: z.string(),
  editions: z.array(editionStatusSchema),
  localName: z.string().nullable(),
  operator: z.string().nullable().describe('the operator’s stakeholder id; null when the record names none'),
  country: z.string().nullable().describe('a physical market’s location, an online market’s headquarters (ISO 3166-1 alpha-2)'),
});

/** `status <operator> --json`: every market the operator runs. */
export const operatorStatusSchema = z.strictObject({ operator: z.string(), name: z.string(), markets: z.array(marketStatusSchema) });

/** One market's row of an edition's roster. */
export const rosterRowSchema = z.strictObject({
  market: z.string(),
  name: z.string(),
  localName: z.string().nullable(),
  kind: z.enum(['online', 'physical']),
  country: z.string().nullable(),
  operator: z.string().nullable(),
  listed: z.boolean().nullable(),
  change: listingChangeSchema,
  confidence: confidence.nullable(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
  sources,
});

const filter = z.strictObject({ country: z.string().nullable(), operator: z.string().nullable() });

const totals = z.strictObject({
  markets: z.number().int(),
  listed: z.number().int(),
  notListed: z.number().int(),
  noRecord: z.number().int(),
  unverified: z.number().int().describe('rows with a record whose confidence is unverified'),
});

/** `list <edition> --json`. */
export const editionRosterSchema = z.strictObject({
  edition: z.string(),
  year: z.number().int(),
  title: z.string(),
  published: z.string(),
  issueFocus: z.string().nullable(),
  officialCounts: z
    .strictObject({ online: z.number().int().nullable(), physical: z.number().int().nullable(), total: z.number().int().nullable() })
    .nullable()
    .describe('USTR’s own counts of the edition, where the record has them'),
  filter,
  listed: z.array(rosterRowSchema),
  notListed: z.array(rosterRowSchema),
  noRecord: z.array(rosterRowSchema),
  totals,
  complete: z.boolean().describe('false when some market of the filter has no record for the edition: the answer is partial'),
  sources,
});

/** `coverage --json`. */
export const coverageSchema = z.strictObject({
  filter,
  editions: z.array(z.string()),
  markets: z.array(
    z.strictObject({
      market: z.string(),
      name: z.string(),
      cells: z.array(z.strictObject({ edition: z.string(), state: z.enum(['listed', 'not-listed', 'no-record']), confidence: confidence.nullable() })),
      totals,
    }),
  ),
  byEdition: z.array(totals.extend({ edition: z.string() })),
  totals: totals.extend({ cells: z.number().int() }),
});

/** `diff <a> <b> --json` (⚑). */
export const editionDiffSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  retained: z.array(z.string()),
  unknown: z.array(z.string()).describe('markets with a record in one of the two editions but none in the other'),
});

/** One entry of `timeline --json` (the ⚑ contract's fields first). */
export const timelineEntrySchema = z.strictObject({
  date: z.string(),
  kind: z.enum(['edition', 'event', 'position']),
  markets: z.array(z.string()),
  summary: z.string(),
  sources,
  precision,
  edition: z.string().nullable(),
  event: z.string().nullable().describe('an event id; set together with `position` when an event and a position record the same act'),
  position: z.string().nullable(),
  stakeholder: z.string().nullable().describe('whose position it is, or an event’s first actor; `ustr` for editions'),
  stance: stance.nullable(),
  cycle: z.number().int().nullable(),
  confidence,
  quotes: z.array(quoteAnswerSchema),
  note: z.string().nullable(),
});

/** One position of `positions --json`. */
export const positionAnswerSchema = z.strictObject({
  id: z.string(),
  date: z.string(),
  precision,
  stakeholder: z.string(),
  stakeholderName: z.string(),
  person: z.string().nullable(),
  personName: z.string().nullable(),
  markets: z.array(z.string()),
  cycle: z.number().int(),
  stance,
  asks: z.string().describe('what the stance asks of USTR, in words'),
  summary: z.string(),
  confidence,
  quotes: z.array(quoteAnswerSchema),
  claims: z.array(z.strictObject({ id: z.string(), text: z.string(), verbatim: z.boolean(), sources })),
  sources,
});

/** `positions <subject> --json`. */
export const positionsAnswerSchema = z.strictObject({
  subject: z.string(),
  subjectKind: z.enum(['market', 'stakeholder', 'operator']),
  market: z.string().nullable(),
  positions: z.array(positionAnswerSchema),
});

const deadlineTail = {
  confidence,
  sources,
  note: z.string().nullable(),
  noticePublished: z.boolean().describe('whether the Federal Register notice that opened the docket was out at the as-of instant'),
  placeholder: z.boolean().describe('the docket number and cite are stand-ins: the notice is not in the record yet'),
};

/** A deadline of a docket as of an instant (see `deadlines` in the README). */
export const docketDeadlineSchema = z.strictObject({
  cycle: z.number().int(),
  docket: z.string().nullable(),
  kind: z.enum(['comment', 'rebuttal']),
  date: z.string().describe('the deadline day, a calendar day in New York'),
  deadline: z.string().describe('ISO 8601 with the Eastern offset in force that day'),
  deadlineUtc: z.string(),
  zone: z.enum(['EDT', 'EST']),
  closed: z.boolean(),
  calendarDaysLeft: z.number().int(),
  businessDaysLeft: z.number().int(),
  ...deadlineTail,
  docketRecorded: z.literal(true),
});

/** A docket whose record has no deadline: the same keys, all null from `kind` to `businessDaysLeft`. */
export const docketWithoutDeadlineSchema = z.strictObject({
  cycle: z.number().int(),
  docket: z.string().nullable(),
  kind: z.null(),
  date: z.null(),
  deadline: z.null(),
  deadlineUtc: z.null(),
  zone: z.null(),
  closed: z.null(),
  calendarDaysLeft: z.null(),
  businessDaysLeft: z.null(),
  ...deadlineTail,
  confidence: confidence.nullable().describe('null when no docket is recorded for the cycle'),
  docketRecorded: z.boolean().describe('false for a review cycle the data knows (from its editions) but holds no docket for: note says "no docket recorded"'),
});

/** Every JSON answer, by the file name stem of its JSON Schema. */
export const ANSWER_SCHEMAS = {
  status: z.union([marketStatusSchema, operatorStatusSchema]),
  list: editionRosterSchema,
  coverage: coverageSchema,
  diff: editionDiffSchema,
  timeline: z.array(timelineEntrySchema),
  positions: positionsAnswerSchema,
  deadlines: z.array(z.union([docketDeadlineSchema, docketWithoutDeadlineSchema])),
  'deadlines-next': docketDeadlineSchema.nullable(),
} as const satisfies Record<string, z.ZodType>;
