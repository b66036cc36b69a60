// Schema of a stakeholder (data/stakeholders/<id>.yaml) with its people and their dated roles.
import * as z from 'zod';
import { countrySchema, idSchema, ISSUE_RULE, partialDateSchema, sourceRefsSchema, textSchema, urlSchema } from './common.js';

export const roleSchema = z
  .strictObject({
    title: textSchema,
    from: partialDateSchema.optional(),
    to: partialDateSchema.optional(),
    attested: z.array(partialDateSchema).min(1).optional(),
    sources: sourceRefsSchema,
  })
  .superRefine((role, ctx) => {
    if (role.from === undefined && role.to === undefined && role.attested === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a role needs `from:`, `to:` or `attested:` dates so readers know when it held', params: { [ISSUE_RULE]: 'missing-field' } });
    }
  });
export type Role = z.output<typeof roleSchema>;

export const personSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  roles: z.array(roleSchema).min(1, 'a person needs at least one role'),
});
export type Person = z.output<typeof personSchema>;

export const stakeholderKindSchema = z.enum(['trade-association', 'platform-operator', 'government', 'ngo', 'company', 'think-tank']);

export const stakeholderSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  short_name: textSchema.optional(),
  kind: stakeholderKindSchema,
  country: countrySchema.optional(),
  url: urlSchema.optional(),
  description: textSchema.optional(),
  sources: sourceRefsSchema,
  people: z.array(personSchema).default([]),
});
export type Stakeholder = z.output<typeof stakeholderSchema>;
