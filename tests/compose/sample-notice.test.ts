// The SAMPLE notice of a filing is true of the version it heads: a version that shows text marked INVENTED (a
// sample's invented business confidential figures) says that text is invented; a public version, which shows none of
// its BCI, keeps the plain notice, so nothing in it depends on confidential text; no notice quotes confidential text.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { confidentialTexts } from '../../src/compose/bci.js';
import { sampleNoticeQuote } from '../../src/compose/filing.js';
import { composeBrief } from '../../src/compose/index.js';
import { documentVersions, type DocumentVersion } from '../../src/compose/versions.js';
import { roleOf } from '../../src/document/roles.js';
import { loadBriefs } from '../../src/load/briefs.js';
import { loadDataset } from '../../src/load/dataset.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { cli } from '../helpers/cli.js';
import { sampleProject } from '../helpers/sample-project.js';

const SAMPLE = sampleProject('sample-notice');
afterAll(() => rmSync(SAMPLE, { recursive: true, force: true }));

const PLAIN_END = 'Quotations and figures are from the cited public sources.';
const INVENTED_END = 'Quotations and figures are from the cited public sources, except those marked INVENTED.';

/** The versions of a brief of the sample project, and its confidential texts. */
async function versionsOf(id: string): Promise<{ versions: DocumentVersion[]; secrets: string[] }> {
  const { dataset } = await loadDataset(path.join(SAMPLE, 'data'), { cwd: SAMPLE });
  const { briefs } = await loadBriefs(path.join(SAMPLE, 'briefs'), { cwd: SAMPLE });
  const loaded = briefs.find((b) => b.brief.id === id)!;
  const { document, diagnostics } = await composeBrief(loaded, dataset!, { templatesDir: path.join(SAMPLE, 'templates'), cwd: SAMPLE, briefs });
  expect(document, JSON.stringify(diagnostics)).toBeDefined();
  return { versions: documentVersions(document!, loaded.brief), secrets: confidentialTexts(document!.root) };
}

/** The notice as the version's first block prints it (the SAMPLE block), and as its metadata carries it (page footers). */
function notices(version: DocumentVersion): { block: string; meta: string | undefined } {
  const block = version.document.root.children.find((node) => roleOf(node) === 'sample-notice');
  return { block: block ? toString(block) : '', meta: version.document.meta.sampleNotice };
}

describe('the SAMPLE notice of a sample with invented BCI (aafa-2016-comment)', () => {
  it('says so in the confidential version, which shows the INVENTED figures, and not in the public one', async () => {
    const { versions, secrets } = await versionsOf('aafa-2016-comment');
    const [bc, pub] = versions;
    expect(versions.map((v) => v.label)).toEqual(['BC', 'P']);
    expect(secrets.some((s) => s.includes('INVENTED'))).toBe(true);

    const confidential = notices(bc!);
    expect(confidential.meta).toMatch(/^SAMPLE — .*It is not a filing by the American Apparel & Footwear Association/);
    expect(confidential.meta!.endsWith(INVENTED_END)).toBe(true);
    expect(confidential.block).toBe(confidential.meta);

    const open = notices(pub!);
    expect(open.meta).toBe(confidential.meta!.replace(INVENTED_END, PLAIN_END));
    expect(open.block).toBe(open.meta);
    expect(renderMarkdown(pub!.document.root)).not.toContain('INVENTED');

    // Neither notice quotes confidential text, nor does the composer's alternative reach a renderer.
    for (const notice of [confidential.meta!, open.meta!]) for (const secret of secrets) expect(notice).not.toContain(secret);
    for (const version of versions) expect(version.document.meta).not.toHaveProperty('inventedSampleNotice');
  });

  it('keeps the plain notice in both versions when nothing confidential is marked INVENTED', async () => {
    const spec = path.join(SAMPLE, 'briefs', 'aafa-2016-comment.yaml');
    const original = readFileSync(spec, 'utf8');
    writeFileSync(spec, original.replaceAll('INVENTED FOR THIS SAMPLE — ', ''));
    try {
      const { versions, secrets } = await versionsOf('aafa-2016-comment');
      expect(secrets.length).toBe(2);
      for (const version of versions) expect(notices(version).meta!.endsWith(PLAIN_END), version.label ?? '').toBe(true);
    } finally {
      writeFileSync(spec, original);
    }
  });
});

