// Which zod schema validates which kind of data file, and where each kind lives (without the brief schemas, which the loader of data/ does not need).
import type { z } from 'zod';
import { docketsFileSchema } from './docket.js';
import { editionsFileSchema } from './edition.js';
import { filerProfileSchema } from './filer.js';
import { eventsFileSchema } from './event.js';
import { marketSchema } from './market.js';
import { metricsFileSchema } from './metric.js';
import { positionsFileSchema } from './position.js';
import { sourcesFileSchema } from './source.js';
import { stakeholderSchema } from './stakeholder.js';

/** Every kind of file in `data/`, with its schema and where it lives (relative to the data folder). */
export const DATA_FILE_KINDS = {
  sources: { schema: sourcesFileSchema, place: 'sources/*.yaml or sources.yaml', oneEntityPerFile: false },
  editions: { schema: editionsFileSchema, place: 'editions.yaml', oneEntityPerFile: false },
  market: { schema: marketSchema, place: 'markets/<market-id>.yaml', oneEntityPerFile: true },
  stakeholder: { schema: stakeholderSchema, place: 'stakeholders/<stakeholder-id>.yaml', oneEntityPerFile: true },
  filer: { schema: filerProfileSchema, place: 'filers/<filer-id>.yaml', oneEntityPerFile: true },
  positions: { schema: positionsFileSchema, place: 'positions.yaml', oneEntityPerFile: false },
  events: { schema: eventsFileSchema, place: 'events.yaml', oneEntityPerFile: false },
  dockets: { schema: docketsFileSchema, place: 'dockets.yaml', oneEntityPerFile: false },
  metrics: { schema: metricsFileSchema, place: 'metrics.yaml', oneEntityPerFile: false },
} as const satisfies Record<string, { schema: z.ZodType; place: string; oneEntityPerFile: boolean }>;

export type DataFileKind = keyof typeof DATA_FILE_KINDS;

/**
 * Which kind of data file a path (relative to the data folder, `/`-separated) holds,
 * or undefined when the path is not a data file.
 */
export function dataFileKind(relativePath: string): DataFileKind | undefined {
  const parts = relativePath.split('/');
  if (parts.length === 2) {
    if (parts[0] === 'markets') return 'market';
    if (parts[0] === 'stakeholders') return 'stakeholder';
    if (parts[0] === 'filers') return 'filer';
    if (parts[0] === 'sources') return 'sources';
    return undefined;
  }
  if (parts.length !== 1) return undefined;
  const base = parts[0]!.replace(/\.ya?ml$/, '');
  const kinds: Record<string, DataFileKind> = {
    sources: 'sources',
    editions: 'editions',
    positions: 'positions',
    events: 'events',
    dockets: 'dockets',
    metrics: 'metrics',
  };
  return kinds[base];
}
