// Turns zod validation issues into positioned diagnostics that say what is wrong and what to do.
import { compile, type z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { suggestion } from '../diagnostics/suggest.js';
import { ISSUE_RULE } from '../schema/common.js';
import { characterName, INVISIBLE_CHARACTER, placeOf, placeOfCharacter, visible, type PathSegment, type YamlFile } from './yaml-file.js';

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text \`${visible(value, 40)}\``;
  return `${typeof value} \`${visible(String(value), 40)}\``;
}

function fieldName(path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((segment) => typeof segment === 'string');
  return named === undefined ? 'this value' : `\`${String(named)}\``;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a mapping',
};

/** The pattern of ids (lower-case kebab-case), to recognise id format issues. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** ` (did you mean `taobao-2016`?)` for an id written with capitals, spaces or underscores. */
function slugSuggestion(input: string): string {
  const slug = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug && slug !== input && ID_PATTERN.test(slug) ? ` (did you mean \`${slug}\`?)` : '';
}

/** How to rewrite a date in a common local form (10/07/2016, 7.10.2016, 2016/10/07) as YYYY-MM-DD. */
function dateHint(input: string): string {
  const pad = (n: string): string => n.padStart(2, '0');
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(input.trim());
  if (ymd) return ` (did you mean \`${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}\`?)`;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(input.trim());
  if (!dmy) return '';
  const [, a, b, year] = dmy as unknown as [string, string, string, string];
  const monthFirst = `${year}-${pad(a)}-${pad(b)}`;
  const dayFirst = `${year}-${pad(b)}-${pad(a)}`;
  if (Number(a) > 12) return ` (did you mean \`${dayFirst}\`?)`;
  if (Number(b) > 12 || monthFirst === dayFirst) return ` (did you mean \`${monthFirst}\`?)`;
  return ` (\`${monthFirst}\` if the month comes first, \`${dayFirst}\` if the day does)`;
}

function allowedKeys(schemaKeys: readonly string[] | undefined): string {
  return schemaKeys && schemaKeys.length > 0 ? `; allowed here: ${schemaKeys.map((k) => `\`${k}\``).join(', ')}` : '';
}

/** Names the rule and message for one issue, given where it sits. */
function explain(issue: Issue, objectKeys: (path: readonly PropertyKey[]) => string[] | undefined): { message: string; ruleId: string } {
  const field = fieldName(issue.path);
  const isSources = issue.path[issue.path.length - 1] === 'sources';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        if (isSources) return { message: 'this fact names no source: add `sources: [source-id]` citing a public source', ruleId: 'missing-source' };
        return { message: `${field} is required here: add it`, ruleId: 'missing-field' };
      }
      const yamlWord = issue.expected === 'boolean' && typeof issue.input === 'string' && /^(?:y|yes|n|no|on|off)$/i.test(issue.input) ? ` (YAML 1.2 reads \`${issue.input}\` as text: write \`${/^(?:y|yes|on)$/i.test(issue.input) ? 'true' : 'false'}\`)` : '';
      const quotedNumber = (issue.expected === 'number' || issue.expected === 'int') && typeof issue.input === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(issue.input) ? ' (remove the quotes around the number)' : '';
      return { message: `${field} should be ${EXPECTED[issue.expected] ?? issue.expected}, found ${describeValue(issue.input)}${yamlWord}${quotedNumber}`, ruleId: 'invalid-type' };
    }
    case 'too_small':
      if (isSources) return { message: 'this fact names no source: list at least one source id under `sources:`', ruleId: 'missing-source' };
      if (issue.origin === 'array') return { message: `${field} needs at least ${String(issue.minimum)} item(s)`, ruleId: 'too-few-items' };
      if (issue.origin === 'string') return { message: `${field} must not be empty`, ruleId: 'empty-text' };
      return { message: `${field} must be at least ${String(issue.minimum)}`, ruleId: 'out-of-range' };
    case 'too_big':
      return { message: `${field} must be at most ${String(issue.maximum)}`, ruleId: 'out-of-range' };
    case 'invalid_value': {
      const allowed = issue.values.map((v) => `\`${String(v)}\``).join(', ');
      const hint = typeof issue.input === 'string' ? suggestion(issue.input, issue.values.map(String)) : '';
      return { message: `${field} must be one of ${allowed}, found ${describeValue(issue.input)}${hint}`, ruleId: 'invalid-value' };
    }
    case 'unrecognized_keys': {
      const keys = objectKeys(issue.path);
      const invisibleKey = issue.keys.find((key) => INVISIBLE_CHARACTER.test(key));
      if (invisibleKey !== undefined) {
        const char = INVISIBLE_CHARACTER.exec(invisibleKey)![0];
        const clean = invisibleKey.replace(new RegExp(INVISIBLE_CHARACTER.source, 'gu'), '');
        return { message: `the field name \`${visible(invisibleKey)}\` holds an invisible character ${characterName(char)}: delete it (retype \`${visible(clean)}\`)${allowedKeys(keys)}`, ruleId: 'invisible-character' };
      }
      const names = issue.keys.map((key) => `\`${visible(key)}\`${suggestion(key, keys ?? [])}`).join(', ');
      return { message: `unknown field ${names}: remove it or fix its spelling${allowedKeys(keys)}`, ruleId: 'unknown-field' };
    }
    case 'invalid_format': {
      const input = typeof issue.input === 'string' ? issue.input : undefined;
      const invisible = input === undefined ? null : INVISIBLE_CHARACTER.exec(input);
      if (invisible) {
        return {
          message: `${field} holds an invisible character ${characterName(invisible[0])} (found \`${visible(input!)}\`): delete it — retype the value rather than pasting it`,
          ruleId: 'invisible-character',
        };
      }
      const slug = input !== undefined && 'pattern' in issue && String(issue.pattern) === String(ID_PATTERN) ? slugSuggestion(input) : '';
      return { message: `${field}: ${issue.message}${input !== undefined ? ` (found \`${visible(input)}\`)${slug}` : ''}`, ruleId: 'invalid-format' };
    }
    case 'invalid_union': {
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator && Array.isArray(options) && issue.errors.length === 0) {
        const given = issue.input && typeof issue.input === 'object' ? (issue.input as Record<string, unknown>)[discriminator] : undefined;
        const allowed = options.map((v) => `\`${String(v)}\``).join(', ');
        if (given === undefined) return { message: `\`${discriminator}\` is required here: add one of ${allowed}`, ruleId: 'missing-field' };
        const hint = typeof given === 'string' ? suggestion(given, options.map(String)) : '';
        return { message: `\`${discriminator}\` must be one of ${allowed}, found ${describeValue(given)}${hint}`, ruleId: 'invalid-value' };
      }
      const inner = issue.errors.flat()[0];
      if (inner) return explain({ ...inner, path: [...issue.path, ...inner.path] } as Issue, objectKeys);
      return { message: `${field} has an unexpected form`, ruleId: 'invalid-type' };
    }
    case 'custom': {
      const ruleId = (issue.params as Record<string, unknown> | undefined)?.[ISSUE_RULE];
      const input = (issue as { input?: unknown }).input;
      const invisible = typeof input === 'string' ? INVISIBLE_CHARACTER.exec(input) : null;
      if (invisible && ruleId === 'invalid-date') {
        return { message: `${field} holds an invisible character ${characterName(invisible[0])} (found \`${visible(String(input))}\`): delete it — retype the date as YYYY-MM-DD`, ruleId: 'invisible-character' };
      }
      const hint = ruleId === 'invalid-date' && typeof input === 'string' ? dateHint(input) : '';
      return { message: `${visible(issue.message, 200)}${hint}`, ruleId: typeof ruleId === 'string' ? ruleId : 'invalid-value' };
    }
    default:
      return { message: `${field}: ${issue.message}`, ruleId: 'invalid-value' };
  }
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The field names the object schema at `path` allows (for "did you mean" on unknown fields). */
export function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current: z.ZodType | undefined = schema;
  const remaining = [...path];
  for (let guard = 0; current && guard < 100; guard++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (remaining.length === 0) return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
    else if (def.type === 'object' && def.shape) current = def.shape[String(remaining.shift())];
    else if (def.type === 'array' && def.element) {
      remaining.shift();
      current = def.element;
    } else return undefined;
  }
  return undefined;
}

