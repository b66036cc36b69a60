// The command table: each command's name, usage and options; its code is loaded only when it runs.
import { FORMAT_IDS } from '../../render/formats/index.js';
import { TABLE_OPTIONS } from '../options.js';
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
    usage: `docketpress build [brief-id…] [--format ${FORMAT_IDS.join(',')}] [--pdfa] [--out DIR] [--quiet] [--watch]`,
    options: {
      format: { type: 'string', value: 'LIST', description: `formats to write, comma-separated: ${FORMAT_IDS.join(', ')} (default: each kind's own — md,pdf; filings also docx; timelines and diffs also html)` },
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
    summary: "a market's listing status per edition (an operator: every market it runs)",
    usage: 'docketpress status <market|operator> [--year YYYY] [--json|--csv]',
    options: { year: { type: 'string', value: 'YYYY', description: 'only editions of this review year' }, ...TABLE_OPTIONS },
    positionals: { min: 1, max: 1 },
    load: async () => (await import('./status.js')).run,
  },
  {
    name: 'list',
    summary: "an edition's roster as the data knows it: listed, not listed, no record",
    usage: 'docketpress list <edition> [--country CN] [--operator ID] [--json|--csv]',
    options: {
      country: { type: 'string', value: 'CC', description: 'only markets in this country (ISO 3166-1 alpha-2, e.g. CN)' },
      operator: { type: 'string', value: 'ID', description: 'only markets of this operator (a stakeholder id, e.g. alibaba-group)' },
      ...TABLE_OPTIONS,
    },
    positionals: { min: 1, max: 1 },
    load: async () => (await import('./list.js')).run,
  },
  {
    name: 'coverage',
    summary: 'every market × edition: listed, not listed, no record, unverified — what the record does not know',
    usage: 'docketpress coverage [--country CN] [--operator ID] [--json|--csv]',
    options: {
      country: { type: 'string', value: 'CC', description: 'only markets in this country (ISO 3166-1 alpha-2, e.g. CN)' },
      operator: { type: 'string', value: 'ID', description: 'only markets of this operator (a stakeholder id)' },
      ...TABLE_OPTIONS,
    },
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./coverage.js')).run,
  },
  {
    name: 'diff',
    summary: 'markets added, removed, retained between two editions',
    usage: 'docketpress diff <edition-a> <edition-b> [--json|--csv]',
    options: { ...TABLE_OPTIONS },
    positionals: { min: 2, max: 2 },
    load: async () => (await import('./diff.js')).run,
  },
  {
    name: 'timeline',
    summary: 'dated chronology of editions, events and positions, with sources — for markets, stakeholders or operators',
    usage: 'docketpress timeline <market|stakeholder|operator…> [--from YYYY] [--to YYYY] [--json|--csv]',
    options: {
      from: { type: 'string', value: 'YYYY', description: 'first year to show' },
      to: { type: 'string', value: 'YYYY', description: 'last year to show' },
      ...TABLE_OPTIONS,
    },
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    load: async () => (await import('./timeline.js')).run,
  },
  {
    name: 'positions',
    summary: "a stakeholder's positions (or every position on a market), with quotes, claims and sources",
    usage: 'docketpress positions <stakeholder|market> [--market ID] [--json|--csv]',
    options: { market: { type: 'string', value: 'ID', description: 'only positions about this market' }, ...TABLE_OPTIONS },
    positionals: { min: 1, max: 1 },
    load: async () => (await import('./positions.js')).run,
  },
  {
    name: 'deadlines',
    summary: 'docket deadlines and days left, in Eastern time',
    usage: 'docketpress deadlines [--on YYYY-MM-DD] [--next] [--json|--csv]',
    options: {
      on: { type: 'string', value: 'YYYY-MM-DD', description: 'count days left as of 00:00 Eastern on this day (default: now)' },
      next: { type: 'boolean', description: 'only the next deadline still open' },
      ...TABLE_OPTIONS,
    },
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./deadlines.js')).run,
  },
  {
    name: 'site',
    summary: 'write the whole record as a static website (index; a page per market, edition, stakeholder, docket; search)',
    usage: 'docketpress site [--out DIR] [--serve] [--port N]   (default DIR: out/site)',
    options: {
      serve: { type: 'boolean', description: 'then serve it on http://127.0.0.1 for a look (Ctrl-C stops)' },
      port: { type: 'string', value: 'N', description: 'with --serve: the port (default 8080; 0 picks a free one)' },
    },
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./site.js')).run,
  },
  {
    name: 'new',
    summary: 'scaffold a brief spec (briefs/<id>.yaml) from the data, with TODOs where a human must write',
    usage: 'docketpress new <kind> --filer ID --cycle YYYY [--markets a,b] [--id ID] [--force]',
    details: async () => (await import('./new.js')).kindsHelp(),
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
    summary: 'write JSON Schema of the data files, for editors (--answers: of the --json answers, for scripts)',
    usage: 'docketpress schema [--answers] [--out DIR]   (default DIR: <data>/schema, with --answers <data>/schema/answers)',
    options: { answers: { type: 'boolean', description: 'write the JSON Schema of every query command’s --json answer instead' } },
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./schema.js')).run,
  },
];
