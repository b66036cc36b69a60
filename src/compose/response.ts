// The `response` composer: a party's answer to named filings — each claim quoted with its source, then the answer.
import type { PhrasingContent, RootContent } from 'mdast';
import type { ResponseBrief } from '../schema/index.js';
import type { ComposeContext } from './context.js';
import { checkFilingReferences, filingParts, organisationName, metricItem, metricRow, positionQuotes, quotation, shortName, type ComposedFiling } from './filing.js';
import { REQUEST_PHRASE } from './comment.js';
import { filingDocket } from '../model/index.js';
import { surelyBefore } from '../schema/partial-date.js';
import { formatDate, joinNames } from './format.js';
import type { PathSegment } from '../diagnostics/locator.js';
import type { CiteOrigin } from './citations.js';
import { blockquote, heading, list, paragraph, strong, table, text, withRole } from './nodes.js';
import { STANCE_PHRASE } from '../model/timeline.js';
import { ReferenceCheck } from './references.js';

type Evidence = NonNullable<ResponseBrief['record']>;

function checkEvidence(refs: ReferenceCheck, evidence: Evidence | undefined, at: (string | number)[]): void {
  if (!evidence) return;
  const { dataset } = refs.context;
  refs.needAll(dataset.metrics.map((m) => m.id), [...at, 'metrics'], 'metric', evidence.metrics, 'metrics are listed in data/metrics.yaml');
  refs.needAll([...dataset.claims.keys()], [...at, 'claims'], 'claim', evidence.claims, 'claims are listed under `claims:` in data/positions.yaml');
  refs.needAll(dataset.positions.map((p) => p.id), [...at, 'positions'], 'position', evidence.positions, 'positions are listed in data/positions.yaml');
  refs.needAll(dataset.events.map((e) => e.id), [...at, 'events'], 'event', evidence.events, 'events are listed in data/events.yaml');
}

/** Evidence as a list: figures, the responding party's own statements, events. */
function evidenceBlocks(context: ComposeContext, evidence: Evidence | undefined, at: PathSegment[]): RootContent[] {
  if (!evidence) return [];
  const { dataset } = context;
  const items: PhrasingContent[][] = [];
  evidence.metrics.forEach((id, j) => {
    const item = metricItem(context, dataset.metrics.find((m) => m.id === id)!, [...at, 'metrics', j]);
    if (item) items.push(item);
  });
  evidence.claims.forEach((id, j) => {
    const { claim, position } = dataset.claims.get(id)!;
    const who = dataset.stakeholders.get(position.stakeholder)?.name ?? position.stakeholder;
    const reference = context.citations.citeFact(claim.sources, [...at, 'claims', j], `claim \`${id}\``);
    if (!reference) return;
    const said = claim.verbatim ? [text(`${who} (${formatDate(position.date)}): “`), text(claim.text), text('”')] : [text(`${who} (${formatDate(position.date)}), in substance: `), text(claim.text)];
    items.push([...said, reference]);
  });
  evidence.events.forEach((id, j) => {
    const event = dataset.events.find((e) => e.id === id)!;
    const reference = context.citations.citeFact(event.sources, [...at, 'events', j], `event \`${id}\``);
    if (reference) items.push([strong(formatDate(event.date)), text(`: ${event.summary}`), reference]);
  });
  const blocks: RootContent[] = items.length ? [list(items)] : [];
  evidence.positions.forEach((id, j) => blocks.push(...positionQuotes(context, dataset.positions.find((p) => p.id === id)!, [...at, 'positions', j])));
  return blocks.length ? [paragraph(strong('Evidence.')), ...blocks] : [];
}

/** One claim of an answered filing: a claim in data, or a nomination of a comment brief. */
interface AnsweredClaim {
  id: string;
  text: string;
  verbatim: boolean;
  sources: string[];
}

/** A filing this response answers: a position in data or a comment brief, with its claims. */
interface AnsweredFiling {
  id: string;
  /** Where it is named in the brief (`answers` or `responds_to`, and the index). */
  at: (string | number)[];
  who: string;
  date: string;
  cycle: number;
  summary: PhrasingContent[];
  claims: AnsweredClaim[];
}

