// Schema of a market (data/markets/<id>.yaml), with its listing history.
import { z } from 'zod';
import { countrySchema, idSchema, ISSUE_RULE, partialDateSchema, sourceRefsSchema, textSchema } from './common.js';
import { listingSchema } from './listing.js';

export const marketSchema = z
  .strictObject({
    id: idSchema,
    name: textSchema,
    local_name: textSchema.optional(),
    local_name_lang: z.string().regex(/^[a-zA-Z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP-47 language tag such as `zh-Hans` or `ru`').optional(),
    kind: z.enum(['online', 'physical']),
    domains: z.array(z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain such as `taobao.com` (no scheme, no path)')).optional(),
    operator: idSchema.describe('a stakeholder id'),
    headquarters: countrySchema,
    launched: partialDateSchema.optional(),
    description: textSchema,
    sources: sourceRefsSchema,
    listings: z.array(listingSchema).default([]),
  })
  .superRefine((market, ctx) => {
    if (market.kind === 'online' && (market.domains ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'an online market needs `domains:` (e.g. `[taobao.com]`)', params: { [ISSUE_RULE]: 'missing-field' } });
    }
    if (market.local_name !== undefined && market.local_name_lang === undefined) {
      ctx.addIssue({ code: 'custom', path: ['local_name'], message: 'add `local_name_lang:` (e.g. `zh-Hans`) next to `local_name`', params: { [ISSUE_RULE]: 'missing-field' } });
    }
  });
export type Market = z.output<typeof marketSchema>;
