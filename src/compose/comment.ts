// The `comment` composer: a filer's comment to USTR nominating markets, with history, evidence and requests.
import type { PhrasingContent, RootContent } from 'mdast';
import { countryName, docketForCycle, editionForCycle, roleAt } from '../model/index.js';
import type { CommentBrief, Market, Stance, Stakeholder } from '../schema/index.js';
import { surelyBefore } from '../schema/partial-date.js';
import type { ComposeContext, DocumentMeta } from './context.js';
import {
  caption,
  dateLine,
  historyBefore,
  historyItems,
  historySummary,
  organisationName,
  quotation,
  reLine,
  reviewTitle,
  sampleNotice,
  sampleNoticeBlock,
  shortName,
  signature,
  titleHeading,
  USTR_OFFICE,
} from './filing.js';
import { formatDate, formatNumber } from './format.js';
import { heading, lines, list, paragraph, strong, table, text, withRole } from './nodes.js';
import type { TemplateBindings } from './template.js';
import { suggestion } from '../load/zod-issues.js';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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

/** Checks the brief's references into the data; returns false when the document cannot be composed. */
function checkReferences(context: ComposeContext, brief: CommentBrief): boolean {
  const { dataset } = context;
  let ok = true;
  const need = (known: Iterable<string>, at: (string | number)[], what: string, id: string, hint: string): void => {
    const ids = [...known];
    if (!ids.includes(id)) {
      context.report(at, 'error', `unknown ${what} \`${id}\`${suggestion(id, ids)}: ${hint}`, 'unknown-reference');
      ok = false;
    }
  };
  need(dataset.stakeholders.keys(), ['filer'], 'stakeholder', brief.filer, 'the filer is a stakeholder id from data/stakeholders/');
  need(dataset.people.keys(), ['signatory'], 'person', brief.signatory, 'the signatory is a person id under `people:` of a stakeholder');
  if (brief.addressee && 'person' in brief.addressee) need(dataset.people.keys(), ['addressee', 'person'], 'person', brief.addressee.person, 'use a person id from data/stakeholders/ustr.yaml, or write `name:` and `title:`');
  if (!docketForCycle(dataset, brief.cycle)) context.report(['cycle'], 'warning', `the data has no docket for the ${brief.cycle} cycle: the caption will lack the docket number and Federal Register cite`, 'missing-docket');
  brief.nominations.forEach((nomination, i) => {
    need(dataset.markets.keys(), ['nominations', i, 'market'], 'market', nomination.market, 'markets are data/markets/<id>.yaml');
    nomination.metrics.forEach((id, j) => need(dataset.metrics.map((m) => m.id), ['nominations', i, 'metrics', j], 'metric', id, 'metrics are listed in data/metrics.yaml'));
    nomination.positions.forEach((id, j) => need(dataset.positions.map((p) => p.id), ['nominations', i, 'positions', j], 'position', id, 'positions are listed in data/positions.yaml'));
    nomination.events.forEach((id, j) => need(dataset.events.map((e) => e.id), ['nominations', i, 'events', j], 'event', id, 'events are listed in data/events.yaml'));
  });
  return ok;
}

/** Composes a comment; returns the template bindings and the document's metadata. */
export function composeComment(context: ComposeContext, brief: CommentBrief): { bindings: TemplateBindings; meta: DocumentMeta } | undefined {
  if (!checkReferences(context, brief)) return undefined;
  const { dataset } = context;
  const filer = dataset.stakeholders.get(brief.filer)!;
  const docket = docketForCycle(dataset, brief.cycle);
  const edition = editionForCycle(dataset, brief.cycle);
  const review = reviewTitle(edition, brief.cycle);
  const title = brief.title ?? `Comments of ${organisationName(filer).replace(/^the /, 'the ')}`;
  const signatory = dataset.people.get(brief.signatory)!.person;
  const markets = brief.nominations.map((n) => dataset.markets.get(n.market)!);

  const addressee = (): RootContent[] => {
    const given = brief.addressee;
    if (given && 'person' in given) {
      const person = dataset.people.get(given.person)!.person;
      return [withRole(lines(person.name, given.title ?? roleAt(person, brief.date).title, USTR_OFFICE), 'addressee')];
    }
    const rows = [given?.name, given?.title, given?.office ?? USTR_OFFICE].filter((r): r is string => Boolean(r));
    return [withRole(lines(...rows), 'addressee')];
  };

  const salutation = (): RootContent[] => {
    const given = brief.addressee;
    const name = given && 'person' in given ? dataset.people.get(given.person)!.person.name : given && 'name' in given ? given.name : undefined;
    return [paragraph(name ? `Dear ${name}:` : 'To the Special 301 Subcommittee:')];
  };

  const filerDescription = (): RootContent[] => {
    const blocks: RootContent[] = [];
    // Who the filer is, as of the filing: the brief's own words; the data's description may tell later history.
    if (brief.represents) return context.prose(brief.represents, ['represents']);
    if (filer.description) blocks.push(paragraph(text(filer.description), context.citations.cite(filer.sources)));
    return blocks;
  };

  const recommendationsTable = (): RootContent[] => {
    const header = [['Market'], ['Operator'], ['Headquarters'], [`History on the list (before ${formatDate(brief.date)})`], ['Request']];
    const rows = brief.nominations.map((nomination, i) => {
      const market = markets[i]!;
      return [
        [market.name],
        [dataset.stakeholders.get(market.operator)?.name ?? market.operator],
        [countryName(market.headquarters)],
        [historySummary(historyBefore(context, market, brief.date))],
        [REQUEST_LABEL[nomination.request]],
      ];
    });
    return [table([header, ...rows])];
  };

  const nominationSections = (): RootContent[] => brief.nominations.flatMap((nomination, i) => marketSection(context, brief, filer, markets[i]!, i));

  const meta: DocumentMeta = {
    title: `${title} — ${review}${brief.sample ? ' (SAMPLE)' : ''}`,
    author: filer.name,
    subject: docket?.docket_id ? `Docket No. ${docket.docket_id}` : review,
    keywords: ['Notorious Markets', `${brief.cycle} review`, ...markets.map((m) => m.name), ...(brief.sample ? ['SAMPLE'] : [])],
    date: brief.date,
    runningHeader: `${shortName(filer)} · ${docket?.docket_id ? `Docket No. ${docket.docket_id}` : review}${brief.sample ? ' · SAMPLE' : ''}`,
    ...(brief.sample ? { sampleNotice: sampleNotice(filer) } : {}),
  };

  const bindings: TemplateBindings = {
    directives: {
      'sample-notice': () => sampleNoticeBlock(context, filer),
      caption: () => caption(docket, edition, brief.cycle),
      title: () => [titleHeading(title)],
      'date-line': () => [dateLine(brief.date)],
      addressee,
      're-line': () => [reLine(docket, edition, brief.cycle)],
      salutation,
      'filer-description': filerDescription,
      introduction: () => context.prose(brief.introduction, ['introduction']),
      'recommendations-table': recommendationsTable,
      'market-nominations': nominationSections,
      conclusion: () => context.prose(brief.conclusion, ['conclusion']),
      signature: () => signature(context, brief.signatory, filer),
    },
    placeholders: {
      'filer.name': filer.name,
      'filer.the_name': organisationName(filer),
      'filer.subject': capitalise(organisationName(filer)),
      'filer.short_name': shortName(filer),
      'review.title': review,
      'docket.fr_cite': docket?.fr_cite,
      'docket.docket_id': docket?.docket_id,
      'docket.notice_date': docket ? formatDate(docket.notice_date) : undefined,
      cycle: String(brief.cycle),
      date: formatDate(brief.date),
      'signatory.name': signatory.name,
      'signatory.title': roleAt(signatory, brief.date).title,
    },
  };
  return { bindings, meta };
}

