// The `policy-brief` kind: one to two pages on one market — the question, its status, positions, options.
import { composePolicyBrief } from '../compose/policy-brief.js';
import { scaffoldBrief } from '../compose/scaffold.js';
import { policyBriefSchema } from '../schema/brief.js';
import { noRules, type KindDefinition } from './kind.js';

export const policyBrief: KindDefinition<typeof policyBriefSchema> = {
  kind: 'policy-brief',
  schema: policyBriefSchema,
  summary: "one to two pages: the question, the market's status so far, positions side by side, options, recommendation",
  filing: null,
  defaultFormats: ['md', 'pdf'],
  compose: composePolicyBrief,
  scaffold: (dataset, options) => scaffoldBrief(dataset, { ...options, kind: 'policy-brief' }),
  rules: noRules,
};
