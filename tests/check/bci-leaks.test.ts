// The five ways confidential text once reached the public version, and each class of place that carries text:
// every case builds BC and P in every format and reads P back as a reader would (Markdown and HTML source, the
// PDF's text layer, metadata, bookmarks and link targets, every part of the Word package); `:bci` where it cannot be honoured is an error.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../helpers/pdf-text.js';
import { policyBriefYaml } from '../helpers/briefs.js';
import { cli } from '../helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FORMATS = 'md,pdf,html,docx';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Invented data for the tests: a confidential quote (in a position) and a confidential metric. */
const INVENTED_POSITION = `
  - id: invented-confidential-position
    stakeholder: aafa
    markets: [taobao]
    cycle: 2016
    stance: relist
    date: 2016-10-07
    summary: INVENTED FOR A TEST — a position whose only quote is confidential.
    quotes:
      - text: "INVENTED zqxvbw quote held in confidence by the filer"
        confidential: true
        confidential_reason: invented for a test
        sources: [sgbonline-2016-10-aafa-alibaba-relisted]
    sources: [sgbonline-2016-10-aafa-alibaba-relisted]
`;
const INVENTED_METRIC = `
  - id: invented-confidential-metric
    market: taobao
    measure: INVENTED kvvzqp measure of member takedowns
    value: 4321
    unit: listings
    period: INVENTED jqzxkv period
    reported_by: alibaba-group
    confidential: true
    confidential_reason: invented for a test
    sources: [afp-phys-2014-02-20-wechat-background]
`;

/** A project folder: the real data (with the invented items) and templates, and the given briefs. */
function project(briefs: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'docketpress-bci-leaks-'));
  dirs.push(dir);
  cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  appendFileSync(path.join(dir, 'data/positions.yaml'), INVENTED_POSITION);
  appendFileSync(path.join(dir, 'data/metrics.yaml'), INVENTED_METRIC);
  mkdirSync(path.join(dir, 'briefs'));
  for (const [id, yaml] of Object.entries(briefs)) writeFileSync(path.join(dir, 'briefs', `${id}.yaml`), yaml);
  return dir;
}

async function build(dir: string, ...args: string[]) {
  return cli(['build', '--format', FORMATS, '--no-cache', ...args], dir);
}

/** Everything a reader of one output file can see, as named pieces of text. */
async function visible(file: string): Promise<Array<{ where: string; text: string }>> {
  const name = path.basename(file);
  if (file.endsWith('.pdf')) {
    const pdf = await readPdfText(readFileSync(file));
    return [
      ...pdf.pages.map((text, i) => ({ where: `${name} page ${i + 1}`, text })),
      { where: `${name} metadata`, text: Object.values(pdf.info).map(String).join(' ') },
      { where: `${name} bookmarks`, text: pdf.outline.join(' ') },
      { where: `${name} links`, text: (pdf.links ?? []).join(' ') },
    ];
  }
  if (file.endsWith('.docx')) {
    // Every part of the package, tags removed (Word may split a word across runs).
    return Object.entries(unzipSync(readFileSync(file))).map(([part, data]) => ({ where: `${name} ${part}`, text: strFromU8(data).replace(/<[^>]*>/g, '') }));
  }
  return [{ where: name, text: readFileSync(file, 'utf8') }];
}

/** The public files of a brief (all formats) and their visible text. */
async function publicOutputs(dir: string, id: string): Promise<Array<{ where: string; text: string }>> {
  const folder = path.join(dir, 'out', id);
  const files = readdirSync(folder).filter((name) => name.startsWith('P-'));
  expect(files.map((f) => path.extname(f)).sort()).toEqual(['.docx', '.html', '.md', '.pdf']);
  return [{ where: 'file names', text: files.join(' ') }, ...(await Promise.all(files.map((f) => visible(path.join(folder, f))))).flat()];
}

/** Asserts the brief built as a BC/P pair in every format, no secret word is public, and each is bracketed in BC. */
async function expectPair(dir: string, id: string, stem: string, secrets: readonly string[]): Promise<string> {
  const names = readdirSync(path.join(dir, 'out', id)).filter((name) => !name.startsWith('.')).sort();
  expect(names).toEqual(['docx', 'html', 'md', 'pdf'].flatMap((ext) => [`BC-${stem}.${ext}`, `P-${stem}.${ext}`]).sort());
  for (const { where, text } of await publicOutputs(dir, id)) {
    for (const secret of secrets) expect(text.toLowerCase().includes(secret), `${secret} in ${where}`).toBe(false);
  }
  const bc = readFileSync(path.join(dir, 'out', id, `BC-${stem}.md`), 'utf8');
  const bcPdf = (await readPdfText(readFileSync(path.join(dir, 'out', id, `BC-${stem}.pdf`)))).pages.join(' ');
  const bcDocx = (await visible(path.join(dir, 'out', id, `BC-${stem}.docx`))).map((p) => p.text).join(' ');
  for (const secret of secrets) {
    expect(bc.toLowerCase()).toContain(secret);
    expect(bcPdf.toLowerCase()).toContain(secret);
    expect(bcDocx.toLowerCase()).toContain(secret);
  }
  return bc;
}

