// Cross-reference and date-order checks over a loaded dataset: every id cited must exist, dates must make sense.
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { surelyBefore, yearOf } from '../schema/partial-date.js';
import type { Dataset, Origin } from './dataset.js';
import type { PathSegment } from './yaml-file.js';
import { suggestion } from '../diagnostics/suggest.js';

/** What the loader registered: entity origins by kind and id, and ids seen on entities that failed validation. */
export interface Registry {
  entities: Map<string, Map<string, Origin>>;
  attemptedIds: Map<string, Set<string>>;
  /** Kinds with a file that could not be parsed: references to them are not checked (they would all look unknown). */
  unreadableKinds: Set<string>;
  /** Source ids named under any `sources:` of any parsed file, valid or not (so a broken fact does not make its sources look unused). */
  rawCitedSources: Set<string>;
}

type RefKind = 'source' | 'edition' | 'market' | 'stakeholder' | 'person' | 'claim';

const HOW_TO_ADD: Record<RefKind, string> = {
  source: 'add it to data/sources/*.yaml',
  edition: 'add it to data/editions.yaml',
  market: 'add data/markets/<id>.yaml',
  stakeholder: 'add data/stakeholders/<id>.yaml',
  person: 'add the person under `people:` of a stakeholder',
  claim: 'add it under `claims:` of a position in data/positions.yaml',
};

