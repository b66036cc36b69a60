// Schemas of brief specs (briefs/<id>.yaml): what document to build, for whom, from which data.
import { SOURCE_KINDS } from './source-kind.js';
import * as z from 'zod';
import { editionIdSchema, fullDateSchema, idSchema, ISSUE_RULE, partialDateSchema, textSchema, urlSchema } from './common.js';
import { DOCKET_ID_MESSAGE, DOCKET_ID_PATTERN, FR_CITE_MESSAGE, FR_CITE_PATTERN, FR_DOC_MESSAGE, FR_DOC_PATTERN } from './docket.js';
import { inlineFilerProfileSchema } from './filer.js';
import { stanceSchema } from './position.js';

/** How the letter greets the addressee: an honorific (`Mr.`, `Ms.`, `Dr.`) or a full salutation of one's own. */
const greeting = {
  /** `Ms.` → "Dear Ms. Mehta:". Without it, a title such as "Assistant U.S. Trade Representative …" greets by office. */
  honorific: textSchema.optional(),
  /** The whole salutation, e.g. "Dear Mr. Lee:" (overrides the default). */
  salutation: textSchema.optional(),
};

/** Who a filing is addressed to: a person from the data, or a written name and office. */
export const addresseeSchema = z.union([
  z.strictObject({ person: idSchema, title: textSchema.optional(), ...greeting }),
  z.strictObject({ name: textSchema.optional(), title: textSchema.optional(), office: textSchema.optional(), ...greeting }),
]);

/** A docket written in the brief, for a cycle the data has no docket for (the data's docket wins otherwise). */
export const briefDocketSchema = z.strictObject({
  docket_id: z.string().regex(DOCKET_ID_PATTERN, DOCKET_ID_MESSAGE).optional(),
  fr_cite: z.string().regex(FR_CITE_PATTERN, FR_CITE_MESSAGE).optional(),
  fr_doc: z.string().regex(FR_DOC_PATTERN, FR_DOC_MESSAGE).optional(),
  notice_date: fullDateSchema.optional(),
  comment_deadline: fullDateSchema.optional(),
  rebuttal_deadline: fullDateSchema.optional(),
  bci_prefix: z.enum(['BC', 'BCI']).default('BC'),
  placeholder: z.boolean().default(false),
  /** Where the notice can be read. */
  url: urlSchema.optional(),
});
export type BriefDocket = z.output<typeof briefDocketSchema>;

/** A filing is dated to the day it is filed. */
export const filingDateSchema = partialDateSchema.superRefine((text, ctx) => {
  if (/^\d{4}(?:-\d{2})?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `a filing is dated to the day it is filed, not \`${text}\`: write YYYY-MM-DD (\`new\` dates a draft today)`, params: { [ISSUE_RULE]: 'filing-date-partial' } });
  }
});

/**
 * Evidence of the filer's own, attested by the filer instead of a public source: a figure (`value`, `unit`)
 * or a statement (`quote`), who vouches for it, when and how it was found. `confidential: true` makes it
 * business confidential: bracketed in the BC version, `[ ]` in the public one.
 */
export const attestedEvidenceSchema = z
  .strictObject({
    measure: textSchema.describe('what was measured or said, e.g. "test purchases that were counterfeit"'),
    value: z.number().optional(),
    qualifier: z.enum(['more than', 'about', 'approximately', 'at least', 'up to', 'less than']).optional(),
    unit: textSchema.optional(),
    quote: textSchema.optional().describe('a statement in the filer’s own records, quoted'),
    period: textSchema.optional(),
    confidential: z.boolean().default(false),
    /** Why it needs protection (listed in the BC version's justification). */
    reason: textSchema.optional(),
    attested_by: textSchema.describe('who vouches for it: a person or team of the filer'),
    date: fullDateSchema.describe('when it was measured or recorded'),
    method: textSchema.describe('how it was found, e.g. "test purchases by the filer’s investigators"'),
  })
  .superRefine((item, ctx) => {
    if (item.quote === undefined && (item.value === undefined || item.unit === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'attested evidence is a figure (`value:` and `unit:`) or a statement (`quote:`): add one', params: { [ISSUE_RULE]: 'missing-field' } });
    }
  });
export type AttestedEvidence = z.output<typeof attestedEvidenceSchema>;

/**
 * An appendix after the signature ("Exhibit A — Title"): a verbatim excerpt of a source (`source:` and `excerpt:`,
 * cited in a footnote), a table of figures (`metrics:` from data, `attested:` evidence of the filer's own), or both;
 * `note:` is Markdown prose. `confidential: true` makes the whole exhibit business confidential (its heading stays).
 */