/** The filings a response names, each resolved to a position or a comment brief; unknown ids are reported. */
function answeredFilings(context: ComposeContext, refs: ReferenceCheck, brief: ResponseBrief): AnsweredFiling[] {
  const { dataset } = context;
  const named: Array<{ id: string; at: (string | number)[] }> = [
    ...brief.answers.map((id, i) => ({ id, at: ['answers', i] })),
    ...brief.responds_to.map((id, i) => ({ id, at: ['responds_to', i] })),
  ];
  const found: AnsweredFiling[] = [];
  for (const { id, at } of named) {
    const position = dataset.positions.find((p) => p.id === id);
    if (position) {
      const who = dataset.stakeholders.get(position.stakeholder)?.name ?? position.stakeholder;
      found.push({
        id,
        at,
        who,
        date: position.date,
        cycle: position.cycle,
        summary: [
          text(`${organisationName({ name: who })} of ${formatDate(position.date)} (${STANCE_PHRASE[position.stance]} ${joinNames(position.markets.map((m) => dataset.markets.get(m)?.name ?? m))})`),
          ...optional(context.citations.citeFact(position.sources, at, `the filing \`${id}\``)),
        ],
        claims: position.claims.map((claim) => ({ id: claim.id, text: claim.text, verbatim: claim.verbatim, sources: claim.sources })),
      });
      continue;
    }
    const other = context.briefs.get(id)?.brief;
    if (other?.kind === 'comment') {
      if (other.cycle !== brief.cycle) {
        context.report(at, 'error', `\`${id}\` was filed in the ${other.cycle} cycle; a rebuttal answers only filings in its own docket (${brief.cycle})`, 'compliance-rebuttal-docket');
        refs.ok = false;
      }
      const who = (other.filer_profile ?? dataset.filers.get(other.filer) ?? dataset.stakeholders.get(other.filer))?.name ?? other.filer;
      const docket = filingDocket(dataset, other.cycle, other.docket);
      found.push({
        id,
        at,
        who,
        date: other.date,
        cycle: other.cycle,
        summary: [text(`${organisationName({ name: who })}, filed ${formatDate(other.date)}${docket?.docket_id ? ` in Docket No. ${docket.docket_id}` : ''}`)],
        claims: other.nominations.map((nomination) => ({
          id: `${other.id}#${nomination.market}`,
          text: `${who} asks USTR to ${REQUEST_PHRASE[nomination.request](dataset.markets.get(nomination.market)?.name ?? nomination.market)}.`,
          verbatim: false,
          sources: [],
        })),
      });
      continue;
    }
    const known = [...dataset.positions.map((p) => p.id), ...[...context.briefs.values()].filter((b) => b.brief.kind === 'comment').map((b) => b.brief.id)];
    refs.need(known, at, 'filing', id, other ? `\`${id}\` is a ${other.kind}, not a comment: a response answers comment briefs (briefs/) or positions (data/positions.yaml)` : 'a response answers comment briefs (briefs/<id>.yaml) or positions in data/positions.yaml');
  }
  return found;
}

/** A claim quoted as made: verbatim in quotation marks, a paraphrase labelled; a brief's nomination names its filing. */
function answeredClaimBlock(context: ComposeContext, claim: AnsweredClaim, filing: AnsweredFiling, origin: CiteOrigin): RootContent[] {
  const attribution = `${filing.who}, ${filing.cycle} review, ${formatDate(filing.date)}`;
  if (claim.verbatim) return quotation(context, claim.text, attribution, claim.sources, origin);
  // A claim of a comment brief names its filing in the attribution and has no source to cite; one from data must have one it may cite.
  const reference = claim.sources.length ? context.citations.citeFact(claim.sources, origin, `the claim of ${attribution}`) : undefined;
  if (claim.sources.length && !reference) return [];
  return [blockquote(paragraph(strong('In substance:'), text(` ${claim.text}`))), withRole(paragraph(text(`— ${attribution} (paraphrase)`), ...optional(reference)), 'attribution')];
}

