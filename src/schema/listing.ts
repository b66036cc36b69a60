// Schema of a listing row: what one edition of the list said about one market.
import * as z from 'zod';
import { confidenceSchema, editionIdSchema, sourceRefsSchema, textSchema } from './common.js';

export const listingSchema = z.strictObject({
  edition: editionIdSchema,
  listed: z.boolean().describe('true: on that edition’s list; false: the record says it was not'),
  confidence: confidenceSchema.default('verified'),
  quote: textSchema.optional().describe('USTR’s own words about the market in that edition, verbatim'),
  note: textSchema.optional(),
  sources: sourceRefsSchema,
});
export type Listing = z.output<typeof listingSchema>;
