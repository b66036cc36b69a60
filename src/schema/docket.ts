// Schema of a docket: one review cycle's Federal Register notice, docket number and deadlines.
import * as z from 'zod';
import { confidenceSchema, editionIdSchema, fullDateSchema, idSchema, ISSUE_RULE, textSchema } from './common.js';

/** `USTR-2016-0013`; a placeholder (`USTR-2026-XXXX`) only on a docket marked `placeholder: true`. */
export const DOCKET_ID_PATTERN = /^USTR-\d{4}-(?:\d{4}|XXXX)$/;
/** A Federal Register cite `VOL FR PAGE` (`81 FR 58545`); a placeholder page (`91 FR XXXXX`) only on a placeholder docket. */
export const FR_CITE_PATTERN = /^\d{2,3} FR (?:\d{1,6}|X+)$/;
/** A Federal Register document number (`2025-15675`): not a cite, printed as "FR Doc. 2025-15675". */
export const FR_DOC_PATTERN = /^\d{4}-\d{4,6}$/;

export const DOCKET_ID_MESSAGE = 'docket ids look like `USTR-2016-0013` (USTR-YEAR-NUMBER, four digits each)';
export const FR_CITE_MESSAGE = 'Federal Register cites look like `81 FR 58545` (volume, FR, first page); a document number such as `2025-15675` goes in `fr_doc:`';
export const FR_DOC_MESSAGE = 'Federal Register document numbers look like `2025-15675`';

/** Which value of a docket is a stand-in (`X`s) rather than the notice's own. */
export function isPlaceholderValue(value: string | undefined): boolean {
  return value !== undefined && /X{4,}$/.test(value);
}

export const docketSchema = z
  .strictObject({
    cycle: z.number().int().min(2000).max(2100),
    edition: editionIdSchema.optional(),
    docket_id: z.string().regex(DOCKET_ID_PATTERN, DOCKET_ID_MESSAGE).optional(),
    fr_cite: z.string().regex(FR_CITE_PATTERN, FR_CITE_MESSAGE).optional(),
    /** The notice's Federal Register document number, when the record has that and not the page cite. */
    fr_doc: z.string().regex(FR_DOC_PATTERN, FR_DOC_MESSAGE).optional(),
    /** The notice is not in the record yet: `docket_id`/`fr_cite` may hold `X`s, printed as they are; no source needed. */
    placeholder: z.boolean().default(false),
    notice_date: fullDateSchema.optional(),
    comment_deadline: fullDateSchema.optional(),
    rebuttal_deadline: fullDateSchema.optional(),
    deadline_time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time such as `23:59`').default('23:59'),
    deadline_note: textSchema.optional(),
    /** How the notice asks the confidential version's file name to begin (`BC` unless it says `BCI`). */
    bci_prefix: z.enum(['BC', 'BCI']).default('BC'),
    requirements: z.array(textSchema).default([]),
    confidence: confidenceSchema.default('verified'),
    sources: z.array(idSchema).default([]),
  })
  .superRefine((docket, ctx) => {
    const stand = (key: 'docket_id' | 'fr_cite'): void => {
      if (!docket.placeholder && isPlaceholderValue(docket[key])) {
        ctx.addIssue({ code: 'custom', path: [key], message: `\`${docket[key]}\` is a placeholder: write the notice's own value, or mark the docket \`placeholder: true\``, params: { [ISSUE_RULE]: 'invalid-format' } });
      }
    };
    stand('docket_id');
    stand('fr_cite');
    if (!docket.placeholder) {
      if (docket.sources.length === 0) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'every docket needs at least one source id (the notice): add `sources: [source-id]`, or mark an unpublished notice `placeholder: true`', params: { [ISSUE_RULE]: 'missing-source' } });
      if (!docket.notice_date) ctx.addIssue({ code: 'custom', path: ['notice_date'], message: 'a docket needs the `notice_date:` of its Federal Register notice (YYYY-MM-DD)', params: { [ISSUE_RULE]: 'missing-field' } });
    }
  });
export type Docket = z.output<typeof docketSchema>;

export const docketsFileSchema = z.strictObject({ dockets: z.array(docketSchema) });

/** How a docket's notice is cited in text: `81 FR 58545`, else `FR Doc. 2025-15675`, else undefined. */
export function noticeCite(docket: Pick<Docket, 'fr_cite' | 'fr_doc'> | undefined): string | undefined {
  if (docket?.fr_cite) return docket.fr_cite;
  if (docket?.fr_doc) return `FR Doc. ${docket.fr_doc}`;
  return undefined;
}