/** A footnote reference, or nothing. */
function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** Composes a response; returns the template bindings and the document's metadata. */
export function composeResponse(context: ComposeContext, brief: ResponseBrief): ComposedFiling | undefined {
  const refs = new ReferenceCheck(context);
  checkFilingReferences(refs, brief);
  const filings = answeredFilings(context, refs, brief);
  checkEvidence(refs, brief.record, ['record']);
  const claimOf = new Map(filings.flatMap((filing) => filing.claims.map((claim) => [claim.id, { claim, filing }] as const)));
  brief.points.forEach((point, i) => {
    const inData = context.dataset.claims.get(point.claim);
    if (!claimOf.has(point.claim)) {
      if (inData) {
        context.report(['points', i, 'claim'], 'error', `claim \`${point.claim}\` belongs to position \`${inData.position.id}\`, which this response does not answer: add it to \`responds_to:\` or pick a claim from ${filings.map((f) => `\`${f.id}\``).join(', ')}`, 'claim-not-answered');
        refs.ok = false;
      } else {
        refs.need([...context.dataset.claims.keys(), ...claimOf.keys()], ['points', i, 'claim'], 'claim', point.claim, 'claims are listed under `claims:` of a position in data/positions.yaml, or are `<comment-brief-id>#<market-id>`');
      }
    }
    checkEvidence(refs, point.evidence, ['points', i, 'evidence']);
  });
  for (const filing of filings) {
    if (surelyBefore(brief.date, filing.date)) {
      context.report(filing.at, 'error', `\`${filing.id}\` is dated ${filing.date}, after this response (${brief.date}): a response can only answer a filing made before it — check both dates`, 'answers-later-filing');
      refs.ok = false;
    }
  }
  if (!refs.ok) return undefined;
  for (const filing of brief.unanswered ? [] : filings) {
    const answered = new Set(brief.points.map((p) => p.claim));
    const left = filing.claims.filter((claim) => !answered.has(claim.id)).map((claim) => claim.id);
    if (left.length) {
      context.report(filing.at, 'warning', `${left.length} of ${filing.claims.length} claim(s) of \`${filing.id}\` are left unanswered: ${left.join(', ')} — answer each under \`points:\`, or say in the introduction why not`, 'claims-unanswered');
    }
  }

  const { dataset } = context;
  const filing = filingParts(context, brief, 'Rebuttal Comments');
  const answeredNames = joinNames([...new Set(filings.map((f) => f.who))]);

  const answeredFilingsBlock = (): RootContent[] => [
    paragraph(
      text(`These rebuttal comments answer ${filings.length === 1 ? 'the filing' : 'the filings'} of `),
      ...filings.flatMap((f, i): PhrasingContent[] => [text(i === 0 ? '' : i === filings.length - 1 ? ' and ' : ', '), ...f.summary]),
      text('.'),
    ),
  ];

  const enforcementRecord = (): RootContent[] => {
    const metrics = (brief.record?.metrics ?? []).map((id) => dataset.metrics.find((m) => m.id === id)!);
    if (metrics.length === 0) return [paragraph('The record cited here holds no figures.')];
    const header = [[text('Measure')], [text('Figure')], [text('Period')], [text('Reported by')]];
    const rows = metrics.flatMap((metric, j) => {
      const row = metricRow(context, metric, ['record', 'metrics', j]);
      return row ? [row] : [];
    });
    return [...(rows.length ? [table([header, ...rows])] : [paragraph('The record cited here holds no figures.')]), ...evidenceBlocks(context, { ...brief.record!, metrics: [] }, ['record'])];
  };

  const points = (): RootContent[] =>
    brief.points.flatMap((point, i) => {
      const { claim, filing: from } = claimOf.get(point.claim)!;
      return [
        heading(3, `Claim ${i + 1} — ${from.who}, ${formatDate(from.date)}`),
        ...answeredClaimBlock(context, claim, from, ['points', i, 'claim']),
        paragraph(strong('Response.')),
        ...context.prose(point.answer, ['points', i, 'answer']),
        ...evidenceBlocks(context, point.evidence, ['points', i, 'evidence']),
      ];
    });

  filing.bindings.directives['answered-filings'] = answeredFilingsBlock;
  filing.bindings.directives['enforcement-record'] = enforcementRecord;
  filing.bindings.directives['point-by-point'] = points;
  filing.bindings.placeholders['answered.names'] = answeredNames;
  filing.meta.keywords.push('response');
  return filing;
}
