// The command table: each command's name, usage and options; its code is loaded only when it runs.
import type { CommandSpec } from './types.js';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'check',
    summary: 'validate data/ and briefs/ and report every problem with its position',
    usage: 'docketpress check [brief-id…] [--data DIR] [--briefs DIR] [--json]   (with ids: also render them in memory and check the outputs)',
    options: { templates: { type: 'string', value: 'DIR', description: 'templates folder (default: ./templates, else the bundled ones)' } },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    load: async () => (await import('./check.js')).run,
  },
  {
    name: 'build',
    summary: 'build all (or the named) briefs into out/<brief-id>/',
    usage: 'docketpress build [brief-id…] [--format md,pdf,html,docx] [--pdfa] [--out DIR] [--quiet] [--watch]',
    options: {
      format: { type: 'string', value: 'LIST', description: 'formats to write, comma-separated: md, pdf, html, docx (default: md,pdf; filings also docx; timelines and diffs also html)' },
      pdfa: { type: 'boolean', description: 'write PDF/A-2b' },
      templates: { type: 'string', value: 'DIR', description: 'templates folder (default: ./templates, else the bundled ones)' },
      quiet: { type: 'boolean', short: 'q', description: 'print only problems: no progress line, no `wrote` lines' },
      watch: { type: 'boolean', short: 'w', description: 'keep running; rebuild the briefs whose documents change when data, briefs or templates change (Ctrl-C stops)' },
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    load: async () => (await import('./build.js')).run,
  },
  {
    name: 'status',
    summary: "a market's listing status per edition",
    usage: 'docketpress status <market> [--year YYYY] [--json]',
    options: { year: { type: 'string', value: 'YYYY', description: 'only editions of this review year' } },
    positionals: { min: 1, max: 1 },
    load: async () => (await import('./status.js')).run,
  },
  {
    name: 'diff',
    summary: 'markets added, removed, retained between two editions',
    usage: 'docketpress diff <edition-a> <edition-b> [--json]',
    options: {},
    positionals: { min: 2, max: 2 },
    load: async () => (await import('./diff.js')).run,
  },
  {
    name: 'timeline',
    summary: 'dated chronology of editions, events and positions, with sources',
    usage: 'docketpress timeline <market…> [--from YYYY] [--to YYYY] [--json]',
    options: {
      from: { type: 'string', value: 'YYYY', description: 'first year to show' },
      to: { type: 'string', value: 'YYYY', description: 'last year to show' },
    },
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    load: async () => (await import('./timeline.js')).run,
  },
  {
    name: 'deadlines',
    summary: 'docket deadlines and days left, in Eastern time',
    usage: 'docketpress deadlines [--on YYYY-MM-DD] [--json]',
    options: {
      on: { type: 'string', value: 'YYYY-MM-DD', description: 'count days left as of 00:00 Eastern on this day (default: now)' },
    },
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./deadlines.js')).run,
  },
  {
    name: 'new',
    summary: 'scaffold a brief spec (briefs/<id>.yaml) from the data, with TODOs where a human must write',
    usage: 'docketpress new <comment|response|policy-brief|timeline|diff> --filer ID --cycle YYYY [--markets a,b] [--id ID] [--force]',
    options: {
      filer: { type: 'string', value: 'ID', description: 'the filing stakeholder (a data/stakeholders/ id); needed for comment and response' },
      cycle: { type: 'string', value: 'YYYY', description: 'the review cycle (a docket cycle or edition year in the data)' },
      markets: { type: 'string', value: 'a,b', description: 'market ids to nominate, answer about or cover, comma-separated' },
      id: { type: 'string', value: 'ID', description: 'the brief id and file name (default: <filer>-<cycle>-<kind>)' },
      date: {
        type: 'string',
        value: 'YYYY-MM-DD',
        description: "take this day as today (default: today in New York). A comment or response is dated today while its docket's deadline is ahead, else on that deadline; other kinds, today",
      },
      force: { type: 'boolean', description: 'overwrite an existing spec' },
    },
    positionals: { min: 1, max: 1 },
    load: async () => (await import('./new.js')).run,
  },
  {
    name: 'schema',
    summary: 'write JSON Schema of the data files, for editors',
    usage: 'docketpress schema [--out DIR]   (default DIR: <data>/schema)',
    options: {},
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./schema.js')).run,
  },
];
