// The `response` kind: a party's rebuttal answering named filings of its own docket, claim by claim.
import { composeResponse } from '../compose/response.js';
import { scaffoldBrief } from '../compose/scaffold.js';
import { responseBriefSchema } from '../schema/brief.js';
import type { KindDefinition } from './kind.js';

export const response: KindDefinition<typeof responseBriefSchema> = {
  kind: 'response',
  schema: responseBriefSchema,
  summary: "a party's answer to named filings, point by point, with its enforcement record",
  filing: { deadline: 'rebuttal' },
  defaultFormats: ['md', 'pdf', 'docx'],
  compose: composeResponse,
  scaffold: (dataset, options) => scaffoldBrief(dataset, { ...options, kind: 'response' }),
  rules(brief, { dataset, report }) {
    brief.answers.forEach((id, i) => {
      const position = dataset.positions.find((p) => p.id === id);
      if (position && position.cycle !== brief.cycle) {
        report(['answers', i], 'error', `\`${id}\` was filed in the ${position.cycle} cycle; a rebuttal answers only filings in its own docket (${brief.cycle})`, 'compliance-rebuttal-docket');
      }
    });
  },
};
