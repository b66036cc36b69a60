// The dataset every query, composer and check works on, and where each of its entities was read from.
// Owned here so model/ never imports the loader (load/ fills it; the loader's parser stays behind `Locator`).
import type { Locator, PathSegment } from '../diagnostics/locator.js';
import type { Brief, Claim, Docket, Edition, Event, FilerProfile, Market, Metric, Person, Position, Source, Stakeholder } from '../schema/index.js';

/** Where an entity was read from: its file and its path inside that file. */
export interface Origin {
  file: Locator;
  path: PathSegment[];
}

/** The validated, cross-checked dataset every query and composer works on. */
export interface Dataset {
  sources: Map<string, Source>;
  /** Editions sorted by publication date (oldest first). */
  editions: Edition[];
  editionsById: Map<string, Edition>;
  markets: Map<string, Market>;
  stakeholders: Map<string, Stakeholder>;
  /** Filer profiles (data/filers/): a filer's own letterhead, self-description, signatory and contact. */
  filers: Map<string, FilerProfile>;
  people: Map<string, { person: Person; stakeholder: Stakeholder }>;
  positions: Position[];
  claims: Map<string, { claim: Claim; position: Position }>;
  events: Event[];
  dockets: Docket[];
  metrics: Metric[];
  /** The file and YAML path each entity came from, for positioned messages later in the pipeline. */
  origins: OriginIndex;
}

/** Entity → where it was read from; also lists its entries. A restored dataset fills it on first use. */
export class OriginIndex {
  // A Map, not a WeakMap: the entries below keep every entity alive anyway, and a Map is cheaper to fill and to collect.
  readonly #byEntity = new Map<object, Origin>();
  readonly #entries: Array<[object, Origin]> = [];
  #fill: ((index: OriginIndex) => void) | undefined;

  /** `fill` runs once, before the first lookup (queries that never look anything up never pay for it). */
  constructor(fill?: (index: OriginIndex) => void) {
    this.#fill = fill;
  }

  #settle(): void {
    const fill = this.#fill;
    this.#fill = undefined;
    fill?.(this);
  }

  get(entity: object): Origin | undefined {
    this.#settle();
    return this.#byEntity.get(entity);
  }

  set(entity: object, origin: Origin): this {
    if (!this.#byEntity.has(entity)) this.#entries.push([entity, origin]);
    this.#byEntity.set(entity, origin);
    return this;
  }

  entries(): ReadonlyArray<readonly [object, Origin]> {
    this.#settle();
    return this.#entries;
  }
}


/** A dataset with nothing in it. */
export function emptyDataset(): Dataset {
  return {
    sources: new Map(),
    editions: [],
    editionsById: new Map(),
    markets: new Map(),
    stakeholders: new Map(),
    filers: new Map(),
    people: new Map(),
    positions: [],
    claims: new Map(),
    events: [],
    dockets: [],
    metrics: [],
    origins: new OriginIndex(),
  };
}

/** A validated brief spec and the file it came from, as composers and checks see it. */
export interface BriefSource {
  brief: Brief;
  file: Locator;
  /** Absolute path of the spec. */
  path: string;
}
