// Parses, validates and cross-checks data file texts into a Dataset (the loader's pure core).
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { diagnostic, sortDiagnostics } from '../diagnostics/index.js';
// From the data schemas' own modules, not the index: the brief schemas are not built to load data/.
import { DATA_FILE_KINDS, dataFileKind, type DataFileKind } from '../schema/data-files.js';
import { docketSchema, type Docket } from '../schema/docket.js';
import { editionSchema, type Edition } from '../schema/edition.js';
import { eventSchema, type Event } from '../schema/event.js';
import { filerProfileSchema, type FilerProfile } from '../schema/filer.js';
import { marketSchema, type Market } from '../schema/market.js';
import { metricSchema, type Metric } from '../schema/metric.js';
import { positionSchema, type Position } from '../schema/position.js';
import { sourceSchema, type Source } from '../schema/source.js';
import { stakeholderSchema, type Stakeholder } from '../schema/stakeholder.js';
import { emptyDataset, type DataText, type Dataset, type LoadResult, type Origin } from './dataset.js';
import { checkReferences, type Registry } from './references.js';
import { placeOf, readYaml, visible, type PathSegment, type YamlFile } from './yaml-file.js';
import { validateWithPositions } from './zod-issues.js';
import type { z } from 'zod';

const ENTITY_SCHEMAS = {
  sources: { key: 'sources', schema: sourceSchema },
  editions: { key: 'editions', schema: editionSchema },
  positions: { key: 'positions', schema: positionSchema },
  events: { key: 'events', schema: eventSchema },
  dockets: { key: 'dockets', schema: docketSchema },
  metrics: { key: 'metrics', schema: metricSchema },
} as const;

/** What one data file gives, on its own: its messages, and its entities still to be registered with the others'. */
export interface FileReading {
  diagnostics: Diagnostic[];
  file?: YamlFile;
  /** The kind of entity the file should hold, when the file could not be read (its references are not checked). */
  unreadable?: EntityKind;
  rawCitedSources: string[];
  /** Ids seen on entities, valid or not (so a broken entity's references do not look unknown). */
  attempted: Array<[kind: string, id: string]>;
  entities: Array<{ kind: EntityKind; entity: object; path: PathSegment[] }>;
}

/** Parses and validates one data file (a pure function of its path, name and text). */
export function readDataText(text: DataText): FileReading {
  const reading: FileReading = { diagnostics: [], rawCitedSources: [], attempted: [], entities: [] };
  const kind = dataFileKind(text.relativePath);
  if (text.problem && kind) {
    reading.diagnostics.push(text.problem);
    reading.unreadable = entityKindOfFile(kind);
    return reading;
  }
  if (!kind) {
    reading.diagnostics.push(diagnostic(text.name, undefined, 'warning', `not a data file this tool knows, so it was not read: data files are ${Object.values(DATA_FILE_KINDS).map((k) => k.place).join(', ')}`, 'unknown-data-file'));
    return reading;
  }
  const parsed = readYaml(text.name, text.text);
  reading.file = parsed.file;
  reading.diagnostics.push(...parsed.diagnostics);
  if (!('value' in parsed) || parsed.diagnostics.some((d) => d.severity === 'error')) {
    reading.unreadable = entityKindOfFile(kind);
    return reading;
  }
  const sources = new Set<string>();
  collectRawSources(parsed.value, sources);
  reading.rawCitedSources = [...sources];
  readEntities(kind, text, parsed.file, parsed.value, reading);
  return reading;
}

/**
 * Readings of files by name and text, reused while a file is unchanged (watch mode keeps one across rebuilds,
 * so an edit re-reads that file only).
 */
export type ReadingMemo = Map<string, { text: string; reading: FileReading }>;

/** Builds a dataset from file texts (the loader's pure core, used by tests too). */
export function buildDataset(texts: readonly DataText[], memo?: ReadingMemo): LoadResult {
  const readings = texts.map((text) => {
    const known = memo?.get(text.name);
    if (known && known.text === text.text && !text.problem) return known.reading;
    const reading = readDataText(text);
    if (memo && !text.problem) memo.set(text.name, { text: text.text, reading });
    return reading;
  });
  return assembleDataset(texts, readings);
}

