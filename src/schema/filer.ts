// Schema of a filer profile (data/filers/<id>.yaml, or `filer_profile:` in a brief): the filer's own details, attested by the filer.
import * as z from 'zod';
import { idSchema, textSchema, urlSchema } from './common.js';

/** A person named by the filer: who signs, or whom USTR may contact. */
export const filerPersonSchema = z.strictObject({
  name: textSchema,
  title: textSchema,
});

export const contactSchema = z.strictObject({
  name: textSchema,
  title: textSchema.optional(),
  email: z.email({ error: 'an email address such as `counsel@example.org`' }),
  phone: textSchema,
});

/** The letterhead: the organisation's address lines, phone and web address. */
export const letterheadSchema = z.strictObject({
  address: z.array(textSchema).min(1, 'give the street address, one line per item'),
  phone: textSchema.optional(),
  web: urlSchema.optional(),
});

/**
 * What the filer states about itself. These are the filer's own words and details, attested by the filer:
 * they need no public source and are never footnoted.
 */
export const filerProfileFields = {
  name: textSchema.describe('the organisation’s full name, as on its letterhead'),
  short_name: textSchema.optional(),
  letterhead: letterheadSchema.optional(),
  /** First person, Markdown: "EBC is the trade association of …". Without it the template's default sentence is used. */
  self_description: textSchema.optional(),
  signatory: filerPersonSchema.optional(),
  contact: contactSchema.optional(),
  /** Invented for an illustration: every page says so. */
  invented: z.boolean().default(false),
};

export const filerProfileSchema = z.strictObject({ id: idSchema, ...filerProfileFields });
export type FilerProfile = z.output<typeof filerProfileSchema>;

/** The same profile written inside a brief (`filer_profile:`), where the brief's `filer:` is its id. */
export const inlineFilerProfileSchema = z.strictObject(filerProfileFields);
export type InlineFilerProfile = z.output<typeof inlineFilerProfileSchema>;
