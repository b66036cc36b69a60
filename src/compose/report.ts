// Parts the data documents (policy brief, timeline, edition diff) share: metadata and the opening blocks.
import type { RootContent } from 'mdast';
import type { ComposeContext, DocumentMeta } from './context.js';
import { dateLine, sampleNoticeBlock, titleHeading } from './filing.js';

/** What a data document says about itself; the SAMPLE notice only applies to briefs marked `sample: true`. */
export interface ReportSpec {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  runningHeader: string;
  sampleNotice: string;
}

/** The metadata, and the `::sample-notice`, `::title`, `::date-line` and `::introduction` directives. */
export function reportParts(context: ComposeContext, spec: ReportSpec): { meta: DocumentMeta; directives: Record<string, () => RootContent[]> } {
  const { brief } = context;
  const meta: DocumentMeta = {
    title: spec.title,
    author: spec.author,
    subject: spec.subject,
    keywords: spec.keywords,
    date: brief.date,
    runningHeader: spec.runningHeader,
    ...(brief.sample ? { sampleNotice: spec.sampleNotice } : {}),
  };
  const introduction = 'introduction' in brief ? brief.introduction : undefined;
  return {
    meta,
    directives: {
      'sample-notice': () => sampleNoticeBlock(context, spec.sampleNotice),
      title: () => [titleHeading(spec.title)],
      'date-line': () => [dateLine(brief.date)],
      introduction: () => context.prose(introduction, ['introduction']),
    },
  };
}
