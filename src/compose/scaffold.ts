// Scaffolding brief specs (`docketpress new`): a ready-to-edit YAML spec built from the data, with TODO markers
// wherever a human must write. Pure: takes the dataset and the choices, returns the text; writes nothing.
import type { Dataset } from '../model/dataset.js';
import { docketForCycle, editionForCycle } from '../model/dockets.js';
import { marketWhereLine, operatorName } from '../model/places.js';
import { roleAt } from '../model/people.js';
import { kindOf } from '../kinds/index.js';
import type { BriefKind } from '../schema/brief.js';
import { stanceSchema, type Person, type Role, type Stakeholder } from '../schema/index.js';
import { surelyBefore } from '../schema/partial-date.js';

/** Kinds that are filings by a stakeholder (they need `--filer`), as the kinds registry says. */
export function isFilingKind(kind: BriefKind): boolean {
  return kindOf(kind).filing !== null;
}

/** Placeholder ids: schema-valid, so the spec loads, and unknown to the data, so `check` points at each one. */
export const TODO_IDS = { market: 'todo-market', person: 'todo-signatory', position: 'todo-position', claim: 'todo-claim' } as const;

export interface ScaffoldOptions {
  kind: BriefKind;
  /** A stakeholder id (already checked to exist) — required for comments and responses. */
  filer?: string;
  cycle: number;
  /** Market ids (already checked to exist). */
  markets: readonly string[];
  id: string;
  /** Today in Eastern time, `YYYY-MM-DD`. */
  today: string;
  /** The `$schema` path written on the first line, relative to the brief file. */
  schemaPath: string;
  /** The command that made it, for the header comment. */
  command: string;
}

export interface Scaffold {
  text: string;
  /** The brief's date and why that one. */
  date: string;
  dateReason: string;
  /** How many TODO markers the text holds. */
  todos: number;
}

/** The id `new` uses when none is given. */
export function defaultBriefId(kind: BriefKind, filer: string | undefined, cycle: number, markets: readonly string[]): string {
  if (filer && isFilingKind(kind)) return `${filer}-${cycle}-${kind}`;
  if (kind === 'diff') return `diff-${cycle}`;
  const subject = filer ?? markets[0] ?? 'todo';
  return `${subject}-${cycle}-${kind}`;
}

/** A YAML scalar: bare when safe, else double-quoted (a JSON string is a valid YAML double-quoted scalar). */
function scalar(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(value) && !/^(?:true|false|yes|no|null|on|off|~)$/i.test(value) && !/^\d[\d.-]*$/.test(value) ? value : JSON.stringify(value);
}

/** A comment's text on one line (data text may hold line breaks). */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Whether a role is current on `date`: attested in that year, or a from/to range that covers it. */
export function roleCurrentOn(role: Role, date: string): boolean {
  if (role.attested?.some((d) => d.slice(0, 4) === date.slice(0, 4))) return true;
  if (role.from === undefined && role.to === undefined) return false;
  const started = role.from === undefined || !surelyBefore(date, role.from);
  const notEnded = role.to === undefined || !surelyBefore(role.to, date);
  return started && notEnded;
}

/** The filer's first person whose role is current on `date`. */
export function currentPerson(stakeholder: Stakeholder, date: string): { person: Person; role: Role } | undefined {
  for (const person of stakeholder.people) {
    const role = person.roles.find((r) => roleCurrentOn(r, date));
    if (role) return { person, role };
  }
  return undefined;
}

/** A USTR person whose role was attested in the cycle year, the attestation nearest the date first. */
export function ustrAddressee(dataset: Dataset, cycle: number, date: string): { person: Person; role: Role; attested: string } | undefined {
  const ustr = dataset.stakeholders.get('ustr');
  if (!ustr) return undefined;
  const dayNumber = (d: string): number => Date.parse(`${d}${d.length === 4 ? '-07-01' : d.length === 7 ? '-15' : ''}T12:00:00Z`);
  const candidates = ustr.people.flatMap((person) =>
    person.roles.flatMap((role) => (role.attested ?? []).filter((d) => d.startsWith(String(cycle))).map((attested) => ({ person, role, attested }))),
  );
  candidates.sort((a, b) => Math.abs(dayNumber(a.attested) - dayNumber(date)) - Math.abs(dayNumber(b.attested) - dayNumber(date)));
  return candidates[0];
}

