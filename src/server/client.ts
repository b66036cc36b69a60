// The client side of the build server: sends a command line to the user's server (starting one when none of this
// build answers) and relays what it prints; when the server cannot be used it says why, once, and the caller runs
// the command in its own process. Also what `docketpress server start|stop|status` asks the server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Io } from '../cli/output.js';
import type { StartReport } from './daemon.js';
import {
  forwardedEnv,
  onMessages,
  send,
  serverFolder,
  serverIdentity,
  serverSocket,
  type Reply,
  type Request,
  type ServerState,
} from './protocol.js';

/** The server's executable, beside this module in the bundle (absent when running from TypeScript sources). */
const SERVER_SCRIPT = fileURLToPath(new URL('./docketpress-server.js', import.meta.url));

/** How long a server may take to start listening before the client gives up on it. */
const START_TIMEOUT_MS = 30_000;

/** A connection to the socket, or undefined when nothing answers there (no file, a stale socket, a file in the way). */
function connectTo(socketPath: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.off('error', failed);
      resolve(socket);
    });
    const failed = (): void => {
      socket.destroy();
      resolve(undefined);
    };
    socket.once('error', failed);
  });
}

/** Sends one request and gives the first reply, or undefined when the connection ends without one. */
async function ask(socketPath: string, request: Request): Promise<Reply | undefined> {
  const socket = await connectTo(socketPath);
  if (!socket) return undefined;
  return new Promise((resolve) => {
    socket.on('error', () => socket.destroy());
    socket.once('close', () => resolve(undefined));
    onMessages<Reply>(socket, (reply) => {
      resolve(reply);
      socket.end();
    });
    send(socket, request);
  });
}

/** Starts a server in the background; gives its pid, or why it did not start. */
export function startServer(env: NodeJS.ProcessEnv): Promise<{ pid: number } | { problem: string }> {
  if (!existsSync(SERVER_SCRIPT)) return Promise.resolve({ problem: `${SERVER_SCRIPT} is missing (run \`npm run build\`)` });
  const folder = serverFolder(env);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, SERVER_SCRIPT], {
      cwd: folder === false ? undefined : folder,
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env,
    });
    let settled = false;
    const settle = (outcome: { pid: number } | { problem: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.connected) child.disconnect();
      child.unref();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      child.kill();
      settle({ problem: `the server did not start within ${START_TIMEOUT_MS / 1000} s` });
    }, START_TIMEOUT_MS);
    child.once('message', (message: StartReport) => settle('ready' in message ? { pid: message.pid } : { problem: message.failed }));
    child.once('error', (error) => settle({ problem: `the server could not be started (${error.message})` }));
    child.once('exit', (code, signal) => settle({ problem: `the server exited as it started (${signal ?? `exit code ${code}`})` }));
  });
}

/** What the server said about itself, or undefined when none answers. */
export async function serverStatus(socketPath: string): Promise<ServerState | undefined> {
  const reply = await ask(socketPath, { op: 'status' });
  if (reply?.type !== 'status') return undefined;
  const { type: _type, ...state } = reply;
  return state;
}

/** Asks the server to stop and waits until it has (after the runs it accepted); gives its pid, or undefined when none ran. */
export async function stopServer(socketPath: string): Promise<number | undefined> {
  const reply = await ask(socketPath, { op: 'stop' });
  if (reply?.type !== 'stopping') return undefined;
  while (isAlive(reply.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  return reply.pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How a run through the server ended. */
type Outcome = { code: number } | { leaving: true } | { problem: string };

/** Sends the run and relays its output as it comes, until its exit code. */
function runOn(socket: Socket, request: Request, io: Io): Promise<Outcome> {
  return new Promise((resolve) => {
    let accepted = false;
    socket.on('error', () => socket.destroy());
    socket.once('close', () => resolve({ problem: accepted ? 'the server stopped before the run was done' : 'the server closed the connection' }));
    onMessages<Reply>(socket, (reply) => {
      if (reply.type === 'accepted') accepted = true;
      else if (reply.type === 'out') io.out(reply.text);
      else if (reply.type === 'err') io.err(reply.text);
      else if (reply.type === 'exit') resolve({ code: reply.code });
      else if (reply.type === 'leaving') resolve({ leaving: true });
      else if (reply.type === 'refused') resolve({ problem: reply.reason });
    });
    send(socket, request);
  });
}

/**
 * Runs `docketpress ...argv` on the user's build server: the exit code, with everything the run printed
 * written to `io` — or undefined, after one warning on `io.err`, when it must run in this process instead.
 */
export async function runThroughServer(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  const fallBack = (problem: string): undefined => {
    io.err(`docketpress: warning: the build server cannot be used (${problem}), so this run builds in its own process\n`);
    return undefined;
  };
  const place = serverSocket(env);
  if ('problem' in place) return fallBack(place.problem);
  const request: Request = {
    op: 'run',
    identity: serverIdentity(env),
    argv: [...argv],
    cwd: io.cwd,
    env: forwardedEnv(env),
    umask: process.umask(),
    isTTY: io.isTTY,
    ...(io.columns === undefined ? {} : { columns: io.columns }),
  };
  // A server of another build leaves when asked; the second server started is of this build.
  for (let attempt = 0; attempt < 2; attempt++) {
    let socket = await connectTo(place.socket);
    if (!socket) {
      const started = await startServer(env);
      if ('problem' in started) return fallBack(started.problem);
      socket = await connectTo(place.socket);
      if (!socket) return fallBack('the server started but does not answer');
    }
    const outcome = await runOn(socket, request, io);
    socket.destroy();
    if ('code' in outcome) return outcome.code;
    if ('problem' in outcome) return fallBack(outcome.problem);
  }
  return fallBack('a server of this build did not take the run');
}
