// Schema of a position: what a stakeholder asked USTR to do about markets in one cycle, with quotes and claims.
import * as z from 'zod';
import { confidenceSchema, idSchema, partialDateSchema, sourceRefsSchema, textSchema } from './common.js';

export const stanceSchema = z.enum(['list', 'relist', 'retain', 'remove', 'do-not-list', 'oppose-listing']);
export type Stance = z.output<typeof stanceSchema>;

export const quoteSchema = z.strictObject({
  text: textSchema.describe('the source’s exact words'),
  speaker: idSchema.optional().describe('a person id'),
  date: partialDateSchema.optional(),
  /** Business confidential: bracketed in the BC version, removed from the public one. */
  confidential: z.boolean().default(false),
  confidential_reason: textSchema.optional(),
  sources: sourceRefsSchema,
});
export type Quote = z.output<typeof quoteSchema>;

export const claimSchema = z.strictObject({
  id: idSchema,
  text: textSchema,
  verbatim: z.boolean().describe('true: the source’s exact words; false: a faithful paraphrase'),
  sources: sourceRefsSchema,
});
export type Claim = z.output<typeof claimSchema>;

export const positionSchema = z.strictObject({
  id: idSchema,
  stakeholder: idSchema,
  person: idSchema.optional(),
  markets: z.array(idSchema).min(1, 'a position concerns at least one market'),
  cycle: z.number().int().min(2000).max(2100),
  stance: stanceSchema,
  date: partialDateSchema,
  summary: textSchema,
  confidence: confidenceSchema.default('verified'),
  quotes: z.array(quoteSchema).default([]),
  claims: z.array(claimSchema).default([]),
  sources: sourceRefsSchema,
});
export type Position = z.output<typeof positionSchema>;

export const positionsFileSchema = z.strictObject({ positions: z.array(positionSchema) });