const POLICY_BRIEF = (extra = '', positions = '[invented-confidential-position, alibaba-group-2016-taobao-do-not-list]'): string => policyBriefYaml({ positions, extra });

const RESPONSE = (extra = ''): string => `
id: alibaba-group-test-response
kind: response
filer: alibaba-group
cycle: 2015
date: 2015-10-05
signatory: eric-pelletier
answers: [aafa-2015-taobao-relist]
bci_justification: invented for a test
record:
  metrics: [alibaba-2010-taobao-listings-removed, invented-confidential-metric]
points:
  - claim: aafa-2015-taobao-difficulty
    answer: The platform removes listings.
${extra}`;

describe('leak 1: a confidential quote in the policy brief positions table', () => {
  it('is a BCI span: BC/P pair, the quote only in BC, in brackets', async () => {
    const dir = project({ pb: POLICY_BRIEF() });
    const run = await build(dir);
    expect(run.code, run.stderr).toBe(0);
    const bc = await expectPair(dir, 'pb', 'pb-pb', ['zqxvbw']);
    expect(bc).toMatch(/\[“INVENTED zqxvbw quote held in confidence by the filer”/);
  }, 60_000);
});

describe('leak 2: :bci in image alt text', () => {
  it('is an error at its position; nothing is written', async () => {
    const dir = project({ pb: POLICY_BRIEF().replace('recommendation: Option 1.', 'recommendation: "Option 1. ![:bci[SECRET qkzvjw]](https://example.com/x.png)"') });
    const run = await build(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^briefs\/pb\.yaml:\d+:\d+: error .*alt text.* \[bci-not-honoured\]$/m);
    expect(existsSync(path.join(dir, 'out', 'pb'))).toBe(false);
  }, 60_000);
});

describe('leak 4: :bci in plain-text fields and link titles', () => {
  const cases: Array<[string, (yaml: string) => string, RegExp]> = [
    ['title', (y) => `${y}title: "Taobao :bci[qzvkxj secret title]"\n`, /`title`/],
    ['prepared_for', (y) => `${y}prepared_for: "the :bci[qzvkxj] desk"\n`, /`prepared_for`/],
    ['an option title', (y) => y.replace('- title: List it', '- title: "List it :bci[qzvkxj]"'), /`options\.0\.title`/],
    ['a link title', (y) => y.replace('recommendation: Option 1.', 'recommendation: \'Option 1, see [the report](https://example.com/r ":bci[qzvkxj]").\''), /link title/],
  ];
  it.each(cases)('%s: an error at its position, nothing written', async (_name, edit, mention) => {
    const dir = project({ pb: edit(POLICY_BRIEF('', '[alibaba-group-2016-taobao-do-not-list]')) });
    const run = await build(dir);
    expect(run.code).toBe(1);
    const line = run.stderr.split('\n').find((l) => l.includes('[bci-not-honoured]'));
    expect(line, run.stderr).toMatch(/^briefs\/pb\.yaml:\d+:\d+: error /);
    expect(line).toMatch(mention);
    expect(existsSync(path.join(dir, 'out', 'pb'))).toBe(false);
  }, 60_000);

  it('addressee.name in a filing: an error at its position', async () => {
    const dir = project({ r: RESPONSE('addressee:\n  name: "Ms. :bci[qzvkxj] Doe"\n').replace('id: alibaba-group-test-response', 'id: r') });
    const run = await build(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^briefs\/r\.yaml:\d+:\d+: error .*`addressee\.name`.* \[bci-not-honoured\]$/m);
  }, 60_000);
});

describe('leak 5: a confidential metric in a response record table', () => {
  it('builds (no crash): every column of the row is BCI — measure, figure, period, who reported it', async () => {
    const dir = project({ 'alibaba-group-test-response': RESPONSE() });
    const run = await build(dir);
    expect(run.code, run.stderr).toBe(0);
    await expectPair(dir, 'alibaba-group-test-response', 'alibaba-group-test-response', ['kvvzqp', 'jqzxkv', '4,321']);
    const pub = readFileSync(path.join(dir, 'out/alibaba-group-test-response/P-alibaba-group-test-response.md'), 'utf8');
    // The table keeps its shape: the public row still has four cells, each `[ ]`.
    expect(pub).toMatch(/\|\s*\\?\[ \\?\]\s*\|\s*\\?\[ \\?\]\s*\|\s*\\?\[ \\?\]\s*\|\s*\\?\[ \\?\]\s*\|/);
  }, 60_000);

  it('a failing brief never takes the others down', async () => {
    const dir = project({ 'alibaba-group-test-response': RESPONSE(), bad: POLICY_BRIEF('title: ":bci[x]"\n').replace('id: pb', 'id: bad') });
    const run = await cli(['check', '--no-cache'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/internal error|report it/i);
  }, 60_000);
});

describe('every class of place in one comment', () => {
  it('heading and bookmark, link text and target, list item, quotation, metric, footnote: only in BC', async () => {
    const comment = `
id: aafa-test-comment
kind: comment
filer: aafa
cycle: 2016
date: 2016-10-07
signatory: stephen-lamar
bci_justification: invented for a test
introduction: |
  ### Findings of :bci[hxqzvw heading words]

  See [the :bci[kwzqvx link words]](https://example.com/kwzqvx-target) for details.:cite[itt-2016-10-11-aafa-add-taobao]
nominations:
  - market: taobao
    request: relist
    metrics: [invented-confidential-metric]
    positions: [invented-confidential-position]
    reasons: |
      - A list item with :bci[jzqxvw list words and a note:cite[sgbonline-2016-10-aafa-alibaba-relisted]].
`;
    const dir = project({ 'aafa-test-comment': comment });
    const run = await build(dir);
    expect(run.code, run.stderr).toBe(0);
    await expectPair(dir, 'aafa-test-comment', 'aafa-test-comment', ['hxqzvw', 'kwzqvx', 'jzqxvw', 'kvvzqp', 'jqzxkv', 'zqxvbw']);
    const bookmarks = (await readPdfText(readFileSync(path.join(dir, 'out/aafa-test-comment/BC-aafa-test-comment.pdf')))).outline.join(' ');
    expect(bookmarks).toContain('[hxqzvw heading words]');
  }, 90_000);
});

describe('BC shows in brackets everything P omits', () => {
  it('brackets the footnotes P removes', async () => {
    const dir = project({ 'alibaba-group-test-response': RESPONSE() });
    await build(dir);
    const bc = readFileSync(path.join(dir, 'out/alibaba-group-test-response/BC-alibaba-group-test-response.md'), 'utf8');
    const pub = readFileSync(path.join(dir, 'out/alibaba-group-test-response/P-alibaba-group-test-response.md'), 'utf8');
    // The confidential metric's source is cited only inside its span: P drops that footnote, BC brackets it.
    const notes = (markdown: string): string[] => markdown.split('\n').filter((l) => /^\[\^\d+\]:/.test(l));
    const bracketed = notes(bc).filter((l) => /^\[\^\d+\]: \\?\[.*\\?\]$/.test(l));
    expect(bracketed, notes(bc).join('\n')).toHaveLength(1);
    expect(bracketed[0]).toMatch(/Phys\.org/);
    expect(notes(pub)).toHaveLength(notes(bc).length - 1);
    expect(notes(pub).some((l) => /Phys\.org/.test(l))).toBe(false);
  }, 60_000);

  it('escapes brackets inside a span, so only the span’s own brackets are bare', async () => {
    const dir = project({ pb: POLICY_BRIEF('', '[alibaba-group-2016-taobao-do-not-list]').replace('recommendation: Option 1.', 'recommendation: "Option 1: :bci[the [vqzkxw] figure] stands."') });
    const run = await build(dir);
    expect(run.code, run.stderr).toBe(0);
    const bcPdf = (await readPdfText(readFileSync(path.join(dir, 'out/pb/BC-pb-pb.pdf')))).pages.join(' ');
    expect(bcPdf).toContain('[the \\[vqzkxw\\] figure]');
  }, 60_000);
});

describe('text marked confidential that also appears unmarked', () => {
  it('warns at both places', async () => {
    const yaml = POLICY_BRIEF('', '[alibaba-group-2016-taobao-do-not-list]').replace(
      'recommendation: Option 1.',
      'recommendation: |\n  Option 1: :bci[wqzvxk sales doubled].\n\n  Also wqzvxk sales doubled, said openly.',
    );
    const dir = project({ pb: yaml });
    const run = await cli(['check', '--no-cache'], dir);
    const warnings = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.includes('[bci-also-public]'));
    expect(warnings, run.stderr).toHaveLength(2);
    const lines = warnings.map((l) => Number(/^briefs\/pb\.yaml:(\d+):\d+: warning /.exec(l)?.[1]));
    const lineOf = (needle: string): number => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(lines.sort()).toEqual([lineOf(':bci[wqzvxk'), lineOf('Also wqzvxk')].sort());
  }, 60_000);
});
