// A data schema compiled after many values (z.compile) must say exactly what the plain schema says: the same
// entities from good files and the same positioned messages about a broken one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataTexts, type DataText } from '../../src/load/dataset.js';
import { buildDataset } from '../../src/load/validate.js';
import { validatorFor } from '../../src/load/zod-issues.js';
import { marketSchema } from '../../src/schema/market.js';

const DATA = path.resolve(import.meta.dirname, '../../data');

describe('compiled data schemas', () => {
  const texts = readDataTexts(DATA);
  const taobao = texts.find((t) => t.relativePath === 'markets/taobao.yaml')!;
  const copy = (id: string, change: (text: string) => string = (t) => t): DataText => ({
    relativePath: `markets/${id}.yaml`,
    name: `data/markets/${id}.yaml`,
    text: change(taobao.text.replace(/^id: taobao$/m, `id: ${id}`)),
  });
  // Wrong in three ways the schema catches: a type, an unknown field, a date that does not exist.
  const broken = copy('broken-copy', (t) => t.replace(/listed: true/, 'listed: yes').replace(/^kind: online$/m, 'kind: online\ncolour: blue').replace(/^launched: .*$/m, 'launched: 2003-02-30'));
  const about = <D extends { file: string }>(diagnostics: D[]): D[] => diagnostics.filter((d) => d.file === broken.name);

  it('gives the same messages and entities once the market schema is compiled', () => {
    // Loaded first, the schema has validated too few markets to be compiled.
    expect(validatorFor(marketSchema)).toBe(marketSchema);
    const plain = buildDataset([...texts, broken, copy('plain-copy')]);
    expect(about(plain.diagnostics).map((d) => d.ruleId).sort()).toEqual(['invalid-date', 'invalid-type', 'unknown-field']);

    const many = Array.from({ length: 300 }, (_, i) => copy(`copy-${i}`));
    const compiled = buildDataset([...texts, ...many, broken, copy('plain-copy')]);
    expect(validatorFor(marketSchema)).not.toBe(marketSchema);
    expect(about(compiled.diagnostics)).toEqual(about(plain.diagnostics));
    expect(compiled.dataset.markets.get('plain-copy')).toEqual(plain.dataset.markets.get('plain-copy'));
    expect(compiled.dataset.markets.get('copy-299')).toEqual({ ...plain.dataset.markets.get('plain-copy'), id: 'copy-299' });
  });
});
