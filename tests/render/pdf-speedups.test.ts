// The PDF speed patches change how pdfmake's work is done, never what is drawn: every sample is rendered with
// the patches on and off and must draw the same text on the same pages, with the same bookmarks and metadata.
// (The bytes differ legitimately: with the patches, same-style words of a line are one text operator.)
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/compose/index.js';
import { documentVersions } from '../../src/compose/versions.js';
import { loadBriefs } from '../../src/load/briefs.js';
import { loadDataset } from '../../src/load/dataset.js';
import { renderDocumentPdfWithText } from '../../src/render/pdf-document.js';
import { setSpeedups, speedupsEnabled } from '../../src/render/pdf/speedups.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is tested here. */
const SAMPLE = sampleProject('speedups');
afterAll(() => rmSync(SAMPLE, { recursive: true, force: true }));

describe('PDF speed patches', () => {
  const initially = speedupsEnabled();
  afterAll(() => setSpeedups(initially));

  it('draw every sample the same with the patches on and off', async () => {
    const { dataset } = await loadDataset(path.join(SAMPLE, 'data'));
    const { briefs } = await loadBriefs(path.join(SAMPLE, 'briefs'));
    expect(briefs.length).toBeGreaterThan(5);
    let compared = 0;
    for (const loaded of briefs) {
      const { document } = await composeBrief(loaded, dataset, { templatesDir: path.join(SAMPLE, 'templates') });
      expect(document, loaded.brief.id).toBeDefined();
      for (const version of documentVersions(document!, loaded.brief, 'the filer')) {
        const options = { pdfa: false, sourceName: loaded.file.name, ...(version.marking ? { markings: [version.marking] } : {}) };
        setSpeedups(true);
        const fast = await renderDocumentPdfWithText(version.document, options);
        setSpeedups(false);
        const plain = await renderDocumentPdfWithText(version.document, options);
        // Page by page the same text: the same words, and the same page breaks.
        expect(plain.drawn.pages, version.fileStem).toEqual(fast.drawn.pages);
        expect(plain.drawn.outline).toEqual(fast.drawn.outline);
        expect(plain.drawn.info).toEqual(fast.drawn.info);
        expect(plain.bytes.length).toBeGreaterThan(1000);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(briefs.length);
  }, 600_000);
});
