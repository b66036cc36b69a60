// Schemas of brief specs (briefs/<id>.yaml): what document to build, for whom, from which data.
import { z } from 'zod';
import { idSchema, partialDateSchema, textSchema } from './common.js';
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
};

/** One market a comment nominates and what it asks USTR to do. */
export const nominationSchema = z.strictObject({
  market: idSchema,
  request: stanceSchema.describe('what the filer asks USTR to do with this market'),
  /** Why, in Markdown: the reasons the notice asks commenters to give. */
  reasons: textSchema.optional(),
  metrics: z.array(idSchema).default([]),
  positions: z.array(idSchema).default([]).describe('positions whose quotes are cited as statements'),
  events: z.array(idSchema).default([]),
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

export const briefSchema = z.discriminatedUnion('kind', [commentBriefSchema]);
export type Brief = z.output<typeof briefSchema>;
export type BriefKind = Brief['kind'];
