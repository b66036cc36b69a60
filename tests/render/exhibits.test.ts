// Exhibits and the table of contents as a reader sees them: the PDF read back with pdf.js (each exhibit starts a
// page and is in the outline; the contents list the headings with the pages they are on), the DOCX through pandoc
// (exhibits there; the public version holds no word of the confidential exhibit).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { readPdfText, type PdfText } from '../helpers/pdf-text.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CASE = path.join(FIXTURES, 'build', 'exhibits');
const ID = 'example-exhibits-comment';
const FILE = `example-association-${ID}`;
const out = mkdtempSync(path.join(tmpdir(), 'docketpress-exhibits-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const normalise = (value: string): string => value.replace(/\s+/g, ' ').trim();
const EXHIBITS = ['Exhibit A — Invented excerpt of fixture source A', 'Exhibit B — Invented test purchases'];
/** Words only the confidential exhibit holds. */
const CONFIDENTIAL = ['12 purchases', 'invented enforcement team', 'Invented note on the purchases', 'nested confidential phrase'];

const pdfs: Record<'BC' | 'P', PdfText> = {} as Record<'BC' | 'P', PdfText>;
beforeAll(async () => {
  const result = await cli(['build', '--data', path.join(CASE, 'data'), '--briefs', path.join(CASE, 'briefs'), '--templates', path.join(ROOT, 'templates'), '--out', out, '--format', 'pdf,docx'], CASE);
  expect(result.stderr).not.toMatch(/error/);
  for (const version of ['BC', 'P'] as const) pdfs[version] = await readPdfText(readFileSync(path.join(out, ID, `${version}-${FILE}.pdf`)));
}, 60_000);

describe('exhibits and the table of contents in the PDF', () => {
  for (const version of ['BC', 'P'] as const) {
    it(`${version}: each exhibit starts a page and is in the outline`, () => {
      const pages = pdfs[version].pages.map(normalise);
      for (const title of EXHIBITS) {
        expect(pdfs[version].outline).toContain(title);
        const page = pages.findIndex((text) => text.includes(title) && !text.includes('Contents'));
        expect(page, title).toBeGreaterThan(0);
        // The exhibit's heading is the first thing on its page after the running header.
        expect(pages[page]!.indexOf(title)).toBeLessThan(pages[page]!.indexOf('ETA · Docket No.') + 60);
        expect(pages[page - 1]).not.toContain(title);
      }
    });

    it(`${version}: the contents list each heading with the page it is on`, () => {
      const pages = pdfs[version].pages.map(normalise);
      const contentsPage = pages.findIndex((text) => text.includes('Contents'));
      expect(contentsPage).toBe(0);
      for (const title of ['Summary of recommendations', 'Markets nominated', 'Example Stall Market', 'Conclusion', ...EXHIBITS]) {
        const listed = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(pages[0]!);
        expect(listed, title).not.toBeNull();
        const on = Number(listed![1]);
        // The heading itself (not its entry in the contents) is on that page.
        const text = on === 1 ? pages[0]!.slice(pages[0]!.indexOf(EXHIBITS[1]!) + EXHIBITS[1]!.length) : pages[on - 1]!;
        expect(text, `${title} on page ${on}`).toContain(title);
      }
    });
  }

  it('P: no word of the confidential exhibit; BC: every word, in brackets', () => {
    const bc = pdfs.BC.pages.map(normalise).join(' ');
    const p = pdfs.P.pages.map(normalise).join(' ');
    for (const words of CONFIDENTIAL) {
      expect(bc).toContain(words);
      expect(p).not.toContain(words);
    }
    expect(bc).toContain('[12 purchases');
  });
});

describe('exhibits in the DOCX (read by pandoc)', () => {
  const docx = (version: 'BC' | 'P'): string => normalise(execFileSync('pandoc', ['-t', 'plain', '--wrap=none', path.join(out, ID, `${version}-${FILE}.docx`)], { encoding: 'utf8' }));

  it('both versions hold the exhibits; only BC holds the confidential one', () => {
    const bc = docx('BC');
    const p = docx('P');
    for (const text of [...EXHIBITS, 'Invented words of the source, quoted verbatim for the fixture.']) {
      expect(bc).toContain(text);
      expect(p).toContain(text);
    }
    for (const words of CONFIDENTIAL) {
      expect(bc).toContain(words);
      expect(p).not.toContain(words);
    }
  });

  it('an exhibit heading starts a page', () => {
    const xml = strFromU8(unzipSync(readFileSync(path.join(out, ID, `P-${FILE}.docx`)))['word/document.xml']!);
    const breaks = xml.match(/<w:pageBreakBefore\/>/g) ?? [];
    expect(breaks.length).toBeGreaterThanOrEqual(EXHIBITS.length);
  });
});
