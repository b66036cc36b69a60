// Schema of a source: a public document that facts cite (data/sources/*.yaml).
import { z } from 'zod';
import { idSchema, partialDateSchema, textSchema, urlSchema } from './common.js';

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  publisher: textSchema,
  date: partialDateSchema.optional(),
  url: urlSchema,
  accessed: partialDateSchema.optional(),
  mirror: z.boolean().optional().describe('true when this is a copy of the original (docslib, scribd, wikisource …)'),
  note: textSchema.optional(),
});
export type Source = z.output<typeof sourceSchema>;

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema) });
