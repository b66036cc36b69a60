// The pages of the record's website as mdast trees: index, coverage, one page per market, edition, stakeholder and docket.
// Every fact cites its sources as footnotes; business-confidential quotes never appear on a page.
import type { PhrasingContent, RootContent, TableCell } from 'mdast';
import { Citations } from '../compose/citations.js';
import { editionLabel, formatDate, joinNames } from '../compose/format.js';
import { blockquote, emphasis, heading, link, list, paragraph, statusCell, strong, table, text } from '../compose/nodes.js';
import type { Dataset } from '../load/dataset.js';
import { countryName } from '../model/names.js';
import { deadlineInstant, formatEasternTime } from '../model/deadlines.js';
import { editionDiff } from '../model/diff.js';
import { positionsOf, type PositionAnswer } from '../model/positions.js';
import { coverage, editionRoster, type RosterRow } from '../model/roster.js';
import { marketPlace } from '../model/places.js';
import { marketStatus, type ListingChange } from '../model/status.js';
import { operatedMarkets } from '../model/subjects.js';
import { STANCE_PHRASE, timeline, type QuoteAnswer, type TimelineEntry } from '../model/timeline.js';
import type { Docket, Edition, Market, Stakeholder } from '../schema/index.js';

/** One page of the site before rendering. */
export interface SitePageTree {
  /** Path under the site folder, `/`-separated: `markets/taobao.html`. */
  path: string;
  title: string;
  description: string;
  children: RootContent[];
}

/** Where each kind of page lives, relative to the site root. */
export const PAGE_PATH = {
  index: 'index.html',
  coverage: 'coverage.html',
  market: (id: string) => `markets/${id}.html`,
  edition: (id: string) => `editions/${id}.html`,
  stakeholder: (id: string) => `stakeholders/${id}.html`,
  docket: (cycle: number) => `dockets/${cycle}.html`,
} as const;

const STATUS_WORD = (listed: boolean | null): string => (listed === null ? 'no record' : listed ? 'listed' : 'not listed');

/** A status table cell: the words (with "(unconfirmed)") and footnote for people, the status as data for the renderer. */
function listingCell(listed: boolean | null, confidence: string | null, cite?: PhrasingContent, suffix = ''): TableCell {
  const unverified = listed !== null && confidence === 'unverified';
  const words = `${STATUS_WORD(listed)}${suffix}${unverified ? ' (unconfirmed)' : ''}`;
  return statusCell({ status: listed === null ? 'no-record' : listed ? 'listed' : 'not-listed', unverified }, text(words), ...(cite ? [cite] : []));
}

const CHANGE_WORDS: Record<Exclude<ListingChange, null>, string> = {
  added: 'added',
  removed: 'removed',
  retained: 'kept on the list',
  absent: 'still not listed',
  'first-recorded': 'first row on record',
  'after-gap': 'after a gap in the record (no change claimed)',
};

/** How to read a status table on the site (each status cites its own source there). */
function statusLegend(where: string): RootContent {
  return paragraph(
    strong('How to read the status.'),
    text(
      ` “listed”: on that edition’s list. “not listed”: a source says the market was not on it. “no record”: the record holds nothing ` +
        `for that edition — which is not the same as not listed. “(unconfirmed)”: the row rests on a secondary report or a mirror copy. ${where}`,
    ),
  );
}

/** The words of a status change for a table cell. */
function changeWords(change: ListingChange): string {
  return change === null ? '' : CHANGE_WORDS[change];
}

/** Builds the pages of one dataset; `from` is the folder of the page being built, for relative links. */
class PageBuilder {
  constructor(readonly dataset: Dataset) {}

  /** A relative link from a page at `from` (e.g. `markets/x.html`) to the site path `to`. */
  href(from: string, to: string): string {
    const depth = from.split('/').length - 1;
    return `${'../'.repeat(depth)}${to}`;
  }

  marketLink(from: string, market: Market): PhrasingContent {
    return link(this.href(from, PAGE_PATH.market(market.id)), market.name);
  }

  stakeholderLink(from: string, id: string): PhrasingContent {
    const stakeholder = this.dataset.stakeholders.get(id);
    return stakeholder ? link(this.href(from, PAGE_PATH.stakeholder(id)), stakeholder.name) : text(id);
  }

  editionLink(from: string, edition: Edition, label = editionLabel(edition)): PhrasingContent {
    return link(this.href(from, PAGE_PATH.edition(edition.id)), label);
  }

