// `docketpress new <kind> --filer ID --cycle YYYY [--markets a,b] [--id ID] [--force]`: scaffold a brief spec.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { defaultBriefId, knownCycles } from '../../compose/scaffold.js';
import { isBriefKind, KIND_IDS, kindOf } from '../../kinds/index.js';
import { displayPath } from '../../diagnostics/index.js';
import { suggestion } from '../../diagnostics/suggest.js';
import { DEADLINE_TIME_ZONE } from '../../model/index.js';
import type { BriefKind } from '../../schema/brief.js';
import { idSchema, partialDateProblem } from '../../schema/common.js';
import { writeFileAtomic } from '../../render/write.js';
import { PACKAGE_ROOT } from '../context.js';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { json } from '../output.js';
import type { CommandContext } from '../context.js';

/** Today in New York, where the deadlines are kept. */
function todayEastern(): string {
  return format(TZDate.tz(DEADLINE_TIME_ZONE), 'yyyy-MM-dd');
}

function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The `$schema` path of brief specs, relative to the folder the brief goes in. */
function schemaPath(briefsDir: string, dataDir: string): string {
  const own = path.join(dataDir, 'schema', 'brief.schema.json');
  const target = existsSync(own) ? own : path.join(PACKAGE_ROOT, 'data', 'schema', 'brief.schema.json');
  const relative = path.relative(briefsDir, target).split(path.sep).join('/');
  // A path that climbs all the way to the root says nothing a plain absolute path would not.
  const ups = relative.split('/').filter((part) => part === '..').length;
  if (ups > 0 && ups >= path.resolve(briefsDir).split(path.sep).filter(Boolean).length) return target.split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The kinds `new` makes, for `new --help`: one line each, from the kinds registry. */
export function kindsHelp(): string {
  const width = Math.max(...KIND_IDS.map((kind) => kind.length));
  return `kinds:\n${KIND_IDS.map((kind) => `  ${kind.padEnd(width)}  ${kindOf(kind).summary}${kindOf(kind).filing ? ' (needs --filer)' : ''}`).join('\n')}\n`;
}

/** Runs `docketpress new`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, options, values, positionals } = context;
  const kind = positionals[0]!;
  if (!isBriefKind(kind)) {
    throw new UsageError(`unknown brief kind \`${kind}\`${suggestion(kind, KIND_IDS)}: \`new\` makes ${KIND_IDS.join(', ')}`);
  }
  const briefKind: BriefKind = kind;
  const cycleText = stringValue(values.cycle);
  if (cycleText === undefined) throw new UsageError(`\`new ${kind}\` needs --cycle YYYY, the review cycle (e.g. --cycle 2016)`);
  if (!/^\d{4}$/.test(cycleText)) throw new UsageError(`--cycle takes a four-digit year such as 2016, not \`${cycleText}\``);
  const filerId = stringValue(values.filer);
  if (filerId === undefined && kindOf(briefKind).filing) throw new UsageError(`\`new ${kind}\` needs --filer ID, the stakeholder who files (a data/stakeholders/ id)`);
  const today = stringValue(values.date) ?? todayEastern();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || partialDateProblem(today)) throw new UsageError(`--date takes a real date written YYYY-MM-DD, not \`${today}\``);
  const givenId = stringValue(values.id);
  if (givenId !== undefined && !idSchema.safeParse(givenId).success) throw new UsageError(`--id takes a lower-case kebab-case id such as \`aafa-2016-comment\`, not \`${givenId}\``);

  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;

  if (filerId !== undefined && !dataset.stakeholders.has(filerId)) {
    throw new UsageError(`unknown filer \`${filerId}\`${suggestion(filerId, [...dataset.stakeholders.keys()])}: filers are the stakeholder ids in data/stakeholders/`);
  }
  const cycle = Number(cycleText);
  const cycles = knownCycles(dataset);
  const thisYear = Number(today.slice(0, 4));
  if (!cycles.includes(cycle) && cycle !== thisYear) {
    const range = cycles.length ? `${cycles[0]}–${cycles[cycles.length - 1]}` : 'none';
    throw new UsageError(`unknown cycle ${cycle}${suggestion(cycleText, cycles.map(String))}: the data has dockets or editions for ${range} (and the current year, ${thisYear}, is accepted)`);
  }
  const markets = (stringValue(values.markets) ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  for (const market of markets) {
    if (!dataset.markets.has(market)) throw new UsageError(`unknown market \`${market}\`${suggestion(market, [...dataset.markets.keys()])}: markets are the ids in data/markets/`);
  }

  const id = givenId ?? defaultBriefId(briefKind, filerId, cycle, markets);
  // Without --briefs, specs go into ./briefs of the working directory (never into the package's own samples).
  const briefsDir = values.briefs !== undefined ? options.briefs : path.resolve(io.cwd, 'briefs');
  const file = path.join(briefsDir, `${id}.yaml`);
  const shown = displayPath(file, io.cwd);
  if (existsSync(file) && values.force !== true) {
    throw new UsageError(`${shown} already exists and was left as it is: pass --force to overwrite it, or --id to choose another id`);
  }
  const command = ['docketpress new', kind, ...(filerId ? ['--filer', filerId] : []), '--cycle', cycleText, ...(markets.length ? ['--markets', markets.join(',')] : [])].join(' ');
  const scaffold = kindOf(briefKind).scaffold(dataset, { ...(filerId ? { filer: filerId } : {}), cycle, markets, id, today, schemaPath: schemaPath(briefsDir, options.data), command });
  await writeFileAtomic(file, scaffold.text);

  const flags = [values.data !== undefined ? `--data ${displayPath(options.data, io.cwd)}` : '', values.briefs !== undefined ? `--briefs ${displayPath(briefsDir, io.cwd)}` : ''].filter(Boolean).join(' ');
  const next = `docketpress check${flags ? ` ${flags}` : ''}`;
  if (options.json) {
    io.out(json({ file: shown, id, kind, date: scaffold.date, todos: scaffold.todos, next }));
  } else {
    io.out(`wrote ${shown} (dated ${scaffold.date}: ${scaffold.dateReason.split(';')[0]}; ${scaffold.todos} line(s) marked TODO)\n`);
    io.out(`next: ${scaffold.todos ? 'fill in the TODOs' : 'review it'}, then run \`${next}\`\n`);
  }
  return EXIT_OK;
}
