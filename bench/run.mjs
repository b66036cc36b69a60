#!/usr/bin/env node
// `npm run bench`: time docketpress where a user waits, in three parts (any of them alone with --only):
//   samples    the repository's own data/, briefs/, templates/: the default build cold and with nothing changed,
//              `status` and `diff` cold and with the cache warm;
//   peers      one document at a time, the same text with the same footnotes typeset by us (cold), by Typst (npm
//              @myriaddreamin/typst-ts-node-compiler, from bench/peers/) and by pandoc + WeasyPrint, interleaved;
//   synthetic  synthetic datasets of 10, 100 and 1,000 markets × 20 editions (check, status, diff, comment builds).
//
// Every measurement is a cold process (spawned fresh), timed wall-clock from spawn to exit, with its CPU time and
// peak resident memory from `/usr/bin/time -v` (GNU time) or, where that is missing, from a tiny preload hook
// (bench/rss-hook.mjs). Synthetic data are generated with a fixed seed into bench/tmp/ (git-ignored); names,
// domains and sources are obviously fake. "First run" (cold) empties the cache folder before every run;
// "unchanged" warms it once. Results: bench/results.json and the tables in bench/README.md (a part run alone
// replaces only its own numbers). Installs nothing unless asked: Typst only with --peers (or BENCH_PEERS=typst),
// into the git-ignored bench/peers/; pandoc and weasyprint are used when they are on the PATH.
//
// Options: --only=samples,peers,synthetic (or BENCH_ONLY) measures those parts only; --peers (or
// BENCH_PEERS=typst) installs Typst into bench/peers/ when it is missing; --report re-renders bench/README.md from
// bench/results.json. Environment: BENCH_REPEATS (default 3) runs per quick synthetic measurement (the median is
// kept; the samples part runs at least 5); BENCH_ROUNDS (default 5, at least 5) interleaved peer rounds;
// BENCH_PEER_DOCS (default aafa-2015-comment,alibaba-platforms-timeline) the briefs the peers typeset;
// BENCH_SIZES (default 10,100,1000) market counts; BENCH_CAP (default 200) markets the comment nominates at most;
// BENCH_NO_GNU_TIME=1 measures memory and CPU through bench/rss-hook.mjs even where GNU time exists.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn, GNU_TIME, has, load, log, mb, pageCount, round, s, timed } from './measure.mjs';
import { benchPeers, installTypst, PANDOC_TIMEOUT_MS, TYPST_PACKAGE, typstInstalled } from './peers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const TMP = path.join(BENCH, 'tmp');
const BUILT = path.join(ROOT, 'dist', 'bin', 'docketpress.js');
// The bench runs a snapshot of the package (dist/, data/, templates/, briefs/, package.json) copied into bench/tmp/app
// at the start, so a rebuild of dist/ during the run cannot mix versions; node_modules resolve from the repository.
const APP = path.join(TMP, 'app');
const MAIN = path.join(APP, 'dist', 'bin', 'docketpress.js');
const CACHES = path.join(TMP, 'caches');
const SEED = 20240917;
const EDITIONS = 20;
const FIRST_YEAR = 2006;
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const CAP = Number(process.env.BENCH_CAP ?? 200);
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────

