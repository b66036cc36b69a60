#!/usr/bin/env node
// The `docketpress` executable: runs the command line and exits with its code.
import { surviveClosedPipes } from './output.js';
import { runCli } from './run.js';

// A reader that closes the pipe early (`docketpress build | head -1`) is not an error, and does not stop the
// work: the rest of the output is dropped and the exit code says whether everything was done.
surviveClosedPipes();

process.exitCode = await runCli(process.argv.slice(2));
