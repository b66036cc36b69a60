// The brief kinds. Adding a kind is adding its file (./<kind>.ts, a `defineKind`) and one entry here: the spec
// schema, the composer lookup, `new` and its help, the compliance gates and the default formats all read this.
import * as z from 'zod';
import { comment } from './comment.js';
import { diff } from './diff.js';
import type { BriefSchema, KindDefinition } from './kind.js';
import { policyBrief } from './policy-brief.js';
import { response } from './response.js';
import { timeline } from './timeline.js';

const KIND_LIST = [comment, response, policyBrief, timeline, diff] as const;

type Kinds = (typeof KIND_LIST)[number];
type SchemasOf<T extends readonly { schema: BriefSchema }[]> = { -readonly [I in keyof T]: T[I]['schema'] };

/** A brief spec of any kind (`kind:` tells which). */
export const briefSchema = z.discriminatedUnion('kind', KIND_LIST.map((k) => k.schema) as unknown as SchemasOf<typeof KIND_LIST>);
export type Brief = z.output<typeof briefSchema>;
export type BriefKind = Kinds['kind'];

/** Every kind's id, in the registry's order. */
export const KIND_IDS: readonly BriefKind[] = KIND_LIST.map((k) => k.kind);

const BY_ID = new Map<string, KindDefinition>(KIND_LIST.map((k) => [k.kind, k as unknown as KindDefinition]));

/**
 * The definition of a kind. Its `compose` and `rules` take a brief of that kind: `kindOf(brief.kind)` with the
 * same brief is the one pairing the registry guarantees, so they are typed for any brief here.
 */
export function kindOf(kind: BriefKind): KindDefinition<z.ZodType<Brief>> {
  return BY_ID.get(kind) as unknown as KindDefinition<z.ZodType<Brief>>;
}

/** Whether a string names a kind. */
export function isBriefKind(value: string): value is BriefKind {
  return BY_ID.has(value);
}
