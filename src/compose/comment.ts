// The `comment` composer: a filer's comment to USTR nominating markets, with history, evidence and requests.
import type { PhrasingContent, RootContent } from 'mdast';
import { marketPlace, marketWhereSentences, operatorName } from '../model/places.js';
import type { CommentBrief, Market, Stance, Stakeholder } from '../schema/index.js';
import { surelyBefore } from '../schema/partial-date.js';
import type { ComposeContext } from './context.js';
import { checkFilingReferences, filingParts, historyBefore, historyItems, historySummary, metricItem, quotation, shortName, type ComposedFiling } from './filing.js';
import { formatDate } from './format.js';
import { positionQuotes } from './filing.js';
import { heading, list, paragraph, strong, table, text } from './nodes.js';
import { ReferenceCheck } from './references.js';

/** What the filer asks USTR to do, as the end of a sentence about the market. */
const REQUEST_PHRASE: Record<Stance, (market: string) => string> = {
  list: (m) => `add ${m} to the Notorious Markets List`,
  relist: (m) => `return ${m} to the Notorious Markets List`,
  retain: (m) => `keep ${m} on the Notorious Markets List`,
  remove: (m) => `remove ${m} from the Notorious Markets List`,
  'do-not-list': (m) => `not place ${m} on the Notorious Markets List`,
  'oppose-listing': (m) => `not place ${m} on the Notorious Markets List`,
};

const REQUEST_LABEL: Record<Stance, string> = {
  list: 'List',
  relist: 'Relist',
  retain: 'Keep on the list',
  remove: 'Remove',
  'do-not-list': 'Do not list',
  'oppose-listing': 'Do not list',
};

/** Composes a comment; returns the template bindings and the document's metadata. */
export function composeComment(context: ComposeContext, brief: CommentBrief): ComposedFiling | undefined {
  const { dataset } = context;
  const refs = new ReferenceCheck(context);
  checkFilingReferences(refs, brief);
  brief.nominations.forEach((nomination, i) => {
    refs.need(dataset.markets.keys(), ['nominations', i, 'market'], 'market', nomination.market, 'markets are data/markets/<id>.yaml');
    refs.needAll(dataset.metrics.map((m) => m.id), ['nominations', i, 'metrics'], 'metric', nomination.metrics, 'metrics are listed in data/metrics.yaml');
    refs.needAll(dataset.positions.map((p) => p.id), ['nominations', i, 'positions'], 'position', nomination.positions, 'positions are listed in data/positions.yaml');
    refs.needAll(dataset.events.map((e) => e.id), ['nominations', i, 'events'], 'event', nomination.events, 'events are listed in data/events.yaml');
    const market = dataset.markets.get(nomination.market);
    if (market && typeof nomination.description === 'object') {
      refs.needAll(market.sources, ['nominations', i, 'description', 'sources'], 'source of the market description', nomination.description.sources, `the description of ${market.name} cites ${market.sources.map((s) => `\`${s}\``).join(', ')}`);
    }
  });
  if (!refs.ok) return undefined;
  const filing = filingParts(context, brief, 'Comments');
  const markets = brief.nominations.map((n) => dataset.markets.get(n.market)!);

  const recommendationsTable = (): RootContent[] => {
    // "Headquarters" for online markets; a physical market's row gives its city and country instead.
    const place = markets.some((m) => m.kind === 'physical') ? 'Headquarters or location' : 'Headquarters';
    const header = [['Market'], ['Operator'], [place], [`History on the list (before ${formatDate(brief.date)})`], ['Request']];
    const rows = brief.nominations.map((nomination, i) => {
      const market = markets[i]!;
      return [
        [market.name],
        [operatorName(dataset, market) ?? '—'],
        [market.kind === 'physical' ? `${marketPlace(market)} (physical market)` : marketPlace(market)],
        [historySummary(historyBefore(context, market, brief.date, ['nominations', i, 'market']))],
        [REQUEST_LABEL[nomination.request]],
      ];
    });
    return [table([header, ...rows])];
  };

  filing.bindings.directives['recommendations-table'] = recommendationsTable;
  filing.bindings.directives['market-nominations'] = () => brief.nominations.flatMap((_, i) => marketSection(context, brief, filing.filer, markets[i]!, i));
  filing.meta.keywords.push(...markets.map((m) => m.name));
  return filing;
}

/** One nominated market: where it is, its history on the list, evidence, statements, reasons, the request. */
function marketSection(context: ComposeContext, brief: CommentBrief, filer: Stakeholder, market: Market, index: number): RootContent[] {
  const { dataset } = context;
  const nomination = brief.nominations[index]!;
  const at = ['nominations', index];
  const blocks: RootContent[] = [];
  const name = market.local_name ? `${market.name} (${market.local_name})` : market.name;
  blocks.push(heading(3, name));
  const operator = operatorName(dataset, market);
  const operated = operator === undefined ? '' : ` Operated by ${operator}.`;
  const identity = `${marketWhereSentences(market)}${operated}`;
  // The description and who runs the market rest on the market's sources; the brief may pick them or leave the description out.
  const described = nomination.description !== false;
  const sources = typeof nomination.description === 'object' ? nomination.description.sources : market.sources;
  // With the description turned off, the identifying sentence is cited only when a usable source backs it, silently.
  const reference = described ? context.citations.citeFact(sources, [...at, 'market'], `the description of ${market.name}`) : context.citations.usable(sources).length ? context.citations.cite(sources) : undefined;
  blocks.push(paragraph(text(described && reference ? `${identity} ${market.description}` : identity), ...(reference ? [reference] : [])));

  const history = historyBefore(context, market, brief.date, [...at, 'market']);
  blocks.push(paragraph(strong('History on the list.'), text(history.length ? ` ${market.name}: ${historySummary(history)}.` : ` The record holds no listing decision on ${market.name} before ${formatDate(brief.date)}.`)));
  if (history.length) blocks.push(list(historyItems(context, market, history)));

  const metrics = nomination.metrics.map((id) => dataset.metrics.find((m) => m.id === id)!);
  if (metrics.length) {
    const items = metrics.flatMap((metric, j): PhrasingContent[][] => {
      if (metric.period_end && surelyBefore(brief.date, metric.period_end)) {
        context.report([...at, 'metrics', j], 'warning', `metric \`${metric.id}\` covers a period ending ${metric.period_end}, after this brief's date ${brief.date}`, 'anachronism');
      }
      const item = metricItem(context, metric, [...at, 'metrics', j]);
      return item ? [item] : [];
    });
    if (items.length) blocks.push(paragraph(strong('Evidence.')), list(items));
  }

  const positions = nomination.positions.map((id) => dataset.positions.find((p) => p.id === id)!);
  positions.forEach((position, j) => {
    if (surelyBefore(brief.date, position.date)) {
      context.report([...at, 'positions', j], 'warning', `position \`${position.id}\` is dated ${position.date}, after this brief's date ${brief.date}`, 'anachronism');
    }
  });
  const quotes = positions.flatMap((position, j) => positionQuotes(context, position, [...at, 'positions', j]));
  if (quotes.length) {
    blocks.push(paragraph(strong('Statements on the record.')));
    blocks.push(...quotes.flat());
  }

  const reasons = context.prose(nomination.reasons, [...at, 'reasons']);
  if (reasons.length) {
    blocks.push(paragraph(strong('Reasons.')));
    blocks.push(...reasons);
  }
  blocks.push(paragraph(strong('Request.'), text(` ${shortName(filer)} respectfully asks USTR to ${REQUEST_PHRASE[nomination.request](market.name)}.`)));
  return blocks;
}