/** Runs every cross-reference and date check; returns the problems found. */
export function checkReferences(dataset: Dataset, registry: Registry): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const citedSources = new Set<string>();

  const known = (kind: RefKind): string[] => [...(registry.entities.get(kind)?.keys() ?? [])];
  const ref = (kind: RefKind, id: string | undefined, origin: Origin | undefined, at: PathSegment[]): void => {
    if (id === undefined || !origin) return;
    if (kind === 'source') citedSources.add(id);
    if (registry.entities.get(kind)?.has(id)) return;
    if (registry.attemptedIds.get(kind)?.has(id)) return; // that entity is invalid and already reported
    if (registry.unreadableKinds.has(kind)) return;
    const where = origin.file.placeOf([...origin.path, ...at]);
    problems.push(diagnostic(origin.file.name, where, 'error', `unknown ${kind} \`${id}\`${suggestion(id, known(kind))}: fix the id or ${HOW_TO_ADD[kind]}`, 'unknown-reference'));
  };
  const refs = (kind: RefKind, ids: readonly string[] | undefined, origin: Origin | undefined, key: string): void => {
    (ids ?? []).forEach((id, index) => ref(kind, id, origin, [key, index]));
  };
  const dateOrder = (origin: Origin | undefined, at: PathSegment[], message: string): void => {
    if (!origin) return;
    problems.push(diagnostic(origin.file.name, origin.file.placeOf([...origin.path, ...at]), 'error', message, 'date-order'));
  };
  const o = (entity: object): Origin | undefined => dataset.origins.get(entity);

  for (const edition of dataset.editions) {
    refs('source', edition.sources, o(edition), 'sources');
    if (yearOf(edition.published) < edition.year) {
      dateOrder(o(edition), ['published'], `edition \`${edition.id}\` is published ${edition.published}, before its review year ${edition.year}: check the date or the year`);
    }
    if (edition.launched && surelyBefore(edition.published, edition.launched)) {
      dateOrder(o(edition), ['launched'], `edition \`${edition.id}\` is launched ${edition.launched}, after it was published ${edition.published}`);
    }
  }

  for (const market of dataset.markets.values()) {
    const origin = o(market);
    refs('source', market.sources, origin, 'sources');
    ref('stakeholder', market.operator, origin, ['operator']);
    const seen = new Map<string, number>();
    market.listings.forEach((listing, index) => {
      const listingOrigin = o(listing);
      refs('source', listing.sources, listingOrigin, 'sources');
      ref('edition', listing.edition, listingOrigin, ['edition']);
      const before = seen.get(listing.edition);
      if (before !== undefined) {
        problems.push(diagnostic(origin!.file.name, origin!.file.placeOf(['listings', index, 'edition']), 'error', `a second listing row for edition \`${listing.edition}\` (the first is row ${before + 1}): keep one row per edition`, 'duplicate-id'));
      }
      seen.set(listing.edition, index);
      const edition = dataset.editionsById.get(listing.edition);
      if (edition && market.launched && surelyBefore(edition.published, market.launched)) {
        dateOrder(listingOrigin, ['edition'], `${market.name} is ${listing.listed ? 'listed' : 'recorded as removed'} in edition \`${edition.id}\` (published ${edition.published}), before the market existed (launched ${market.launched}): check the edition or \`launched\``);
      }
    });
  }

  for (const stakeholder of dataset.stakeholders.values()) {
    refs('source', stakeholder.sources, o(stakeholder), 'sources');
    for (const person of stakeholder.people) {
      person.roles.forEach((role, index) => {
        const personOrigin = o(person);
        role.sources.forEach((id, s) => ref('source', id, personOrigin, ['roles', index, 'sources', s]));
        if (role.from && role.to && surelyBefore(role.to, role.from)) {
          dateOrder(personOrigin, ['roles', index, 'to'], `${person.name}'s role "${role.title}" ends (${role.to}) before it begins (${role.from})`);
        }
      });
    }
  }

  for (const position of dataset.positions) {
    const origin = o(position);
    refs('source', position.sources, origin, 'sources');
    ref('stakeholder', position.stakeholder, origin, ['stakeholder']);
    ref('person', position.person, origin, ['person']);
    refs('market', position.markets, origin, 'markets');
    position.quotes.forEach((quote, index) => {
      quote.sources.forEach((id, s) => ref('source', id, origin, ['quotes', index, 'sources', s]));
      ref('person', quote.speaker, origin, ['quotes', index, 'speaker']);
    });
    position.claims.forEach((claim, index) => claim.sources.forEach((id, s) => ref('source', id, origin, ['claims', index, 'sources', s])));
    const person = position.person ? dataset.people.get(position.person) : undefined;
    if (person && person.stakeholder.id !== position.stakeholder) {
      problems.push(diagnostic(origin!.file.name, origin!.file.placeOf([...origin!.path, 'person']), 'warning', `${person.person.name} belongs to \`${person.stakeholder.id}\`, not to \`${position.stakeholder}\`: check the person or the stakeholder`, 'person-stakeholder-mismatch'));
    }
  }

  for (const event of dataset.events) {
    const origin = o(event);
    refs('source', event.sources, origin, 'sources');
    refs('stakeholder', event.actors, origin, 'actors');
    refs('person', event.people, origin, 'people');
    refs('market', event.markets, origin, 'markets');
    if (event.end_date && surelyBefore(event.end_date, event.date)) {
      dateOrder(origin, ['end_date'], `event \`${event.id}\` ends (${event.end_date}) before it begins (${event.date})`);
    }
  }

  for (const docket of dataset.dockets) {
    const origin = o(docket);
    refs('source', docket.sources, origin, 'sources');
    ref('edition', docket.edition, origin, ['edition']);
    if (docket.comment_deadline && docket.comment_deadline < docket.notice_date) {
      dateOrder(origin, ['comment_deadline'], `the ${docket.cycle} comment deadline ${docket.comment_deadline} falls before the notice (${docket.notice_date})`);
    }
    if (docket.rebuttal_deadline && docket.comment_deadline && docket.rebuttal_deadline < docket.comment_deadline) {
      dateOrder(origin, ['rebuttal_deadline'], `the ${docket.cycle} rebuttal deadline ${docket.rebuttal_deadline} falls before the comment deadline ${docket.comment_deadline}`);
    }
  }

  for (const metric of dataset.metrics) {
    const origin = o(metric);
    refs('source', metric.sources, origin, 'sources');
    ref('market', metric.market, origin, ['market']);
    ref('stakeholder', metric.reported_by, origin, ['reported_by']);
  }

  // With a data file unreadable, the facts citing a source may be in it: "unused" would be a false alarm.
  const everyFileRead = registry.unreadableKinds.size === 0;
  for (const source of everyFileRead ? dataset.sources.values() : []) {
    if (!citedSources.has(source.id) && !registry.rawCitedSources.has(source.id)) {
      const origin = o(source);
      if (origin) problems.push(diagnostic(origin.file.name, origin.file.placeOf([...origin.path, 'id']), 'warning', `source \`${source.id}\` is not cited by any fact: cite it or remove it`, 'unused-source'));
    }
  }
  return problems;
}
