// A/B of the build server (DOCKETPRESS_SERVER=1) against a build in its own process, interleaved, on a copy of the
// repository's data, briefs and templates in bench/tmp/server/: (1) the full default build with --no-cache, (2) a
// rebuild after an edit to one brief (cache on), (3) a build with nothing changed. Wall and CPU time (user + system)
// of the client process, and the server's CPU for its runs (from /proc). `node bench/server.mjs [rounds]`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist/bin/docketpress.js');
const WORK = path.join(ROOT, 'bench/tmp/server');
const CACHE = path.join(WORK, 'cache');
const ROUNDS = Number(process.argv[2] ?? 7);
const EDITED = path.join(WORK, 'briefs/aafa-2015-comment.yaml');

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
for (const name of ['data', 'briefs', 'templates']) cpSync(path.join(ROOT, name), path.join(WORK, name), { recursive: true });
const original = readFileSync(EDITED, 'utf8');

const env = (served) => ({ ...process.env, DOCKETPRESS_CACHE_DIR: CACHE, DOCKETPRESS_SERVER: served ? '1' : '' });

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second)
}

function serverPid() {
  const out = execFileSync(process.execPath, [BIN, 'server', 'status', '--json'], { env: env(false), encoding: 'utf8' });
  return JSON.parse(out).pid;
}

/** One timed run of `docketpress build …`; the server's CPU is added when the run went through it. */
function timed(served, args) {
  const pid = served ? serverPid() : undefined;
  const before = pid ? cpuOf(pid) : 0;
  const result = spawnSync('/usr/bin/time', ['-f', '@@%e %U %S', process.execPath, BIN, 'build', '--quiet', ...args], { cwd: WORK, env: env(served), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  const [wall, user, sys] = result.stderr.split('@@').at(-1).trim().split(' ').map(Number);
  if (served && serverPid() !== pid) throw new Error('the server changed during a run');
  return { wall, cpu: user + sys, server: pid ? cpuOf(pid) - before : 0 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const scenarios = {
  'full build, --no-cache': { args: (out) => ['--no-cache', '--out', out], before: () => {} },
  'edit one brief, rebuild': {
    args: (out) => ['--out', out],
    before: (round) => writeFileSync(EDITED, original.replace('measurable improvements.', `measurable improvements (round ${round}).`)),
  },
  'nothing changed': { args: (out) => ['--out', out], before: () => {} },
};

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`load average at start: ${load()}; ${ROUNDS} rounds, A = own process, B = through the server`);
// Warm-up: start the server and give it two builds; fill both output folders.
execFileSync(process.execPath, [BIN, 'server', 'start'], { env: env(false) });
for (const served of [false, true, true]) timed(served, ['--out', served ? 'out-B' : 'out-A']);
const rows = [];
for (const [name, scenario] of Object.entries(scenarios)) {
  const a = [];
  const b = [];
  for (let round = 1; round <= ROUNDS; round++) {
    scenario.before(round);
    a.push(timed(false, scenario.args('out-A')));
    b.push(timed(true, scenario.args('out-B')));
  }
  const m = (runs, key) => median(runs.map((run) => run[key]));
  rows.push(`| ${name} | ${m(a, 'wall').toFixed(2)} s | ${m(a, 'cpu').toFixed(2)} s | ${m(b, 'wall').toFixed(2)} s | ${m(b, 'cpu').toFixed(2)} s + ${m(b, 'server').toFixed(2)} s | ${(m(a, 'wall') / m(b, 'wall')).toFixed(1)}× |`);
}
execFileSync(process.execPath, [BIN, 'server', 'stop'], { env: env(false) });
console.log('\n| run | own process: wall | CPU | through the server: wall | CPU: client + server | wall A/B |\n|---|---:|---:|---:|---:|---:|');
console.log(rows.join('\n'));
console.log(`\nload average at end: ${load()}`);
