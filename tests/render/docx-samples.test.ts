// The sample filings as Word documents, judged by an outside reader (Debian's pandoc): every word of the Markdown
// is in the DOCX, footnotes come back as footnotes, the public version holds no BCI anywhere in its zip, the BC
// version holds every span in brackets, and a rebuild is byte-identical.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confidentialTexts } from '../../src/compose/bci.js';
import { composeBrief } from '../../src/compose/index.js';
import { loadBriefs } from '../../src/load/briefs.js';
import { loadDataset } from '../../src/load/dataset.js';
import { cli } from '../helpers/cli.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is built here. */
const SAMPLE = sampleProject('docx-project');
/** Every sample filing (the kinds whose default formats include docx). */
const FILINGS = ['aafa-2015-comment', 'aafa-2016-comment', 'alibaba-2015-response'];
const out = mkdtempSync(path.join(tmpdir(), 'docketpress-docx-'));
const again = mkdtempSync(path.join(tmpdir(), 'docketpress-docx-again-'));
afterAll(() => {
  rmSync(SAMPLE, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  rmSync(again, { recursive: true, force: true });
});

/** Debian's pandoc; the suite fails (never skips) without it: `.ci/run` installs it. */
function pandoc(args: string[]): string {
  return execFileSync('pandoc', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
let pandocVersion: string | undefined;
try {
  pandocVersion = pandoc(['--version']).split('\n')[0];
} catch {
  pandocVersion = undefined;
}

/** Every Word document built, with the Markdown of the same version beside it. */
const docs = (): Array<{ name: string; docx: string; md: string }> =>
  FILINGS.flatMap((id) =>
    readdirSync(path.join(out, id))
      .filter((name) => name.endsWith('.docx'))
      .sort()
      .map((name) => ({ name, docx: path.join(out, id, name), md: path.join(out, id, name.replace(/\.docx$/, '.md')) })),
  );

/** Words (letters and digits) of a text, counted. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** The Markdown's own text: text and code values, not its syntax. */
function markdownText(file: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file, 'utf8')) as Root;
  const values: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') values.push(node.value);
  });
  return values.join('\n');
}

const squash = (text: string): string => text.replace(/\s+/g, '');
const decodeXml = (xml: string): string =>
  xml.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );

let secrets: string[];
let meta: { title: string; author: string; subject: string; keywords: string[] };
beforeAll(async () => {
  const first = await cli(['build', ...FILINGS, '--format', 'md,docx', '--out', out, '--no-cache'], SAMPLE);
  expect(first.code, first.stderr).toBe(0);
  const second = await cli(['build', ...FILINGS, '--format', 'docx', '--out', again, '--no-cache'], SAMPLE);
  expect(second.code, second.stderr).toBe(0);
  const data = await loadDataset(path.join(SAMPLE, 'data'), { cwd: SAMPLE, cache: false });
  const briefs = await loadBriefs(path.join(SAMPLE, 'briefs'), { cwd: SAMPLE });
  const loaded = briefs.briefs.find((b) => b.brief.id === 'aafa-2016-comment')!;
  const composed = await composeBrief(loaded, data.dataset, { templatesDir: path.join(SAMPLE, 'templates'), cwd: SAMPLE });
  secrets = confidentialTexts(composed.document!.root);
  meta = composed.document!.meta;
}, 180_000);

