// Schema of a market (data/markets/<id>.yaml), online or physical, with its listing history.
import * as z from 'zod';
import { countrySchema, idSchema, ISSUE_RULE, partialDateSchema, sourceRefsSchema, textSchema } from './common.js';
import { listingSchema } from './listing.js';

/** Where a physical market is: its city (and district or street, where the record names one) and country. */
export const marketLocationSchema = z.strictObject({
  city: textSchema.describe('the city (or town) the market is in, as USTR names it: `Beijing`, `Mumbai`'),
  area: textSchema.optional().describe('a district, street or neighbourhood within the city: `Karol Bagh`, `Chaoyang District`'),
  country: countrySchema.describe('ISO 3166-1 alpha-2 code of the country or territory (`CN`, `IN`, `HK`)'),
});
export type MarketLocation = z.output<typeof marketLocationSchema>;

export const marketSchema = z
  .strictObject({
    id: idSchema,
    name: textSchema,
    local_name: textSchema.optional(),
    local_name_lang: z.string().regex(/^[a-zA-Z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP-47 language tag such as `zh-Hans` or `ru`').optional(),
    kind: z.enum(['online', 'physical']),
    /** Online: required. Physical: optional (a market's own website, if the record names one). */
    domains: z.array(z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain such as `taobao.com` (no scheme, no path)')).optional(),
    /** Physical markets only: the kind of market in words, as a filer would write it ("wholesale market", "shopping mall"). */
    market_type: textSchema.optional().describe('physical markets: what kind of market, e.g. `wholesale market`, `shopping mall`, `street market`'),
    /** Physical markets only: where it is. */
    location: marketLocationSchema.optional(),
    /** Online: required. Physical: optional (many physical markets have no single known operator). */
    operator: idSchema.optional().describe('a stakeholder id'),
    /** Online: required (where the operator is headquartered). Physical: optional (the country is in `location`). */
    headquarters: countrySchema.optional(),
    launched: partialDateSchema.optional(),
    description: textSchema,
    sources: sourceRefsSchema,
    listings: z.array(listingSchema).default([]),
  })
  .superRefine((market, ctx) => {
    const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { [ISSUE_RULE]: 'missing-field' } });
    const misplaced = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { [ISSUE_RULE]: 'unknown-field' } });
    if (market.kind === 'online') {
      if ((market.domains ?? []).length === 0) missing('kind', 'an online market needs `domains:` (e.g. `[taobao.com]`)');
      if (market.operator === undefined) missing('operator', '`operator` is required for an online market: add it (a stakeholder id)');
      if (market.headquarters === undefined) missing('headquarters', '`headquarters` is required for an online market: add it (an ISO 3166-1 alpha-2 code such as `CN`)');
      if (market.location !== undefined) misplaced('location', '`location:` is for physical markets: an online market gives `headquarters:` instead (or set `kind: physical`)');
      if (market.market_type !== undefined) misplaced('market_type', '`market_type:` is for physical markets (or set `kind: physical`)');
    } else {
      if (market.location === undefined) missing('location', '`location` is required for a physical market: add it with `city:` and `country:` (e.g. `{ city: Beijing, country: CN }`)');
      if (market.market_type === undefined) missing('market_type', '`market_type` is required for a physical market: add it (e.g. `wholesale market`, `shopping mall`)');
    }
    if (market.local_name !== undefined && market.local_name_lang === undefined) {
      ctx.addIssue({ code: 'custom', path: ['local_name'], message: 'add `local_name_lang:` (e.g. `zh-Hans`) next to `local_name`', params: { [ISSUE_RULE]: 'missing-field' } });
    }
  });
export type Market = z.output<typeof marketSchema>;
