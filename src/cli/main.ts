#!/usr/bin/env node
// The `docketpress` executable: runs the command line (on the build server when asked) and exits with its code.
import { servable, serverWanted } from '../server/protocol.js';
import { processIo, surviveClosedPipes } from './output.js';
import { runCli } from './run.js';

// A reader that closes the pipe early (`docketpress build | head -1`) is not an error, and does not stop the
// work: the rest of the output is dropped and the exit code says whether everything was done.
surviveClosedPipes();

const argv = process.argv.slice(2);
// DOCKETPRESS_SERVER=1: `build` and `check` run in a warm background process (src/server/); when it cannot be
// used, the client has said why and the run happens here, as without it.
const served = serverWanted(process.env) && servable(argv) ? await (await import('../server/client.js')).runThroughServer(argv, processIo) : undefined;
process.exitCode = served ?? (await runCli(argv));
