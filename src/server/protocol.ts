// What the build server and its clients share: which runs it takes, where its socket lives (a private folder in
// the cache folder), what identifies a server's build, and the messages on the socket (one JSON object a line).
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, statSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { codeFingerprint, defaultCacheDir } from '../load/cache.js';

/** The environment variable that sends `build` and `check` through the server (`1`, `true`, `on`, `yes`). */
export const SERVER_SETTING = 'DOCKETPRESS_SERVER';
/** Seconds without a request after which the server exits (default 900). */
export const IDLE_SETTING = 'DOCKETPRESS_SERVER_IDLE';
export const DEFAULT_IDLE_SECONDS = 900;

/** The socket's name in the server folder. */
export const SOCKET_NAME = 'docketpress.sock';

/**
 * The longest socket path the system takes (`sun_path` is 108 bytes on Linux, 104 on macOS, with the final NUL);
 * a longer one cannot be bound, so the client runs in-process instead.
 */
export const MAX_SOCKET_PATH = process.platform === 'linux' ? 107 : 103;

/** Whether the user asked for the server. */
export function serverWanted(env: NodeJS.ProcessEnv): boolean {
  return /^(1|true|on|yes)$/i.test(env[SERVER_SETTING] ?? '');
}

/** The command a command line runs: its first argument that is not an option (as the command line reads it). */
export function commandOf(argv: readonly string[]): string | undefined {
  return argv.find((arg) => !arg.startsWith('-'));
}

/**
 * Whether the server runs this command line: `build` (never `--watch`, which stays in its own process and is
 * already warm) and `check`. Everything else runs in-process.
 */
export function servable(argv: readonly string[]): boolean {
  const command = commandOf(argv);
  if (command !== 'build' && command !== 'check') return false;
  return !argv.some((arg) => arg.startsWith('--watch') || /^-[^-]*w/.test(arg));
}

/** The folder of the socket: `server/` in the cache folder, or false when the cache is off (`DOCKETPRESS_CACHE_DIR=off`). */
export function serverFolder(env: NodeJS.ProcessEnv): string | false {
  const cache = defaultCacheDir(env);
  return cache === false ? false : path.join(cache, 'server');
}

/**
 * Makes the server folder (mode 0700) and checks that only this user can reach it: it and the cache folder
 * holding it must belong to this user, and it must be a real folder, not a link. Returns a problem, or undefined.
 */
export function makePrivateFolder(folder: string): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return 'this system has no user ids to keep the socket private';
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const parent = statSync(path.dirname(folder));
    const own = lstatSync(folder);
    if (parent.uid !== uid) return `the cache folder ${path.dirname(folder)} belongs to another user`;
    if (!own.isDirectory()) return `${folder} is not a folder`;
    if (own.uid !== uid) return `${folder} belongs to another user`;
    if ((own.mode & 0o077) !== 0) chmodSync(folder, 0o700);
  } catch (error) {
    return `${folder} cannot be made private (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  return undefined;
}

/** The server's socket for this environment, or why there can be none. */
export function serverSocket(env: NodeJS.ProcessEnv): { socket: string } | { problem: string } {
  if (process.platform === 'win32') return { problem: 'there is no build server on Windows' };
  const folder = serverFolder(env);
  if (folder === false) return { problem: 'the cache is off (DOCKETPRESS_CACHE_DIR), and the socket lives in the cache folder' };
  const socket = path.join(folder, SOCKET_NAME);
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) return { problem: `the socket's path ${socket} is longer than ${MAX_SOCKET_PATH} bytes: set DOCKETPRESS_CACHE_DIR to a shorter folder` };
  const problem = makePrivateFolder(folder);
  return problem ? { problem } : { socket };
}

/** Environment variables a run reads, sent with each request (those the server was started with matter no further). */
export function isForwarded(name: string): boolean {
  return /^(DOCKETPRESS_|LC_)/.test(name) || ['NO_COLOR', 'FORCE_COLOR', 'TZ', 'HOME', 'XDG_CACHE_HOME', 'LANG'].includes(name);
}

/** The forwarded part of an environment. */
export function forwardedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => isForwarded(entry[0]) && entry[1] !== undefined));
}

/**
 * What a server must share with a client to answer it as the client's own process would: the build of
 * docketpress (its bundle's files), the Node binary and its flags, and the settings read once per process.
 */
export function serverIdentity(env: NodeJS.ProcessEnv): string {
  const parts = [codeFingerprint(), process.execPath, process.version, ...process.execArgv, `NODE_OPTIONS=${env.NODE_OPTIONS ?? ''}`, `DOCKETPRESS_PDF_SPEEDUPS=${env.DOCKETPRESS_PDF_SPEEDUPS ?? ''}`];
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** The idle timeout in milliseconds: `DOCKETPRESS_SERVER_IDLE` seconds (a positive number), else the default. */
export function idleMilliseconds(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env[IDLE_SETTING]);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_IDLE_SECONDS) * 1000;
}

/** A client's one message on a connection. */
export type Request =
  | {
      op: 'run';
      identity: string;
      argv: string[];
      cwd: string;
      env: Record<string, string>;
      umask: number;
      isTTY: boolean;
      columns?: number;
    }
  | { op: 'status' }
  | { op: 'stop' };

/** What the server says about itself. */
export interface ServerState {
  pid: number;
  identity: string;
  /** Runs answered (or under way) since it started. */
  requests: number;
  idleSeconds: number;
  busy: boolean;
  /** Render worker threads kept warm between runs. */
  warmWorkers: number;
}

/** The server's messages: for `run`, `accepted` then output then `exit` (or `leaving`, or `refused`); else one answer. */
export type Reply =
  | { type: 'accepted'; pid: number; request: number }
  | { type: 'out'; text: string }
  | { type: 'err'; text: string }
  | { type: 'exit'; code: number }
  /** This server will not run it (another build of docketpress, or it is stopping): start a fresh one. */
  | { type: 'leaving'; pid: number }
  /** This run cannot go through a server (the client runs it in its own process). */
  | { type: 'refused'; reason: string }
  | ({ type: 'status' } & ServerState)
  | { type: 'stopping'; pid: number };

/** Sends one message (dropped when the other end has gone). */
export function send(socket: Socket, message: Request | Reply): void {
  if (socket.writable) socket.write(`${JSON.stringify(message)}\n`);
}

/** Calls `onMessage` with each message that arrives (a line that is not JSON ends the connection). */
export function onMessages<T>(socket: Socket, onMessage: (message: T) => void): void {
  const lines = createInterface({ input: socket, crlfDelay: Number.POSITIVE_INFINITY });
  // readline passes on the socket's errors (ECONNRESET when the other end dies): the socket's own handlers deal
  // with the end of the connection, so here they must not go unhandled.
  lines.on('error', () => socket.destroy());
  lines.on('line', (line) => {
    let message: T;
    try {
      message = JSON.parse(line) as T;
    } catch {
      socket.destroy();
      return;
    }
    onMessage(message);
  });
}
