// Schema of an edition of the Notorious Markets List (data/editions.yaml).
import * as z from 'zod';
import { confidenceSchema, editionIdSchema, partialDateSchema, sourceRefsSchema, textSchema } from './common.js';

export const editionKindSchema = z.enum(['special-301-section', 'out-of-cycle-review', 'review']);

export const editionSchema = z.strictObject({
  id: editionIdSchema,
  year: z.number().int().min(2000).max(2100).describe('the review year'),
  kind: editionKindSchema,
  title: textSchema,
  published: partialDateSchema,
  launched: partialDateSchema.optional(),
  issue_focus: textSchema.optional(),
  counts: z
    .strictObject({
      online: z.number().int().nonnegative().optional(),
      physical: z.number().int().nonnegative().optional(),
      total: z.number().int().nonnegative().optional(),
    })
    .optional(),
  confidence: confidenceSchema.default('verified'),
  note: textSchema.optional(),
  sources: sourceRefsSchema,
});
export type Edition = z.output<typeof editionSchema>;

export const editionsFileSchema = z.strictObject({ editions: z.array(editionSchema) });
