// The library API: the same functions the command line uses, typed, for scripts and other tools.
import path from 'node:path';
import { buildBriefs, type BuildOptions, type BuildResult } from './pipeline/index.js';
import { PACKAGE_ROOT } from './cli/context.js';

export { loadDataset, type Dataset, type LoadResult } from './load/dataset.js';
export { buildDataset } from './load/validate.js';
export { loadBriefs, type LoadedBrief } from './load/briefs.js';
export { marketStatus as status, editionDiff as diff, timeline, type MarketStatus, type EditionStatus, type EditionDiff, type TimelineEntry } from './model/index.js';
export { datasetDeadlines as deadlines } from './model/deadlines.js';
export { buildBriefs, type BuildOptions, type BuildResult, type OutputFormat } from './pipeline/index.js';
export { formatDiagnostic, type Diagnostic } from './diagnostics/index.js';
export { RULES } from './diagnostics/catalogue.js';

/** Options of `buildBrief`; folders default to the embedded data, briefs and templates. */
export interface BuildBriefOptions extends Partial<Omit<BuildOptions, 'ids'>> {
  outDir: string;
}

/**
 * Builds one brief by id into `outDir/<id>/`; returns what was written and every problem found.
 * Folders not given default to the ones shipped with the package.
 */
export function buildBrief(id: string, options: BuildBriefOptions): Promise<BuildResult> {
  return buildBriefs({
    dataDir: path.join(PACKAGE_ROOT, 'data'),
    briefsDir: path.join(PACKAGE_ROOT, 'briefs'),
    templatesDir: path.join(PACKAGE_ROOT, 'templates'),
    ...options,
    ids: [id],
  });
}
