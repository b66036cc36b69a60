// The `timeline` kind: status by edition, changes, and a dated chronology for one or more markets.
import { composeTimeline } from '../compose/timeline.js';
import { scaffoldBrief } from '../compose/scaffold.js';
import { timelineBriefSchema } from '../schema/brief.js';
import { noRules, type KindDefinition } from './kind.js';

export const timeline: KindDefinition<typeof timelineBriefSchema> = {
  kind: 'timeline',
  schema: timelineBriefSchema,
  summary: 'status-by-edition matrix, changes edition to edition, dated chronology (also HTML)',
  filing: null,
  defaultFormats: ['md', 'pdf', 'html'],
  compose: composeTimeline,
  scaffold: (dataset, options) => scaffoldBrief(dataset, { ...options, kind: 'timeline' }),
  rules: noRules,
};