describe('sample filings as Word documents', () => {
  it('finds Debian’s pandoc (apt-get install pandoc; .ci/run installs it)', () => {
    expect(pandocVersion, 'pandoc is not installed: the DOCX parity tests need it').toMatch(/^pandoc /);
  });

  it('builds every sample filing to .docx, the BCI one in a BC and a P version', () => {
    expect(docs().map((d) => d.name)).toEqual(['aafa-2015-comment.docx', 'BC-aafa-2016-comment.docx', 'P-aafa-2016-comment.docx', 'alibaba-2015-response.docx']);
  });

  it('writes only the Word document with --format docx, and names docx when a format is mistyped', async () => {
    const only = await cli(['build', 'aafa-2015-comment', '--format', 'docx', '--out', again, '--no-cache'], SAMPLE);
    expect(only.code, only.stderr).toBe(0);
    expect(only.stdout).toBe(`wrote ${path.join(again, 'aafa-2015-comment', 'aafa-2015-comment.docx')}\n`);
    const typo = await cli(['build', 'aafa-2015-comment', '--format', 'dox', '--out', again], SAMPLE);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown format `dox`.*docx/);
  });

  it('is byte-identical when rebuilt', () => {
    for (const { docx } of docs()) {
      const rebuilt = path.join(again, path.relative(out, docx));
      expect(readFileSync(rebuilt).equals(readFileSync(docx)), path.basename(docx)).toBe(true);
    }
  });

  it('has every word of the Markdown text in what pandoc reads from the DOCX', () => {
    for (const { name, docx, md } of docs()) {
      const read = wordCounts(pandoc(['-f', 'docx', '-t', 'plain', '--wrap=none', docx]));
      const wanted = wordCounts(markdownText(md));
      expect(wanted.size, name).toBeGreaterThan(200);
      const missing = [...wanted].filter(([word, count]) => (read.get(word) ?? 0) < count).map(([word, count]) => `${word} ×${count} (read ${read.get(word) ?? 0})`);
      expect(missing, name).toEqual([]);
    }
  });

  it('gives pandoc real footnotes, as many as the Markdown has, none as superscript text', () => {
    for (const { name, docx, md } of docs()) {
      const markdown = pandoc(['-f', 'docx', '-t', 'markdown', '--wrap=none', docx]);
      const expected = readFileSync(md, 'utf8').match(/^\[\^\d+\]:/gm)?.length ?? 0;
      expect(expected, name).toBeGreaterThan(5);
      expect(markdown.match(/^\[\^\d+\]:/gm)?.length, name).toBe(expected);
      expect(markdown.match(/\[\^\d+\](?!:)/g)?.length, name).toBe(expected);
      expect(markdown, name).not.toMatch(/\^\d+\^/);
    }
  });

  it('leaves no BCI span anywhere in the public version’s zip, and brackets every span in the BC version', () => {
    expect(secrets.length).toBeGreaterThan(1);
    const entries = (file: string) => Object.entries(unzipSync(readFileSync(file))).map(([entry, data]) => [entry, strFromU8(data)] as const);
    const pub = entries(path.join(out, 'aafa-2016-comment', 'P-aafa-2016-comment.docx'));
    expect(pub.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      // Whole spans and each run of four words, in the raw XML and in its text (runs may split words apart).
      const words = secret.split(/\s+/);
      const fragments = [secret, ...words.slice(0, -3).map((_, i) => words.slice(i, i + 4).join(' '))];
      for (const [entry, xml] of pub) {
        const text = squash(decodeXml(xml.replace(/<[^>]+>/g, '')));
        for (const fragment of fragments) {
          expect(decodeXml(xml).includes(fragment), `${fragment} in ${entry}`).toBe(false);
          expect(text.includes(squash(fragment)), `${fragment} in the text of ${entry}`).toBe(false);
        }
      }
    }
    const bcBody = squash(pandoc(['-f', 'docx', '-t', 'plain', '--wrap=none', path.join(out, 'aafa-2016-comment', 'BC-aafa-2016-comment.docx')]));
    for (const secret of secrets) expect(bcBody, secret).toContain(squash(`[${secret}]`));
    expect(squash(pandoc(['-f', 'docx', '-t', 'plain', path.join(out, 'aafa-2016-comment', 'P-aafa-2016-comment.docx')]))).toContain(squash('point the same way: [ ], and [ ]'));
  });

  it('carries the brief’s title, author, subject and keywords as document properties, as the PDF does', () => {
    const core = decodeXml(strFromU8(unzipSync(readFileSync(path.join(out, 'aafa-2016-comment', 'P-aafa-2016-comment.docx')))['docProps/core.xml']!));
    expect(core).toContain(`<dc:title>${meta.title}</dc:title>`);
    expect(meta.title).toMatch(/SAMPLE/);
    expect(core).toContain(`<dc:creator>${meta.author}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${meta.subject}</dc:subject>`);
    expect(core).toContain(`<cp:keywords>${[...meta.keywords, 'PUBLIC VERSION'].join(', ')}</cp:keywords>`);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2016-10-07T12:00:00Z</dcterms:created>');
  });

  it('marks every header and footer of the BC and P versions, and no other', () => {
    for (const { name, docx } of docs()) {
      const marking = name.startsWith('BC-') ? 'BUSINESS CONFIDENTIAL' : name.startsWith('P-') ? 'PUBLIC VERSION' : undefined;
      const furniture = Object.entries(unzipSync(readFileSync(docx))).filter(([entry]) => /^word\/(header|footer)\d+\.xml$/.test(entry));
      expect(furniture.length, name).toBe(4);
      for (const [entry, data] of furniture) {
        const text = decodeXml(strFromU8(data).replace(/<[^>]+>/g, ''));
        if (marking) expect(text, `${name} ${entry}`).toContain(marking);
        else expect(text, `${name} ${entry}`).not.toMatch(/BUSINESS CONFIDENTIAL|PUBLIC VERSION/);
        if (entry.includes('footer')) expect(text, `${name} ${entry}`).toMatch(/^SAMPLE — /);
      }
    }
  });
});
