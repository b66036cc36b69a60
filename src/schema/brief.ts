// Schemas of brief specs (briefs/<id>.yaml): what document to build, for whom, from which data.
import { SOURCE_KINDS } from './source-kind.js';
import { z } from 'zod';
import { editionIdSchema, idSchema, partialDateSchema, textSchema } from './common.js';
import { stanceSchema } from './position.js';

/** Who a filing is addressed to: a person from the data, or a written name and office. */
export const addresseeSchema = z.union([
  z.strictObject({ person: idSchema, title: textSchema.optional() }),
  z.strictObject({ name: textSchema.optional(), title: textSchema.optional(), office: textSchema.optional() }),
]);
export type Addressee = z.output<typeof addresseeSchema>;

/** Fields every brief kind shares. */
const briefCommon = {
  id: idSchema,
  /** Illustrative sample built from public statements: a SAMPLE notice on every page. */
  sample: z.boolean().default(false),
  /** Plain-text title; the composer derives one when omitted. */
  title: textSchema.optional(),
  /** The date on the document (and the PDF's creation date); partial dates print as "October 2015". */
  date: partialDateSchema,
  /** A template path relative to the brief file; defaults to templates/<kind>.md. */
  template: z.string().min(1).optional(),
  /**
   * Why the business confidential information in this brief needs protection (15 CFR 2017.4 asks
   * filers to explain it). Required when the brief contains BCI and an item gives no reason of its own.
   */
  bci_justification: textSchema.optional(),
  /** A filing made after the deadline on purpose: says so, and why (otherwise lateness is an error). */
  late: z.strictObject({ reason: textSchema }).optional(),
  /**
   * The kinds of source this document may cite. Default: government, filing, statement and press for
   * filings (comment, response, policy brief); every kind for timelines and diffs.
   */
  source_kinds: z.array(z.enum(SOURCE_KINDS)).min(1, 'name at least one source kind').optional().describe('the kinds of source this document may cite (default: government, filing, statement, press for filings; all for timelines and diffs)'),
};

/**
 * The Markdown prose fields of briefs, as paths (`*` is any list index): the only places a `:bci[…]` span can be
 * honoured. Every other text field is plain text that every version shows.
 */
export const PROSE_FIELDS: readonly string[] = [
  'represents',
  'introduction',
  'conclusion',
  'nominations.*.reasons',
  'points.*.answer',
  'question',
  'options.*.consequences',
  'recommendation',
];

/** One market a comment nominates and what it asks USTR to do. */
export const nominationSchema = z.strictObject({
  market: idSchema,
  request: stanceSchema.describe('what the filer asks USTR to do with this market'),
  /** Why, in Markdown: the reasons the notice asks commenters to give. */
  reasons: textSchema.optional(),
  metrics: z.array(idSchema).default([]),
  positions: z.array(idSchema).default([]).describe('positions whose quotes are cited as statements'),
  events: z.array(idSchema).default([]),
  description: z
    .union([z.boolean(), z.strictObject({ sources: z.array(idSchema).min(1, 'pick at least one source, or write `description: false`') })])
    .default(true)
    .describe("the market's description from the data: `true` (default), `false` to leave it out, or `{ sources: [ids] }` to cite only those of its sources"),
});
export type Nomination = z.output<typeof nominationSchema>;

export const commentBriefSchema = z.strictObject({
  ...briefCommon,
  kind: z.literal('comment'),
  filer: idSchema.describe('a stakeholder id'),
  /** Whom the filer speaks for, in Markdown (appended to the filer's description from data). */
  represents: textSchema.optional(),
  cycle: z.number().int().min(2000).max(2100),
  addressee: addresseeSchema.optional(),
  signatory: idSchema.describe('a person id'),
  introduction: textSchema.optional(),
  nominations: z.array(nominationSchema).min(1, 'a comment nominates at least one market'),
  conclusion: textSchema.optional(),
});
export type CommentBrief = z.output<typeof commentBriefSchema>;

/** Evidence behind an answer: figures, the responding party's own claims and statements, events. */
export const evidenceSchema = z.strictObject({
  metrics: z.array(idSchema).default([]),
  claims: z.array(idSchema).default([]).describe('claims (from positions in data) that support the answer'),
  positions: z.array(idSchema).default([]).describe('positions whose quotes support the answer'),
  events: z.array(idSchema).default([]),
});

/** One allegation answered: the claim (from data) and the answer in Markdown. */
export const pointSchema = z.strictObject({
  claim: idSchema.describe('a claim id from data/positions.yaml'),
  answer: textSchema.describe('the answer, in Markdown; `:cite[source-id]` adds a footnote'),
  evidence: evidenceSchema.optional(),
});
export type Point = z.output<typeof pointSchema>;

export const responseBriefSchema = z.strictObject({
  ...briefCommon,
  kind: z.literal('response'),
  filer: idSchema.describe('a stakeholder id: the responding party'),
  represents: textSchema.optional(),
  cycle: z.number().int().min(2000).max(2100),
  addressee: addresseeSchema.optional(),
  signatory: idSchema.describe('a person id'),
  /** The filings (positions in data) this response answers. */
  answers: z.array(idSchema).min(1, 'name at least one position (filing) this response answers'),
  introduction: textSchema.optional(),
  /** The enforcement record: figures, in the order given. */
  record: evidenceSchema.optional(),
  points: z.array(pointSchema).min(1, 'a response answers at least one claim'),
  conclusion: textSchema.optional(),
});
export type ResponseBrief = z.output<typeof responseBriefSchema>;

/** One option in a policy brief, with its consequences. */
export const optionSchema = z.strictObject({
  title: textSchema,
  consequences: textSchema.describe('Markdown'),
});

export const policyBriefSchema = z.strictObject({
  ...briefCommon,
  kind: z.literal('policy-brief'),
  market: idSchema,
  cycle: z.number().int().min(2000).max(2100),
  /** Who the brief is for and who wrote it (plain text). */
  prepared_for: textSchema.optional(),
  prepared_by: textSchema.optional(),
  question: textSchema.describe('Markdown: the decision to be made'),
  /** Positions compared side by side. */
  positions: z.array(idSchema).min(1, 'compare at least one stakeholder position'),
  options: z.array(optionSchema).min(1, 'give at least one option'),
  recommendation: textSchema.describe('Markdown'),
});
export type PolicyBrief = z.output<typeof policyBriefSchema>;

export const timelineBriefSchema = z.strictObject({
  ...briefCommon,
  kind: z.literal('timeline'),
  markets: z.array(idSchema).min(1, 'a timeline covers at least one market'),
  from: z.number().int().min(2000).max(2100).optional(),
  to: z.number().int().min(2000).max(2100).optional(),
  introduction: textSchema.optional(),
});
export type TimelineBrief = z.output<typeof timelineBriefSchema>;

export const diffBriefSchema = z.strictObject({
  ...briefCommon,
  kind: z.literal('diff'),
  from: editionIdSchema,
  to: editionIdSchema,
  introduction: textSchema.optional(),
});
export type DiffBrief = z.output<typeof diffBriefSchema>;

// The union of every kind's schema is made by the kinds registry (src/kinds/index.ts), from its list of kinds.
export type { Brief, BriefKind } from '../kinds/index.js';