/** One nominated market: where it is, its history on the list, evidence, statements, reasons, the request. */
function marketSection(context: ComposeContext, brief: CommentBrief, filer: Stakeholder, market: Market, index: number): RootContent[] {
  const { dataset } = context;
  const nomination = brief.nominations[index]!;
  const at = ['nominations', index];
  const blocks: RootContent[] = [];
  const name = market.local_name ? `${market.name} (${market.local_name})` : market.name;
  blocks.push(heading(3, name));
  const operator = dataset.stakeholders.get(market.operator)?.name ?? market.operator;
  const where = market.domains?.length ? `Nominated as ${market.domains.join(', ')}. ` : `Nominated as ${market.name}. `;
  blocks.push(paragraph(text(`${where}Headquartered in ${countryName(market.headquarters)}. Operated by ${operator}. ${market.description}`), context.citations.cite(market.sources)));

  const history = historyBefore(context, market, brief.date);
  blocks.push(paragraph(strong('History on the list.'), text(history.length ? ` ${market.name}: ${historySummary(history)}.` : ` The record holds no listing decision on ${market.name} before ${formatDate(brief.date)}.`)));
  if (history.length) blocks.push(list(historyItems(context, market, history)));

  const metrics = nomination.metrics.map((id) => dataset.metrics.find((m) => m.id === id)!);
  if (metrics.length) {
    blocks.push(paragraph(strong('Evidence.')));
    blocks.push(
      list(
        metrics.map((metric, j): PhrasingContent[] => {
          if (metric.period_end && surelyBefore(brief.date, metric.period_end)) {
            context.report([...at, 'metrics', j], 'warning', `metric \`${metric.id}\` covers a period ending ${metric.period_end}, after this brief's date ${brief.date}`, 'anachronism');
          }
          const qualifier = metric.qualifier ? `${metric.qualifier[0]!.toUpperCase()}${metric.qualifier.slice(1)} ` : '';
          const value = metric.unit === 'percent' ? `${formatNumber(metric.value)}%` : `${formatNumber(metric.value)} ${metric.unit}`;
          const period = metric.period ? `, ${metric.period}` : '';
          const by = dataset.stakeholders.get(metric.reported_by)?.name ?? metric.reported_by;
          const unverified = metric.confidence === 'unverified' ? ' (unconfirmed)' : '';
          return [strong(`${qualifier}${value}`), text(` — ${metric.measure}${period}; reported by ${by}${unverified}.`), context.citations.cite(metric.sources)];
        }),
      ),
    );
  }

  const positions = nomination.positions.map((id) => dataset.positions.find((p) => p.id === id)!);
  const quotes = positions.flatMap((position, j) => {
    if (surelyBefore(brief.date, position.date)) {
      context.report([...at, 'positions', j], 'warning', `position \`${position.id}\` is dated ${position.date}, after this brief's date ${brief.date}`, 'anachronism');
    }
    const org = dataset.stakeholders.get(position.stakeholder)?.name ?? position.stakeholder;
    return position.quotes.map((quote) => {
      const speaker = quote.speaker ? dataset.people.get(quote.speaker)?.person : undefined;
      const when = quote.date ?? position.date;
      const who = speaker ? `${speaker.name}, ${roleAt(speaker, when).title}, ${org}` : org;
      return quotation(context, quote.text, `${who}, ${formatDate(when)}`, quote.sources);
    });
  });
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