describe('the SAMPLE notice of other samples', () => {
  it('stays as it was for a sample without BCI and for an invented filer (whose notice already says its figures are invented)', async () => {
    const [single] = (await versionsOf('aafa-2015-comment')).versions;
    expect(single!.label).toBeNull();
    expect(notices(single!).meta!.endsWith(PLAIN_END)).toBe(true);
    expect(single!.document.meta).not.toHaveProperty('inventedSampleNotice');

    const invented = (await versionsOf('example-brand-council-2026-comment')).versions;
    expect(invented.map((v) => v.label)).toEqual(['BC', 'P']);
    const [bc, pub] = invented.map((v) => notices(v).meta);
    expect(bc).toContain('is an invented organisation');
    expect(bc).toBe(pub);
  });

  it('says text marked INVENTED is invented when a single-version document shows such text', () => {
    const notice = (children: Root['children']): string | undefined => {
      const plain = `SAMPLE — plain. ${PLAIN_END}`;
      const root: Root = { type: 'root', children: [sampleNoticeQuote(plain), ...children] };
      const meta = { title: 't', author: 'a', subject: 's', keywords: [], date: '2016-10-07', runningHeader: 'h', sampleNotice: plain, inventedSampleNotice: `SAMPLE — plain. ${INVENTED_END}` };
      const [version] = documentVersions({ root, meta }, { id: 'x-comment', kind: 'comment', filer: 'x' } as never);
      expect(notices(version!).block).toBe(version!.document.meta.sampleNotice);
      return version!.document.meta.sampleNotice;
    };
    expect(notice([{ type: 'paragraph', children: [{ type: 'text', value: 'INVENTED FOR THIS SAMPLE — 31 of 40 test purchases' }] }])).toBe(`SAMPLE — plain. ${INVENTED_END}`);
    expect(notice([{ type: 'paragraph', children: [{ type: 'text', value: 'Figures from the record.' }] }])).toBe(`SAMPLE — plain. ${PLAIN_END}`);
  });
});

describe('the SAMPLE notice in the foot of every page', () => {
  it('leaves room for the bottom marking with the INVENTED clause, a placeholder docket and a long filer name', async () => {
    // A filer's own sample for the current cycle (its docket a placeholder): the notice's longest form.
    const brief = [
      'id: lakeshore-toy-guild-2026-comment',
      'kind: comment',
      'filer: lakeshore-toy-guild',
      'cycle: 2026',
      'date: 2026-12-01',
      'sample: true',
      'filer_profile:',
      '  name: Lakeshore Toy Makers Guild of the Great Lakes Region (invented filer)',
      '  short_name: LTMG',
      '  letterhead: { address: ["200 Example Avenue, Suite 12", "Chicago, IL 60601"] }',
      '  self_description: LTMG is an invented guild of toy makers.',
      '  signatory: { name: Robin Example, title: Executive Director }',
      '  contact: { name: Sam Example, email: policy@example.org, phone: "(312) 555-0191" }',
      'introduction: LTMG asks USTR to keep IndiaMART on the list.',
      'nominations:',
      '  - market: indiamart',
      '    request: retain',
      '    reasons: Counterfeit toys are still offered on it.',
      '    attested:',
      '      - { measure: test purchases that were counterfeit (INVENTED FIGURE), value: 9, unit: of 15 test purchases, confidential: true,',
      '          reason: Members\' enforcement data., attested_by: LTMG staff, date: 2026-11-24, method: test purchases }',
      'conclusion: LTMG thanks USTR.',
      '',
    ].join('\n');
    const file = path.join(SAMPLE, 'briefs', 'lakeshore-toy-guild-2026-comment.yaml');
    writeFileSync(file, brief);
    try {
      // `check <id>` renders the brief's versions and checks that every page carries its marking at top and bottom.
      const checked = await cli(['check', 'lakeshore-toy-guild-2026-comment'], SAMPLE);
      expect(checked.stdout + checked.stderr).not.toContain('compliance-marking');
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
      const { versions } = await versionsOf('lakeshore-toy-guild-2026-comment');
      expect(notices(versions[0]!).meta).toContain(`${INVENTED_END} The docket number and Federal Register cite are placeholders`);
    } finally {
      rmSync(file, { force: true });
    }
  }, 120_000);
});