/** mulberry32: a small seeded PRNG, so every run generates the same data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width = 4) => String(n).padStart(width, '0');
const node = (args, options, repeats = REPEATS) => (label) => timed(label, process.execPath, [MAIN, ...args], options, repeats);

/** Cache settings: a first run (an empty cache folder before every run) or an unchanged one (a cache warmed once). */
function firstRun(name) {
  const dir = path.join(CACHES, name);
  return { env: { DOCKETPRESS_CACHE_DIR: dir }, before: () => rmSync(dir, { recursive: true, force: true }) };
}
function unchanged(name, args, cwd) {
  const dir = path.join(CACHES, `${name}-warm`);
  rmSync(dir, { recursive: true, force: true });
  const env = { DOCKETPRESS_CACHE_DIR: dir };
  const warm = spawnSync(process.execPath, [MAIN, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (warm.status !== 0) throw new Error(`warming the cache for ${name} failed:\n${warm.stderr}`);
  return { env };
}

// ── synthetic data ──────────────────────────────────────────────────────────────────────────────────────

const STANCES = ['list', 'relist', 'retain', 'remove', 'do-not-list', 'oppose-listing'];
const EVENT_KINDS = ['letter', 'meeting', 'submission', 'statement', 'report', 'hearing'];
const COUNTRIES = ['CN', 'US', 'ID', 'IN', 'RU', 'BR', 'SG', 'DE', 'VN', 'TR'];
const SCHEMA = (file) => `# yaml-language-server: $schema=./schema/${file}.schema.json`;

/** Writes a synthetic dataset of `markets` markets × 20 editions and a comment nominating up to CAP of them. */
function generate(markets, dir) {
  const random = prng(SEED + markets);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const years = Array.from({ length: EDITIONS }, (_, i) => FIRST_YEAR + i);
  const lastCycle = years[years.length - 1];
  const operators = Math.max(1, Math.ceil(markets / 10));
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['data/markets', 'data/stakeholders', 'data/sources', 'briefs']) mkdirSync(path.join(dir, sub), { recursive: true });
  const data = (name, text) => writeFileSync(path.join(dir, 'data', name), text);
  const source = 'synthetic-source-general';

  const sources = [`${SCHEMA('sources')}\n# SYNTHETIC benchmark data (bench/run.mjs, seed ${SEED}): not real sources.\nsources:`];
  sources.push(`  - id: ${source}\n    title: Synthetic Benchmark Source (general)\n    publisher: Synthetic Publisher\n    date: ${FIRST_YEAR}-01-01\n    url: https://synthetic.example/sources/general`);
  for (let m = 1; m <= markets; m++) {
    sources.push(`  - id: synthetic-source-${pad(m)}\n    title: Synthetic Benchmark Source ${pad(m)}\n    publisher: Synthetic Publisher\n    date: ${FIRST_YEAR}-0${1 + (m % 9)}-1${m % 10}\n    url: https://synthetic.example/sources/${pad(m)}`);
  }
  writeFileSync(path.join(dir, 'data/sources/synthetic.yaml'), `${sources.join('\n')}\n`);

  data('editions.yaml', `${SCHEMA('editions')}\neditions:\n${years.map((y) => `  - id: "${y}"\n    year: ${y}\n    kind: review\n    title: Synthetic Review of Notorious Markets ${y}\n    published: ${y}-12-15\n    sources: [${source}]`).join('\n')}\n`);

  data('dockets.yaml', `${SCHEMA('dockets')}\ndockets:\n${years.map((y, i) => `  - cycle: ${y}\n    edition: "${y}"\n    docket_id: USTR-${y}-${pad(i + 1)}\n    fr_cite: ${y - 1935} FR ${10000 + i * 37}\n    notice_date: ${y}-09-01\n    comment_deadline: ${y}-10-01\n    rebuttal_deadline: ${y}-10-15\n    sources: [${source}]`).join('\n')}\n`);

  const stakeholder = (id, name, kind, people) =>
    `${SCHEMA('stakeholder').replace('./schema', '../schema')}\nid: ${id}\nname: ${name}\nkind: ${kind}\ncountry: US\ndescription: A synthetic ${kind.replace('-', ' ')} generated for benchmarking; not a real organisation.\nsources: [${source}]\n${people}`;
  writeFileSync(
    path.join(dir, 'data/stakeholders/synthetic-association.yaml'),
    stakeholder('synthetic-association', 'Synthetic Trade Association', 'trade-association', `people:\n  - id: synthetic-person-a\n    name: Synthetic Person A\n    roles:\n      - title: Synthetic President\n        from: ${FIRST_YEAR - 1}\n        sources: [${source}]\n`),
  );
  for (let o = 1; o <= operators; o++) {
    writeFileSync(path.join(dir, `data/stakeholders/synthetic-operator-${pad(o)}.yaml`), stakeholder(`synthetic-operator-${pad(o)}`, `Synthetic Operator ${pad(o)}`, 'platform-operator', 'people: []\n'));
  }

  const positions = [`${SCHEMA('positions')}\npositions:`];
  const events = [`${SCHEMA('events')}\nevents:`];
  const metrics = [`${SCHEMA('metrics')}\nmetrics:`];
  let listingRows = 0;
  for (let m = 1; m <= markets; m++) {
    const id = `synthetic-market-${pad(m)}`;
    const src = `synthetic-source-${pad(m)}`;
    const listings = years.map((y) => {
      listingRows++;
      const listed = random() < 0.4;
      const unverified = random() < 0.15;
      const quote = random() < 0.25 ? `\n    quote: "Synthetic Market ${pad(m)} remains a synthetic concern in ${y}."` : '';
      return `  - edition: "${y}"\n    listed: ${listed}${unverified ? '\n    confidence: unverified' : ''}${quote}\n    sources: [${src}]`;
    });
    writeFileSync(
      path.join(dir, `data/markets/${id}.yaml`),
      `${SCHEMA('market').replace('./schema', '../schema')}\nid: ${id}\nname: Synthetic Market ${pad(m)}\nkind: online\ndomains: [market-${pad(m)}.synthetic.example]\noperator: synthetic-operator-${pad(1 + ((m - 1) % operators))}\nheadquarters: ${pick(COUNTRIES)}\nlaunched: ${FIRST_YEAR - 1}\ndescription: A synthetic online market generated for benchmarking; it is not a real marketplace.\nsources: [${src}]\nlistings:\n${listings.join('\n')}\n`,
    );
    for (let k = 1; k <= 2; k++) {
      const cycle = FIRST_YEAR + Math.floor(random() * (EDITIONS - 1));
      positions.push(
        `  - id: synthetic-position-${pad(m)}-${k}\n    stakeholder: synthetic-association\n    person: synthetic-person-a\n    markets: [${id}]\n    cycle: ${cycle}\n    stance: ${pick(STANCES)}\n    date: ${cycle}-09-2${k}\n    summary: Synthetic position ${k} on Synthetic Market ${pad(m)}, generated for benchmarking.\n    quotes:\n      - text: "Synthetic quotation ${k} about Synthetic Market ${pad(m)}: listings persist."\n        speaker: synthetic-person-a\n        date: ${cycle}-09-2${k}\n        sources: [${src}]\n    claims:\n      - id: synthetic-claim-${pad(m)}-${k}\n        text: Synthetic claim ${k} about Synthetic Market ${pad(m)}.\n        verbatim: false\n        sources: [${src}]\n    sources: [${src}]`,
      );
      const year = FIRST_YEAR + Math.floor(random() * (EDITIONS - 1));
      events.push(`  - id: synthetic-event-${pad(m)}-${k}\n    date: ${year}-0${1 + Math.floor(random() * 9)}-1${k}\n    kind: ${pick(EVENT_KINDS)}\n    actors: [synthetic-association]\n    markets: [${id}]\n    summary: Synthetic event ${k} about Synthetic Market ${pad(m)}, generated for benchmarking.\n    sources: [${src}]`);
      metrics.push(
        `  - id: synthetic-metric-${pad(m)}-${k}\n    market: ${id}\n    measure: synthetic listings measured on Synthetic Market ${pad(m)} (series ${k})\n    value: ${Math.floor(random() * 1_000_000)}\n    unit: listings\n    period: calendar year ${year}\n    period_end: ${year}-12\n    reported_by: synthetic-association\n    sources: [${src}]`,
      );
    }
  }
  data('positions.yaml', `${positions.join('\n')}\n`);
  data('events.yaml', `${events.join('\n')}\n`);
  data('metrics.yaml', `${metrics.join('\n')}\n`);

  const nominated = Math.min(markets, CAP);
  const nominations = Array.from({ length: nominated }, (_, i) => {
    const m = pad(i + 1);
    return `  - market: synthetic-market-${m}\n    request: ${pick(STANCES)}\n    metrics: [synthetic-metric-${m}-1, synthetic-metric-${m}-2]\n    positions: [synthetic-position-${m}-1, synthetic-position-${m}-2]\n    events: [synthetic-event-${m}-1, synthetic-event-${m}-2]\n    reasons: |\n      Synthetic reasons for Synthetic Market ${m}: the synthetic record shows persistent synthetic listings.:cite[synthetic-source-${m}]\n      A second synthetic sentence gives the page some body, as real reasons do.`;
  });
  writeFileSync(
    path.join(dir, 'briefs/synthetic-comment.yaml'),
    `# yaml-language-server: $schema=../data/schema/brief.schema.json\n# SYNTHETIC benchmark comment: nominates ${nominated} of ${markets} synthetic markets.\nid: synthetic-comment\nkind: comment\nsample: true\nfiler: synthetic-association\ncycle: ${lastCycle}\ndate: ${lastCycle}-09-30\naddressee:\n  name: Synthetic Official\n  title: Synthetic Title\nsignatory: synthetic-person-a\nintroduction: |\n  Synthetic Trade Association submits this synthetic comment for benchmarking.:cite[${source}]\nnominations:\n${nominations.join('\n')}\nconclusion: |\n  Synthetic conclusion.\n`,
  );
  return { markets, editions: EDITIONS, nominated, listingRows, positions: markets * 2, events: markets * 2, metrics: markets * 2, dataFiles: markets + operators + 7 };
}

// ── growth ──────────────────────────────────────────────────────────────────────────────────────────────

/** Least-squares slope of log(y) against log(x). */
function logLogSlope(xs, ys) {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  const num = lx.reduce((sum, x, i) => sum + (x - mx) * (ly[i] - my), 0);
  const den = lx.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return den ? num / den : 0;
}

/** Least-squares fit of y = a + b·x: the fixed cost (process start, fonts) and the cost per item. */
function linearFit(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const b = sxx ? xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / sxx : 0;
  const a = my - b * mx;
  const ssRes = ys.reduce((s, y, i) => s + (y - (a + b * xs[i])) ** 2, 0);
  const ssTot = ys.reduce((s, y) => s + (y - my) ** 2, 0);
  return { a, b, r2: ssTot ? 1 - ssRes / ssTot : 1 };
}

/**
 * The growth exponent k of y = a + b·x^k, found by scanning k (a and b by least squares at each k). Unlike the
 * raw log-log slope it is not flattened by the fixed cost of starting a process.
 */
function growthExponent(xs, ys) {
  let best = { k: 1, err: Infinity };
  for (let k = 0.3; k <= 3.0001; k += 0.01) {
    const fit = linearFit(xs.map((x) => x ** k), ys);
    if (fit.b < 0) continue;
    const err = ys.reduce((s, y, i) => s + (y - (fit.a + fit.b * xs[i] ** k)) ** 2, 0);
    if (err < best.err) best = { k, err };
  }
  // At the edge of the scan the data fit no power law (noise, or a negative net time): say so rather than guess.
  return best.err === Infinity || best.k < 0.31 || best.k > 2.99 ? null : round(best.k, 2);
}

function growth(label, xs, ys) {
  const fit = linearFit(xs, ys);
  return { measure: label, x: xs, wallMs: ys, logLogSlope: round(logLogSlope(xs, ys), 2), exponent: growthExponent(xs, ys), fixedMs: round(fit.a, 0), msPerItem: round(fit.b, 2), r2: round(fit.r2, 4) };
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────────────

/** What the numbers were measured on (refreshed whenever a part is measured). */
function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    /** Worker threads a build may use to render PDFs (one per core the process may use). */
    parallelism: os.availableParallelism(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    rssFrom: GNU_TIME ? '/usr/bin/time -v (GNU time)' : 'process.resourceUsage().maxRSS via bench/rss-hook.mjs',
    pandoc: has('pandoc') ? spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : null,
    weasyprint: has('weasyprint') ? (spawnSync('weasyprint', ['--version'], { encoding: 'utf8' }).stdout ?? '').trim() : null,
    typst: typstInstalled() ? `${TYPST_PACKAGE} ${typstInstalled()}` : null,
  };
}

function staleDistWarning() {
  const newest = (dir) => readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).reduce((max, e) => Math.max(max, statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs), 0);
  try {
    if (newest(path.join(ROOT, 'src')) > statSync(BUILT).mtimeMs) log('warning: src/ is newer than dist/ — run `npm run build` first to measure the current code');
  } catch {
    /* no src/ in a packed install */
  }
}

