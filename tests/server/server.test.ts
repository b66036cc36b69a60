// The build server end to end: the real command line (dist/bin/docketpress.js) with DOCKETPRESS_SERVER=1 in temp
// folders, compared with runs in their own process. Timeouts and polling limits are hang guards; nothing is timed.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAR_LINE } from '../../src/cli/progress.js';
import { onMessages, send, SOCKET_NAME, type Reply, type Request } from '../../src/server/protocol.js';
import { fileHashes, ROOT } from '../hostile/helpers.js';
import { requireFreshBuild } from '../helpers/built.js';
import { copySampleProject } from '../helpers/sample-project.js';

const BIN = path.join(ROOT, 'dist/bin/docketpress.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'dps-'));
let folders = 0;
/** A fresh folder below the scratch folder (short paths: a socket path has at most 103 bytes). */
const fresh = (): string => {
  const dir = path.join(scratch, String(folders++));
  mkdirSync(dir);
  return dir;
};
/** A fresh folder holding a copy of the sample project, to run in: a user's own brief in briefs/ changes nothing here. */
const project = (): string => copySampleProject(fresh());

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the real command line; `onLine` sees each line of stdout as it comes. */
function start(args: string[], cwd: string, env: Record<string, string>, onLine?: (line: string) => void): { pid: number; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, DOCKETPRESS_SERVER: '', ...env } });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    partial += text;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) onLine?.(line);
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { pid: child.pid!, done };
}

const run = (args: string[], cwd: string, env: Record<string, string>): Promise<Run> => start(args, cwd, env).done;

interface Status {
  running: boolean;
  pid?: number;
  requests?: number;
  sameBuild?: boolean;
  socket: string;
}

