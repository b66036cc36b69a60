// End to end, in a temp copy of the project, as the README tells a new user: new docket → new comment → edit →
// check → build (BC and P) → new response --to → edit → check → build; and each check a filing needs.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;

/** Replaces `from` with `to` in a file of the temp project (throws when `from` is not there, so edits never silently miss). */
function edit(file: string, from: string | RegExp, to: string): void {
  const full = path.join(dir, file);
  const text = readFileSync(full, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit missed in ${file}: ${String(from)}`);
  writeFileSync(full, next);
}

const errorsAndWarnings = (output: string): string[] => output.split('\n').filter((line) => /: (error|warning) /.test(line));

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'docketpress-filing-'));
  cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  // A fresh user's cycle: drop the shipped placeholder 2026 docket so `new docket` adds the real one.
  edit('data/dockets.yaml', /\n  - cycle: 2026\n[\s\S]*$/, '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 2026 filing from the notice to BC and P versions and a rebuttal', () => {
  it('adds the docket with `new docket`, then `deadlines` lists it', async () => {
    const added = await cli(['new', 'docket', '--cycle', '2026', '--docket', 'USTR-2026-0123', '--fr-cite', '91 FR 12345', '--notice-date', '2026-08-20', '--comments-due', '2026-12-10', '--rebuttals-due', '2026-12-21', '--source', 'https://www.federalregister.gov/d/2026-12345'], dir);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(readFileSync(path.join(dir, 'data/dockets.yaml'), 'utf8')).toMatch(/- cycle: 2026\n    docket_id: USTR-2026-0123\n    fr_cite: 91 FR 12345/);
    const again = await cli(['new', 'docket', '--cycle', '2026', '--docket', 'USTR-2026-0123', '--fr-cite', '91 FR 12345', '--notice-date', '2026-08-20', '--source', 'https://example.org/n'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has a docket for 2026: pass --force/);
    const deadlines = await cli(['deadlines', '--on', '2026-12-01', '--json'], dir);
    const rows = JSON.parse(deadlines.stdout) as Array<{ cycle: number; docket: string | null; kind: string | null; docketRecorded: boolean }>;
    expect(rows.filter((r) => r.cycle === 2026).map((r) => r.kind)).toEqual(['comment', 'rebuttal']);
    expect(rows.find((r) => r.cycle === 2018)).toMatchObject({ docket: null, docketRecorded: false });
  });

  it('refuses a malformed docket id or FR cite with the expected form (exit 2)', async () => {
    const badId = await cli(['new', 'docket', '--cycle', '2026', '--docket', 'USTR-26-1', '--fr-cite', '91 FR 1', '--notice-date', '2026-08-20', '--source', 'https://example.org/n', '--force'], dir);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/--docket `USTR-26-1`: docket ids look like `USTR-2016-0013`/);
    const badCite = await cli(['new', 'docket', '--cycle', '2026', '--docket', 'USTR-2026-0123', '--fr-cite', 'FR Doc 2026-1234', '--notice-date', '2026-08-20', '--source', 'https://example.org/n', '--force'], dir);
    expect(badCite.code).toBe(2);
    expect(badCite.stderr).toMatch(/--fr-cite `FR Doc 2026-1234`: .*pass it as --fr-doc 2026-1234/);
  });

  it('scaffolds a comment for a filer the data lacks, with requests that agree with the record', async () => {
    const made = await cli(['new', 'comment', '--filer', 'acme-brands', '--cycle', '2026', '--markets', 'indiamart,lazada', '--date', '2026-12-01'], dir);
    expect(made.code).toBe(0);
    const spec = readFileSync(path.join(dir, 'briefs/acme-brands-2026-comment.yaml'), 'utf8');
    expect(spec).toMatch(/filer_profile:/);
    expect(spec).toMatch(/- market: indiamart[^\n]*\n[^\n]*\n    request: retain  # from the record as of 2026-12-01: listed in edition 2024/);
    const checked = await cli(['check'], dir);
    expect(checked.code).toBe(0);
    expect(errorsAndWarnings(checked.stdout + checked.stderr).every((line) => line.includes('[todo-left]'))).toBe(true);
  });

  it('after editing, checks clean and builds BC and P versions signed from the profile', async () => {
    const file = 'briefs/acme-brands-2026-comment.yaml';
    edit(file, /\nfiler_profile:[\s\S]*?\n(?=# addressee)/, [
      '\nfiler_profile:',
      '  name: Acme Brands Association',
      '  short_name: ABA',
      '  letterhead: { address: [1 Test Street NW, "Washington, DC 20001"], phone: (202) 555-0100 }',
      '  self_description: ABA is the trade association of test brands.',
      '  signatory: { name: Pat Tester, title: President }',
      '  contact: { name: Sam Contact, email: sam@example.org, phone: (202) 555-0101 }',
      '',
    ].join('\n'));
    edit(file, /introduction: \|\n  TODO:[^\n]*/, 'introduction: |\n  ABA asks USTR to act on two markets.');
    edit(file, /reasons: \|\n      TODO: why USTR should act on IndiaMART[^\n]*/, 'reasons: |\n      Counterfeits remain common.\n    attested:\n      - { measure: test purchases that were counterfeit, value: 17, unit: of 20 test purchases, confidential: true, reason: Enforcement data of members., attested_by: ABA staff, date: 2026-10-01, method: test purchases }');
    edit(file, /reasons: \|\n      TODO: why USTR should act on Lazada[^\n]*/, 'reasons: |\n      Sellers move between platforms.');
    edit(file, /conclusion: \|\n  TODO:[^\n]*/, 'conclusion: |\n  ABA thanks USTR.');
    const checked = await cli(['check'], dir);
    expect(errorsAndWarnings(checked.stdout + checked.stderr)).toEqual([]);
    expect(checked.code).toBe(0);
    const built = await cli(['build', 'acme-brands-2026-comment', '--format', 'md'], dir);
    expect(built.code).toBe(0);
    const bc = readFileSync(path.join(dir, 'out/acme-brands-2026-comment/BC-acme-brands-2026-comment.md'), 'utf8');
    const p = readFileSync(path.join(dir, 'out/acme-brands-2026-comment/P-acme-brands-2026-comment.md'), 'utf8');
    expect(bc).toContain('**17 of 20 test purchases**');
    expect(bc).toContain('Acme Brands Association certifies that the information in \\[brackets] is business confidential');
    expect(bc).toContain('Enforcement data of members.');
    expect(p).not.toContain('17 of 20');
    expect(p).toContain('\\[ ]');
    for (const text of [bc, p]) {
      expect(text).toContain('600 17th Street NW');
      expect(text).toContain('Submitted via regulations.gov, Docket No. USTR-2026-0123');
      expect(text).toContain('/s/ Pat Tester');
      expect(text).toMatch(/sam\\?@example\.org/);
      expect(text).toContain('ABA is the trade association of test brands.');
      expect(text).toContain('91 FR 12345');
    }
  });

  it('scaffolds a rebuttal with one point per nominated market, and lists the claims left unanswered', async () => {
    const made = await cli(['new', 'response', '--filer', 'example-sellers-alliance', '--cycle', '2026', '--to', 'acme-brands-2026-comment', '--date', '2026-12-15'], dir);
    expect(made.code).toBe(0);
    const file = 'briefs/example-sellers-alliance-2026-response.yaml';
    const spec = readFileSync(path.join(dir, file), 'utf8');
    expect(spec.match(/- claim: acme-brands-2026-comment#/g)).toHaveLength(2);
    // Answer only IndiaMART: the Lazada claim is left unanswered and `check` names it.
    edit(file, /  - claim: acme-brands-2026-comment#lazada[\s\S]*?(?=conclusion:)/, '');
    edit(file, /answer: \|\n      TODO:[^\n]*/, 'answer: |\n      Our takedown record answers this.');
    edit(file, /introduction: \|\n  TODO:[^\n]*/, 'introduction: |\n  We answer ABA.');
    edit(file, /conclusion: \|\n  TODO:[^\n]*/, 'conclusion: |\n  We thank USTR.');
    const checked = await cli(['check'], dir);
    const lines = errorsAndWarnings(checked.stdout + checked.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^briefs\/example-sellers-alliance-2026-response\.yaml:\d+:\d+: warning 1 of 2 claim\(s\) of `acme-brands-2026-comment` are left unanswered: acme-brands-2026-comment#lazada .*\[claims-unanswered\]$/);
    const built = await cli(['build', 'example-sellers-alliance-2026-response', '--format', 'md'], dir);
    expect(built.code).toBe(0);
    const md = readFileSync(path.join(dir, 'out/example-sellers-alliance-2026-response/example-sellers-alliance-2026-response.md'), 'utf8');
    expect(md).toContain('# Rebuttal Comments of the Example Online Sellers Alliance');
    expect(md).toContain('the Acme Brands Association, filed December 1, 2026 in Docket No. USTR-2026-0123');
  });
});

describe('check catches what a filing gets wrong, at the brief', () => {
  const brief = (name: string, body: string): void => writeFileSync(path.join(dir, 'briefs', `${name}.yaml`), `id: ${name}\n${body}`);
  const checkOne = async (name: string): Promise<string[]> => {
    const result = await cli(['check'], dir);
    return errorsAndWarnings(result.stdout + result.stderr).filter((line) => line.startsWith(`briefs/${name}.yaml`));
  };
  const comment = (extra: Record<string, string>): string =>
    Object.entries({ kind: 'comment', filer: 'aafa', signatory: 'stephen-lamar', cycle: '2016', date: '2016-10-07', ...extra })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n') + '\nnominations:\n  - { market: taobao, request: relist, reasons: Counterfeits. }\n';

  it('a request that contradicts the record (asking to add a listed market)', async () => {
    brief('contradicts', comment({ date: '2020-10-07', cycle: '2020' }).replace('market: taobao, request: relist', 'market: pinduoduo, request: list'));
    const lines = await checkOne('contradicts');
    expect(lines.some((l) => /warning `request: list` contradicts the record as of October 7, 2020: Pinduoduo is already on the list \(edition 2019\): ask USTR to keep it there with `request: retain` \[request-contradicts-record\]/.test(l))).toBe(true);
    rmSync(path.join(dir, 'briefs/contradicts.yaml'));
  });

  it('a month-only filing date, with the fix', async () => {
    brief('month-only', comment({ date: '2016-10' }));
    expect(await checkOne('month-only')).toEqual([expect.stringMatching(/^briefs\/month-only\.yaml:6:7: error a filing is dated to the day it is filed, not `2016-10`: write YYYY-MM-DD.*\[filing-date-partial\]$/)]);
    rmSync(path.join(dir, 'briefs/month-only.yaml'));
  });

  it('a docket field the kind needs, as one error at the brief’s cycle line with the `new docket` fix', async () => {
    brief('no-docket', comment({ cycle: '2018', date: '2018-10-01' }));
    const lines = (await checkOne('no-docket')).filter((line) => line.includes(': error '));
    expect(lines).toEqual([expect.stringMatching(/^briefs\/no-docket\.yaml:5:8: error the data has no docket for the 2018 cycle: add it with `docketpress new docket --cycle 2018 --docket USTR-2018-NNNN .*\[docket-field-missing\]$/)]);
    brief('no-number', comment({ cycle: '2021', date: '2021-10-01' }));
    expect((await checkOne('no-number')).filter((line) => line.includes(': error '))).toEqual([expect.stringMatching(/5:8: error the 2021 docket in data\/dockets\.yaml lacks `docket_id` \(USTR-YYYY-NNNN\).*\[docket-field-missing\]$/)]);
    rmSync(path.join(dir, 'briefs/no-docket.yaml'));
    rmSync(path.join(dir, 'briefs/no-number.yaml'));
  });

  it('a malformed FR cite or docket id, in the data and in a brief’s own docket', async () => {
    brief('own-docket', comment({ cycle: '2018', date: '2018-10-01', docket: '{ docket_id: USTR-18-5, fr_cite: "FR Doc 2018-1234", notice_date: 2018-08-01 }' }));
    const lines = await checkOne('own-docket');
    expect(lines.some((l) => /docket ids look like `USTR-2016-0013`/.test(l) && /\[invalid-format\]$/.test(l))).toBe(true);
    expect(lines.some((l) => /Federal Register cites look like `81 FR 58545`/.test(l))).toBe(true);
    rmSync(path.join(dir, 'briefs/own-docket.yaml'));
    const original = readFileSync(path.join(dir, 'data/dockets.yaml'), 'utf8');
    edit('data/dockets.yaml', 'fr_cite: 81 FR 58545', 'fr_cite: 81FR58545');
    const result = await cli(['check'], dir);
    expect(result.stdout).toMatch(/data\/dockets\.yaml:\d+:\d+: error .*Federal Register cites look like `81 FR 58545`/);
    writeFileSync(path.join(dir, 'data/dockets.yaml'), original);
  });

  it('a response answering a filing dated after it', async () => {
    brief('early-response', ['kind: response', 'filer: example-sellers-alliance', 'cycle: 2026', 'date: 2026-11-01', 'responds_to: [acme-brands-2026-comment]', 'points:', '  - { claim: "acme-brands-2026-comment#indiamart", answer: No. }', ''].join('\n'));
    const lines = await checkOne('early-response');
    expect(lines).toEqual([expect.stringMatching(/^briefs\/early-response\.yaml:6:15: error `acme-brands-2026-comment` is dated 2026-12-01, after this response \(2026-11-01\).*\[answers-later-filing\]$/)]);
    rmSync(path.join(dir, 'briefs/early-response.yaml'));
  });

  it('carries a comment forward with every carried prose field marked for review', async () => {
    const made = await cli(['new', 'comment', '--from', 'acme-brands-2026-comment', '--cycle', '2027', '--id', 'acme-brands-2027-comment', '--date', '2027-09-01'], dir);
    expect(made.code).toBe(0);
    const spec = readFileSync(path.join(dir, 'briefs/acme-brands-2027-comment.yaml'), 'utf8');
    expect(spec.match(/# TODO: review — carried from `acme-brands-2026-comment`/g)).toHaveLength(4);
    expect(spec).toContain('Counterfeits remain common.');
    expect(existsSync(path.join(dir, 'briefs/acme-brands-2027-comment.yaml'))).toBe(true);
    rmSync(path.join(dir, 'briefs/acme-brands-2027-comment.yaml'));
  });
});
