// The `diff` kind: what changed between two editions of the list, with USTR's words where the data has them.
import { composeDiff } from '../compose/diff.js';
import { scaffoldBrief } from '../compose/scaffold.js';
import { diffBriefSchema } from '../schema/brief.js';
import { noRules, type KindDefinition } from './kind.js';

export const diff: KindDefinition<typeof diffBriefSchema> = {
  kind: 'diff',
  schema: diffBriefSchema,
  summary: 'what changed between two editions (also HTML)',
  filing: null,
  defaultFormats: ['md', 'pdf', 'html'],
  compose: composeDiff,
  scaffold: (dataset, options) => scaffoldBrief(dataset, { ...options, kind: 'diff' }),
  rules: noRules,
};
