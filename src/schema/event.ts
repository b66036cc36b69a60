// Schema of an event: a dated letter, meeting, filing, statement, report, hearing or notice.
import * as z from 'zod';
import { confidenceSchema, idSchema, partialDateSchema, sourceRefsSchema, textSchema } from './common.js';

export const eventKindSchema = z.enum(['letter', 'meeting', 'submission', 'statement', 'report', 'hearing', 'notice']);

export const eventSchema = z.strictObject({
  id: idSchema,
  date: partialDateSchema,
  end_date: partialDateSchema.optional(),
  kind: eventKindSchema,
  actors: z.array(idSchema).min(1, 'name at least one actor (a stakeholder id)'),
  people: z.array(idSchema).default([]),
  markets: z.array(idSchema).default([]),
  summary: textSchema,
  confidence: confidenceSchema.default('verified'),
  sources: sourceRefsSchema,
});
export type Event = z.output<typeof eventSchema>;

export const eventsFileSchema = z.strictObject({ events: z.array(eventSchema) });