async function benchSize(markets) {
  const dir = path.join(TMP, `markets-${markets}`);
  const started = performance.now();
  const info = generate(markets, dir);
  log(`\n${markets} markets × ${EDITIONS} editions (${info.listingRows} listing rows; comment nominates ${info.nominated}), generated in ${round(performance.now() - started)} ms`);
  const opts = { cwd: dir };
  const common = ['--data', 'data', '--briefs', 'briefs'];
  const out = (name) => path.join(dir, name);
  const checkArgs = ['check', ...common];
  const statusArgs = ['status', 'synthetic-market-0001', ...common];
  const diffArgs = ['diff', String(FIRST_YEAR + EDITIONS - 2), String(FIRST_YEAR + EDITIONS - 1), ...common];
  const cache = `markets-${markets}`;
  const check = node(checkArgs, { ...opts, ...firstRun(cache) })('check (first run)');
  const status = node(statusArgs, { ...opts, ...firstRun(cache) })('status synthetic-market-0001 (first run)');
  const diff = node(diffArgs, { ...opts, ...firstRun(cache) })('diff (first run)');
  const warm = {
    check: node(checkArgs, { ...opts, ...unchanged(`${cache}-check`, checkArgs, dir) })('check (unchanged, cache warm)'),
    status: node(statusArgs, { ...opts, ...unchanged(`${cache}-status`, statusArgs, dir) })('status (unchanged, cache warm)'),
    diff: node(diffArgs, { ...opts, ...unchanged(`${cache}-diff`, diffArgs, dir) })('diff (unchanged, cache warm)'),
  };
  rmSync(out('out-md'), { recursive: true, force: true });
  const buildMd = node(['build', 'synthetic-comment', '--format', 'md', '--out', 'out-md', '--quiet', ...common], { ...opts, ...firstRun(cache) })(`build comment (${info.nominated}) --format md`);
  const pdfRepeats = info.nominated >= 100 ? 1 : REPEATS;
  const buildPdf = node(['build', 'synthetic-comment', '--format', 'pdf', '--out', 'out-pdf', '--quiet', ...common], { ...opts, ...firstRun(cache) }, pdfRepeats)(`build comment (${info.nominated}) --format pdf`);
  const pdfFile = filesIn(out('out-pdf/synthetic-comment'), '.pdf')[0];
  const mdFile = filesIn(out('out-md/synthetic-comment'), '.md')[0];
  buildPdf.pages = pdfFile ? await pageCount(pdfFile) : null;
  buildPdf.pagesPerSecond = buildPdf.pages ? round(buildPdf.pages / (buildPdf.wallMs / 1000), 1) : null;
  buildPdf.bytes = pdfFile ? statSync(pdfFile).size : null;

  let pandoc;
  if (!has('pandoc') || !has('weasyprint')) {
    pandoc = { skipped: `not installed: ${[!has('pandoc') && 'pandoc', !has('weasyprint') && 'weasyprint'].filter(Boolean).join(' and ')}` };
    log(`  pandoc + weasyprint                 skipped (${pandoc.skipped})`);
  } else if (!mdFile) {
    pandoc = { skipped: 'no Markdown was built' };
  } else {
    const target = out('pandoc.pdf');
    rmSync(target, { force: true });
    const run = timed(`pandoc + weasyprint (same .md)`, 'pandoc', [mdFile, '-o', target, '--pdf-engine=weasyprint', '--metadata', 'title=Synthetic comment'], { cwd: dir, allowFailure: true, timeoutMs: PANDOC_TIMEOUT_MS }, 1);
    if (run.code !== 0 || !existsSync(target)) {
      // Killed at the time limit: pandoc took at least that long, so the ratio is a lower bound.
      const timedOut = run.wallMs >= PANDOC_TIMEOUT_MS - 1000;
      pandoc = timedOut
        ? { timedOut: true, wallMs: run.wallMs, speedupAtLeast: round(run.wallMs / buildPdf.wallMs, 2) }
        : { skipped: `pandoc failed (exit ${run.code})`, wallMs: run.wallMs };
      if (timedOut) log(`  → pandoc stopped at ${PANDOC_TIMEOUT_MS / 1000} s: ours ≥ ${pandoc.speedupAtLeast}× faster`);
    }
    else {
      pandoc = { wallMs: run.wallMs, rssMb: run.rssMb, pages: await pageCount(target) };
      pandoc.pagesPerSecond = round(pandoc.pages / (pandoc.wallMs / 1000), 1);
      pandoc.speedup = round(pandoc.wallMs / buildPdf.wallMs, 2);
      log(`  → ours ${pandoc.speedup}× faster than pandoc+weasyprint (${buildPdf.pages} vs ${pandoc.pages} pages)`);
    }
  }
  return { ...info, check, status, diff, warm, buildMd, buildPdf, pandoc };
}