export const exhibitSchema = z
  .strictObject({
    id: idSchema.describe('what prose calls it: `:exhibit[id]` prints "Exhibit A"'),
    title: textSchema,
    source: idSchema.optional().describe('the source the excerpt is taken from'),
    excerpt: textSchema.optional().describe('the words of the source, verbatim'),
    metrics: z.array(idSchema).default([]),
    attested: z.array(attestedEvidenceSchema).default([]),
    note: textSchema.optional().describe('Markdown prose under the exhibit'),
    confidential: z.boolean().default(false),
    /** Why it needs protection (listed in the BC version's justification). */
    reason: textSchema.optional(),
  })
  .superRefine((exhibit, ctx) => {
    if ((exhibit.source === undefined) !== (exhibit.excerpt === undefined)) {
      ctx.addIssue({ code: 'custom', path: [exhibit.source === undefined ? 'source' : 'excerpt'], message: 'an excerpt names its source and quotes it: give both `source:` and `excerpt:`', params: { [ISSUE_RULE]: 'missing-field' } });
    } else if (exhibit.source === undefined && exhibit.metrics.length === 0 && exhibit.attested.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'an exhibit is an excerpt (`source:` and `excerpt:`) or a table (`metrics:` or `attested:`): add one', params: { [ISSUE_RULE]: 'missing-field' } });
    }
  });
export type Exhibit = z.output<typeof exhibitSchema>;

/** Fields comments and responses share: who files, for which cycle, signed by whom. */
const filingCommon = {
  filer: idSchema.describe('a filer profile id (data/filers/) or a stakeholder id (data/stakeholders/)'),
  /** The filer's own letterhead, self-description, signatory and contact, when not in data/filers/<filer>.yaml. */
  filer_profile: inlineFilerProfileSchema.optional(),
  cycle: z.number().int().min(2000).max(2100),
  date: filingDateSchema,
  /** The cycle's docket, when data/dockets.yaml has none (`docketpress new docket` adds it there instead). */
  docket: briefDocketSchema.optional(),
  addressee: addresseeSchema.optional(),
  /** A person id from data/stakeholders/ (a public role); else the filer profile's `signatory:`. */
  signatory: idSchema.optional().describe('a person id'),
  /** Appendices after the signature, lettered A, B, C … in this order. */
  exhibits: z.array(exhibitSchema).default([]),
  /** A table of contents after the title block; default: on when the filing has 8 or more headings of level 2 or 3. */
  toc: z.boolean().optional(),
};
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
  'exhibits.*.note',
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
  /** The filer's own evidence (test purchases, takedown logs …), attested instead of sourced. */
  attested: z.array(attestedEvidenceSchema).default([]),
  description: z
    .union([z.boolean(), z.strictObject({ sources: z.array(idSchema).min(1, 'pick at least one source, or write `description: false`') })])
    .default(true)
    .describe("the market's description from the data: `true` (default), `false` to leave it out, or `{ sources: [ids] }` to cite only those of its sources"),
});
export type Nomination = z.output<typeof nominationSchema>;

export const commentBriefSchema = z.strictObject({
  ...briefCommon,
  ...filingCommon,
  kind: z.literal('comment'),
  /** Whom the filer speaks for, in Markdown (appended to the filer's description from data). */
  represents: textSchema.optional(),
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
/** A claim answered: a claim id from data, or `<brief-id>#<market>` for a nomination in a comment brief. */
export const claimRefSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$/, 'a claim id from data/positions.yaml, or `<comment-brief-id>#<market-id>`');

export const pointSchema = z.strictObject({
  claim: claimRefSchema.describe('a claim id from data/positions.yaml, or `<comment-brief-id>#<market-id>`'),
  answer: textSchema.describe('the answer, in Markdown; `:cite[source-id]` adds a footnote'),
  evidence: evidenceSchema.optional(),
});
export type Point = z.output<typeof pointSchema>;

export const responseBriefSchema = z.strictObject({
  ...briefCommon,
  ...filingCommon,
  kind: z.literal('response'),
  represents: textSchema.optional(),
  /** The filings (positions in data) this response answers. */
  answers: z.array(idSchema).default([]),
  /** The filings this response answers: comment briefs (briefs/<id>.yaml) or positions in data. */
  responds_to: z.array(idSchema).default([]),
  introduction: textSchema.optional(),
  /** The enforcement record: figures, in the order given. */
  record: evidenceSchema.optional(),
  points: z.array(pointSchema).min(1, 'a response answers at least one claim'),
  /** Claims of the answered filings left unanswered on purpose: why (then \`check\` does not list them). */
  unanswered: z.strictObject({ reason: textSchema }).optional(),
  conclusion: textSchema.optional(),
}).superRefine((brief, ctx) => {
  if (brief.answers.length === 0 && brief.responds_to.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['responds_to'], message: 'name what this response answers: `responds_to: [comment-brief-id or position-id]`', params: { [ISSUE_RULE]: 'missing-field' } });
  }
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