/**
 * The brief's date. A filing is dated today while its deadline is still ahead; once the deadline has passed
 * (drafting a past cycle, say for a sample) it is dated on the deadline, so the draft is not flagged late.
 * Other kinds, and filings whose docket has no recorded deadline, are dated today.
 */
export function scaffoldDate(dataset: Dataset, kind: BriefKind, cycle: number, today: string): { date: string; reason: string } {
  const docket = docketForCycle(dataset, cycle);
  if (!isFilingKind(kind) || !docket) return { date: today, reason: 'today' };
  const deadline = kind === 'comment' ? docket.comment_deadline : (docket.rebuttal_deadline ?? docket.comment_deadline);
  const which = kind === 'comment' || !docket.rebuttal_deadline ? 'comment' : 'rebuttal';
  if (!deadline) return { date: today, reason: `today (the record has no ${which} deadline for ${cycle})` };
  if (today <= deadline) return { date: today, reason: `today; the ${which} deadline is ${deadline}, 11:59 p.m. Eastern` };
  return { date: deadline, reason: `the ${which} deadline: it has passed (today is ${today}); set the day you file, or add \`late: { reason: … }\`` };
}

/** Known review cycles: docket cycles and edition review years. */
export function knownCycles(dataset: Dataset): number[] {
  return [...new Set([...dataset.dockets.map((d) => d.cycle), ...dataset.editions.map((e) => e.year)])].sort((a, b) => a - b);
}

