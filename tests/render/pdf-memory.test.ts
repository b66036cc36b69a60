// collectGarbage (src/render/pdf/memory.ts) really collects: an object nothing refers to any more is gone after it.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/render/pdf/memory.js';

describe('collectGarbage', () => {
  it('frees what nothing refers to', async () => {
    const weak = (() => new WeakRef(new Array(100_000).fill({ page: 1 })))();
    // A WeakRef's target is kept until the current job ends.
    await nextTurn();
    collectGarbage();
    expect(weak.deref()).toBeUndefined();
    const kept = new Array(10).fill(0);
    const strong = new WeakRef(kept);
    await nextTurn();
    collectGarbage();
    expect(strong.deref()).toBe(kept);
  });
});
