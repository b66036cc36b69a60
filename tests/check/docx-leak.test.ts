// The build's leak check reads the Word document's parts: a DOCX renderer that let a BCI span into the public
// version (here, a stand-in that copies the BC text into it) fails the brief, names the part, and writes nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ComposedDocument } from '../../src/document/index.js';

const leaked = vi.hoisted(() => ({ part: 'word/footer2.xml' }));

vi.mock('../../src/render/docx/document.js', async (original) => {
  const real = await original<typeof import('../../src/render/docx/document.js')>();
  return {
    ...real,
    renderDocumentDocx: async (document: ComposedDocument, options: { markings?: readonly string[] }) => {
      const rendered = await real.renderDocumentDocx(document, options);
      if (!options.markings?.includes('PUBLIC VERSION')) return rendered;
      const parts = rendered.visible.parts.map((p) => (p.part === leaked.part ? { ...p, text: `${p.text}\nINVENTED FOR THIS SAMPLE — 31 of 40 test purchases` } : p));
      return { ...rendered, visible: { ...rendered.visible, parts } };
    },
  };
});

const ROOT = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'docketpress-docx-leak-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the leak check on Word documents', () => {
  it('fails the brief when a public DOCX part shows BCI, naming the part, and writes nothing', async () => {
    const { buildBriefs } = await import('../../src/pipeline/index.js');
    const result = await buildBriefs({ dataDir: path.join(ROOT, 'data'), briefsDir: path.join(ROOT, 'briefs'), templatesDir: path.join(ROOT, 'templates'), outDir: out, ids: ['aafa-2016-comment'], formats: ['md', 'docx'], cwd: ROOT });
    expect(result.failed).toEqual(['aafa-2016-comment']);
    const leaks = result.diagnostics.filter((d) => d.ruleId === 'bci-leak');
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks[0]!.message).toContain('(P-aafa-2016-comment.docx, word/footer2.xml)');
    expect(result.written).toEqual([]);
    expect(existsSync(path.join(out, 'aafa-2016-comment'))).toBe(false);
  });
});
