// `docketpress schema [--answers] [--out DIR]`: write JSON Schema for every data file kind (or every JSON answer), generated from the zod schemas.
import path from 'node:path';
import { displayPath } from '../../diagnostics/index.js';
import { briefSchema } from '../../kinds/index.js';
import { answerJsonSchemas, jsonSchemas } from '../../schema/json-schema.js';
import { writeFileAtomic } from '../../render/write.js';
import { EXIT_OK } from '../errors.js';
import type { CommandContext } from '../context.js';

/** Runs `docketpress schema`. */
export async function run({ options, io, values }: CommandContext): Promise<number> {
  const answers = values.answers === true;
  const dir = options.outGiven ? options.out : path.join(options.data, 'schema', ...(answers ? ['answers'] : []));
  for (const [name, schema] of Object.entries(answers ? answerJsonSchemas() : jsonSchemas({ brief: briefSchema }))) {
    const file = path.join(dir, name);
    await writeFileAtomic(file, `${JSON.stringify(schema, null, 2)}\n`);
    io.out(`wrote ${displayPath(file, io.cwd)}\n`);
  }
  return EXIT_OK;
}
