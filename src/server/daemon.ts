// The build server: one long-lived process that runs `build` and `check` for its clients, one run at a time, as
// each client's own process would (its arguments, folder, environment, umask and terminal), so that modules stay
// loaded and code stays compiled between runs. Listens on a socket only its user can reach; exits when idle, when
// stopped, when a client of another build arrives, or when another server takes the socket's place.
import { chmodSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import { runCli } from '../cli/run.js';
import type { Io } from '../cli/output.js';
import { keepWorkersWarm, warmWorkerCount } from '../pipeline/render-pool.js';
import {
  forwardedEnv,
  idleMilliseconds,
  isForwarded,
  onMessages,
  send,
  servable,
  serverSocket,
  serverIdentity,
  type Request,
} from './protocol.js';

/** What the server tells the process that started it, once (over Node's IPC channel). */
export type StartReport = { ready: true; pid: number } | { failed: string };

/** How often the server checks that the socket's name still leads to it. */
const PLACE_CHECK_MS = 2000;

type RunRequest = Extract<Request, { op: 'run' }>;

/**
 * Starts the server and reports to the process that started it that it is ready, or why it could not start
 * (then resolves false). Once ready, it runs until it stops (see above).
 */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const report = (message: StartReport): void => {
    if (process.send) process.send(message, () => process.disconnect?.());
  };
  const fail = (reason: string): false => {
    report({ failed: reason });
    return false;
  };
  const place = serverSocket(env);
  if ('problem' in place) return fail(place.problem);
  const socketPath = place.socket;
  const folder = path.dirname(socketPath);
  process.title = 'docketpress server';
  process.chdir(folder);
  // Whatever the server itself creates is private; each run gets its client's umask.
  const privateMask = 0o077;
  process.umask(privateMask);

  // PDFs rendered on worker threads: the workers stay warm between runs too.
  keepWorkersWarm();
  const identity = serverIdentity(env);
  const idleMs = idleMilliseconds(env);
  // Bound under a name of its own, then renamed over the socket's name: that replaces a stale socket (or a
  // file in the way) at once, and two servers starting together leave one answering — the other notices.
  const ownName = path.join(folder, `${process.pid}.sock`);
  try {
    unlinkSync(ownName);
  } catch {
    // none left by an earlier process of this id
  }
  const server = createServer((socket) => accept(socket));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(ownName, () => resolve());
    });
    chmodSync(ownName, 0o600);
    renameSync(ownName, socketPath);
  } catch (error) {
    server.close();
    return fail(`cannot listen on ${socketPath} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const ownInode = statSync(socketPath).ino;

  let requests = 0;
  let busy = 0;
  let stopping = false;
  let queue: Promise<void> = Promise.resolve();
  let idleTimer: NodeJS.Timeout | undefined;

  const holdsPlace = (): boolean => {
    try {
      return statSync(socketPath).ino === ownInode;
    } catch {
      return false;
    }
  };
  /** Stops taking connections and leaves once the runs accepted are done. */
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    clearTimeout(idleTimer);
    clearInterval(placeCheck);
    if (holdsPlace()) unlinkSync(socketPath);
    server.close();
    void queue.then(() => {
      // Connections end after their last message; anything else still holding the process does not keep it.
      setTimeout(() => process.exit(0), 1000).unref();
    });
  };
  const waitIdle = (): void => {
    clearTimeout(idleTimer);
    if (busy === 0 && !stopping) idleTimer = setTimeout(stop, idleMs);
  };
  const placeCheck = setInterval(() => {
    if (!holdsPlace()) stop();
  }, PLACE_CHECK_MS);
  placeCheck.unref();

  /** Runs one client's command line as its own process would, relaying its output. */
  const runFor = async (socket: Socket, request: RunRequest): Promise<void> => {
    if (socket.destroyed) return; // the client left (Ctrl-C) before its turn: nothing started, nothing to finish
    clearTimeout(idleTimer);
    try {
      process.chdir(request.cwd);
    } catch (error) {
      send(socket, { type: 'refused', reason: `cannot enter ${request.cwd} (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      socket.end();
      return;
    }
    for (const name of Object.keys(process.env)) if (isForwarded(name)) delete process.env[name];
    Object.assign(process.env, forwardedEnv(request.env));
    process.umask(request.umask);
    // A client that goes away (Ctrl-C) does not stop the run: it finishes its files, and its output is dropped.
    const io: Io = {
      out: (text) => send(socket, { type: 'out', text }),
      err: (text) => send(socket, { type: 'err', text }),
      cwd: request.cwd,
      isTTY: request.isTTY,
      ...(request.columns === undefined ? {} : { columns: request.columns }),
    };
    try {
      const code = await runCli(request.argv, io);
      send(socket, { type: 'exit', code });
      socket.end();
    } finally {
      process.umask(privateMask);
      process.chdir(folder);
    }
  };

  const accept = (socket: Socket): void => {
    socket.on('error', () => socket.destroy()); // a client that went away
    let answered = false;
    onMessages<Request>(socket, (request) => {
      if (answered) return; // one request a connection
      answered = true;
      if (request.op === 'status') {
        send(socket, { type: 'status', pid: process.pid, identity, requests, idleSeconds: idleMs / 1000, busy: busy > 0, warmWorkers: warmWorkerCount() });
        socket.end();
      } else if (request.op === 'stop') {
        send(socket, { type: 'stopping', pid: process.pid });
        socket.end();
        stop();
      } else if (request.op === 'run') {
        if (request.identity !== identity || stopping) {
          // A client of another build (or a server on its way out): leave the place to a server of its own.
          if (holdsPlace()) unlinkSync(socketPath);
          send(socket, { type: 'leaving', pid: process.pid });
          socket.end();
          stop();
          return;
        }
        if (!servable(request.argv)) {
          send(socket, { type: 'refused', reason: 'this command runs in its own process' });
          socket.end();
          return;
        }
        requests++;
        busy++;
        clearTimeout(idleTimer);
        send(socket, { type: 'accepted', pid: process.pid, request: requests });
        // One run at a time: runs share the process's folder, environment and umask.
        queue = queue
          .then(() => runFor(socket, request))
          .catch(() => {
            socket.destroy();
          })
          .finally(() => {
            busy--;
            waitIdle();
          });
      } else {
        socket.destroy();
      }
    });
  };

  report({ ready: true, pid: process.pid });
  waitIdle();
  return true;
}
