// JSON Schema for every data (and brief) file kind, generated from the zod schemas for editors.
import * as z from 'zod';
import { ANSWER_SCHEMAS } from './answers.js';
import { DATA_FILE_KINDS, type DataFileKind } from './index.js';

/** File name of a kind's JSON Schema inside data/schema/. */
export function schemaFileName(kind: string): string {
  return `${kind}.schema.json`;
}

/** The JSON Schema documents, keyed by file name. */
export function jsonSchemas(extra: Record<string, z.ZodType> = {}): Record<string, object> {
  const result: Record<string, object> = {};
  const kinds = Object.entries(DATA_FILE_KINDS) as [DataFileKind, (typeof DATA_FILE_KINDS)[DataFileKind]][];
  for (const [kind, { schema, place }] of kinds) {
    result[schemaFileName(kind)] = {
      ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
      title: `docketpress ${kind} file (data/${place})`,
    };
  }
  for (const [kind, schema] of Object.entries(extra)) {
    result[schemaFileName(kind)] = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }), title: `docketpress ${kind} file` };
  }
  return result;
}

/** The JSON Schema of every query command's `--json` answer, keyed by file name (`timeline.schema.json` …). */
export function answerJsonSchemas(): Record<string, object> {
  const result: Record<string, object> = {};
  for (const [name, schema] of Object.entries(ANSWER_SCHEMAS)) {
    const command = name.replace('-next', ' --next');
    result[schemaFileName(name)] = { ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }), title: `docketpress ${command} --json` };
  }
  return result;
}