  docketOf(edition: Edition): Docket | undefined {
    return this.dataset.dockets.find((d) => d.edition === edition.id) ?? this.dataset.dockets.find((d) => d.edition === undefined && d.cycle === edition.year && String(d.cycle) === edition.id);
  }

  /** Quotes as blockquotes, each followed by its attribution and footnote; confidential quotes are left out. */
  quotes(citations: Citations, quotes: readonly QuoteAnswer[]): RootContent[] {
    return quotes
      .filter((quote) => !quote.confidential)
      .flatMap((quote) => {
        const who = [quote.speakerName, quote.date ? formatDate(quote.date) : null].filter(Boolean).join(', ');
        return [blockquote(paragraph(`“${quote.text}”`)), paragraph(text(`— ${who || 'unattributed'}`), citations.cite(quote.sources))];
      });
  }

  /** A chronology as an ordered list: date · kind — summary, with footnotes. */
  chronology(from: string, citations: Citations, entries: readonly TimelineEntry[]): RootContent[] {
    if (entries.length === 0) return [paragraph('The record holds no dated entries.')];
    const KIND = { edition: 'List', event: 'Event', position: 'Position' } as const;
    return [
      list(
        entries.map((entry) => {
          const edition = entry.edition ? this.dataset.editionsById.get(entry.edition) : undefined;
          const head: PhrasingContent[] = [strong(formatDate(entry.date)), text(` · ${KIND[entry.kind]} — `)];
          if (edition) head.push(this.editionLink(from, edition, edition.title), text(': '));
          return [...head, text(edition ? entry.summary.slice(edition.title.length + 2) : entry.summary), citations.cite(entry.sources)];
        }),
        true,
      ),
    ];
  }