/**
 * Values a schema validates before it is compiled. `z.compile` gives the same results and the same issues (a value
 * the compiled check rejects is parsed again by the plain schema) several times faster per value, but compiling
 * costs a few milliseconds a schema: worth it for a thousand markets, not for a handful.
 */
const COMPILE_AFTER = 256;
const tiers = new WeakMap<z.ZodType, { uses: number; compiled?: z.ZodType }>();

/** The schema to validate with: itself while it has validated few values, then its compiled form. */
export function validatorFor<S extends z.ZodType>(schema: S): S {
  let tier = tiers.get(schema);
  if (!tier) tiers.set(schema, (tier = { uses: 0 }));
  if (tier.compiled) return tier.compiled as S;
  if (++tier.uses >= COMPILE_AFTER) tier.compiled = compile(schema);
  return schema;
}

/** Validates a value with a schema; every issue becomes a diagnostic at its YAML node. */
export function validateWithPositions<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: YamlFile,
  basePath: readonly PathSegment[],
): { data?: z.output<S>; diagnostics: Diagnostic[] } {
  const result = validatorFor(schema).safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => {
    const { message, ruleId } = explain(issue, (p) => objectKeysAt(schema, p));
    const path = [...basePath, ...issue.path.map((s) => (typeof s === 'number' ? s : String(s)))];
    if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
      const key = issue.keys.find((k) => INVISIBLE_CHARACTER.test(k)) ?? issue.keys[0];
      const index = ruleId === 'invisible-character' ? key.search(INVISIBLE_CHARACTER) : -1;
      const place = index >= 0 ? placeOfCharacter(file, [...path, key], index, { key: true }) : placeOf(file, [...path, key], { key: true });
      return diagnostic(file.name, place, 'error', message, ruleId);
    }
    const input = (issue as { input?: unknown }).input;
    if (ruleId === 'invisible-character' && typeof input === 'string') {
      return diagnostic(file.name, placeOfCharacter(file, path, input.search(INVISIBLE_CHARACTER)), 'error', message, ruleId);
    }
    return diagnostic(file.name, placeOf(file, path), 'error', message, ruleId);
  });
  return { diagnostics };
}
