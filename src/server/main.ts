// The build server's executable (dist/bin/docketpress-server.js), started in the background by a client.
import { serve } from './daemon.js';

if (!(await serve())) process.exitCode = 1;
