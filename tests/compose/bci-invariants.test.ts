// The runtime invariant behind every output: a composer that puts a confidential datum outside a span is caught
// (the brief is not built), while the same datum inside a span — or a public datum with other words — passes.
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { bci, datumPhrasing } from '../../src/compose/bci.js';
import { confidentialDataOutsideSpans } from '../../src/compose/bci-invariants.js';
import type { DocumentMeta } from '../../src/compose/context.js';
import { paragraph, table, text } from '../../src/compose/nodes.js';
import { OriginIndex, type Dataset } from '../../src/model/dataset.js';
import type { Metric, Position } from '../../src/schema/index.js';

const metric = { id: 'm', measure: 'INVENTED member takedowns counted', period: 'INVENTED first half', value: 5, unit: 'listings', confidential: true } as unknown as Metric;
const quote = { text: 'INVENTED words said in confidence', confidential: true, sources: ['s'] };
const position = { id: 'p', quotes: [quote] } as unknown as Position;
const dataset = { metrics: [metric], positions: [position], origins: new OriginIndex() } as unknown as Dataset;
const meta: DocumentMeta = { title: 'A title', author: 'A', subject: 'S', keywords: [], date: '2016-10-07', runningHeader: 'H' };
const doc = (...children: Root['children']): Root => ({ type: 'root', children });

describe('confidentialDataOutsideSpans', () => {
  it('catches a confidential quote or metric a composer wrote as plain text (a table cell, the metadata)', () => {
    const leakedQuote = confidentialDataOutsideSpans(doc(table([[['Who'], ['Words']], [['X'], [text(`“${quote.text}”`)]]])), meta, dataset, 'b');
    expect(leakedQuote.map((d) => d.ruleId)).toEqual(['bci-unmarked-data']);
    expect(leakedQuote[0]!.message).toContain('a quote of position `p` is confidential');
    const leakedMeasure = confidentialDataOutsideSpans(doc(paragraph('Figures')), { ...meta, title: `Report: ${metric.measure}` }, dataset, 'b');
    expect(leakedMeasure.map((d) => d.message)).toEqual([expect.stringContaining('metric `m` is confidential')]);
  });

  it('passes the same data inside spans, and text a person wrote in prose (that is a warning elsewhere)', () => {
    const cells = datumPhrasing(quote, [text(quote.text)]);
    expect(confidentialDataOutsideSpans(doc(paragraph(...cells), paragraph(bci([text(metric.measure)]))), meta, dataset, 'b')).toEqual([]);
    const written = { type: 'text' as const, value: quote.text, position: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
    expect(confidentialDataOutsideSpans(doc({ type: 'paragraph', children: [written] }), meta, dataset, 'b')).toEqual([]);
  });
});