class Lines {
  readonly lines: string[] = [];
  add(...lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }
  /** A Markdown prose field as a literal block holding one TODO line. */
  prose(indent: string, key: string, todo: string): this {
    return this.add(`${indent}${key}: |`, `${indent}  TODO: ${todo}`);
  }
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** The docket header block: the record's docket fields, or "not in the record". */
function docketHeader(dataset: Dataset, cycle: number): string[] {
  const docket = docketForCycle(dataset, cycle);
  const missing = 'not in the record';
  const deadline = (d: string | undefined): string => (d ? `${d} (${docket?.deadline_time === '23:59' ? '11:59 p.m.' : docket?.deadline_time} Eastern)` : missing);
  const lines = [
    `# Docket for the ${cycle} review (from data/dockets.yaml):`,
    `#   docket id:         ${docket?.docket_id ?? missing}`,
    `#   Federal Register:  ${docket?.fr_cite ?? missing}`,
    `#   notice date:       ${docket?.notice_date ?? missing}`,
    `#   comment deadline:  ${deadline(docket?.comment_deadline)}`,
    `#   rebuttal deadline: ${deadline(docket?.rebuttal_deadline)}`,
  ];
  if (docket?.deadline_note) lines.push(`#   note: ${oneLine(docket.deadline_note)}`);
  if (docket?.confidence === 'unverified') lines.push('#   (this docket record is unverified: check the notice)');
  if (!docket) lines.push(`#   The data has no docket for ${cycle}: add it to data/dockets.yaml so the caption gives the docket number.`);
  return lines;
}

/** Ids listed in a comment, wrapped so lines stay readable. */
function idHint(indent: string, label: string, ids: readonly string[]): string[] {
  if (ids.length === 0) return [`${indent}# ${label}: none in the data yet`];
  const shown = ids.slice(0, 12);
  return [`${indent}# ${label}: ${shown.join(', ')}${ids.length > shown.length ? `, … (${ids.length - shown.length} more)` : ''}`];
}

/** The market's name, operator and its last listing record published before `date`. */
function marketLabel(dataset: Dataset, id: string, date: string): string {
  const market = dataset.markets.get(id);
  if (!market) return '';
  const operator = operatorName(dataset, market);
  const last = [...market.listings]
    .map((l) => ({ l, e: dataset.editionsById.get(l.edition) }))
    .filter((x) => x.e && surelyBefore(x.e.published, date))
    .sort((a, b) => (a.e!.published < b.e!.published ? -1 : 1))
    .pop();
  const history = last ? `; last record before ${date}: ${last.l.listed ? 'listed' : 'not listed'} in edition ${last.l.edition}` : `; no listing record before ${date}`;
  return `${market.name}${operator === undefined ? `, ${marketWhereLine(market)}` : `, operated by ${operator}`}${history}`;
}

function positionsOn(dataset: Dataset, market: string, cycle?: number): string[] {
  return dataset.positions.filter((p) => p.markets.includes(market) && (cycle === undefined || p.cycle === cycle)).map((p) => p.id);
}

function signatoryLines(dataset: Dataset, filer: Stakeholder, date: string): string[] {
  const current = currentPerson(filer, date);
  if (current) {
    const title = roleAt(current.person, date).title;
    return [`signatory: ${current.person.id}  # ${oneLine(current.person.name)}, ${oneLine(title)} — the first person of ${filer.id} whose role is current on ${date}`];
  }
  const people = filer.people.map((p) => p.id);
  return [
    `# TODO: who signs. No person of ${filer.id} has a role current on ${date}; people in the data: ${people.length ? people.join(', ') : 'none (add them under \`people:\` in data/stakeholders/' + filer.id + '.yaml)'}`,
    `signatory: ${TODO_IDS.person}`,
  ];
}

function addresseeLines(dataset: Dataset, cycle: number, date: string): string[] {
  const found = ustrAddressee(dataset, cycle, date);
  if (!found) return [`# addressee: omitted — the data attests no USTR person's role in ${cycle}; write \`addressee: { name: …, title: … }\` if you know it`];
  return ['addressee:', `  person: ${found.person.id}  # ${oneLine(found.person.name)}, ${oneLine(found.role.title)} (attested ${found.attested})`];
}

/** Builds a brief spec's YAML text. Ids in `options` must already be known to the dataset. */
export function scaffoldBrief(dataset: Dataset, options: ScaffoldOptions): Scaffold {
  const { kind, cycle, markets, id } = options;
  const { date, reason } = scaffoldDate(dataset, kind, cycle, options.today);
  const filer = options.filer ? dataset.stakeholders.get(options.filer) : undefined;
  const out = new Lines();
  out.add(`# yaml-language-server: $schema=${options.schemaPath}`);
  out.add(`# ${kind} brief scaffolded by \`${options.command}\` on ${options.today}.`);
  out.add('# Replace every TODO (the placeholders `todo-…` are ids the data does not have, so `docketpress check` points at them),');
  out.add('# then run `docketpress check`. Prose fields are Markdown; `:cite[source-id]` adds a footnote citing a source.');
  if (isFilingKind(kind) || kind === 'policy-brief') out.add('#', ...docketHeader(dataset, cycle));
  out.add(`id: ${id}`, `kind: ${kind}`);

  switch (kind) {
    case 'comment':
    case 'response': {
      if (!filer) throw new Error(`scaffoldBrief: ${kind} needs a filer`);
      out.add(`filer: ${filer.id}  # ${oneLine(filer.name)}`, `cycle: ${cycle}`, `# date: ${reason}`, `date: ${date}`);
      out.add(...addresseeLines(dataset, cycle, date));
      out.add(...signatoryLines(dataset, filer, date));
      out.add("# represents: |   # optional: whom the filer speaks for (Markdown), added to the filer's description from data");
      if (kind === 'comment') {
        out.prose('', 'introduction', 'what this comment asks USTR to do, in a sentence or two.');
        out.add('nominations:');
        const stances = stanceSchema.options.join(' | ');
        for (const market of markets.length ? markets : [TODO_IDS.market]) {
          const known = dataset.markets.has(market);
          out.add(`  - market: ${market}  # ${known ? marketLabel(dataset, market, date) : 'TODO: a market id from data/markets/ (pass --markets a,b)'}`);
          out.add(`    # request: one of ${stances}`);
          out.add('    request: list  # TODO: choose what you ask USTR to do');
          out.prose('    ', 'reasons', `why USTR should act on ${dataset.markets.get(market)?.name ?? 'this market'}: the reasons the notice asks commenters to give, with sources.`);
          if (known) {
            out.add(...idHint('    ', 'metrics: [ … ] — figures in data/metrics.yaml', dataset.metrics.filter((m) => m.market === market).map((m) => m.id)));
            out.add(...idHint('    ', `positions: [ … ] — statements on it in the ${cycle} cycle`, positionsOn(dataset, market, cycle)));
            out.add(...idHint('    ', 'events: [ … ] — events in data/events.yaml', dataset.events.filter((e) => e.markets.includes(market)).map((e) => e.id)));
          }
        }
      } else {
        // A response answers filings (positions) of the same cycle about the filer's markets, claim by claim.
        const subject = markets.length ? markets : [...dataset.markets.values()].filter((m) => m.operator === filer.id).map((m) => m.id);
        const answered = dataset.positions.filter((p) => p.cycle === cycle && p.stakeholder !== filer.id && p.markets.some((m) => subject.includes(m)));
        const claims = answered.flatMap((p) => p.claims.map((c) => ({ claim: c, position: p })));
        out.add(`# answers: filings (positions in data/positions.yaml) of the ${cycle} cycle about ${subject.length ? subject.join(', ') : 'the filer\u2019s markets'}`);
        if (answered.length) {
          out.add('answers:', ...answered.map((p) => `  - ${p.id}  # ${p.stakeholder}, ${p.date}: ${p.stance}`));
        } else {
          out.add(`# TODO: the data has no such filing in ${cycle}: add the position you answer to data/positions.yaml`, 'answers:', `  - ${TODO_IDS.position}`);
        }
        out.prose('', 'introduction', 'who responds, and what this response shows.');
        const ownMetrics = dataset.metrics.filter((m) => m.reported_by === filer.id && subject.includes(m.market)).map((m) => m.id);
        out.add('# record: the enforcement record, figures in the order given');
        out.add(...idHint('', 'record: { metrics: [ … ] } — figures reported by the filer', ownMetrics));
        out.add('points:');
        if (claims.length) {
          for (const { claim, position } of claims) {
            out.add(`  - claim: ${claim.id}  # ${position.stakeholder}: “${oneLine(claim.text).slice(0, 100)}${oneLine(claim.text).length > 100 ? '…' : ''}”`);
            out.prose('    ', 'answer', 'the answer to this claim, with the evidence for it.');
          }
        } else {
          out.add(`  - claim: ${TODO_IDS.claim}  # TODO: a claim id under \`claims:\` of the position answered`);
          out.prose('    ', 'answer', 'the answer to this claim, with the evidence for it.');
        }
      }
      out.prose('', 'conclusion', 'the conclusion.');
      break;
    }
    case 'policy-brief': {
      const market = markets[0] ?? TODO_IDS.market;
      const positions = dataset.markets.has(market) ? positionsOn(dataset, market, cycle) : [];
      const anyCycle = dataset.markets.has(market) ? positionsOn(dataset, market) : [];
      out.add(`market: ${market}  # ${dataset.markets.has(market) ? marketLabel(dataset, market, date) : 'TODO: a market id (pass --markets ID)'}`, `cycle: ${cycle}`, `# date: ${reason}`, `date: ${date}`);
      out.add('prepared_for: TODO — who decides', `prepared_by: ${filer ? scalar(oneLine(filer.name)) : 'TODO — who wrote it'}`);
      out.prose('', 'question', 'the decision to be made, in a sentence.');
      out.add('positions:');
      const chosen = positions.length ? positions : anyCycle.slice(-2);
      if (chosen.length) out.add(...chosen.map((p) => `  - ${p}`));
      else out.add(`  - ${TODO_IDS.position}  # TODO: the data has no position on this market: add one to data/positions.yaml`);
      if (!positions.length && chosen.length) out.add(`# (no position in the ${cycle} cycle: these are the latest ones of other cycles)`);
      out.add('options:');
      for (const n of [1, 2]) out.add(`  - title: "TODO: option ${n}"`, '    consequences: |', '      TODO: what follows from it.');
      out.prose('', 'recommendation', 'which option, and why.');
      break;
    }
    case 'timeline': {
      out.add(`# date: ${reason}`, `date: ${date}`, 'markets:');
      for (const market of markets.length ? markets : [TODO_IDS.market]) out.add(`  - ${market}${dataset.markets.has(market) ? `  # ${dataset.markets.get(market)!.name}` : '  # TODO: a market id (pass --markets a,b)'}`);
      out.add(`# from: ${cycle - 5}   # optional: first review year shown`, `to: ${cycle}`);
      out.add('# introduction: |   # optional, Markdown');
      break;
    }
    case 'diff': {
      const to = editionForCycle(dataset, cycle);
      const before = to ? dataset.editions.filter((e) => e.published < to.published).pop() : undefined;
      out.add(`# date: ${reason}`, `date: ${date}`);
      out.add(`from: ${JSON.stringify(before?.id ?? String(cycle - 1))}${before ? `  # ${oneLine(before.title)}` : '  # TODO: the earlier edition'}`);
      out.add(`to: ${JSON.stringify(to?.id ?? String(cycle))}${to ? `  # ${oneLine(to.title)}` : '  # TODO: the later edition'}`);
      out.add('# introduction: |   # optional, Markdown');
      break;
    }
  }
  const text = out.toString();
  const body = out.lines.slice(out.lines.indexOf(`id: ${id}`));
  return { text, date, dateReason: reason, todos: body.filter((line) => /TODO|todo-/.test(line)).length };
}
