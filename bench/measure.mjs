// Shared by the bench's parts: one cold process measured (wall, CPU, peak memory), medians, page counts, formats.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOOK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-hook.mjs');

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const round = (value, digits = 0) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
export const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
export const log = (text) => process.stderr.write(`${text}\n`);

export const GNU_TIME = !process.env.BENCH_NO_GNU_TIME && existsSync('/usr/bin/time') && /Maximum resident set size/.test(spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).stderr ?? '');

/**
 * Runs one cold process; returns wall time (ms), peak RSS (MB, or null when it cannot be measured), exit code
 * and output. Node processes without GNU time report their own peak through the preload hook.
 */
export function measure(command, args, { cwd, timeoutMs = 600_000, env = {}, before } = {}) {
  const isNode = command === process.execPath;
  let file = command;
  let argv = args;
  if (GNU_TIME) {
    file = '/usr/bin/time';
    argv = ['-v', command, ...args];
  } else if (isNode) {
    argv = ['--import', pathToFileURL(HOOK).href, ...args];
  }
  before?.();
  const started = performance.now();
  const result = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutMs, env: { ...process.env, BENCH_RSS: '1', FORCE_COLOR: '0', ...env } });
  const wallMs = performance.now() - started;
  const stderr = result.stderr ?? '';
  let rssKb = null;
  const gnu = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const hook = /BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
  if (gnu) rssKb = Number(gnu[1]);
  else if (hook) rssKb = Number(hook[1]);
  // CPU time (user + system) is less skewed than wall time when other work shares the machine.
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const hookCpu = /BENCH_CPU_MS=([\d.]+)/.exec(stderr);
  const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : hookCpu ? Number(hookCpu[1]) : null;
  return { wallMs, cpuMs, rssMb: rssKb === null ? null : rssKb / 1024, code: result.status, timedOut: result.error?.code === 'ETIMEDOUT', stdout: result.stdout ?? '', stderr };
}

/** The median of `repeats` cold runs (wall and peak RSS), failing loudly when a run fails. */
export function timed(label, command, args, options = {}, repeats = 3) {
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const run = measure(command, args, options);
    if (run.code !== 0 && !options.allowFailure) {
      const said = run.stderr.split('\n\tCommand being timed:')[0].split('\n').slice(-15).join('\n');
      throw new Error(`${label} failed (exit ${run.code}${run.timedOut ? ', timed out' : ''}):\n${said}`);
    }
    runs.push(run);
    // A run over 5 s is long enough that repeating it buys little accuracy and costs a lot of bench time.
    if (run.wallMs > 5000) break;
  }
  const result = { wallMs: round(median(runs.map((r) => r.wallMs)), 1), cpuMs: runs[0].cpuMs === null ? null : round(median(runs.map((r) => r.cpuMs)), 0), rssMb: runs[0].rssMb === null ? null : round(Math.max(...runs.map((r) => r.rssMb)), 1), runs: runs.length, code: runs[0].code };
  log(`  ${label.padEnd(34)} ${String(result.wallMs).padStart(9)} ms wall ${String(result.cpuMs ?? '—').padStart(7)} ms cpu  ${result.rssMb === null ? '' : `${result.rssMb} MB`}`);
  return result;
}

/** Pages of a PDF: pdfinfo when installed, else pdf.js from node_modules. */
export async function pageCount(file) {
  if (has('pdfinfo')) {
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    const match = /^Pages:\s+(\d+)/m.exec(info.stdout ?? '');
    if (match) return Number(match[1]);
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, verbosity: 0 }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

export function filesIn(dir, ext) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(ext)).map((name) => path.join(dir, name)) : [];
}

/** Seconds with two decimals, or — when not measured. */
export const s = (ms) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
/** Megabytes, whole, or — when not measured. */
export const mb = (value) => (value === null || value === undefined ? '—' : `${Math.round(value)} MB`);
/** The machine's 1-minute load average, two decimals. */
export const load = () => round(os.loadavg()[0], 2);