  index(): SitePageTree {
    const { dataset } = this;
    const from = PAGE_PATH.index;
    const markets = [...dataset.markets.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
    const latest = (market: Market): TableCell => {
      const last = marketStatus(dataset, market.id).editions.filter((r) => r.listed !== null).at(-1);
      return last ? listingCell(last.listed, last.confidence, undefined, ` (${editionLabel(dataset.editionsById.get(last.edition)!)})`) : listingCell(null, null);
    };
    const marketRows = markets.map((m) => [
      [this.marketLink(from, m)],
      [text(m.local_name ?? '')],
      [text(marketPlace(m))],
      m.operator ? [this.stakeholderLink(from, m.operator)] : [text('not recorded')],
      latest(m),
    ]);
    const editionRows = [...dataset.editions].reverse().map((e) => {
      const roster = editionRoster(dataset, e.id);
      return [[this.editionLink(from, e, e.title)], [text(formatDate(e.published))], [text(String(roster.totals.listed))], [text(String(roster.totals.noRecord))]];
    });
    const stakeholders = [...dataset.stakeholders.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
    const dockets = [...dataset.dockets].sort((a, b) => b.cycle - a.cycle);
    return {
      path: from,
      title: 'The Notorious Markets record',
      description: 'A sourced record of online marketplaces on USTR’s Notorious Markets List: editions, listings, stakeholders’ positions, events and dockets.',
      children: [
        heading(1, 'The Notorious Markets record'),
        paragraph(
          `A sourced record of ${dataset.markets.size} markets on the US Trade Representative’s Notorious Markets List across ${dataset.editions.length} editions, ` +
            `with ${dataset.stakeholders.size} stakeholders, their positions and quotes, events and dockets. Every fact names its public source. ` +
            `“No record” means the record holds nothing for that edition — never that the market was absent.`,
        ),
        paragraph(link(this.href(from, PAGE_PATH.coverage), 'Coverage: what the record knows and does not know'), text(' — every market × edition.')),
        heading(2, 'Markets'),
        table([[[text('Market')], [text('Local name')], [text('Country')], [text('Operator')], [text('Latest row on record')]], ...marketRows]),
        heading(2, 'Editions'),
        table([[[text('Edition')], [text('Published')], [text('Listed in the data')], [text('No record')]], ...editionRows]),
        heading(2, 'Stakeholders'),
        list(stakeholders.map((s) => [this.stakeholderLink(from, s.id), text(` — ${s.kind.replace(/-/g, ' ')}${s.country ? `, ${countryName(s.country)}` : ''}`)])),
        heading(2, 'Dockets'),
        list(dockets.map((d) => [link(this.href(from, PAGE_PATH.docket(d.cycle)), `${d.cycle} review`), text(d.docket_id ? ` — docket ${d.docket_id}` : '')])),
      ],
    };
  }

  coverage(): SitePageTree {
    const { dataset } = this;
    const from = PAGE_PATH.coverage;
    const map = coverage(dataset);
    const header = [[text('Market')], ...map.editions.map((id) => [this.editionLink(from, dataset.editionsById.get(id)!)]), [text('No record')]];
    const rows = map.markets.map((row) => [
      [this.marketLink(from, dataset.markets.get(row.market)!)],
      ...row.cells.map((cell) => listingCell(cell.state === 'no-record' ? null : cell.state === 'listed', cell.confidence)),
      [text(`${row.totals.noRecord} of ${row.cells.length}`)],
    ]);
    const t = map.totals;
    return {
      path: from,
      title: 'Coverage of the record',
      description: 'Every market × edition: listed, not listed, no record, unconfirmed.',
      children: [
        heading(1, 'Coverage of the record'),
        paragraph(
          `${t.markets} markets × ${map.editions.length} editions = ${t.cells} cells: ${t.listed} listed, ${t.notListed} recorded as not listed, ` +
            `${t.noRecord} with no record, ${t.unverified} resting on unconfirmed sources. Each market’s page cites the source of every cell.`,
        ),
        statusLegend('Each market’s page cites the source of every status.'),
        heading(2, 'Status by market and edition'),
        table([header, ...rows]),
      ],
    };
  }

  market(market: Market): SitePageTree {
    const { dataset } = this;
    const from = PAGE_PATH.market(market.id);
    const citations = new Citations(dataset);
    const status = marketStatus(dataset, market.id);
    const facts: PhrasingContent[] = [
      text(market.kind === 'online' ? 'Online market' : `Physical market${market.market_type ? ` (${market.market_type})` : ''}`),
      ...(market.domains?.length ? [text(` (${market.domains.join(', ')})`)] : []),
      ...(market.operator ? [text(' operated by '), this.stakeholderLink(from, market.operator)] : [text('; operator not recorded')]),
      text(`; ${market.kind === 'physical' ? 'in' : 'headquartered in'} ${marketPlace(market)}`),
      ...(market.launched ? [text(`; launched ${formatDate(market.launched)}`)] : []),
      text('.'),
      citations.cite(market.sources),
    ];
    const rows = status.editions.map((row) => {
      const edition = dataset.editionsById.get(row.edition)!;
      return [
        [this.editionLink(from, edition)],
        [text(formatDate(edition.published))],
        listingCell(row.listed, row.confidence, row.sources.length ? citations.cite(row.sources) : undefined),
        [text(changeWords(row.change))],
        [text(row.quote ? `“${row.quote}”` : ''), ...(row.note ? [text(row.quote ? ' ' : ''), emphasis(row.note)] : [])],
      ];
    });
    const positions = positionsOf(dataset, market.id).positions;
    return {
      path: from,
      title: `${market.name}${market.local_name ? ` (${market.local_name})` : ''} — the Notorious Markets record`,
      description: `${market.name}: status on USTR’s Notorious Markets List edition by edition, history, positions and quotes, with sources.`,
      children: [
        heading(1, market.name, ...(market.local_name ? [` (${market.local_name})`] : [])),
        paragraph(...facts),
        paragraph(text(market.description), citations.cite(market.sources)),
        heading(2, 'Status by edition'),
        statusLegend('Each status cites its source.'),
        table([[[text('Edition')], [text('Published')], [text('Status')], [text('Change')], [text('USTR’s words and notes')]], ...rows]),
        heading(2, 'History'),
        ...this.chronology(from, citations, timeline(dataset, [market.id])),
        heading(2, 'Positions'),
        ...(positions.length ? positions.flatMap((p) => this.position(from, citations, p)) : [paragraph('The record holds no position about this market.')]),
        ...citations.all(),
      ],
    };
  }

  /** A position: who asked USTR what, when, with its quotes. */
  position(from: string, citations: Citations, p: PositionAnswer): RootContent[] {
    const names = joinNames(p.markets.map((id) => this.dataset.markets.get(id)?.name ?? id));
    return [
      paragraph(
        strong(formatDate(p.date)),
        text(' — '),
        this.stakeholderLink(from, p.stakeholder),
        text(` ${STANCE_PHRASE[p.stance]} ${names} (${p.cycle} review)${p.confidence === 'unverified' ? ' (unconfirmed)' : ''}: ${p.summary}`),
        citations.cite(p.sources),
      ),
      ...this.quotes(citations, p.quotes),
    ];
  }

  edition(edition: Edition, index: number): SitePageTree {
    const { dataset } = this;
    const from = PAGE_PATH.edition(edition.id);
    const citations = new Citations(dataset);
    const roster = editionRoster(dataset, edition.id);
    const previous = dataset.editions[index - 1];
    const next = dataset.editions[index + 1];
    const docket = this.docketOf(edition);
    const counts = roster.officialCounts;
    const row = (r: RosterRow): (PhrasingContent[] | TableCell)[] => [
      [this.marketLink(from, dataset.markets.get(r.market)!)],
      [text(marketPlace(dataset.markets.get(r.market)!))],
      listingCell(r.listed, r.confidence, r.sources.length ? citations.cite(r.sources) : undefined),
      [text(changeWords(r.change))],
      [text(r.quote ? `“${r.quote}”` : '')],
    ];
    const changes: RootContent[] = [];
    if (previous) {
      const diff = editionDiff(dataset, previous.id, edition.id);
      const named = (ids: string[]): PhrasingContent[] => (ids.length ? ids.flatMap((id, i) => [...(i ? [text(', ')] : []), this.marketLink(from, dataset.markets.get(id)!)]) : [text('none in the data')]);
      changes.push(
        heading(2, 'Changes from the previous edition'),
        list([
          [strong('Added: '), ...named(diff.added)],
          [strong('Removed: '), ...named(diff.removed)],
          [strong('Kept: '), ...named(diff.retained)],
          [strong('Not comparable '), text('(a record in only one of the two editions): '), ...named(diff.unknown)],
        ]),
      );
    }
    return {
      path: from,
      title: `${edition.title} — the Notorious Markets record`,
      description: `${edition.title}: the markets the record holds for it, what changed, USTR’s issue focus, with sources.`,
      children: [
        heading(1, edition.title),
        paragraph(
          text(`Published ${formatDate(edition.published)}; review year ${edition.year}${edition.confidence === 'unverified' ? ' (unconfirmed)' : ''}.`),
          citations.cite(edition.sources),
          ...(docket ? [text(' Docket: '), link(this.href(from, PAGE_PATH.docket(docket.cycle)), docket.docket_id ?? `${docket.cycle} review`), text('.')] : []),
        ),
        ...(edition.issue_focus ? [paragraph(strong('Issue focus: '), text(edition.issue_focus), citations.cite(edition.sources))] : []),
        ...(counts
          ? [
              paragraph(
                strong('USTR’s own count: '),
                text([counts.online !== null ? `${counts.online} online` : '', counts.physical !== null ? `${counts.physical} physical` : '', counts.total !== null ? `${counts.total} in all` : ''].filter(Boolean).join(', ') + '.'),
                citations.cite(edition.sources),
                text(` The record holds ${roster.totals.listed} of the listed markets.`),
              ),
            ]
          : []),
        ...(edition.note ? [paragraph(emphasis(edition.note))] : []),
        paragraph(
          ...(previous ? [text('Previous: '), this.editionLink(from, previous, previous.title)] : []),
          ...(previous && next ? [text(' · ')] : []),
          ...(next ? [text('Next: '), this.editionLink(from, next, next.title)] : []),
        ),
        heading(2, 'Markets in the record'),
        paragraph(
          `${roster.totals.markets} markets: ${roster.totals.listed} listed, ${roster.totals.notListed} recorded as not listed, ${roster.totals.noRecord} with no record` +
            (roster.complete ? '.' : ' — the record cannot say whether those were listed.'),
        ),
        statusLegend('Each status cites its source.'),
        table([[[text('Market')], [text('Country')], [text('Status')], [text('Change')], [text('USTR’s words')]], ...[...roster.listed, ...roster.notListed, ...roster.noRecord].map(row)]),
        ...changes,
        ...citations.all(),
      ],
    };
  }

  stakeholder(stakeholder: Stakeholder): SitePageTree {
    const { dataset } = this;
    const from = PAGE_PATH.stakeholder(stakeholder.id);
    const citations = new Citations(dataset);
    const operated = operatedMarkets(dataset, stakeholder.id);
    const positions = positionsOf(dataset, stakeholder.id).positions;
    const events = dataset.events.filter((e) => e.actors.includes(stakeholder.id));
    const people = stakeholder.people.map((person) => [
      strong(person.name),
      text(': '),
      ...person.roles.flatMap((role, i) => {
        const span = role.from || role.to ? `${role.from ? formatDate(role.from) : '…'}–${role.to ? formatDate(role.to) : ''}` : `on record ${(role.attested ?? []).map(formatDate).join(', ')}`;
        return [...(i ? [text('; ')] : []), text(`${role.title} (${span})`), citations.cite(role.sources)];
      }),
    ]);
    const chronology = timeline(dataset, [stakeholder.id]).filter((e) => e.kind !== 'edition' && (e.stakeholder === stakeholder.id || events.some((ev) => ev.id === e.event)));
    return {
      path: from,
      title: `${stakeholder.name} — the Notorious Markets record`,
      description: `${stakeholder.name}: positions on USTR’s Notorious Markets List over time, quotes and events, with sources.`,
      children: [
        heading(1, stakeholder.name),
        paragraph(
          text(`${stakeholder.kind.replace(/-/g, ' ')}${stakeholder.country ? `, ${countryName(stakeholder.country)}` : ''}.`),
          ...(stakeholder.url ? [text(' '), link(stakeholder.url)] : []),
          citations.cite(stakeholder.sources),
        ),
        ...(stakeholder.description ? [paragraph(text(stakeholder.description), citations.cite(stakeholder.sources))] : []),
        ...(people.length ? [heading(2, 'People'), list(people)] : []),
        ...(operated.length ? [heading(2, 'Markets it operates'), list(operated.map((m) => [this.marketLink(from, m)]))] : []),
        heading(2, 'Positions over time'),
        ...(positions.length ? positions.flatMap((p) => this.position(from, citations, p)) : [paragraph('The record holds no position of this stakeholder.')]),
        heading(2, 'Chronology'),
        ...this.chronology(from, citations, chronology),
        ...citations.all(),
      ],
    };
  }

  docket(docket: Docket): SitePageTree {
    const { dataset } = this;
    const from = PAGE_PATH.docket(docket.cycle);
    const citations = new Citations(dataset);
    const edition = docket.edition ? dataset.editionsById.get(docket.edition) : dataset.editionsById.get(String(docket.cycle));
    const deadline = (label: string, date: string | undefined): PhrasingContent[][] =>
      date ? [[strong(`${label}: `), text(formatEasternTime(deadlineInstant(date, docket.deadline_time))), citations.cite(docket.sources)]] : [];
    const positions = dataset.positions.filter((p) => p.cycle === docket.cycle).map((p) => positionsOf(dataset, p.stakeholder).positions.find((a) => a.id === p.id)!);
    return {
      path: from,
      title: `${docket.cycle} review${docket.docket_id ? `, docket ${docket.docket_id}` : ''} — the Notorious Markets record`,
      description: `The ${docket.cycle} Notorious Markets review: Federal Register notice, deadlines and the filings the record holds.`,
      children: [
        heading(1, `${docket.cycle} review${docket.docket_id ? `: docket ${docket.docket_id}` : ''}`),
        list([
          [strong('Notice: '), text(`${formatDate(docket.notice_date)}${docket.fr_cite ? ` (${docket.fr_cite})` : ''}`), citations.cite(docket.sources)],
          ...deadline('Comments due', docket.comment_deadline),
          ...deadline('Rebuttals due', docket.rebuttal_deadline),
          ...(docket.deadline_note ? [[strong('Note: '), text(docket.deadline_note)]] : []),
          ...(edition ? [[strong('The edition it led to: '), this.editionLink(from, edition, edition.title)]] : []),
          ...(docket.confidence === 'unverified' ? [[emphasis('This docket’s record is unconfirmed: check the notice.')]] : []),
        ]),
        ...(docket.requirements.length ? [heading(2, 'What a filing must do'), list(docket.requirements.map((r) => [text(r)]))] : []),
        heading(2, 'Filings and positions in the record'),
        ...(positions.length ? positions.flatMap((p) => this.position(from, citations, p)) : [paragraph('The record holds no filing or position for this cycle.')]),
        ...citations.all(),
      ],
    };
  }
}

/** Every page of the site, in a stable order. */
export function sitePages(dataset: Dataset): SitePageTree[] {
  const build = new PageBuilder(dataset);
  const byId = <T extends { id: string }>(items: Iterable<T>): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [
    build.index(),
    build.coverage(),
    ...byId(dataset.markets.values()).map((m) => build.market(m)),
    ...dataset.editions.map((e, i) => build.edition(e, i)),
    ...byId(dataset.stakeholders.values()).map((s) => build.stakeholder(s)),
    ...[...dataset.dockets].sort((a, b) => a.cycle - b.cycle).map((d) => build.docket(d)),
  ];
}
