// `docketpress schema [--out DIR]`: write JSON Schema for every data file kind, generated from the zod schemas.
import path from 'node:path';
import { displayPath } from '../../diagnostics/index.js';
import { briefSchema } from '../../schema/brief.js';
import { jsonSchemas } from '../../schema/json-schema.js';
import { writeFileAtomic } from '../../render/write.js';
import { EXIT_OK } from '../errors.js';
import type { CommandContext } from '../context.js';

/** Runs `docketpress schema`. */
export async function run({ options, io }: CommandContext): Promise<number> {
  const dir = options.outGiven ? options.out : path.join(options.data, 'schema');
  for (const [name, schema] of Object.entries(jsonSchemas({ brief: briefSchema }))) {
    const file = path.join(dir, name);
    await writeFileAtomic(file, `${JSON.stringify(schema, null, 2)}\n`);
    io.out(`wrote ${displayPath(file, io.cwd)}\n`);
  }
  return EXIT_OK;
}
