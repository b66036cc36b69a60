// `docketpress check`: validate data/ (and briefs/) and report every problem with its place.
import { hasErrors } from '../../diagnostics/index.js';
import { resolveFolder } from '../context.js';
import { suggestion } from '../../diagnostics/suggest.js';
import type { Dataset } from '../../load/dataset.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { diagnosticLines, json } from '../output.js';
import type { CommandContext } from '../context.js';

/** Counts of what a dataset holds, for the summary line. */
export function datasetSummary(dataset: Dataset): Record<string, number> {
  const listings = [...dataset.markets.values()].flatMap((m) => m.listings);
  return {
    sources: dataset.sources.size,
    editions: dataset.editions.length,
    markets: dataset.markets.size,
    listings: listings.length,
    unverifiedListings: listings.filter((l) => l.confidence === 'unverified').length,
    stakeholders: dataset.stakeholders.size,
    people: dataset.people.size,
    positions: dataset.positions.length,
    claims: dataset.claims.size,
    events: dataset.events.length,
    dockets: dataset.dockets.length,
    metrics: dataset.metrics.length,
  };
}

/** Runs `docketpress check`. */
export async function run({ options, io, values, positionals }: CommandContext): Promise<number> {
  // Briefs are checked by composing them (references, templates, prose) without rendering anything.
  // Named briefs are also rendered in memory, so the output rules (markings, leaks) run too; nothing is written.
  // Loaded on demand: the composers and renderers are not needed by the quick query commands.
  const { buildBriefs } = await import('../../pipeline/index.js');
  const briefs = await buildBriefs({
    dataDir: options.data,
    briefsDir: options.briefs,
    templatesDir: resolveFolder(values.templates as string | undefined, 'templates', io.cwd),
    outDir: options.out,
    cwd: io.cwd,
    cache: options.cache,
    ...(positionals.length ? { ids: positionals, dryRun: true } : { formats: [] }),
  });
  if (briefs.unknownIds.length) {
    const id = briefs.unknownIds[0]!;
    throw new UsageError(`unknown brief \`${id}\`${suggestion(id, briefs.available)}: briefs are the .yaml files in the briefs folder`);
  }
  const { dataset, diagnostics, dataFiles: files } = briefs;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (options.json) {
    io.out(json({ files: files.length, briefs: briefs.available.length, errors, warnings, diagnostics, summary: datasetSummary(dataset) }));
  } else {
    io.out(diagnosticLines(diagnostics));
    const s = datasetSummary(dataset);
    io.out(
      `checked ${files.length} data file(s) and ${briefs.available.length} brief(s): ${errors} error(s), ${warnings} warning(s)\n` +
        `dataset: ${s.editions} editions, ${s.markets} markets, ${s.listings} listing rows (${s.unverifiedListings} unverified), ` +
        `${s.stakeholders} stakeholders, ${s.people} people, ${s.positions} positions, ${s.claims} claims, ${s.events} events, ` +
        `${s.dockets} dockets, ${s.metrics} metrics, ${s.sources} sources\n`,
    );
  }
  return hasErrors(diagnostics) ? EXIT_CONTENT : EXIT_OK;
}
