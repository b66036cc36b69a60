// The output rules of the docket compliance check: markings on every page and in the Markdown, BC/P file names.
import { describe, expect, it } from 'vitest';
import { outputCompliance, type VersionOutputs } from '../../src/check/compliance.js';
import { readBriefText } from '../../src/load/briefs.js';

const loaded = readBriefText('briefs/x.yaml', '/tmp/briefs/x.yaml', 'id: x\nkind: timeline\ndate: 2016-10-07\nmarkets: [taobao]\n').loaded!;

const good: VersionOutputs[] = [
  { label: 'BC', fileStem: 'BC-aafa-x', markdown: '**BUSINESS CONFIDENTIAL**\n\nbody\n\n**BUSINESS CONFIDENTIAL**\n\n[^1]: note\n', pdfPages: ['BUSINESS CONFIDENTIAL body BUSINESS CONFIDENTIAL', 'BUSINESS CONFIDENTIAL more BUSINESS CONFIDENTIAL'] },
  { label: 'P', fileStem: 'P-aafa-x', markdown: '**PUBLIC VERSION**\n\nbody [ ]\n\n**PUBLIC VERSION**\n', pdfPages: ['PUBLIC VERSION body PUBLIC VERSION'] },
];

describe('outputCompliance', () => {
  it('passes correctly marked and named versions', () => {
    expect(outputCompliance(loaded, good)).toEqual([]);
  });

  it('flags a page that lacks the bottom marking, naming the page', () => {
    const found = outputCompliance(loaded, [{ ...good[0]!, pdfPages: ['BUSINESS CONFIDENTIAL body BUSINESS CONFIDENTIAL', 'BUSINESS CONFIDENTIAL more'] }]);
    expect(found.map((d) => d.ruleId)).toEqual(['compliance-marking']);
    expect(found[0]!.message).toContain('page 2 of BC-aafa-x.pdf');
  });

  it('flags a Word header or footer that lacks the marking, and a Word document with no footer at all', () => {
    const docx = { headers: ['BUSINESS CONFIDENTIAL', 'BUSINESS CONFIDENTIAL\nrunning header'], footers: ['Page  of \nBUSINESS CONFIDENTIAL', 'Page  of \nBUSINESS CONFIDENTIAL'] };
    expect(outputCompliance(loaded, [{ ...good[0]!, docx }])).toEqual([]);
    const unmarked = outputCompliance(loaded, [{ ...good[0]!, docx: { ...docx, footers: [docx.footers[0]!, 'Page  of '] } }]);
    expect(unmarked.map((d) => d.message)).toEqual([expect.stringContaining('footer 2 of BC-aafa-x.docx lacks “BUSINESS CONFIDENTIAL”')]);
    expect(outputCompliance(loaded, [{ ...good[0]!, docx: { ...docx, footers: [] } }]).map((d) => d.ruleId)).toEqual(['compliance-marking']);
  });

  it('flags a Markdown version that does not close with its marking', () => {
    const found = outputCompliance(loaded, [{ ...good[1]!, markdown: '**PUBLIC VERSION**\n\nbody\n' + '\nlast line\n' }]);
    expect(found.map((d) => d.ruleId)).toEqual(['compliance-marking']);
  });

  it('flags a file name without its BC-/P- prefix', () => {
    const found = outputCompliance(loaded, [{ ...good[1]!, fileStem: 'aafa-x-public' }]);
    expect(found.map((d) => d.ruleId)).toEqual(['compliance-file-name']);
    expect(found[0]!.file).toBe('briefs/x.yaml');
  });

  it('leaves a single-version document alone', () => {
    expect(outputCompliance(loaded, [{ label: null, fileStem: 'x', markdown: 'no markings\n' }])).toEqual([]);
  });
});
