// Compile-time proof that the registries leave no piece out: `npm run typecheck` compiles this file, and every
// `@ts-expect-error` below fails the typecheck if the error it expects ever stops happening. A throwaway kind
// (`memo`) and format (`rtf`) are written as a new contributor would write them, once whole and once with a
// piece missing or wrong.
import { z } from 'zod';
import type { Composed } from '../../src/compose/filing.js';
import type { FormatEntry, FormatRenderer, RenderRequest } from '../../src/render/formats/format.js';
import type { FormatId } from '../../src/render/formats/index.js';
import { KIND_IDS, type BriefKind } from '../../src/kinds/index.js';
import { noRules, type KindDefinition } from '../../src/kinds/kind.js';

const memoSchema = z.strictObject({ id: z.string(), kind: z.literal('memo'), date: z.string(), body: z.string() });
type Memo = z.output<typeof memoSchema>;
const composeMemo = (_context: unknown, brief: Memo): Composed | undefined => (brief.body ? undefined : undefined);
const scaffoldMemo: KindDefinition<typeof memoSchema>['scaffold'] = (_dataset, options) => ({ text: `id: ${options.id}\nkind: memo\n`, date: options.today, dateReason: 'today', todos: 0 });

// A whole kind compiles.
export const memo: KindDefinition<typeof memoSchema> = {
  kind: 'memo',
  schema: memoSchema,
  summary: 'a throwaway kind',
  filing: null,
  defaultFormats: ['md', 'pdf'],
  compose: composeMemo,
  scaffold: scaffoldMemo,
  rules: noRules,
};

// @ts-expect-error — a kind without its scaffold (what `new` writes) does not compile.
export const memoWithoutScaffold: KindDefinition<typeof memoSchema> = { kind: 'memo', schema: memoSchema, summary: '', filing: null, defaultFormats: ['md'], compose: composeMemo, rules: noRules };

// @ts-expect-error — nor one without its compliance rules (say `noRules` when it has none).
export const memoWithoutRules: KindDefinition<typeof memoSchema> = { kind: 'memo', schema: memoSchema, summary: '', filing: null, defaultFormats: ['md'], compose: composeMemo, scaffold: scaffoldMemo };

// @ts-expect-error — nor one without default formats.
export const memoWithoutFormats: KindDefinition<typeof memoSchema> = { kind: 'memo', schema: memoSchema, summary: '', filing: null, compose: composeMemo, scaffold: scaffoldMemo, rules: noRules };

export const memoWrongName: KindDefinition<typeof memoSchema> = {
  ...memo,
  // @ts-expect-error — the `kind` must be the schema's own literal.
  kind: 'note',
};

export const memoUnknownFormat: KindDefinition<typeof memoSchema> = {
  ...memo,
  // @ts-expect-error — a default format the format registry does not have.
  defaultFormats: ['md', 'rtf'],
};

export const memoWrongComposer: KindDefinition<typeof memoSchema> = {
  ...memo,
  // @ts-expect-error — a composer for another kind's spec.
  compose: (_context: unknown, brief: { kind: 'comment'; nominations: string[] }) => (brief.nominations.length ? undefined : undefined),
};

// The registry's kinds are exactly the specs' kinds: a name outside it is not a kind.
export const known: BriefKind[] = [...KIND_IDS];
// @ts-expect-error — `memo` is not registered in src/kinds/index.ts, so it is no brief kind.
export const unregistered: BriefKind = 'memo';

// A whole format compiles: an extension, a summary, whether it uses worker threads, and a renderer module.
const rtfRenderer: FormatRenderer = { render: async (request: RenderRequest) => ({ bytes: request.document.meta.title, visible: { layout: 'flow', text: '', ends: { first: '', last: '' }, metadata: {}, bookmarks: [] } }) };
export const formats = {
  rtf: { extension: 'rtf', summary: 'a throwaway format', threads: false, load: async () => rtfRenderer },
} satisfies Record<string, FormatEntry>;

export const formatWithoutVisibleText = {
  // @ts-expect-error — a renderer that returns bytes without the text it made visible (the checks read it).
  rtf: { extension: 'rtf', summary: '', threads: false, load: async () => ({ render: async () => ({ bytes: 'x' }) }) },
} satisfies Record<string, FormatEntry>;

export const formatWithoutRenderer = {
  // @ts-expect-error — a format module without `render`.
  rtf: { extension: 'rtf', summary: '', threads: false, load: async () => ({}) },
} satisfies Record<string, FormatEntry>;

export const flowWithoutEnds: FormatRenderer = {
  // @ts-expect-error — flowing text without its opening and closing lines (where the BC/P markings are checked).
  render: async () => ({ bytes: 'x', visible: { layout: 'flow', text: 'x', metadata: {}, bookmarks: [] } }),
};

// The formats are exactly the registry's: `rtf` is not one until it is listed in src/render/formats/index.ts.
export const registered: FormatId = 'pdf';
// @ts-expect-error — not registered.
export const unregisteredFormat: FormatId = 'rtf';