/** A copy of the repository's data/, briefs/ and templates/ (what `npm start` builds), made once per run. */
function sampleProject() {
  const dir = path.join(TMP, 'samples');
  if (existsSync(path.join(dir, 'briefs'))) return dir;
  for (const name of ['data', 'briefs', 'templates']) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  return dir;
}

/** The samples part: the default build (cold and with nothing changed) and the queries at the samples' size. */
function benchSamples() {
  const dir = sampleProject();
  const date = new Date().toISOString();
  const loadAtStart = load();
  const repeats = Math.max(5, REPEATS);
  log(`\nsamples — the repository's data/, briefs/, templates/ (copied to bench/tmp/samples), ${repeats} runs each`);
  const args = ['build', '--out', path.join(dir, 'out'), '--quiet'];
  const cache = firstRun('samples-build');
  const build = node(args, { cwd: dir, ...cache, before: () => {
    cache.before();
    rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  } }, repeats)('build (clean: no out/, empty cache)');
  build.upToDate = node(args, { cwd: dir, ...unchanged('samples-build', args, dir) }, repeats)('build again (nothing changed)');
  build.briefs = readdirSync(path.join(dir, 'briefs')).filter((n) => n.endsWith('.yaml')).length;
  build.files = readdirSync(path.join(dir, 'out'), { recursive: true }).filter((n) => /\.(md|pdf|html|docx)$/.test(String(n))).length;
  const queries = {};
  for (const [name, queryArgs] of Object.entries(SAMPLE_QUERIES)) {
    const cold = node(queryArgs, { cwd: dir, ...firstRun(`samples-${name}`) }, repeats)(`${queryArgs.join(' ')} (first run)`);
    const warm = node(queryArgs, { cwd: dir, ...unchanged(`samples-${name}`, queryArgs, dir) }, repeats)(`${queryArgs.join(' ')} (unchanged)`);
    queries[name] = { command: queryArgs.join(' '), cold, warm };
  }
  return { date, loadAtStart, loadAtEnd: load(), repeats, build, queries };
}

