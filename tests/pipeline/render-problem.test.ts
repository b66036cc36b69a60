// A render problem crosses a worker thread as data (structured clone) and comes back as the same type, with
// the character at fault as a number: the pipeline never parses a message to find it.
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../src/compose/nodes.js';
import { RenderProblem } from '../../src/document/render-problem.js';
import { PdfRenderError } from '../../src/render/pdf/errors.js';
import { renderDocumentPdfWithText } from '../../src/render/pdf-document.js';

describe('render problems across the worker boundary', () => {
  it('keeps type, rule, code point and the reason without its place', async () => {
    const document = {
      root: { type: 'root' as const, children: [paragraph({ type: 'text', value: 'a face \u{1F600} here', position: { start: { line: 3, column: 5 }, end: { line: 3, column: 20 } } })] },
      meta: { title: 'T', author: 'A', subject: 'S', keywords: [], date: '2016-10-07', runningHeader: 'H' },
    };
    const error = await renderDocumentPdfWithText(document, { pdfa: false, sourceName: 'briefs/x.yaml' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PdfRenderError);
    const sent = structuredClone((error as PdfRenderError).toData()); // what postMessage does to it
    const rebuilt = PdfRenderError.fromData(sent);
    expect(rebuilt).toBeInstanceOf(PdfRenderError);
    expect(rebuilt).toBeInstanceOf(RenderProblem);
    expect(rebuilt.ruleId).toBe('pdf-missing-glyph');
    expect(rebuilt.codePoint).toBe(0x1f600);
    expect(rebuilt.message).toBe((error as Error).message);
    expect(rebuilt.message).toMatch(/\(line 3/);
    expect(rebuilt.reason).not.toMatch(/\(line/);
    expect(rebuilt.reason).toContain('U+1F600');
  });
});
