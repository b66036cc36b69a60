// An output folder holds only the files of the current build: what an earlier build wrote and this one does not
// (another format, another version name, a leftover temp file) is removed and reported — never a user's own file —
// and an out/<id> that is a symbolic link out of --out is never followed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policyBriefYaml } from '../helpers/briefs.js';
import { cli } from '../helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const BRIEF = (recommendation: string): string => policyBriefYaml({ recommendation: JSON.stringify(recommendation) });

function project(recommendation: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'docketpress-out-folder-'));
  dirs.push(dir);
  cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  mkdirSync(path.join(dir, 'briefs'));
  writeFileSync(path.join(dir, 'briefs/pb.yaml'), BRIEF(recommendation));
  return dir;
}

const listing = (dir: string): string[] => readdirSync(path.join(dir, 'out/pb')).sort();

describe('the output folder of a brief', () => {
  it('loses the unredacted single version once a sentence is marked confidential, whatever the formats asked', async () => {
    const dir = project('Option 1, since sales of 31 qzvkxw doubled.');
    expect((await cli(['build', '--no-cache', '--format', 'md,pdf'], dir)).code).toBe(0);
    expect(listing(dir)).toEqual(['.docketpress-files.json', 'pb.md', 'pb.pdf']);
    writeFileSync(path.join(dir, 'out/pb/cover-letter.md'), 'my own notes\n');
    writeFileSync(path.join(dir, 'out/pb/.pb.md.123.abcd1234.tmp'), 'half a file');
    writeFileSync(path.join(dir, 'out/pb/..docketpress-files.json.abcd1234.tmp'), ''); // a manifest's interrupted write
    writeFileSync(path.join(dir, 'briefs/pb.yaml'), BRIEF('Option 1, since :bci[sales of 31 qzvkxw doubled].'));
    const run = await cli(['build', '--format', 'pdf'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(listing(dir)).toEqual(['.docketpress-files.json', 'BC-pb-pb.pdf', 'P-pb-pb.pdf', 'cover-letter.md']);
    expect(run.stdout).toContain(`removed ${path.join('out', 'pb', 'pb.md')} (an earlier build's; this build does not write it)\n`);
    expect(run.stdout).toContain(`removed ${path.join('out', 'pb', 'pb.pdf')}`);
    expect(run.stdout).toContain(`removed ${path.join('out', 'pb', '.pb.md.123.abcd1234.tmp')}`);
    expect(run.stdout).toContain(`removed ${path.join('out', 'pb', '..docketpress-files.json.abcd1234.tmp')}`);
    expect(readFileSync(path.join(dir, 'out/pb/cover-letter.md'), 'utf8')).toBe('my own notes\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'out/pb/.docketpress-files.json'), 'utf8'))).toEqual({ brief: 'pb', files: ['BC-pb-pb.pdf', 'P-pb-pb.pdf'] });
    // Later builds are up to date and the folder stays as it is.
    const again = await cli(['build', '--format', 'pdf', '--json'], dir);
    const report = JSON.parse(again.stdout) as { removed: string[]; briefs: Array<{ status: string }> };
    expect(report.removed).toEqual([]);
    expect(listing(dir)).toEqual(['.docketpress-files.json', 'BC-pb-pb.pdf', 'P-pb-pb.pdf', 'cover-letter.md']);
  }, 90_000);

  it('reports in --json what it removed; a file named by an older manifest goes too', async () => {
    const dir = project('Option 1, since :bci[sales of 31 qzvkxw doubled].');
    expect((await cli(['build', '--no-cache', '--format', 'md'], dir)).code).toBe(0);
    // An older P version that still holds the sentence, under a name the manifest recorded.
    writeFileSync(path.join(dir, 'out/pb/P-pb-pb.html'), '<p>sales of 31 qzvkxw doubled</p>');
    writeFileSync(path.join(dir, 'out/pb/.docketpress-files.json'), JSON.stringify({ brief: 'pb', files: ['BC-pb-pb.md', 'P-pb-pb.md', 'P-pb-pb.html', 'old-name.md'] }));
    writeFileSync(path.join(dir, 'out/pb/old-name.md'), 'sales of 31 qzvkxw doubled');
    writeFileSync(path.join(dir, 'briefs/pb.yaml'), BRIEF('Option 1, since :bci[sales of 31 qzvkxw doubled]!'));
    const run = await cli(['build', '--no-cache', '--format', 'md', '--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { removed: string[]; briefs: Array<{ id: string; removed: string[] }> };
    expect(report.removed.sort()).toEqual([path.join('out', 'pb', 'P-pb-pb.html'), path.join('out', 'pb', 'old-name.md')]);
    expect(report.briefs[0]!.removed.sort()).toEqual(report.removed.sort());
    expect(listing(dir)).toEqual(['.docketpress-files.json', 'BC-pb-pb.md', 'P-pb-pb.md']);
  }, 90_000);

  it('never follows out/<id> when it is a symbolic link out of the output folder', async () => {
    const dir = project('Option 1.');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'docketpress-elsewhere-'));
    dirs.push(elsewhere);
    writeFileSync(path.join(elsewhere, 'pb.md'), 'not docketpress’s to touch');
    mkdirSync(path.join(dir, 'out'));
    symlinkSync(elsewhere, path.join(dir, 'out/pb'));
    const run = await cli(['build', '--no-cache', '--format', 'md'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^briefs\/pb\.yaml:\d+:\d+: error brief `pb` was not built: out\/pb is a symbolic link to .*, outside the output folder; .* \[output-folder-outside\]$/m);
    expect(readdirSync(elsewhere)).toEqual(['pb.md']);
    expect(readFileSync(path.join(elsewhere, 'pb.md'), 'utf8')).toBe('not docketpress’s to touch');
    // A link that stays inside the output folder is followed.
    rmSync(path.join(dir, 'out/pb'));
    mkdirSync(path.join(dir, 'out/real'));
    symlinkSync(path.join(dir, 'out/real'), path.join(dir, 'out/pb'));
    expect((await cli(['build', '--no-cache', '--format', 'md'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'out/real/pb.md'))).toBe(true);
  }, 90_000);
});
