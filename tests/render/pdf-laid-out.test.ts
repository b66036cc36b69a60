// Layouts a render throws away are never drawn: the typesetting rounds and footnote passes read what a layout
// would draw from its laid-out pages. For every layout of every shipped sample, that reading equals the record
// drawing the same pages makes (lines with their top, size and block id; outline; link rectangles), a render
// draws only the layout it keeps, and its bytes, rounds and passes are those of drawing every layout.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/compose/index.js';
import { documentVersions } from '../../src/compose/versions.js';
import { loadBriefs } from '../../src/load/briefs.js';
import { loadDataset } from '../../src/load/dataset.js';
import { renderDocumentPdfWithText } from '../../src/render/pdf-document.js';
import { drawnRecord, type DrawnRecord } from '../../src/render/pdf/drawn.js';
import { DRAW_LATER, configurePdfmake } from '../../src/render/pdf/engine.js';
import { layoutPasses } from '../../src/render/pdf/footnotes.js';
import { laidOutRecord, type LaidOutPage } from '../../src/render/pdf/laid-out.js';
import { typesettingRounds } from '../../src/render/pdf/render.js';
import { setSpeedups, speedupsEnabled } from '../../src/render/pdf/speedups.js';
import { requirePdfStack } from '../../src/render/pdf/stack.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is tested here. */
const SAMPLE = sampleProject('laid-out');
afterAll(() => rmSync(SAMPLE, { recursive: true, force: true }));
// The stack's own copy (the build's bundle when there is one): the renderer's patches are on it.
const require = requirePdfStack;

type RenderPages = (this: { pdfDocument: object }, pages: LaidOutPage[]) => unknown;
interface Proto<K extends string, F> {
  default: { prototype: Record<K, F> };
}

describe('layouts read without drawing', () => {
  const initially = speedupsEnabled();
  const renderer = (require('pdfmake/js/Renderer.js') as Proto<'renderPages', RenderPages>).default.prototype;
  const pdfkit = (require('pdfmake/js/PDFDocument.js') as Proto<'addPage', (this: object, options: unknown) => unknown>).default.prototype;
  let renderPages: RenderPages;
  let addPage: (this: object, options: unknown) => unknown;
  /** Draw every layout as soon as it is laid out, comparing what its pages say they draw with what drawing records. */
  let drawEveryLayout = false;
  const compared: Array<{ read: DrawnRecord | undefined; drawn: DrawnRecord | undefined }> = [];
  let pagesDrawn = 0;

  beforeAll(() => {
    configurePdfmake();
    renderPages = renderer.renderPages;
    addPage = pdfkit.addPage;
    renderer.renderPages = function renderPagesCompared(pages) {
      if (!drawEveryLayout) return renderPages.call(this, pages);
      const read = laidOutRecord(pages);
      delete (pages[0] as { pageMargins?: Record<symbol, unknown> }).pageMargins?.[DRAW_LATER];
      const result = renderPages.call(this, pages);
      compared.push({ read, drawn: drawnRecord(this.pdfDocument) });
      return result;
    };
    pdfkit.addPage = function addPageCounted(options) {
      pagesDrawn += 1;
      return addPage.call(this, options);
    };
  });
  afterAll(() => {
    renderer.renderPages = renderPages;
    pdfkit.addPage = addPage;
    setSpeedups(initially);
  });

  it('equal what drawing records, for every layout of every sample, and give the same PDF', async () => {
    setSpeedups(true);
    const { dataset } = await loadDataset(path.join(SAMPLE, 'data'));
    const { briefs } = await loadBriefs(path.join(SAMPLE, 'briefs'));
    let documents = 0;
    let roundsSeen = 0;
    for (const loaded of briefs) {
      const { document } = await composeBrief(loaded, dataset!, { templatesDir: path.join(SAMPLE, 'templates') });
      for (const version of documentVersions(document!, loaded.brief, 'the filer')) {
        const options = { pdfa: false, sourceName: loaded.file.name, ...(version.marking ? { markings: [version.marking] } : {}) };
        const run = async (everyLayout: boolean) => {
          drawEveryLayout = everyLayout;
          const rounds = typesettingRounds.count;
          const passes = layoutPasses.count;
          pagesDrawn = 0;
          const { bytes, drawn } = await renderDocumentPdfWithText(version.document, options);
          return { bytes: Buffer.from(bytes), pages: drawn.pages.length, pagesDrawn, rounds: typesettingRounds.count - rounds, passes: layoutPasses.count - passes };
        };
        const before = compared.length;
        const everyLayout = await run(true);
        const layouts = compared.slice(before);
        expect(layouts.length, version.fileStem).toBe(everyLayout.passes);
        for (const [i, { read, drawn }] of layouts.entries()) {
          expect(read, `${version.fileStem}, layout ${i + 1}`).toBeDefined();
          expect(read, `${version.fileStem}, layout ${i + 1}`).toStrictEqual(drawn);
        }
        const kept = await run(false);
        expect(compared.length, 'no layout is drawn as it is laid out').toBe(before + layouts.length);
        expect(kept.pagesDrawn, `${version.fileStem}: only the kept layout is drawn`).toBe(kept.pages);
        expect(kept.rounds, version.fileStem).toBe(everyLayout.rounds);
        expect(kept.passes, version.fileStem).toBe(everyLayout.passes);
        expect(kept.bytes.equals(everyLayout.bytes), `${version.fileStem}: same bytes`).toBe(true);
        roundsSeen += kept.rounds;
        documents += 1;
      }
    }
    expect(documents).toBeGreaterThanOrEqual(briefs.length);
    // The samples exercise the rounds: most are laid out again for the keeper to move headings, widows and orphans.
    expect(roundsSeen).toBeGreaterThan(documents / 2);
  }, 600_000);

  it('with the speed patches off, draw every layout (the records still agree)', async () => {
    setSpeedups(false);
    const { dataset } = await loadDataset(path.join(SAMPLE, 'data'));
    const { briefs } = await loadBriefs(path.join(SAMPLE, 'briefs'));
    const loaded = briefs.find((b) => b.brief.id === 'taobao-timeline') ?? briefs[0]!;
    const { document } = await composeBrief(loaded, dataset!, { templatesDir: path.join(SAMPLE, 'templates') });
    const version = documentVersions(document!, loaded.brief, 'the filer')[0]!;
    drawEveryLayout = true;
    pagesDrawn = 0;
    const passes = layoutPasses.count;
    const before = compared.length;
    const { drawn } = await renderDocumentPdfWithText(version.document, { pdfa: false, sourceName: loaded.file.name });
    expect(layoutPasses.count - passes).toBeGreaterThan(1);
    // Every layout drawn: more pages added than the kept document has.
    expect(pagesDrawn).toBeGreaterThan(drawn.pages.length);
    for (const { read, drawn: record } of compared.slice(before)) expect(read).toStrictEqual(record);
  }, 120_000);
});
