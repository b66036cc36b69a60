// Loading the dataset for a command: problems go to stderr, and a broken dataset stops queries with exit 1.
import type { Dataset } from '../load/dataset.js';
import { loadDataset } from '../load/dataset.js';
import { hasErrors } from '../diagnostics/index.js';
import type { CommandContext } from './context.js';
import { diagnosticLines } from './output.js';

/** Loads the data folder for a query; returns undefined (after saying why) when the data has errors. */
export async function datasetForQuery(context: CommandContext): Promise<Dataset | undefined> {
  const { dataset, diagnostics } = await loadDataset(context.options.data, { cwd: context.io.cwd, cache: context.options.cache });
  if (hasErrors(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    context.io.err(diagnosticLines(errors));
    context.io.err(`the data has ${errors.length} error(s), so no answer is given: fix them (\`docketpress check\` lists them)\n`);
    return undefined;
  }
  return dataset;
}