/** Registers every file's entities (duplicate ids are errors), then checks references across files. */
function assembleDataset(texts: readonly DataText[], readings: readonly FileReading[]): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const registry: Registry = { entities: new Map(), attemptedIds: new Map(), unreadableKinds: new Set(), rawCitedSources: new Set() };
  const dataset: Dataset = emptyDataset();
  const yamlFiles: YamlFile[] = [];
  for (const reading of readings) {
    diagnostics.push(...reading.diagnostics);
    if (reading.file) yamlFiles.push(reading.file);
    if (reading.unreadable) registry.unreadableKinds.add(reading.unreadable);
    for (const id of reading.rawCitedSources) registry.rawCitedSources.add(id);
    for (const [kind, id] of reading.attempted) remember(registry, kind, id);
    for (const { kind, entity, path } of reading.entities) register(dataset, registry, kind, entity, { file: reading.file!, path }, diagnostics);
  }

  dataset.editions.sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.year - b.year));
  dataset.dockets.sort((a, b) => a.cycle - b.cycle);
  diagnostics.push(...checkReferences(dataset, registry));
  return { dataset, diagnostics: sortDiagnostics(diagnostics), files: texts.map((t) => t.name), yamlFiles };
}

/** Every string listed under a `sources:` key anywhere in a parsed value (walked without recursion). */
function collectRawSources(value: unknown, into: Set<string>): void {
  const stack: object[] = [];
  const seen = new Set<object>(); // aliases can make a value refer to itself
  const push = (node: unknown): void => {
    if (node !== null && typeof node === 'object' && !seen.has(node)) {
      seen.add(node);
      stack.push(node);
    }
  };
  push(value);
  while (stack.length) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (const child of node) push(child);
      continue;
    }
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (key === 'sources' && Array.isArray(child)) for (const id of child) if (typeof id === 'string') into.add(id);
      push(child);
    }
  }
}

