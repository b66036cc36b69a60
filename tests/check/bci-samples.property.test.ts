// Property: `:bci[…]` spans inserted at random word boundaries of every prose field of every sample brief never
// reach the public version — not its Markdown, HTML (text and attributes), PDF text, metadata or bookmarks, nor any
// part of its Word document — and
// each shows in the BC version.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readPdfText } from '../helpers/pdf-text.js';
import { composeBrief } from '../../src/compose/index.js';
import { documentVersions } from '../../src/compose/versions.js';
import { readBriefText } from '../../src/load/briefs.js';
import { loadDataset } from '../../src/load/dataset.js';
import type { Dataset } from '../../src/model/dataset.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderDocumentDocx } from '../../src/render/docx/document.js';
import { renderDocumentPdf } from '../../src/render/pdf-document.js';
import { PROSE_FIELDS } from '../../src/schema/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Spec = Record<string, unknown>;

/** The paths of the prose fields a spec has, `*` expanded. */
function prosePaths(spec: Spec): (string | number)[][] {
  const found: (string | number)[][] = [];
  const walk = (node: unknown, pattern: string[], at: (string | number)[]): void => {
    if (pattern.length === 0) {
      if (typeof node === 'string') found.push(at);
      return;
    }
    const [head, ...rest] = pattern;
    if (head === '*' && Array.isArray(node)) node.forEach((item, i) => walk(item, rest, [...at, i]));
    else if (node && typeof node === 'object' && head! in node) walk((node as Spec)[head!], rest, [...at, head!]);
  };
  for (const field of PROSE_FIELDS) walk(spec, field.split('.'), []);
  return found;
}

function getIn(spec: Spec, at: (string | number)[]): string {
  return at.reduce<unknown>((node, key) => (node as Spec)[key as string], spec) as string;
}

function setIn(spec: Spec, at: (string | number)[], value: string): void {
  const parent = at.slice(0, -1).reduce<unknown>((node, key) => (node as Spec)[key as string], spec) as Spec;
  parent[at.at(-1) as string] = value;
}

/** A secret no sample says: made-up consonant words. */
const secretArb = fc.array(fc.stringMatching(/^[bcdfghjklmnpqrstvwxz]{5,9}$/), { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const insertionArb = fc.record({ field: fc.nat(), position: fc.nat(), secret: secretArb });

/** The samples with at least one prose field (an edition diff, say, may have none). */
const SAMPLES = readdirSync(path.join(ROOT, 'briefs'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .filter((name) => prosePaths(parse(readFileSync(path.join(ROOT, 'briefs', name), 'utf8')) as Spec).length > 0);

let dataset: Dataset;
beforeAll(async () => {
  dataset = (await loadDataset(path.join(ROOT, 'data'), { cwd: ROOT })).dataset;
});

describe('random :bci spans in every prose field of every sample', () => {
  it('covers the samples of every kind that has prose', () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(5);
  });

  it('never reach the public version, and show in BC', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SAMPLES), fc.array(insertionArb, { minLength: 1, maxLength: 3 }), async (sample, insertions) => {
        run++;
        const spec = parse(readFileSync(path.join(ROOT, 'briefs', sample), 'utf8')) as Spec;
        spec['bci_justification'] ??= 'Invented for a test.';
        const fields = prosePaths(spec);
        expect(fields.length, sample).toBeGreaterThan(0);
        const secrets: string[] = [];
        for (const { field, position, secret } of insertions) {
          const at = fields[field % fields.length]!;
          const prose = getIn(spec, at);
          // Word boundaries: the start, and after each space or line break.
          const boundaries = [0, ...[...prose.matchAll(/[ \n]/g)].map((m) => m.index + 1)];
          const cut = boundaries[position % boundaries.length]!;
          setIn(spec, at, `${prose.slice(0, cut)}:bci[${secret}] ${prose.slice(cut)}`);
          secrets.push(secret);
        }
        const file = path.join(ROOT, 'briefs', sample);
        const { loaded, diagnostics } = readBriefText(`briefs/${sample}`, file, stringify(spec));
        expect(loaded, JSON.stringify(diagnostics)).toBeDefined();
        const composed = await composeBrief(loaded!, dataset, { templatesDir: path.join(ROOT, 'templates'), cwd: ROOT });
        expect(composed.document, composed.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
        const [bc, pub] = documentVersions(composed.document!, loaded!.brief, 'the filer');
        expect(pub?.label).toBe('P');
        const { root, meta } = pub!.document;
        const outputs = [
          { where: 'file name', text: pub!.fileStem },
          { where: 'md', text: renderMarkdown(root) },
          { where: 'html', text: renderHtml(root, { title: meta.title, description: meta.subject }) },
        ];
        if (run % 6 === 0) {
          const pdf = await readPdfText(await renderDocumentPdf(pub!.document, { pdfa: false, sourceName: sample, markings: ['PUBLIC VERSION'] }));
          outputs.push(...pdf.pages.map((text, i) => ({ where: `pdf page ${i + 1}`, text })));
          outputs.push({ where: 'pdf metadata', text: Object.values(pdf.info).map(String).join(' ') });
          outputs.push({ where: 'pdf bookmarks', text: pdf.outline.join(' ') }, { where: 'pdf links', text: (pdf.links ?? []).join(' ') });
          const docx = await renderDocumentDocx(pub!.document, { markings: ['PUBLIC VERSION'] });
          for (const [part, data] of Object.entries(unzipSync(docx.bytes))) outputs.push({ where: `docx ${part}`, text: strFromU8(data).replace(/<[^>]*>/g, '') });
        }
        for (const word of secrets.flatMap((s) => s.split(' '))) {
          for (const output of outputs) expect(output.text.toLowerCase().includes(word), `${word} in ${output.where} of ${sample}`).toBe(false);
        }
        const bcMarkdown = renderMarkdown(bc!.document.root);
        for (const secret of secrets) expect(bcMarkdown.replace(/\s+/g, ' ')).toContain(secret.split(' ')[0]);
      }),
      { numRuns: 36, seed: 20161007 },
    );
    expect(run).toBe(36);
  }, 300_000);
});
