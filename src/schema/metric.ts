// Schema of a metric: a reported figure about a market, who reported it and for what period.
import * as z from 'zod';
import { confidenceSchema, idSchema, partialDateSchema, sourceRefsSchema, textSchema } from './common.js';

export const metricSchema = z.strictObject({
  id: idSchema,
  market: idSchema,
  measure: textSchema,
  value: z.number(),
  qualifier: z.enum(['more than', 'about', 'approximately', 'at least', 'up to', 'less than']).optional(),
  unit: textSchema,
  period: textSchema.optional(),
  period_end: partialDateSchema.optional(),
  reported_by: idSchema.describe('a stakeholder id'),
  confidence: confidenceSchema.default('verified'),
  /** Business confidential information (15 CFR 2017.4): bracketed in the BC version, removed from the public one. */
  confidential: z.boolean().default(false),
  /** Why the figure needs protection (required by the rule when `confidential: true`, here or in the brief). */
  confidential_reason: textSchema.optional(),
  sources: sourceRefsSchema,
});
export type Metric = z.output<typeof metricSchema>;

export const metricsFileSchema = z.strictObject({ metrics: z.array(metricSchema) });
