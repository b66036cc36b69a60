// The `response` kind: a party's rebuttal answering named filings of its own docket, claim by claim.
import { composeResponse } from '../compose/response.js';
import { scaffoldBrief } from '../compose/scaffold.js';
import { responseBriefSchema } from '../schema/brief.js';
import type { KindDefinition } from './kind.js';

export const response: KindDefinition<typeof responseBriefSchema> = {
  kind: 'response',
  schema: responseBriefSchema,
  summary: "a party's answer to named filings, point by point, with its enforcement record",
  filing: { deadline: 'rebuttal', docket: ['docket_id', 'notice'] },
  defaultFormats: ['md', 'pdf', 'docx'],
  compose: composeResponse,
  scaffold: (dataset, options) => scaffoldBrief(dataset, { ...options, kind: 'response' }),
  rules(brief, { dataset, report }) {
    const named = [...brief.answers.map((id, i) => ({ id, at: ['answers', i] })), ...brief.responds_to.map((id, i) => ({ id, at: ['responds_to', i] }))];
    named.forEach(({ id, at }) => {
      const position = dataset.positions.find((p) => p.id === id);
      if (position && position.cycle !== brief.cycle) {
        report(at, 'error', `\`${id}\` was filed in the ${position.cycle} cycle; a rebuttal answers only filings in its own docket (${brief.cycle})`, 'compliance-rebuttal-docket');
      }
    });
  },
};
