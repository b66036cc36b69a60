// `docketpress server start|stop|status`: the background build server that `DOCKETPRESS_SERVER=1` sends `build`
// and `check` to (see src/server/).
import { suggestion } from '../../diagnostics/suggest.js';
import { serverStatus, startServer, stopServer } from '../../server/client.js';
import { serverSocket } from '../../server/protocol.js';
import { idleMilliseconds, serverIdentity } from '../../server/protocol.js';
import { EXIT_CONTENT, EXIT_OK, UsageError } from '../errors.js';
import { json } from '../output.js';
import type { CommandContext } from '../context.js';

export const SERVER_ACTIONS = ['start', 'stop', 'status'] as const;

/** Runs `docketpress server <action>`. */
export async function run({ positionals, options, io }: CommandContext): Promise<number> {
  const action = positionals[0]!;
  if (!(SERVER_ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`unknown action \`${action}\`${suggestion(action, SERVER_ACTIONS)}: \`docketpress server\` takes ${SERVER_ACTIONS.join(', ')}`);
  }
  const place = serverSocket(process.env);
  if ('problem' in place) throw new UsageError(`no build server: ${place.problem}`);
  const state = await serverStatus(place.socket);
  const sameBuild = state?.identity === serverIdentity(process.env);
  if (action === 'status') {
    if (options.json) {
      io.out(json(state ? { running: true, pid: state.pid, requests: state.requests, busy: state.busy, idleSeconds: state.idleSeconds, warmWorkers: state.warmWorkers, sameBuild, socket: place.socket } : { running: false, socket: place.socket }));
    } else if (state) {
      const build = sameBuild ? '' : ' (another build of docketpress: the next build through it starts a fresh server)';
      io.out(`running: pid ${state.pid}, ${state.requests} run(s) taken, ${state.busy ? 'busy' : 'idle'}, exits after ${state.idleSeconds} s without a run${build}; socket ${place.socket}\n`);
    } else {
      io.out(`not running; socket ${place.socket}\n`);
    }
    return EXIT_OK;
  }
  if (action === 'stop') {
    const pid = state ? await stopServer(place.socket) : undefined;
    io.out(pid === undefined ? 'no build server was running\n' : `stopped the build server (pid ${pid})\n`);
    return EXIT_OK;
  }
  if (state && sameBuild) {
    io.out(`the build server is already running (pid ${state.pid})\n`);
    return EXIT_OK;
  }
  const started = await startServer(process.env);
  if ('problem' in started) {
    io.err(`docketpress: the build server did not start: ${started.problem}\n`);
    return EXIT_CONTENT;
  }
  io.out(`started the build server (pid ${started.pid}); it exits after ${idleMilliseconds(process.env) / 1000} s without a run\n`);
  return EXIT_OK;
}