function rawId(value: unknown, key = 'id'): string | undefined {
  if (value && typeof value === 'object' && key in value) {
    const id = (value as Record<string, unknown>)[key];
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return undefined;
}

/** Validates the entities of one file; the valid ones go to the reading, to be registered with all the others. */
function readEntities(kind: DataFileKind, text: DataText, file: YamlFile, value: unknown, reading: FileReading): void {
  const { diagnostics } = reading;
  const remember = (entityKind: string, id: string): void => void reading.attempted.push([entityKind, id]);
  if (kind === 'market' || kind === 'stakeholder' || kind === 'filer') {
    const schema = kind === 'market' ? marketSchema : kind === 'filer' ? filerProfileSchema : stakeholderSchema;
    const attempted = rawId(value);
    if (attempted) remember(kind, attempted);
    remember(kind, path.posix.basename(text.relativePath).replace(/\.ya?ml$/, ''));
    const result = validateWithPositions(schema as z.ZodType, value, file, []);
    diagnostics.push(...result.diagnostics);
    if (!result.data) return;
    const entity = result.data as Market | Stakeholder | FilerProfile;
    const expected = path.posix.basename(text.relativePath).replace(/\.ya?ml$/, '');
    if (entity.id !== expected) {
      diagnostics.push(diagnostic(file.name, placeOf(file, ['id']), 'error', `the id \`${entity.id}\` does not match the file name \`${expected}\`: rename the file to \`${entity.id}.yaml\` or change the id`, 'id-file-mismatch'));
    }
    reading.entities.push({ kind, entity, path: [] });
    return;
  }
  const { key, schema } = ENTITY_SCHEMAS[kind];
  if (!value || typeof value !== 'object' || Array.isArray(value) || !(key in value)) {
    const empty = value === null || value === undefined;
    diagnostics.push(diagnostic(file.name, placeOf(file, []), 'error', `${empty ? 'this file is empty: it' : 'this file'} should hold a mapping with a \`${key}:\` list at the top (\`${key}:\` on the first line, then one \`- \` item per entry)`, 'missing-field'));
    return;
  }
  const extraKeys = Object.keys(value).filter((k) => k !== key);
  for (const extra of extraKeys) {
    diagnostics.push(diagnostic(file.name, placeOf(file, [extra], { key: true }), 'error', `unknown top-level field \`${extra}\`: this file holds only \`${key}:\``, 'unknown-field'));
  }
  const items = (value as Record<string, unknown>)[key];
  if (!Array.isArray(items)) {
    diagnostics.push(diagnostic(file.name, placeOf(file, [key]), 'error', `\`${key}\` should be a list (each item starting with \`- \`)`, 'invalid-type'));
    return;
  }
  items.forEach((item, index) => {
    const attempted = rawId(item, kind === 'dockets' ? 'cycle' : 'id');
    if (attempted) remember(singular(kind), attempted);
    if (kind === 'positions') for (const claimId of rawClaimIds(item)) remember('claim', claimId);
    const result = validateWithPositions(schema as z.ZodType, item, file, [key, index]);
    diagnostics.push(...result.diagnostics);
    if (result.data) reading.entities.push({ kind: singular(kind), entity: result.data as object, path: [key, index] });
  });
}

function rawClaimIds(item: unknown): string[] {
  const claims = item && typeof item === 'object' ? (item as Record<string, unknown>).claims : undefined;
  return Array.isArray(claims) ? claims.map((c) => rawId(c)).filter((id): id is string => id !== undefined) : [];
}

export type EntityKind = 'source' | 'edition' | 'market' | 'stakeholder' | 'filer' | 'position' | 'event' | 'docket' | 'metric' | 'person' | 'claim';

function entityKindOfFile(kind: DataFileKind): EntityKind {
  return kind === 'market' || kind === 'stakeholder' || kind === 'filer' ? kind : singular(kind);
}

function singular(kind: Exclude<DataFileKind, 'market' | 'stakeholder' | 'filer'>): EntityKind {
  const names = { sources: 'source', editions: 'edition', positions: 'position', events: 'event', dockets: 'docket', metrics: 'metric' } as const;
  return names[kind];
}

function remember(registry: Registry, kind: string, id: string): void {
  let ids = registry.attemptedIds.get(kind);
  if (!ids) registry.attemptedIds.set(kind, (ids = new Set()));
  ids.add(id);
}

/** Registers an entity under its id; a second entity with the same id is a duplicate-id error. */
function claimId(registry: Registry, kind: EntityKind, id: string, origin: Origin, diagnostics: Diagnostic[], idPath: PathSegment[]): boolean {
  let table = registry.entities.get(kind);
  if (!table) registry.entities.set(kind, (table = new Map()));
  const first = table.get(id);
  if (first) {
    const at = first.file.placeOf(first.path);
    diagnostics.push(diagnostic(origin.file.name, origin.file.placeOf(idPath), 'error', `duplicate ${kind} id \`${id}\` (first defined at ${first.file.name}:${at.line}:${at.column}): give one of them another id`, 'duplicate-id'));
    return false;
  }
  table.set(id, origin);
  return true;
}

function register(dataset: Dataset, registry: Registry, kind: EntityKind, entity: object, origin: Origin, diagnostics: Diagnostic[]): void {
  const e = entity as { id?: string; cycle?: number };
  const id = kind === 'docket' ? String(e.cycle) : String(e.id);
  const idPath = [...origin.path, kind === 'docket' ? 'cycle' : 'id'];
  if (!claimId(registry, kind, id, origin, diagnostics, idPath)) return;
  dataset.origins.set(entity, origin);
  switch (kind) {
    case 'source':
      dataset.sources.set(id, entity as Source);
      break;
    case 'edition':
      dataset.editions.push(entity as Edition);
      dataset.editionsById.set(id, entity as Edition);
      break;
    case 'market': {
      const market = entity as Market;
      dataset.markets.set(id, market);
      market.listings.forEach((listing, index) => dataset.origins.set(listing, { file: origin.file, path: [...origin.path, 'listings', index] }));
      break;
    }
    case 'stakeholder': {
      const stakeholder = entity as Stakeholder;
      dataset.stakeholders.set(id, stakeholder);
      stakeholder.people.forEach((person, index) => {
        const personOrigin = { file: origin.file, path: [...origin.path, 'people', index] };
        if (claimId(registry, 'person', person.id, personOrigin, diagnostics, [...personOrigin.path, 'id'])) {
          dataset.people.set(person.id, { person, stakeholder });
          dataset.origins.set(person, personOrigin);
        }
      });
      break;
    }
    case 'position': {
      const position = entity as Position;
      dataset.positions.push(position);
      position.claims.forEach((claim, index) => {
        const claimOrigin = { file: origin.file, path: [...origin.path, 'claims', index] };
        if (claimId(registry, 'claim', claim.id, claimOrigin, diagnostics, [...claimOrigin.path, 'id'])) {
          dataset.claims.set(claim.id, { claim, position });
          dataset.origins.set(claim, claimOrigin);
        }
      });
      position.quotes.forEach((quote, index) => dataset.origins.set(quote, { file: origin.file, path: [...origin.path, 'quotes', index] }));
      break;
    }
    case 'filer':
      dataset.filers.set(id, entity as FilerProfile);
      break;
    case 'event':
      dataset.events.push(entity as Event);
      break;
    case 'docket':
      dataset.dockets.push(entity as Docket);
      break;
    case 'metric':
      dataset.metrics.push(entity as Metric);
      break;
    default:
      break;
  }
}
