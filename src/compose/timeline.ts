// The `timeline` composer: status-by-edition matrix, what changed edition to edition, and the dated chronology.
import type { PhrasingContent, RootContent, TableCell } from 'mdast';
import { editionDiff, marketStatus, timeline, type TimelineKind } from '../model/index.js';
import type { Edition, TimelineBrief } from '../schema/index.js';
import type { ComposeContext } from './context.js';
import type { Composed } from './filing.js';
import { reportParts } from './report.js';
import { editionLabel, formatDate, joinNames } from './format.js';
import { list, paragraph, statusCell, strong, table, text } from './nodes.js';
import { ReferenceCheck } from './references.js';

/** Cell text of the status matrix: never confuses "not listed" with "no record". */
export const STATUS_TEXT = { listed: 'listed', notListed: 'not listed', noRecord: 'no record', unconfirmed: ' (unconfirmed)' } as const;

const KIND_LABEL: Record<TimelineKind, string> = { edition: 'List', event: 'Event', position: 'Position' };

/** The legend that explains the matrix's words. */
export function statusLegend(): RootContent {
  return paragraph(
    strong('How to read the status.'),
    text(
      ` “${STATUS_TEXT.listed}”: on that edition’s list. “${STATUS_TEXT.notListed}”: a source says the market was not on it. ` +
        `“${STATUS_TEXT.noRecord}”: the dataset holds nothing for that edition — which is not the same as not listed. ` +
        `“(unconfirmed)”: the row rests on a secondary report or a mirror copy. ` +
        `The sources of every status are cited in the chronology below, at that edition’s date.`,
    ),
  );
}

/** Composes a timeline; returns the template bindings and the document's metadata. */
export function composeTimeline(context: ComposeContext, brief: TimelineBrief): Composed | undefined {
  const { dataset } = context;
  const refs = new ReferenceCheck(context);
  refs.needAll([...dataset.markets.keys()], ['markets'], 'market', brief.markets, 'markets are data/markets/<id>.yaml');
  if (brief.from !== undefined && brief.to !== undefined && brief.from > brief.to) {
    context.report(['from'], 'error', `\`from: ${brief.from}\` is after \`to: ${brief.to}\``, 'invalid-range');
    refs.ok = false;
  }
  if (!refs.ok) return undefined;
  const markets = brief.markets.map((id) => dataset.markets.get(id)!);
  const inRange = (year: number): boolean => (brief.from === undefined || year >= brief.from) && (brief.to === undefined || year <= brief.to);
  const editions = dataset.editions.filter((e) => inRange(e.year));
  const names = joinNames(markets.map((m) => m.name));
  const span = editions.length ? `${editions[0]!.year}–${editions[editions.length - 1]!.year}` : '';
  const title = brief.title ?? `${names} on USTR’s Notorious Markets List${span ? `, ${span}` : ''}: a sourced timeline`;

  const matrix = (): RootContent[] => {
    const statuses = markets.map((m) => new Map(marketStatus(dataset, m.id).editions.map((row) => [row.edition, row])));
    const header = [[text('Edition')], [text('Published')], ...markets.map((m) => [text(m.name)])];
    const rows = editions.map((edition) => [
      [text(editionLabel(edition))],
      [text(formatDate(edition.published))],
      ...statuses.map((byEdition): TableCell => {
        const row = byEdition.get(edition.id)!;
        if (row.listed === null) return statusCell({ status: 'no-record', unverified: false }, text(STATUS_TEXT.noRecord));
        const word = row.listed ? STATUS_TEXT.listed : STATUS_TEXT.notListed;
        const unverified = row.confidence === 'unverified';
        // The sources of each status are cited once, in the chronology's entry for that edition.
        return statusCell({ status: row.listed ? 'listed' : 'not-listed', unverified }, text(`${word}${unverified ? STATUS_TEXT.unconfirmed : ''}`));
      }),
    ]);
    return [statusLegend(), table([header, ...rows])];
  };

  const changes = (): RootContent[] => {
    const items: PhrasingContent[][] = [];
    const ids = new Set(brief.markets);
    let previous: Edition | undefined;
    for (const edition of editions) {
      if (previous) {
        const diff = editionDiff(dataset, previous.id, edition.id);
        const pick = (list: string[]): string[] => list.filter((id) => ids.has(id)).map((id) => dataset.markets.get(id)!.name);
        const parts = [
          ...(pick(diff.added).length ? [`added ${joinNames(pick(diff.added))}`] : []),
          ...(pick(diff.removed).length ? [`removed ${joinNames(pick(diff.removed))}`] : []),
        ];
        if (parts.length) items.push([strong(edition.title), text(` (${formatDate(edition.published)}): ${parts.join('; ')}.`)]);
      }
      previous = edition;
    }
    return items.length ? [list(items)] : [paragraph('No recorded change between consecutive editions in this range.')];
  };

  const chronology = (): RootContent[] => {
    const entries = timeline(dataset, brief.markets, { ...(brief.from === undefined ? {} : { from: brief.from }), ...(brief.to === undefined ? {} : { to: brief.to }) });
    if (entries.length === 0) return [paragraph('The dataset holds no dated entries for this range.')];
    const items = entries.flatMap((entry): PhrasingContent[][] => {
      const reference = context.citations.citeFact(entry.sources, ['markets'], `the ${formatDate(entry.date)} entry (${entry.summary})`);
      return reference ? [[strong(formatDate(entry.date)), text(` · ${KIND_LABEL[entry.kind]} — ${entry.summary}`), reference]] : [];
    });
    return items.length ? [list(items, true)] : [paragraph('The dataset holds no dated entries for this range that were public by this document’s date.')];
  };

  const { meta, directives } = reportParts(context, {
    title,
    author: 'docketpress',
    subject: `Timeline: ${names}`,
    keywords: ['Notorious Markets', 'timeline', ...markets.map((m) => m.name)],
    runningHeader: `Timeline · ${names}`,
    sampleNotice: 'SAMPLE — an illustrative timeline generated by docketpress from sourced data.',
  });
  return {
    meta,
    bindings: {
      directives: {
        ...directives,
        'status-matrix': matrix,
        'edition-changes': changes,
        chronology,
      },
      placeholders: { 'markets.names': names, date: formatDate(brief.date), span },
    },
  };
}
