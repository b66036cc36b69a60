#!/usr/bin/env node
// The `docketpress` executable: runs the command line and exits with its code.
import { runCli } from './run.js';

// A reader that closes the pipe early (`docketpress status taobao | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2));