/** The synthetic part: every size of BENCH_SIZES, then the growth fits. */
async function benchSynthetic() {
  const date = new Date().toISOString();
  const loadAtStart = load();
  const sizes = [];
  for (const markets of SIZES) sizes.push(await benchSize(markets));
  const xs = sizes.map((r) => r.markets);
  const nominated = sizes.map((r) => r.nominated);
  // Growth is fitted on CPU time where it was measured (wall time swings with other work on the machine).
  const useCpu = sizes.every((r) => [r.check, r.status, r.diff, r.buildMd, r.buildPdf].every((m) => typeof m.cpuMs === 'number'));
  const t = (m) => (useCpu ? m.cpuMs : m.wallMs);
  const growths = [
    growth('check', xs, sizes.map((r) => t(r.check))),
    growth('status', xs, sizes.map((r) => t(r.status))),
    growth('diff', xs, sizes.map((r) => t(r.diff))),
    growth('build md', nominated, sizes.map((r) => t(r.buildMd))),
    growth('build pdf', nominated, sizes.map((r) => t(r.buildPdf))),
    // The build times above also grow with the dataset each comment is built from (10 → 1,000 markets); taking off
    // the time of `status` (process start + loading that dataset) leaves composing and rendering the comment.
    growth('build md − load', nominated, sizes.map((r) => Math.max(1, t(r.buildMd) - t(r.status)))),
    growth('build pdf − load', nominated, sizes.map((r) => Math.max(1, t(r.buildPdf) - t(r.status)))),
  ];
  growths.forEach((g) => (g.time = useCpu ? 'cpu' : 'wall'));
  return { date, loadAtStart, loadAtEnd: load(), seed: SEED, editions: EDITIONS, cap: CAP, repeats: REPEATS, sizes, growth: growths };
}

// ── targets (issue 17) ──────────────────────────────────────────────────────────────────────────────────

const w = (x) => (x?.wallMs === undefined ? '—' : `${s(x.wallMs)}${x.cpuMs !== null && x.cpuMs !== undefined ? ` (${s(x.cpuMs)})` : ''}`);

/** Each target of issue 17 with what was measured for it; `met` is null when the part was not measured. */
function targets(report) {
  const { samples, peers, synthetic } = report;
  const rows = [];
  const t = (target, measured, met) => rows.push({ target, measured, met });
  const notMeasured = (part) => `not measured (\`--only=${part}\`)`;

  const build = samples?.build;
  if (build) {
    t('default build (all samples), cold ≤ 1.5 s', `${w(build)}: ${build.briefs} briefs → ${build.files} files, ${mb(build.rssMb)}`, build.wallMs <= 1500);
    t('default build, warm (nothing changed) ≤ 0.4 s', build.upToDate ? w(build.upToDate) : '—', build.upToDate ? build.upToDate.wallMs <= 400 : null);
  } else {
    t('default build (all samples), cold ≤ 1.5 s', notMeasured('samples'), null);
    t('default build, warm (nothing changed) ≤ 0.4 s', notMeasured('samples'), null);
  }

  const comment = peers?.documents?.[0];
  const pages = comment?.ours?.pages ? `, ${comment.ours.pages} pages` : '';
  if (comment?.oursOverTypst !== undefined) t('one 4–5-page comment PDF within 2× of Typst', `\`${comment.id}\`${pages}: ours ${w(comment.ours)}, Typst ${w(comment.typst)} → ${comment.oursOverTypst}×`, comment.oursOverTypst <= 2);
  else t('one 4–5-page comment PDF within 2× of Typst', comment ? 'Typst not installed (`--peers` installs it)' : notMeasured('peers'), null);
  if (comment?.pandocOverOurs !== undefined) t('the same comment ≥ 3× faster than pandoc + WeasyPrint', `\`${comment.id}\`: pandoc ${w(comment.pandoc)}, ours ${w(comment.ours)} → ${comment.pandocOverOurs}×`, comment.pandocOverOurs >= 3);
  else t('the same comment ≥ 3× faster than pandoc + WeasyPrint', comment ? 'pandoc or weasyprint not installed' : notMeasured('peers'), null);

  const queries = samples?.queries;
  if (queries) {
    const worst = Math.max(...Object.values(queries).map((q) => q.cold.wallMs));
    t('`status` / `diff` cold ≤ 0.3 s at sample size', Object.values(queries).map((q) => `\`${q.command}\` ${w(q.cold)}`).join(', '), worst <= 300);
  } else t('`status` / `diff` cold ≤ 0.3 s at sample size', notMeasured('samples'), null);

  const largest = synthetic?.sizes?.find((r) => r.markets === 1000);
  if (largest) {
    t('`status` / `diff` cold ≤ 1 s at 1,000 markets', `status ${w(largest.status)}, diff ${w(largest.diff)}`, Math.max(largest.status.wallMs, largest.diff.wallMs) <= 1000);
    t('1,000-market `check` cold ≤ 2 s', w(largest.check), largest.check.wallMs <= 2000);
  } else {
    t('`status` / `diff` cold ≤ 1 s at 1,000 markets', notMeasured('synthetic'), null);
    t('1,000-market `check` cold ≤ 2 s', notMeasured('synthetic'), null);
  }
  const biggest = synthetic?.sizes ? [...synthetic.sizes].sort((a, b) => b.nominated - a.nominated)[0] : null;
  if (biggest && biggest.nominated >= CAP) {
    const pdf = biggest.buildPdf;
    t(`the ${CAP}-market comment ≤ 8 s and ≤ 400 MB`, `${pdf.pages ?? '—'} pages: ${w(pdf)}, ${mb(pdf.rssMb)}`, pdf.wallMs <= 8000 && (pdf.rssMb ?? Infinity) <= 400);
  } else t(`the ${CAP}-market comment ≤ 8 s and ≤ 400 MB`, notMeasured('synthetic'), null);
  return rows;
}

