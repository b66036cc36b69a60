// Turns zod validation issues into positioned diagnostics that say what is wrong and what to do.
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { ISSUE_RULE } from '../schema/common.js';
import { placeOf, type PathSegment, type YamlFile } from './yaml-file.js';

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return `${typeof value} \`${String(value)}\``;
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

/** A "did you mean" suggestion when a word is close to one of the allowed words. */
export function suggestion(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(word, [...candidates]);
  return distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean \`${best}\`?)` : '';
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
      return { message: `${field} should be ${EXPECTED[issue.expected] ?? issue.expected}, found ${describeValue(issue.input)}`, ruleId: 'invalid-type' };
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
      const names = issue.keys.map((key) => `\`${key}\`${suggestion(key, keys ?? [])}`).join(', ');
      return { message: `unknown field ${names}: remove it or fix its spelling${allowedKeys(keys)}`, ruleId: 'unknown-field' };
    }
    case 'invalid_format':
      return { message: `${field}: ${issue.message}${issue.input !== undefined ? ` (found \`${issue.input}\`)` : ''}`, ruleId: 'invalid-format' };
    case 'invalid_union': {
      const inner = issue.errors.flat()[0];
      if (inner) return explain({ ...inner, path: [...issue.path, ...inner.path] } as Issue, objectKeys);
      return { message: `${field} has an unexpected form`, ruleId: 'invalid-type' };
    }
    case 'custom': {
      const ruleId = (issue.params as Record<string, unknown> | undefined)?.[ISSUE_RULE];
      return { message: issue.message, ruleId: typeof ruleId === 'string' ? ruleId : 'invalid-value' };
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

/** Validates a value with a schema; every issue becomes a diagnostic at its YAML node. */
export function validateWithPositions<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: YamlFile,
  basePath: readonly PathSegment[],
): { data?: z.output<S>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => {
    const { message, ruleId } = explain(issue, (p) => objectKeysAt(schema, p));
    const path = [...basePath, ...issue.path.map((s) => (typeof s === 'number' ? s : String(s)))];
    if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
      return diagnostic(file.name, placeOf(file, [...path, issue.keys[0]], { key: true }), 'error', message, ruleId);
    }
    return diagnostic(file.name, placeOf(file, path), 'error', message, ruleId);
  });
  return { diagnostics };
}
