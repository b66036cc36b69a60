// Watch mode's memo of file readings: an unchanged file is not read again, and the dataset built with the memo
// is the one a fresh load gives — duplicates across files and references included.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataTexts, type DataText } from '../../src/load/dataset.js';
import { buildDataset, type ReadingMemo } from '../../src/load/validate.js';

const DATA = path.resolve(import.meta.dirname, '../../data');

const edit = (texts: readonly DataText[], name: string, change: (text: string) => string): DataText[] =>
  texts.map((t) => (t.relativePath === name ? { ...t, text: change(t.text) } : t));

describe('file readings memo', () => {
  const texts = readDataTexts(DATA);

  it('reuses unchanged files and re-reads an edited one, giving what a fresh load gives', () => {
    const memo: ReadingMemo = new Map();
    const first = buildDataset(texts, memo);
    const edited = edit(texts, 'markets/dhgate.yaml', (t) => t.replace(/^name: .*$/m, 'name: DHgate (edited)'));
    const second = buildDataset(edited, memo);
    expect(second.dataset.markets.get('taobao')).toBe(first.dataset.markets.get('taobao')); // reused as is
    expect(second.dataset.markets.get('dhgate')!.name).toBe('DHgate (edited)');
    const fresh = buildDataset(edited);
    expect(second.diagnostics).toEqual(fresh.diagnostics);
    expect([...second.dataset.markets.values()]).toEqual([...fresh.dataset.markets.values()]);
    expect(second.dataset.positions).toEqual(fresh.dataset.positions);
  });

  it('still finds problems that span files (a duplicate id) when only one file changed', () => {
    const memo: ReadingMemo = new Map();
    buildDataset(texts, memo);
    // tmall.yaml now claims taobao's id: the file is re-read, the duplicate found against the memoised taobao
    const duplicated = edit(texts, 'markets/tmall.yaml', (t) => t.replace(/^id: tmall$/m, 'id: taobao'));
    const codes = buildDataset(duplicated, memo).diagnostics.map((d) => d.ruleId);
    expect(codes).toContain('duplicate-id');
    expect(buildDataset(texts, memo).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