// ── bench/README.md ─────────────────────────────────────────────────────────────────────────────────────

// The reasons for targets not met are written by hand from the measurements; re-rendering keeps them.
const WHY_START = '<!-- why: written by hand; `npm run bench` and `--report` keep everything up to the closing marker -->';
const WHY_END = '<!-- /why -->';
const WHY_PLACEHOLDER = '_To be written from the final measurements: for each target not met, the levers tried, what each gave (interleaved A/B medians with the load), and what stands in the way._';

/** The hand-written section as it stands in bench/README.md (or the placeholder when there is none yet). */
function handWrittenWhy() {
  const file = path.join(BENCH, 'README.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = text.indexOf(WHY_START);
  const end = text.indexOf(WHY_END, start);
  return start >= 0 && end > start ? text.slice(start + WHY_START.length, end).trim() : WHY_PLACEHOLDER;
}

const when = (part) => `Measured ${part.date.slice(0, 16).replace('T', ' ')} UTC; 1-minute load average ${part.loadAtStart} at the start, ${part.loadAtEnd} at the end`;
const minutes = (seconds) => (seconds === undefined ? '' : seconds < 90 ? `; ≈ ${Math.round(seconds)} s here` : `; ≈ ${Math.ceil(seconds / 60)} min here`);

function pandocCell(p) {
  if (p.speedup !== undefined) return `${s(p.wallMs)} (${p.pages} p.)`;
  if (p.timedOut) return `> ${s(p.wallMs)} (stopped)`;
  return p.skipped ?? '—';
}

function samplesSection(samples) {
  if (!samples) return '## Samples\n\nNot measured yet: `node bench/run.mjs --only=samples`.';
  const { build, queries } = samples;
  const queryRows = queries ? Object.values(queries).map((q) => `| \`${q.command}\` | ${w(q.cold)} / ${mb(q.cold.rssMb)} | ${w(q.warm)} |`).join('\n') : '| `status` / `diff` | not measured | — |';
  return `## Samples (the repository's own data/, briefs/, templates/)

${when(samples)}; median of ${samples.repeats} runs.

The default build (\`node dist/bin/docketpress.js build\`, what \`npm start\` runs): clean (no \`out/\`, empty cache) **${w(build)}**, peak ${mb(build.rssMb)}, ${build.briefs ?? '—'} briefs →
${build.files ?? '—'} files; again with nothing changed (every file “up to date”, nothing composed or written):
**${build.upToDate ? w(build.upToDate) : '—'}**.

| query | first run (time / peak) | unchanged (cache warm) |
|---|---:|---:|
${queryRows}`;
}

function peersSection(peers, m) {
  if (!peers) return '## Against other typesetters\n\nNot measured yet: `node bench/run.mjs --only=peers --peers`.';
  const cell = (x) => (!x ? 'not installed' : x.failed ? `failed: ${x.failed}` : `${w(x)} · ${x.pages ?? '—'} p.`);
  const times = (wall, cpu) => (wall === undefined ? '—' : `${wall}×${cpu === undefined ? '' : ` (${cpu}×)`}`);
  const rows = peers.documents.map((d) => `| \`${d.id}\` | ${d.footnotes} | ${cell(d.ours)} | ${cell(d.typst)} | ${cell(d.pandoc)} | ${times(d.oursOverTypst, d.oursOverTypstCpu)} | ${times(d.pandocOverOurs, d.pandocOverOursCpu)} |`);
  return `## Against other typesetters (the same text, the same footnotes)

${when(peers)}; ${peers.rounds} rounds, each running ours, then Typst, then pandoc + WeasyPrint as fresh processes
(interleaved, so a busy moment slows all three alike); medians, CPU time in parentheses (and the ratios of the CPU
time medians).

- **ours**: \`node dist/bin/docketpress.js build <id> --format pdf\` with an empty cache and no \`out/\` (cold).
- **Typst** (${peers.typst ? `\`${TYPST_PACKAGE}\` ${peers.typst}` : 'not installed'}): \`node bench/typst-compile.mjs\`, a fresh Node process that loads the
  compiler and typesets the Markdown we built, converted to Typst markup by \`bench/typst-markup.mjs\` (headings,
  paragraphs, emphasis, lists, tables, block quotes, links, every footnote as \`#footnote[…]\`), on US Letter with
  1-inch margins, 12 pt Tinos (the same font files as ours), Noto Serif SC for Chinese, "N of M" page numbers.
- **pandoc + WeasyPrint** (${m.pandoc ?? 'pandoc: not installed'}, ${m.weasyprint ?? 'weasyprint: not installed'}): \`pandoc <our .md> --pdf-engine=weasyprint\`
  with a page style of US Letter, 1-inch margins, 12 pt Tinos; its footnotes are endnotes (pandoc's HTML).

| document | footnotes | ours | Typst | pandoc + WeasyPrint | ours / Typst | pandoc / ours |
|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}`;
}

