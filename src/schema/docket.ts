// Schema of a docket: one review cycle's Federal Register notice, docket number and deadlines.
import { z } from 'zod';
import { confidenceSchema, editionIdSchema, fullDateSchema, sourceRefsSchema, textSchema } from './common.js';

export const docketSchema = z.strictObject({
  cycle: z.number().int().min(2000).max(2100),
  edition: editionIdSchema.optional(),
  docket_id: z.string().regex(/^USTR-\d{4}-\d{4}$/, 'docket ids look like `USTR-2016-0013`').optional(),
  fr_cite: z.string().regex(/^(?:\d+ FR \d+|FR Doc \d{4}-\d+)$/, 'Federal Register cites look like `81 FR 58545` or `FR Doc 2025-15675`').optional(),
  notice_date: fullDateSchema,
  comment_deadline: fullDateSchema.optional(),
  rebuttal_deadline: fullDateSchema.optional(),
  deadline_time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time such as `23:59`').default('23:59'),
  deadline_note: textSchema.optional(),
  requirements: z.array(textSchema).default([]),
  confidence: confidenceSchema.default('verified'),
  sources: sourceRefsSchema,
});
export type Docket = z.output<typeof docketSchema>;

export const docketsFileSchema = z.strictObject({ dockets: z.array(docketSchema) });
