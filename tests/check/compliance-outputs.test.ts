// The output rules of the docket compliance check: markings on every page (paged formats) or at the opening and
// close of the body (flowing formats), whatever the format, and BC/P file names.
import { describe, expect, it } from 'vitest';
import { outputCompliance, type VersionOutputs } from '../../src/check/compliance.js';
import type { VisibleText } from '../../src/document/visible-text.js';
import { readBriefText } from '../../src/load/briefs.js';

const loaded = readBriefText('briefs/x.yaml', '/tmp/briefs/x.yaml', 'id: x\nkind: timeline\ndate: 2016-10-07\nmarkets: [taobao]\n').loaded!;

const paged = (...pages: string[]): VisibleText => ({ layout: 'pages', pages, metadata: {}, bookmarks: [] });
const flowing = (first: string, last: string): VisibleText => ({ layout: 'flow', text: `${first}\n\n${last}`, ends: { first, last }, metadata: {}, bookmarks: [] });
const framed = (headers: string[], footers: string[]): VisibleText => ({ layout: 'frames', parts: [], headers, footers, metadata: {}, bookmarks: [] });

const good: VersionOutputs[] = [
  {
    label: 'BC',
    fileStem: 'BC-aafa-x',
    files: [
      { extension: 'md', visible: flowing('**BUSINESS CONFIDENTIAL**', '**BUSINESS CONFIDENTIAL**') },
      { extension: 'pdf', visible: paged('BUSINESS CONFIDENTIAL body BUSINESS CONFIDENTIAL', 'BUSINESS CONFIDENTIAL more BUSINESS CONFIDENTIAL') },
    ],
  },
  { label: 'P', fileStem: 'P-aafa-x', files: [{ extension: 'md', visible: flowing('**PUBLIC VERSION**', '**PUBLIC VERSION**') }, { extension: 'pdf', visible: paged('PUBLIC VERSION body PUBLIC VERSION') }] },
];

describe('outputCompliance', () => {
  it('passes correctly marked and named versions', () => {
    expect(outputCompliance(loaded, good)).toEqual([]);
  });

  it('flags a page that lacks the bottom marking, naming the page and the file', () => {
    const found = outputCompliance(loaded, [{ ...good[0]!, files: [{ extension: 'pdf', visible: paged('BUSINESS CONFIDENTIAL body BUSINESS CONFIDENTIAL', 'BUSINESS CONFIDENTIAL more') }] }]);
    expect(found.map((d) => d.ruleId)).toEqual(['compliance-marking']);
    expect(found[0]!.message).toContain('page 2 of BC-aafa-x.pdf');
  });

  it('flags a flowing file that does not close with its marking, whatever its format', () => {
    for (const extension of ['md', 'html', 'any-new-format']) {
      const found = outputCompliance(loaded, [{ ...good[1]!, files: [{ extension, visible: flowing('**PUBLIC VERSION**', 'last line') }] }]);
      expect(found.map((d) => d.ruleId)).toEqual(['compliance-marking']);
      expect(found[0]!.message).toContain(`P-aafa-x.${extension} must open and close`);
    }
  });

  it('flags a paged file of any format that lacks a marking', () => {
    const found = outputCompliance(loaded, [{ ...good[1]!, files: [{ extension: 'docx', visible: paged('body only') }] }]);
    expect(found[0]!.message).toContain('page 1 of P-aafa-x.docx');
  });

  it('flags a Word header or footer that lacks the marking, and a Word document with no footer at all', () => {
    const headers = ['BUSINESS CONFIDENTIAL', 'BUSINESS CONFIDENTIAL\nrunning header'];
    const footers = ['Page  of \nBUSINESS CONFIDENTIAL', 'Page  of \nBUSINESS CONFIDENTIAL'];
    const docx = (h: string[], f: string[]) => [{ ...good[0]!, files: [...good[0]!.files, { extension: 'docx', visible: framed(h, f) }] }];
    expect(outputCompliance(loaded, docx(headers, footers))).toEqual([]);
    const unmarked = outputCompliance(loaded, docx(headers, [footers[0]!, 'Page  of ']));
    expect(unmarked.map((d) => d.message)).toEqual([expect.stringContaining('footer 2 of BC-aafa-x.docx lacks “BUSINESS CONFIDENTIAL”')]);
    expect(outputCompliance(loaded, docx(headers, [])).map((d) => d.ruleId)).toEqual(['compliance-marking']);
  });

  it('flags a file name without its BC-/P- prefix', () => {
    const found = outputCompliance(loaded, [{ ...good[1]!, fileStem: 'aafa-x-public' }]);
    expect(found.map((d) => d.ruleId)).toEqual(['compliance-file-name']);
    expect(found[0]!.file).toBe('briefs/x.yaml');
  });

  it('leaves a single-version document alone', () => {
    expect(outputCompliance(loaded, [{ label: null, fileStem: 'x', files: [{ extension: 'md', visible: flowing('no markings', 'at all') }] }])).toEqual([]);
  });
});