function syntheticSection(synthetic, m) {
  if (!synthetic) return '## Synthetic datasets\n\nNot measured yet: `node bench/run.mjs --only=synthetic`.';
  const { sizes, growth: growths, cap } = synthetic;
  const row = (r) =>
    `| ${r.markets} | ${r.nominated} | ${w(r.check)} / ${mb(r.check.rssMb)} | ${w(r.status)} | ${w(r.diff)} | ${w(r.buildMd)} / ${mb(r.buildMd.rssMb)} | ${w(r.buildPdf)} / ${mb(r.buildPdf.rssMb)} | ${r.buildPdf.pages ?? '—'} | ${r.buildPdf.pagesPerSecond ?? '—'} | ${pandocCell(r.pandoc)} | ${r.pandoc.speedup !== undefined ? `${r.pandoc.speedup}×` : r.pandoc.speedupAtLeast !== undefined ? `≥ ${r.pandoc.speedupAtLeast}×` : '—'} |`;
  const warmRow = (r) => `| ${r.markets} | ${w(r.warm.check)} / ${mb(r.warm.check.rssMb)} | ${w(r.warm.status)} | ${w(r.warm.diff)} |`;
  return `## Synthetic datasets

${when(synthetic)}.

Generated with a fixed seed — *Synthetic Market 0001* … on \`synthetic.example\`, cited to *Synthetic Benchmark Source*
entries; none of it is real — into \`bench/tmp/\` (git-ignored): ${sizes.map((r) => r.markets.toLocaleString('en-US')).join(', ')} markets × ${synthetic.editions} editions, each market with
20 listing rows, 2 positions (with a quote and a claim), 2 events and 2 metrics, and a \`comment\` brief nominating every
market (**capped at ${cap} markets**, so the largest comment has ${cap} nominations). Median of ${synthetic.repeats} runs (one run
when it takes over 5 s, for PDF builds of 100 or more markets, and for pandoc, which is stopped after
${PANDOC_TIMEOUT_MS / 1000} s — the ratio is then a lower bound). The pandoc column runs
\`pandoc <our .md> -o out.pdf --pdf-engine=weasyprint\` (its default page) on the very Markdown we built.

### First run (empty cache: every file parsed and validated, every document composed and rendered)

| markets | nominated | \`check\` (time / peak) | \`status\` | \`diff\` | comment → MD | comment → PDF | PDF pages | pages/s | pandoc + weasyprint | ours vs pandoc |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${sizes.map(row).join('\n')}

### Files unchanged since the last run (the cache answers: nothing is parsed or validated again)

The cache (\`~/.cache/docketpress\`, or \`DOCKETPRESS_CACHE_DIR\`) keys every entry by the bytes of every data file,
brief and template and by the build of docketpress itself, so any edit means a first run for what it touches.

| markets | \`check\` (time / peak) | \`status\` | \`diff\` |
|---:|---:|---:|---:|
${sizes.map(warmRow).join('\n')}

### Growth

Fitted on ${growths[0]?.time === 'cpu' ? 'CPU time (user + system), which other work on the machine skews less than wall time' : 'wall time'}.
\`exponent\` is *k* in a least-squares fit of time = a + b·n^k (so the fixed cost of starting Node does not hide
the shape); \`log-log slope\` is the plain slope of log time on log n (flattened by that fixed cost); the linear fit
gives the fixed cost and the cost per market (per *nominated* market for builds). A build's time also grows with
the dataset it loads while the comment grows only up to ${cap} nominations, so the \`− load\` rows take off the
\`status\` time of the same dataset (process start + loading) to leave composing and rendering (— : no power law fits
the points, e.g. when noise makes a net time shrink).

| measure | n | exponent k | log-log slope | fixed cost | per market | R² (linear) |
|---|---|---:|---:|---:|---:|---:|
${growths.map((g) => `| ${g.measure} | ${g.x.join(', ')} | ${g.exponent ?? '—'} | ${g.logLogSlope} | ${s(g.fixedMs)} | ${g.msPerItem} ms | ${g.r2} |`).join('\n')}`;
}

function readme(report) {
  const { machine: m, samples, peers, synthetic, targets: goals, seconds = {} } = report;
  const mark = (met) => (met === null ? '— not measured' : met ? '✅ met' : '❌ not met');
  return `# Benchmarks

**Re-measure one part** instead of the whole run: \`npm run bench -- --only=<parts>\` (or \`BENCH_ONLY=<parts> npm run bench\`),
with \`<parts>\` a comma-separated list of \`samples\` (the repository's own briefs: default build, \`status\`, \`diff\`${minutes(seconds.samples)}),
\`peers\` (a comment and a timeline, each typeset by us, Typst and pandoc + WeasyPrint${minutes(seconds.peers)}) and \`synthetic\` (10, 100, 1,000
markets${minutes(seconds.synthetic)}). A part measured alone replaces only its own numbers in [\`results.json\`](results.json);
each section below says when it was measured and the machine's load then. \`--peers\` (or \`BENCH_PEERS=typst\`)
installs Typst (\`npm install --prefix bench/peers ${TYPST_PACKAGE}\`, git-ignored) when it is missing — nothing else
ever installs it, and without it the Typst column is empty. \`node bench/run.mjs --report\` only re-renders this page
from \`results.json\`. Environment: \`BENCH_ROUNDS\` (peer rounds, ≥ 5), \`BENCH_PEER_DOCS\` (briefs the peers typeset),
\`BENCH_REPEATS\`, \`BENCH_SIZES\`, \`BENCH_CAP\` (see the top of \`bench/run.mjs\`).

\`npm run bench\` (after \`npm install\`, which compiles \`dist/\`) runs all three parts. Times are wall-clock, with CPU time
(user + system) in parentheses: CPU time is less skewed when other work shares the machine. Every number is one
cold process — spawned fresh, process start included. Peak memory is the process's maximum RSS (${m.rssFrom}).
Pages are counted with \`pdfinfo\` (else pdf.js). The bench never installs pandoc or WeasyPrint: on Debian/Ubuntu
\`apt-get install pandoc weasyprint\`.

**Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM · Node ${m.node} · ${m.platform} · on ${m.cores} cores, a load
average above ${m.cores} slows every number here.

## Targets (issue 17: median, cold = fresh process + empty cache)

| target | measured | |
|---|---|---|
${goals.map((g) => `| ${g.target} | ${g.measured} | ${mark(g.met)} |`).join('\n')}

### Why the targets not met are not met

${WHY_START}
${handWrittenWhy()}
${WHY_END}

${samplesSection(samples)}

${peersSection(peers, m)}

${syntheticSection(synthetic, m)}
`;
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────────────

const PARTS = ['samples', 'peers', 'synthetic'];
const SAMPLE_QUERIES = { status: ['status', 'taobao'], diff: ['diff', '2020', '2021'] };
const PEER_DOCS = (process.env.BENCH_PEER_DOCS ?? 'aafa-2015-comment,alibaba-platforms-timeline').split(',').filter(Boolean);
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5) || 5);

