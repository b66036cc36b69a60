// What the build server and its clients agree on: which runs go to the server, which variables travel with a
// run, the idle timeout, and the private folder of the socket.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forwardedEnv, idleMilliseconds, makePrivateFolder, onMessages, servable, serverFolder, serverWanted } from '../../src/server/protocol.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'docketpress-protocol-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the build server protocol', () => {
  it('takes `build` and `check`, never `build --watch` nor other commands', () => {
    expect(servable(['build'])).toBe(true);
    expect(servable(['--no-cache', 'build', 'aafa-2015-comment', '--format', 'pdf'])).toBe(true);
    expect(servable(['check', '--json'])).toBe(true);
    for (const watch of [['build', '--watch'], ['build', '-w'], ['build', '-qw'], ['-w', 'build']]) expect(servable(watch), watch.join(' ')).toBe(false);
    for (const other of [['status', 'taobao'], ['site', '--serve'], ['server', 'status'], [], ['--help']]) expect(servable(other), other.join(' ')).toBe(false);
  });

  it('is asked for with DOCKETPRESS_SERVER=1, true, on or yes', () => {
    for (const on of ['1', 'true', 'ON', 'yes']) expect(serverWanted({ DOCKETPRESS_SERVER: on })).toBe(true);
    for (const off of [undefined, '', '0', 'off', 'no', 'server']) expect(serverWanted({ DOCKETPRESS_SERVER: off })).toBe(false);
  });

  it("sends the variables a run reads, and nothing else of the client's environment", () => {
    const env = { DOCKETPRESS_CACHE_DIR: '/c', DOCKETPRESS_WORKERS: '0', TZ: 'UTC', LANG: 'C', LC_ALL: 'C', NO_COLOR: '1', HOME: '/h', PATH: '/bin', AWS_SECRET_ACCESS_KEY: 'x', SSH_AUTH_SOCK: '/s' };
    expect(forwardedEnv(env)).toEqual({ DOCKETPRESS_CACHE_DIR: '/c', DOCKETPRESS_WORKERS: '0', TZ: 'UTC', LANG: 'C', LC_ALL: 'C', NO_COLOR: '1', HOME: '/h' });
  });

  it('exits after DOCKETPRESS_SERVER_IDLE seconds without a run (default 15 minutes)', () => {
    expect(idleMilliseconds({})).toBe(900_000);
    expect(idleMilliseconds({ DOCKETPRESS_SERVER_IDLE: '0.5' })).toBe(500);
    for (const bad of ['0', '-5', 'soon', '']) expect(idleMilliseconds({ DOCKETPRESS_SERVER_IDLE: bad })).toBe(900_000);
  });

  it('keeps its socket in a folder of the cache folder that only this user can enter', () => {
    expect(serverFolder({ DOCKETPRESS_CACHE_DIR: '/tmp/c' })).toBe('/tmp/c/server');
    expect(serverFolder({ DOCKETPRESS_CACHE_DIR: 'off' })).toBe(false);
    const made = path.join(scratch, 'a', 'server');
    expect(makePrivateFolder(made)).toBeUndefined();
    expect(lstatSync(made).mode & 0o777).toBe(0o700);
    // A folder left open to others is closed again.
    chmodSync(made, 0o755);
    expect(makePrivateFolder(made)).toBeUndefined();
    expect(lstatSync(made).mode & 0o777).toBe(0o700);
    // A link in its place (it could lead to anyone's folder) is refused.
    mkdirSync(path.join(scratch, 'b'));
    mkdirSync(path.join(scratch, 'elsewhere'));
    symlinkSync(path.join(scratch, 'elsewhere'), path.join(scratch, 'b', 'server'));
    expect(makePrivateFolder(path.join(scratch, 'b', 'server'))).toBe(`${path.join(scratch, 'b', 'server')} is not a folder`);
  });

  it('survives the other end dying mid-message (a client killed with Ctrl-C, a server killed)', () => {
    const socket = new Socket();
    onMessages(socket, () => {});
    // readline passes the socket's error on; unhandled, it would end the process.
    expect(() => socket.emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).not.toThrow();
    expect(socket.destroyed).toBe(true);
  });
});
