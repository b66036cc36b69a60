// `docketpress site [--out out/site] [--serve] [--port N]`: the whole record as a static website; optionally served on localhost.
import path from 'node:path';
import { datasetForQuery } from '../data.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import type { CommandContext } from '../context.js';

/** Runs `docketpress site`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, options, values } = context;
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number from 0 to 65535, not \`${String(values.port)}\``);
  const dataset = await datasetForQuery(context);
  if (!dataset) return EXIT_CONTENT;
  const { writeSite, serveSite } = await import('../../site/index.js');
  const outDir = options.outGiven ? options.out : path.resolve(io.cwd, 'out', 'site');
  const { files } = await writeSite(dataset, outDir);
  const relative = path.relative(io.cwd, outDir);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? outDir : relative;
  io.out(`wrote ${files.length} files to ${shown}/ — open ${path.join(shown, 'index.html')}\n`);
  if (values.serve !== true) return EXIT_OK;
  const server = await serveSite(outDir, port);
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  io.out(`serving ${shown}/ at http://127.0.0.1:${actual}/ (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT_OK;
}