async function status(cache: string): Promise<Status> {
  const result = await run(['server', 'status', '--json'], scratch, { DOCKETPRESS_CACHE_DIR: cache });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Status;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (a hang guard, not a timing) until `done` holds. */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

const servers = new Set<number>();
async function stopAll(cache: string): Promise<void> {
  const state = await status(cache);
  if (state.pid) servers.add(state.pid);
  await run(['server', 'stop'], scratch, { DOCKETPRESS_CACHE_DIR: cache });
}

beforeAll(requireFreshBuild);
afterAll(() => {
  for (const pid of servers) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** A run of the default build in its own process: what it printed and the files it wrote. */
let reference: { run: Run; files: Map<string, string> };

describe('a build through the server', () => {
  const cache = fresh();
  const served = { DOCKETPRESS_CACHE_DIR: cache, DOCKETPRESS_SERVER: '1' };
  beforeAll(async () => {
    const cwd = project();
    const result = await run(['build', '--no-cache'], cwd, { DOCKETPRESS_CACHE_DIR: cache });
    reference = { run: result, files: fileHashes(path.join(cwd, 'out')) };
  }, 240_000);
  afterAll(() => stopAll(cache), 120_000);

  it('writes the same files and prints the same lines as a build in its own process, and a second run reuses the server', async () => {
    expect(reference.run.code).toBe(0);
    expect(reference.files.size).toBeGreaterThan(20);
    const cwd = project();
    const first = await run(['build', '--no-cache'], cwd, served);
    expect(first).toEqual(reference.run);
    expect(fileHashes(path.join(cwd, 'out'))).toEqual(reference.files);
    const afterFirst = await status(cache);
    expect(afterFirst).toMatchObject({ running: true, requests: 1, sameBuild: true });
    servers.add(afterFirst.pid!);

    const again = await run(['build', '--no-cache'], cwd, served);
    expect(again).toEqual(reference.run);
    expect(fileHashes(path.join(cwd, 'out'))).toEqual(reference.files);
    expect(await status(cache)).toMatchObject({ running: true, pid: afterFirst.pid, requests: 2 });

    // Only this user can reach the socket.
    const socket = lstatSync(afterFirst.socket);
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(lstatSync(path.dirname(afterFirst.socket)).mode & 0o777).toBe(0o700);
  }, 240_000);

  it('answers `check` as its own process would', async () => {
    const cwd = project();
    const own = await run(['check'], cwd, { DOCKETPRESS_CACHE_DIR: cache });
    const viaServer = await run(['check'], cwd, served);
    expect(own.code).toBe(0);
    expect(viaServer).toEqual(own);
  }, 120_000);

  it('shows progress only to a client at a terminal', async () => {
    const { socket: socketPath } = await status(cache);
    const ask = (request: Request): Promise<Reply[]> =>
      new Promise((resolve, reject) => {
        const replies: Reply[] = [];
        const socket = connect(socketPath);
        socket.on('error', reject);
        socket.on('close', () => resolve(replies));
        onMessages<Reply>(socket, (reply) => replies.push(reply));
        send(socket, request);
      });
    const [state] = await ask({ op: 'status' });
    expect(state?.type).toBe('status');
    const identity = state?.type === 'status' ? state.identity : '';
    const cwd = project();
    const request = { op: 'run' as const, identity, argv: ['build', '--format', 'md', '--no-cache'], cwd, env: { DOCKETPRESS_CACHE_DIR: cache }, umask: 0o022, columns: 60 };
    const atTerminal = await ask({ ...request, isTTY: true });
    const text = (replies: Reply[]): string => replies.map((reply) => (reply.type === 'out' ? reply.text : '')).join('');
    expect(atTerminal[0]?.type).toBe('accepted');
    expect(atTerminal.at(-1)).toEqual({ type: 'exit', code: 0 });
    expect(text(atTerminal)).toContain(CLEAR_LINE);
    expect(text(atTerminal)).toMatch(/\r\x1b\[Kbuilt \d+ brief\(s\), \d+ file\(s\) in \d+\.\d s\n$/);
    const piped = await ask({ ...request, isTTY: false });
    expect(piped.at(-1)).toEqual({ type: 'exit', code: 0 });
    expect(text(piped)).not.toContain('\r');
    expect(text(piped)).toMatch(/^wrote out\//);
  }, 120_000);

  it('finishes the run of a client stopped with Ctrl-C', async () => {
    const cwd = project();
    let interrupted = false;
    const client = start(['build', '--no-cache'], cwd, served, (line) => {
      if (!interrupted && line.startsWith('wrote ')) {
        interrupted = true;
        process.kill(client.pid, 'SIGINT');
      }
    });
    const result = await client.done;
    expect(interrupted).toBe(true);
    expect(result.signal).toBe('SIGINT');
    // `server stop` returns once the server has finished what it accepted and exited.
    const stopped = await run(['server', 'stop'], scratch, { DOCKETPRESS_CACHE_DIR: cache });
    expect(stopped.stdout).toMatch(/^stopped the build server \(pid \d+\)\n$/);
    expect(fileHashes(path.join(cwd, 'out'))).toEqual(reference.files);
  }, 240_000);

  it('falls back to its own process when the server dies during the run, and the build still succeeds', async () => {
    await run(['server', 'start'], scratch, { DOCKETPRESS_CACHE_DIR: cache });
    const { pid } = await status(cache);
    servers.add(pid!);
    const cwd = project();
    let killed = false;
    const result = await start(['build', '--no-cache'], cwd, served, (line) => {
      if (!killed && line.startsWith('wrote ')) {
        killed = true;
        process.kill(pid!, 'SIGKILL');
      }
    }).done;
    expect(killed).toBe(true);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('docketpress: warning: the build server'));
    expect(warnings).toEqual(['docketpress: warning: the build server cannot be used (the server stopped before the run was done), so this run builds in its own process']);
    expect(fileHashes(path.join(cwd, 'out'))).toEqual(reference.files);
    // The dead server's socket is left behind: the next run replaces it with a fresh server.
    expect(existsSync((await status(cache)).socket)).toBe(true);
    const next = await run(['build', 'taobao-timeline', '--format', 'md'], project(), served);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toContain('build server');
    expect(await status(cache)).toMatchObject({ running: true, requests: 1 });
  }, 240_000);
});

describe('the server and its socket', () => {
  const small = ['build', 'taobao-timeline', '--format', 'md'];

  it('replaces a stale socket', async () => {
    const cache = fresh();
    const socketPath = path.join(cache, 'server', SOCKET_NAME);
    mkdirSync(path.dirname(socketPath), { mode: 0o700 });
    // A server that died without cleaning up: its socket file stays, and nothing listens on it.
    const dead = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => console.log('up'))`]);
    await new Promise((resolve) => dead.stdout.once('data', resolve));
    dead.kill('SIGKILL');
    await new Promise((resolve) => dead.once('close', resolve));
    expect(lstatSync(socketPath).isSocket()).toBe(true);
    expect((await status(cache)).running).toBe(false);

    const result = await run(small, project(), { DOCKETPRESS_CACHE_DIR: cache, DOCKETPRESS_SERVER: '1' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(await status(cache)).toMatchObject({ running: true, requests: 1 });
    await stopAll(cache);
    expect(existsSync(socketPath)).toBe(false);
  }, 120_000);

  it('takes runs of two clients at once, one after the other', async () => {
    const cache = fresh();
    const env = { DOCKETPRESS_CACHE_DIR: cache, DOCKETPRESS_SERVER: '1' };
    await run(['server', 'start'], scratch, { DOCKETPRESS_CACHE_DIR: cache });
    const [a, b] = await Promise.all([run(small, project(), env), run(small, project(), env)]);
    expect(a.code).toBe(0);
    expect(b).toEqual(a);
    expect(a.stdout).toBe('wrote out/taobao-timeline/taobao-timeline.md\n');
    expect(await status(cache)).toMatchObject({ running: true, requests: 2 });
    await stopAll(cache);
  }, 120_000);

  it("writes files with the client's umask", async () => {
    const cache = fresh();
    await run(['server', 'start'], scratch, { DOCKETPRESS_CACHE_DIR: cache });
    // A shell sets the umask, then becomes the command line.
    const withMask = (cwd: string, served: boolean): Promise<number | null> =>
      new Promise((resolve) => {
        const env = { ...process.env, DOCKETPRESS_CACHE_DIR: cache, DOCKETPRESS_SERVER: served ? '1' : '' };
        spawn('sh', ['-c', 'umask 027 && exec "$0" "$@"', process.execPath, BIN, ...small], { cwd, env, stdio: 'ignore' }).on('close', resolve);
      });
    const own = project();
    const served = project();
    expect(await withMask(own, false)).toBe(0);
    expect(await withMask(served, true)).toBe(0);
    const mode = (cwd: string): number => lstatSync(path.join(cwd, 'out/taobao-timeline/taobao-timeline.md')).mode & 0o777;
    expect(mode(own)).toBe(0o640);
    expect(mode(served)).toBe(0o640);
    expect(await status(cache)).toMatchObject({ requests: 1 });
    await stopAll(cache);
  }, 120_000);

  it('leaves, and a fresh server takes over, when a client of another build of docketpress comes', async () => {
    const cache = fresh();
    // Another build: the same package in another folder (its bundle's files are not these files).
    const other = fresh();
    cpSync(path.join(ROOT, 'dist'), path.join(other, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(other, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(other, 'node_modules'));
    copySampleProject(other);
    const started = spawnSync(process.execPath, [path.join(other, 'dist/bin/docketpress.js'), 'server', 'start'], { env: { ...process.env, DOCKETPRESS_CACHE_DIR: cache }, encoding: 'utf8' });
    expect(started.stdout).toMatch(/^started the build server \(pid \d+\)/);
    const old = await status(cache);
    servers.add(old.pid!);
    expect(old).toMatchObject({ running: true, sameBuild: false });

    const result = await run(small, project(), { DOCKETPRESS_CACHE_DIR: cache, DOCKETPRESS_SERVER: '1' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const now = await status(cache);
    servers.add(now.pid!);
    expect(now).toMatchObject({ running: true, sameBuild: true, requests: 1 });
    expect(now.pid).not.toBe(old.pid);
    await until(() => !alive(old.pid!), 'the old server exits');
    await stopAll(cache);
  }, 120_000);

  it('exits when idle, and removes its socket', async () => {
    const cache = fresh();
    const result = await run(small, project(), { DOCKETPRESS_CACHE_DIR: cache, DOCKETPRESS_SERVER: '1', DOCKETPRESS_SERVER_IDLE: '0.5' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const socketPath = path.join(cache, 'server', SOCKET_NAME);
    await until(() => !existsSync(socketPath), 'the idle server removes its socket');
    expect((await status(cache)).running).toBe(false);
  }, 120_000);

  it('builds in its own process, with one warning, when the server cannot be used', async () => {
    const cwd = project();
    const result = await run(small, cwd, { DOCKETPRESS_CACHE_DIR: 'off', DOCKETPRESS_SERVER: '1' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('wrote out/taobao-timeline/taobao-timeline.md\n');
    expect(result.stderr).toBe(
      'docketpress: warning: the build server cannot be used (the cache is off (DOCKETPRESS_CACHE_DIR), and the socket lives in the cache folder), so this run builds in its own process\n',
    );
    const status = await run(['server', 'status'], cwd, { DOCKETPRESS_CACHE_DIR: 'off' });
    expect(status.code).toBe(2);
  }, 120_000);

  it('runs other commands in their own process', async () => {
    const cache = fresh();
    const result = await run(['status', 'taobao', '--year', '2012'], project(), { DOCKETPRESS_CACHE_DIR: cache, DOCKETPRESS_SERVER: '1' });
    expect(result.code).toBe(0);
    expect((await status(cache)).running).toBe(false);
  }, 120_000);
});
