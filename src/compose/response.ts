// The `response` composer: a party's answer to named filings — each claim quoted with its source, then the answer.
import type { PhrasingContent, RootContent } from 'mdast';
import type { Claim, Position, ResponseBrief } from '../schema/index.js';
import type { ComposeContext } from './context.js';
import { checkFilingReferences, filingParts, metricItem, metricRow, positionQuotes, quotation, shortName, type ComposedFiling } from './filing.js';
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

/** A claim quoted as made: verbatim in quotation marks, a paraphrase labelled as such. */
function claimBlock(context: ComposeContext, claim: Claim, position: Position, origin: CiteOrigin): RootContent[] {
  const who = context.dataset.stakeholders.get(position.stakeholder)?.name ?? position.stakeholder;
  const attribution = `${who}, ${position.cycle} review, ${formatDate(position.date)}`;
  if (claim.verbatim) return quotation(context, claim.text, attribution, claim.sources, origin);
  const reference = context.citations.citeFact(claim.sources, origin, `the claim of ${attribution}`);
  if (!reference) return [];
  return [blockquote(paragraph(strong('In substance:'), text(` ${claim.text}`))), withRole(paragraph(text(`— ${attribution} (paraphrase)`), reference), 'attribution')];
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

/** Composes a response; returns the template bindings and the document's metadata. */
export function composeResponse(context: ComposeContext, brief: ResponseBrief): ComposedFiling | undefined {
  const { dataset } = context;
  const refs = new ReferenceCheck(context);
  checkFilingReferences(refs, brief);
  refs.needAll(dataset.positions.map((p) => p.id), ['answers'], 'position', brief.answers, 'the filings answered are positions in data/positions.yaml');
  checkEvidence(refs, brief.record, ['record']);
  brief.points.forEach((point, i) => {
    refs.need(dataset.claims.keys(), ['points', i, 'claim'], 'claim', point.claim, 'claims are listed under `claims:` of a position in data/positions.yaml');
    const found = dataset.claims.get(point.claim);
    if (found && !brief.answers.includes(found.position.id)) {
      context.report(['points', i, 'claim'], 'error', `claim \`${point.claim}\` belongs to position \`${found.position.id}\`, which this response does not answer: add it to \`answers:\` or pick a claim from ${brief.answers.map((a) => `\`${a}\``).join(', ')}`, 'claim-not-answered');
      refs.ok = false;
    }
    checkEvidence(refs, point.evidence, ['points', i, 'evidence']);
  });
  if (!refs.ok) return undefined;

  const filing = filingParts(context, brief, 'Response');
  const answered = brief.answers.map((id) => dataset.positions.find((p) => p.id === id)!);
  const answeredNames = joinNames([...new Set(answered.map((p) => dataset.stakeholders.get(p.stakeholder)?.name ?? p.stakeholder))]);

  const answeredFilings = (): RootContent[] => [
    paragraph(
      text(`This response answers ${answered.length === 1 ? 'the filing' : 'the filings'} of ${answeredNames} `),
      ...answered.flatMap((p, i): PhrasingContent[] => {
        const reference = context.citations.citeFact(p.sources, ['answers', i], `the filing \`${p.id}\``);
        return [text(`${i === 0 ? '' : i === answered.length - 1 ? ' and ' : ', '}of ${formatDate(p.date)} (${STANCE_PHRASE[p.stance]} ${joinNames(p.markets.map((m) => dataset.markets.get(m)?.name ?? m))})`), ...(reference ? [reference] : [])];
      }),
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
      const { claim, position } = dataset.claims.get(point.claim)!;
      const who = shortName(dataset.stakeholders.get(position.stakeholder)!);
      return [
        heading(3, `Claim ${i + 1} — ${who}, ${formatDate(position.date)}`),
        ...claimBlock(context, claim, position, ['points', i, 'claim']),
        paragraph(strong('Response.')),
        ...context.prose(point.answer, ['points', i, 'answer']),
        ...evidenceBlocks(context, point.evidence, ['points', i, 'evidence']),
      ];
    });

  filing.bindings.directives['answered-filings'] = answeredFilings;
  filing.bindings.directives['enforcement-record'] = enforcementRecord;
  filing.bindings.directives['point-by-point'] = points;
  filing.bindings.placeholders['answered.names'] = answeredNames;
  filing.meta.keywords.push('response', ...new Set(answered.flatMap((p) => p.markets.map((m) => dataset.markets.get(m)?.name ?? m))));
  return filing;
}
