// The bench's peer comparison: one document's Markdown (the very file we build) typeset by us, by Typst and by
// pandoc + WeasyPrint, each a fresh process, interleaved round by round (ours, Typst, pandoc, ours, …), medians.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn, has, load, log, measure, median, pageCount, round } from './measure.mjs';
import { markdownToTypst } from './typst-markup.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
/** Where `--peers` installs Typst (git-ignored; never touched by `npm install` or CI). */
export const PEERS_DIR = path.join(BENCH, 'peers');
export const TYPST_PACKAGE = '@myriaddreamin/typst-ts-node-compiler';
export const TYPST_VERSION = '0.7.0';
const TYPST_RUNNER = path.join(BENCH, 'typst-compile.mjs');
/** pandoc is stopped after this long (the ratio is then a lower bound). */
export const PANDOC_TIMEOUT_MS = 180_000;
/** The Tinos faces our PDFs set the body in (Latin subsets, as decoded by `npm run build` into dist/fonts/). */
const TINOS = ['400-normal', '400-italic', '700-normal', '700-italic'].map((v) => `tinos-latin-${v}.ttf`);

/** The installed Typst compiler's version, or null when bench/peers/ does not hold it. */
export function typstInstalled() {
  const manifest = path.join(PEERS_DIR, 'node_modules', TYPST_PACKAGE, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
}

/** Installs Typst's npm compiler into bench/peers/ (only when asked: `--peers` or BENCH_PEERS=typst). */
export function installTypst() {
  log(`installing ${TYPST_PACKAGE}@${TYPST_VERSION} into bench/peers/ (asked by --peers / BENCH_PEERS)`);
  mkdirSync(PEERS_DIR, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', PEERS_DIR, '-E', '--no-audit', '--no-fund', `${TYPST_PACKAGE}@${TYPST_VERSION}`], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm install of ${TYPST_PACKAGE} into bench/peers/ failed (exit ${result.status})`);
}

/** pandoc's page for WeasyPrint: the same page, margins, face and size as ours (its notes stay endnotes). */
function pandocCss(fonts) {
  const face = (file, weight, style) => `@font-face { font-family: "Tinos"; src: url("file://${path.join(fonts, file)}"); font-weight: ${weight}; font-style: ${style}; }`;
  return [
    face(TINOS[0], 400, 'normal'),
    face(TINOS[1], 400, 'italic'),
    face(TINOS[2], 700, 'normal'),
    face(TINOS[3], 700, 'italic'),
    '@page { size: letter; margin: 1in; @bottom-center { content: counter(page) " of " counter(pages); font: 12pt "Tinos", serif; } }',
    'html, body { font-family: "Tinos", serif; font-size: 12pt; max-width: none; margin: 0; padding: 0; }',
    '',
  ].join('\n');
}

/** Wall, CPU and peak memory medians of the runs that succeeded, and how many did. */
function summary(runs) {
  const ok = runs.filter((r) => r.code === 0);
  if (!ok.length) return { failed: runs[0]?.stderr.split('\n\tCommand being timed:')[0].trim().split('\n').slice(-3).join(' ') ?? 'no run' };
  const cpu = ok.every((r) => r.cpuMs !== null) ? round(median(ok.map((r) => r.cpuMs)), 0) : null;
  const rss = ok.every((r) => r.rssMb !== null) ? round(Math.max(...ok.map((r) => r.rssMb)), 1) : null;
  return { wallMs: round(median(ok.map((r) => r.wallMs)), 1), cpuMs: cpu, rssMb: rss, runs: ok.length, wallRuns: ok.map((r) => round(r.wallMs, 0)) };
}

/**
 * Measures each document: builds our Markdown once, converts it to Typst markup (every footnote kept, or it
 * throws), then `rounds` rounds of ours (cold: empty cache, no out/), Typst and pandoc, one after the other.
 * `project` holds data/, briefs/ and templates/; `main` is our built CLI, `distFonts` its decoded fonts; `work` a
 * scratch folder.
 */
export async function benchPeers({ project, main, distFonts, work, documents, rounds }) {
  const typst = typstInstalled();
  const pandoc = has('pandoc') && has('weasyprint');
  const loadAtStart = load();
  const date = new Date().toISOString();
  rmSync(work, { recursive: true, force: true });
  const fonts = path.join(work, 'fonts');
  mkdirSync(fonts, { recursive: true });
  for (const file of TINOS) cpSync(path.join(distFonts, 'tinos', file), path.join(fonts, file));
  const cjk = path.join(distFonts, 'noto-serif-sc');
  const css = path.join(work, 'page.css');
  writeFileSync(css, pandocCss(fonts));
  log(`\npeers — ${rounds} interleaved rounds per document: ours${typst ? `, Typst ${typst}` : ' (Typst not installed: --peers installs it)'}${pandoc ? ', pandoc + WeasyPrint' : ' (pandoc or weasyprint not on the PATH)'}`);

  const results = [];
  for (const id of documents) {
    const dir = path.join(work, id);
    const md = spawnSync(process.execPath, [main, 'build', id, '--format', 'md', '--out', path.join(dir, 'md'), '--quiet'], { cwd: project, encoding: 'utf8', env: { ...process.env, DOCKETPRESS_CACHE_DIR: 'off' } });
    const mdFile = filesIn(path.join(dir, 'md', id), '.md')[0];
    if (md.status !== 0 || !mdFile) throw new Error(`building ${id} as Markdown failed:\n${md.stderr}`);
    const markdown = readFileSync(mdFile, 'utf8');
    const converted = markdownToTypst(markdown);
    if (converted.footnotes !== converted.definitions) throw new Error(`${id}: ${converted.definitions} footnotes in the Markdown but ${converted.footnotes} in the Typst markup`);
    const typ = path.join(dir, `${id}.typ`);
    writeFileSync(typ, converted.source);

    const cache = path.join(work, 'cache');
    const oursOut = path.join(dir, 'ours');
    const typstPdf = path.join(dir, 'typst.pdf');
    const pandocPdf = path.join(dir, 'pandoc.pdf');
    const runs = { ours: [], typst: [], pandoc: [] };
    for (let round = 1; round <= rounds; round++) {
      const ours = measure(process.execPath, [main, 'build', id, '--format', 'pdf', '--out', oursOut, '--quiet'], {
        cwd: project,
        env: { DOCKETPRESS_CACHE_DIR: cache },
        before: () => {
          rmSync(cache, { recursive: true, force: true });
          rmSync(oursOut, { recursive: true, force: true });
        },
      });
      if (ours.code !== 0) throw new Error(`ours: build ${id} --format pdf failed (exit ${ours.code}):\n${ours.stderr.slice(-1500)}`);
      runs.ours.push(ours);
      if (typst) runs.typst.push(measure(process.execPath, [TYPST_RUNNER, typ, typstPdf, fonts, cjk], { cwd: dir, before: () => rmSync(typstPdf, { force: true }) }));
      if (pandoc) runs.pandoc.push(measure('pandoc', [mdFile, '-o', pandocPdf, '--pdf-engine=weasyprint', '--css', css, '--metadata', `pagetitle=${id}`], { cwd: dir, timeoutMs: PANDOC_TIMEOUT_MS, before: () => rmSync(pandocPdf, { force: true }) }));
      const said = (name) => (runs[name].length ? `${name} ${Math.round(runs[name].at(-1).wallMs)} ms` : null);
      log(`  ${id} round ${round}: ${['ours', 'typst', 'pandoc'].map(said).filter(Boolean).join(', ')}`);
    }
    const oursPdf = filesIn(path.join(oursOut, id), '.pdf')[0];
    const result = { id, markdownBytes: Buffer.byteLength(markdown), footnotes: converted.footnotes, ours: { ...summary(runs.ours), pages: oursPdf ? await pageCount(oursPdf) : null } };
    if (typst) result.typst = { ...summary(runs.typst), pages: existsSync(typstPdf) ? await pageCount(typstPdf) : null };
    if (pandoc) result.pandoc = { ...summary(runs.pandoc), pages: existsSync(pandocPdf) ? await pageCount(pandocPdf) : null };
    // Ratios of the wall-time medians, and of the CPU-time medians (less skewed when the machine is busy).
    const ratio = (a, b) => (a && b ? round(a / b, 2) : undefined);
    if (result.typst?.wallMs) {
      result.oursOverTypst = ratio(result.ours.wallMs, result.typst.wallMs);
      result.oursOverTypstCpu = ratio(result.ours.cpuMs, result.typst.cpuMs);
    }
    if (result.pandoc?.wallMs) {
      result.pandocOverOurs = ratio(result.pandoc.wallMs, result.ours.wallMs);
      result.pandocOverOursCpu = ratio(result.pandoc.cpuMs, result.ours.cpuMs);
    }
    log(`  → ${id}: ours ${result.ours.wallMs} ms${result.typst ? `, Typst ${result.typst.wallMs ?? 'failed'} ms (ours/Typst ${result.oursOverTypst ?? '—'}×)` : ''}${result.pandoc ? `, pandoc ${result.pandoc.wallMs ?? 'failed'} ms (pandoc/ours ${result.pandocOverOurs ?? '—'}×)` : ''}`);
    results.push(result);
  }
  return { date, loadAtStart, loadAtEnd: load(), rounds, typst, documents: results };
}