/** Command-line options: which parts to measure, whether to install Typst, or only re-render the page. */
function options(argv) {
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const onlyText = value('only') ?? process.env.BENCH_ONLY;
  const only = onlyText ? onlyText.split(',').map((p) => p.trim()).filter(Boolean) : PARTS;
  const unknown = only.filter((p) => !PARTS.includes(p));
  const known = new Set(['--report', '--peers']);
  const stray = argv.filter((a) => !known.has(a) && !a.startsWith('--only=') && !a.startsWith('--peers='));
  if (unknown.length || stray.length || !only.length) {
    log(`bench: ${unknown.length ? `unknown part ${unknown.map((p) => `\`${p}\``).join(', ')}` : stray.length ? `unknown option ${stray.join(' ')}` : 'no part named'}; use --only=${PARTS.join(',')} (any of them), --peers, --report`);
    process.exit(2);
  }
  const peers = value('peers') ?? (argv.includes('--peers') ? 'typst' : process.env.BENCH_PEERS ?? '');
  return { only, report: argv.includes('--report'), installTypst: peers.split(',').includes('typst') };
}

/** results.json as it stands, in this version's shape (an older flat file becomes its samples and synthetic parts). */
function previousResults() {
  const file = path.join(BENCH, 'results.json');
  if (!existsSync(file)) return {};
  const old = JSON.parse(readFileSync(file, 'utf8'));
  if (old.format === 2) return old;
  const at = { date: old.machine?.date ?? '', loadAtStart: old.machine?.loadAverageAtStart ?? null, loadAtEnd: old.machine?.loadAverageAtEnd ?? null };
  return {
    format: 2,
    machine: old.machine,
    samples: old.defaultStart ? { ...at, repeats: old.repeats, build: old.defaultStart } : undefined,
    synthetic: old.sizes ? { ...at, seed: old.seed, editions: old.editions, cap: old.cap, repeats: old.repeats, sizes: old.sizes, growth: old.growth } : undefined,
  };
}

async function main() {
  const opts = options(process.argv.slice(2));
  const report = previousResults();
  if (opts.report) {
    // Re-render bench/README.md from bench/results.json without measuring again.
    report.targets = targets(report);
    writeFileSync(path.join(BENCH, 'README.md'), readme(report));
    log('wrote bench/README.md from bench/results.json');
    return;
  }
  if (!existsSync(BUILT)) {
    log('dist/bin/docketpress.js is missing: run `npm install` (or `npm run build`) first.');
    process.exit(1);
  }
  staleDistWarning();
  if (opts.only.includes('peers') && opts.installTypst && !typstInstalled()) installTypst();
  mkdirSync(TMP, { recursive: true });
  for (const dir of [APP, path.join(TMP, 'samples')]) rmSync(dir, { recursive: true, force: true });
  for (const name of ['dist', 'data', 'templates', 'briefs', 'package.json']) cpSync(path.join(ROOT, name), path.join(APP, name), { recursive: true });
  report.format = 2;
  report.machine = machine();
  report.seconds ??= {};
  log(`docketpress bench — ${opts.only.join(', ')} — ${report.machine.cores} cores, ${report.machine.memoryGb} GB, Node ${report.machine.node}; RSS from ${report.machine.rssFrom}`);
  const began = performance.now();
  const part = async (name, run) => {
    if (!opts.only.includes(name)) return;
    const started = performance.now();
    report[name] = await run();
    report.seconds[name] = round((performance.now() - started) / 1000, 1);
  };
  await part('samples', () => benchSamples());
  await part('peers', () => benchPeers({ project: sampleProject(), main: MAIN, distFonts: path.join(APP, 'dist', 'fonts'), work: path.join(TMP, 'peers'), documents: PEER_DOCS, rounds: ROUNDS }));
  await part('synthetic', () => benchSynthetic());
  report.targets = targets(report);
  writeFileSync(path.join(BENCH, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(BENCH, 'README.md'), readme(report));
  log(`\n${report.targets.map((g) => `${g.met === null ? '—      ' : g.met ? 'met    ' : 'NOT met'}  ${g.target}: ${g.measured}`).join('\n')}`);
  log(`\nwrote bench/results.json and bench/README.md in ${round((performance.now() - began) / 1000, 1)} s`);
}

await main();
