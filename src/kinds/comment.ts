// The `comment` kind: a filing to USTR in the NML docket that nominates markets, with reasons for each.
import { composeComment } from '../compose/comment.js';
import { scaffoldBrief } from '../compose/scaffold.js';
import { commentBriefSchema } from '../schema/brief.js';
import type { KindDefinition } from './kind.js';

export const comment: KindDefinition<typeof commentBriefSchema> = {
  kind: 'comment',
  schema: commentBriefSchema,
  summary: 'a filing to USTR in the NML docket nominating markets, with evidence and sources',
  filing: { deadline: 'comment' },
  defaultFormats: ['md', 'pdf', 'docx'],
  compose: composeComment,
  scaffold: (dataset, options) => scaffoldBrief(dataset, { ...options, kind: 'comment' }),
  rules(brief, { report }) {
    brief.nominations.forEach((nomination, i) => {
      if (!nomination.reasons && nomination.metrics.length === 0 && nomination.positions.length === 0) {
        report(['nominations', i], 'error', `the nomination of \`${nomination.market}\` gives no reasons, which the notice asks for: add \`reasons:\`, \`metrics:\` or \`positions:\``, 'compliance-reasons');
      }
    });
  },
};
