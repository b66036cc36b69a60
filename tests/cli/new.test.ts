// `docketpress new`: scaffolds brief specs that load, from the data, in a temporary working folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface DocketRow {
  cycle: number;
  docket_id?: string;
  fr_cite?: string;
  notice_date: string;
  comment_deadline?: string;
  rebuttal_deadline?: string;
}
const dockets = (parse(readFileSync(path.join(ROOT, 'data/dockets.yaml'), 'utf8')) as { dockets: DocketRow[] }).dockets;
const docket2016 = dockets.find((d) => d.cycle === 2016)!;
const aafa = parse(readFileSync(path.join(ROOT, 'data/stakeholders/aafa.yaml'), 'utf8')) as { people: { id: string }[] };
const ustr = parse(readFileSync(path.join(ROOT, 'data/stakeholders/ustr.yaml'), 'utf8')) as { people: { id: string }[] };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'docketpress-new-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const specPath = (id: string, folder = 'briefs'): string => path.join(dir, folder, `${id}.yaml`);
const NEW_COMMENT = ['new', 'comment', '--filer', 'aafa', '--cycle', '2016', '--markets', 'taobao', '--date', '2026-01-15'];

describe('docketpress new', () => {
  it('writes a comment spec from the data that `check` loads', async () => {
    const made = await cli(NEW_COMMENT, dir);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('wrote briefs/aafa-2016-comment.yaml');
    expect(made.stdout).toContain('docketpress check');

    const text = readFileSync(specPath('aafa-2016-comment'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S*data\/schema\/brief\.schema\.json$/);
    // The docket block repeats data/dockets.yaml for 2016.
    expect(text).toMatch(new RegExp(`docket id:\\s+${docket2016.docket_id}\\n`));
    expect(text).toMatch(new RegExp(`Federal Register:\\s+${docket2016.fr_cite}\\n`));
    expect(text).toMatch(new RegExp(`notice date:\\s+${docket2016.notice_date}\\n`));
    expect(text).toMatch(new RegExp(`comment deadline:\\s+${docket2016.comment_deadline} `));
    expect(text).toMatch(new RegExp(`rebuttal deadline:\\s+${docket2016.rebuttal_deadline} `));

    const spec = parse(text) as Record<string, unknown> & { nominations: Record<string, unknown>[]; addressee: { person: string } };
    expect(spec).toMatchObject({ id: 'aafa-2016-comment', kind: 'comment', filer: 'aafa', cycle: 2016 });
    // The deadline has passed on --date, so the draft is dated on the deadline (never flagged late).
    expect(spec.date).toBe(docket2016.comment_deadline);
    expect(aafa.people.map((p) => p.id)).toContain(spec.signatory);
    expect(ustr.people.map((p) => p.id)).toContain(spec.addressee.person);
    expect(spec.nominations).toHaveLength(1);
    expect(spec.nominations[0]).toMatchObject({ market: 'taobao', request: 'list' });
    expect(String(spec.nominations[0]!.reasons)).toMatch(/^TODO/);
    expect(text).toMatch(/request: list\s+# TODO/);
    expect(text).toContain('# request: one of list | relist | retain | remove | do-not-list | oppose-listing');

    const checked = await cli(['check', '--json'], dir);
    const report = JSON.parse(checked.stdout) as { briefs: number; errors: number; diagnostics: { file: string; line: number; ruleId: string; severity: string }[] };
    expect(report.briefs).toBe(1);
    // Nothing but a warning at each TODO left for a person, on the very lines that hold one (besides the data's own
    // mirror-only facts about the nominated market, which a filing leaves out with a `weak-source` warning).
    const own = report.diagnostics.filter((d) => d.file.includes('aafa-2016-comment') && d.ruleId !== 'weak-source');
    const todoLines = text.split('\n').flatMap((line, i) => (/\bTODO:/.test(line) ? [i + 1] : []));
    expect(todoLines.length).toBeGreaterThanOrEqual(4);
    expect(own.map((d) => [d.ruleId, d.severity, d.line])).toEqual(todoLines.map((line) => ['todo-left', 'warning', line]));
    expect(report.errors).toBe(0);
    expect(checked.code).toBe(0);

    // Once the TODOs are written, nothing is left to say.
    writeFileSync(specPath('aafa-2016-comment'), text.replace(/TODO: ?/g, 'Written: ').replace(/ +# TODO[^\n]*/g, ''));
    const done = JSON.parse((await cli(['check', '--json'], dir)).stdout) as typeof report;
    expect(done.diagnostics.filter((d) => d.file.includes('aafa-2016-comment') && d.ruleId !== 'weak-source')).toEqual([]);
  });

  it('dates a filing today while its deadline is ahead', async () => {
    const made = await cli(['new', 'comment', '--filer', 'aafa', '--cycle', '2016', '--markets', 'taobao', '--date', '2016-09-01'], dir);
    expect(made.code, made.stderr).toBe(0);
    expect((parse(readFileSync(specPath('aafa-2016-comment'), 'utf8')) as { date: string }).date).toBe('2016-09-01');
  });

  it('refuses to overwrite an existing spec; --force overwrites it', async () => {
    expect((await cli(NEW_COMMENT, dir)).code).toBe(0);
    writeFileSync(specPath('aafa-2016-comment'), 'edited by hand\n');
    const again = await cli(NEW_COMMENT, dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect(again.stdout).toBe('');
    expect(readFileSync(specPath('aafa-2016-comment'), 'utf8')).toBe('edited by hand\n');

    const forced = await cli([...NEW_COMMENT, '--force'], dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(specPath('aafa-2016-comment'), 'utf8')).toContain('id: aafa-2016-comment');
  });

  it('unknown filer, market or cycle: exit 2 with the nearest id', async () => {
    const filer = await cli(['new', 'comment', '--filer', 'afaa', '--cycle', '2016'], dir);
    expect(filer.code).toBe(2);
    expect(filer.stderr).toContain('unknown filer `afaa`');
    expect(filer.stderr).toContain('did you mean `aafa`?');
    const market = await cli(['new', 'comment', '--filer', 'aafa', '--cycle', '2016', '--markets', 'taobao,tmal'], dir);
    expect(market.code).toBe(2);
    expect(market.stderr).toContain('did you mean `tmall`?');
    const cycle = await cli(['new', 'comment', '--filer', 'aafa', '--cycle', '2061', '--date', '2026-01-15'], dir);
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('unknown cycle 2061');
    const kind = await cli(['new', 'coment', '--filer', 'aafa', '--cycle', '2016'], dir);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('did you mean `comment`?');
    for (const result of [filer, market, cycle, kind]) expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes into --briefs DIR, with an explicit --id', async () => {
    const made = await cli(['new', 'comment', '--filer', 'aafa', '--cycle', '2016', '--markets', 'taobao', '--id', 'my-draft', '--briefs', 'drafts', '--date', '2026-01-15'], dir);
    expect(made.code, made.stderr).toBe(0);
    expect(readFileSync(specPath('my-draft', 'drafts'), 'utf8')).toContain('id: my-draft');
    expect(made.stdout).toContain('docketpress check --briefs drafts');
  });

  it('every kind scaffolds a spec that loads and checks clean', async () => {
    const runs = [
      ['new', 'response', '--filer', 'alibaba-group', '--cycle', '2016'],
      ['new', 'policy-brief', '--cycle', '2016', '--markets', 'taobao'],
      ['new', 'timeline', '--cycle', '2016', '--markets', 'taobao,tmall'],
      ['new', 'diff', '--cycle', '2021'],
    ];
    for (const argv of runs) {
      const made = await cli([...argv, '--date', '2026-01-15'], dir);
      expect(made.code, `${argv.join(' ')}: ${made.stderr}`).toBe(0);
    }
    const checked = await cli(['check', '--json'], dir);
    const report = JSON.parse(checked.stdout) as { briefs: number; errors: number; diagnostics: unknown[] };
    expect(report.briefs).toBe(runs.length);
    expect(report.errors, JSON.stringify(report.diagnostics, null, 1)).toBe(0);
  });

  it('a placeholder the human must replace is an error `check` points at', async () => {
    // No person of AAFA holds a role in 2026 in the data: the signatory is a TODO placeholder.
    const made = await cli(['new', 'comment', '--filer', 'aafa', '--cycle', '2026', '--markets', 'vk', '--date', '2026-01-15'], dir);
    expect(made.code, made.stderr).toBe(0);
    const text = readFileSync(specPath('aafa-2026-comment'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('signatory: todo-signatory')) + 1;
    expect(line).toBeGreaterThan(0);
    const checked = await cli(['check'], dir);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`briefs/aafa-2026-comment.yaml:${line}:12: error unknown person \`todo-signatory\``);
  });
});
