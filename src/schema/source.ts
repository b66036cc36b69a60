// Schema of a source: a public document that facts cite (data/sources/*.yaml).
import * as z from 'zod';
import { idSchema, ISSUE_RULE, partialDateSchema, textSchema, urlSchema } from './common.js';
import { kindFromHost, SOURCE_KINDS, SOURCE_KIND_MEANING, unusableUrl } from './source-kind.js';

/** A source's address: a web address no reader is kept from (no session parameter, not cut off). */
const sourceUrlSchema = urlSchema.superRefine((url, ctx) => {
  const problem = unusableUrl(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { [ISSUE_RULE]: 'invalid-url' } });
});

export const sourceSchema = z
  .strictObject({
    id: idSchema,
    title: textSchema,
    publisher: textSchema,
    date: partialDateSchema.optional(),
    url: sourceUrlSchema,
    accessed: partialDateSchema.optional(),
    mirror: z.boolean().optional().describe('true when this is a copy of the original (docslib, scribd, wikisource …)'),
    kind: z
      .enum(SOURCE_KINDS)
      .optional()
      .describe(`what the source is; default: \`secondary\` for a mirror, else from the address's host, else \`press\`. ${SOURCE_KINDS.map((k) => `${k}: ${SOURCE_KIND_MEANING[k]}`).join('; ')}`),
    note: textSchema.optional(),
  })
  .superRefine((source, ctx) => {
    if (!source.kind) return;
    // A copy stays a copy: a mirror, or a page on a mirror or tooling host, cannot be given a stronger kind.
    const implied = source.mirror ? 'secondary' : kindFromHost(source.url);
    if ((implied === 'secondary' || implied === 'reference') && source.kind !== implied) {
      const why = source.mirror ? 'it is marked `mirror: true`' : `its host makes it \`${implied}\``;
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `\`kind: ${source.kind}\` does not fit this source: ${why}; cite the original document as its own source instead`, params: { [ISSUE_RULE]: 'invalid-value' } });
    }
  });
export type Source = z.output<typeof sourceSchema>;

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema) });
