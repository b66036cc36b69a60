// The `pageBreakBefore` scan of pdfmake 0.3 (asked after every layout of a document that has the callback:
// the first node it says yes to breaks before, and the document is laid out again), done in linear time: a
// node's description (`nodeInfo`) is built only when the callback is handed it, and the nodes on a page come
// from a per-page index instead of a pass over the rest of the document for every question. Same questions
// in the same order, same answers, same nodes marked, same number of layouts as pdfmake's; with the speed
// patches off (see ./speedups.ts) pdfmake's own scan runs. Must not decide where pages break.
import { requirePdfStack } from './stack.js';
import { speedupsEnabled } from './speedups.js';

const require = requirePdfStack;

/** A content node as pdfmake's layout leaves it (pdfmake 0.3.11). */
interface NodeLike {
  positions: Array<{ pageNumber?: unknown } | false>;
  text?: unknown;
  listMarker?: unknown;
  stack?: unknown;
  pageBreak?: unknown;
  pageBreakCalculated?: boolean;
  resetXY(): void;
  [key: string]: unknown;
}

/** What pdfmake hands a `pageBreakBefore` callback about a node. */
export type NodeInfo = Record<string, unknown> & { pageNumbers: unknown[]; pages: number; stack: boolean; startPosition: unknown };

/** The questions a `pageBreakBefore` callback may ask about the nodes after (or before) the one it is asked about. */
export interface PageBreakContext {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
  getPreviousNodesOnPage(): NodeInfo[];
}

/** A document definition's `pageBreakBefore`. */
export type PageBreakBefore = (node: NodeInfo, context: PageBreakContext) => unknown;

/** The keys of a node pdfmake copies into its `nodeInfo` (in its order). */
const INFO_KEYS = ['id', 'text', 'ul', 'ol', 'table', 'image', 'qr', 'canvas', 'svg', 'columns', 'headlineLevel', 'style', 'pageBreak', 'pageOrientation', 'width', 'height'] as const;

/** The nodes pdfmake asks about: those that placed something (an empty text only if it is a list item). */
function hasRenderableContent(node: NodeLike | undefined): node is NodeLike {
  if (!node || node.positions.length === 0) return false;
  return !(node.text === '' && !node.listMarker);
}

/** One scan's view of the laid-out nodes: their descriptions, built when first asked for, and where they sit. */
class LaidOutNodes {
  private readonly infos: Array<NodeInfo | undefined>;
  /** Per page number (as the positions carry it), the indices of the nodes with a position on it, ascending. */
  private byPage: Map<unknown, number[]> | undefined;

  constructor(
    readonly nodes: NodeLike[],
    private readonly pageCount: number,
  ) {
    this.infos = new Array<NodeInfo | undefined>(nodes.length);
  }

  /** The `nodeInfo` pdfmake builds for node `index` (one object per node and scan, as pdfmake's). */
  info(index: number): NodeInfo {
    let info = this.infos[index];
    if (info) return info;
    const node = this.nodes[index]!;
    const built: Record<string, unknown> = {};
    for (const key of INFO_KEYS) {
      if (node[key] !== undefined) built[key] = node[key];
    }
    // Distinct, in order of first appearance (positions mostly follow one another page by page).
    const pageNumbers: unknown[] = [];
    for (const position of node.positions) {
      const page = (position as { pageNumber?: unknown }).pageNumber;
      if (pageNumbers.length === 0 || (!Object.is(pageNumbers[pageNumbers.length - 1], page) && !pageNumbers.includes(page))) pageNumbers.push(page);
    }
    built['startPosition'] = node.positions[0];
    built['pageNumbers'] = pageNumbers;
    built['pages'] = this.pageCount;
    built['stack'] = Array.isArray(node.stack);
    info = built as NodeInfo;
    this.infos[index] = info;
    return info;
  }

  /** The nodes with a position on page `page` (compared as pdfmake's `indexOf` does), after or before node `index`. */
  onPage(page: unknown, index: number, after: boolean): NodeInfo[] {
    // `indexOf` finds no NaN (a page number after an undefined one), while a Map key would.
    const list = Number.isNaN(page) ? undefined : this.pageIndex().get(page);
    if (!list) return [];
    // First entry greater than `index` (entries before it are the nodes before `index`; `index` itself is never wanted).
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]! <= index) low = middle + 1;
      else high = middle;
    }
    const chosen = after ? list.slice(low) : list.slice(0, low > 0 && list[low - 1] === index ? low - 1 : low);
    return chosen.map((i) => this.info(i));
  }

  private pageIndex(): Map<unknown, number[]> {
    if (this.byPage) return this.byPage;
    const byPage = new Map<unknown, number[]>();
    this.nodes.forEach((node, index) => {
      for (const position of node.positions) {
        const page = (position as { pageNumber?: unknown }).pageNumber;
        let list = byPage.get(page);
        if (!list) byPage.set(page, (list = []));
        if (list[list.length - 1] !== index) list.push(index);
      }
    });
    this.byPage = byPage;
    return byPage;
  }
}

/**
 * pdfmake's `addPageBreaksIfNecessary`: ask `pageBreakBefore` about every laid-out node not asked yet in this
 * layout run, in document order, and mark the first it says yes to (true: lay the document out again).
 */
export function breakBeforeFirst(linearNodeList: Array<NodeLike | undefined>, pageCount: number, pageBreakBefore: PageBreakBefore): boolean {
  const laidOut = new LaidOutNodes(linearNodeList.filter(hasRenderableContent), pageCount);
  const nodes = laidOut.nodes;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.pageBreak === 'before' || node.pageBreakCalculated) continue;
    node.pageBreakCalculated = true;
    const info = laidOut.info(index);
    const page = info.pageNumbers[0];
    const context: PageBreakContext = {
      getFollowingNodesOnPage: () => laidOut.onPage(page, index, true),
      getNodesOnNextPage: () => laidOut.onPage((page as number) + 1, index, true),
      getPreviousNodesOnPage: () => laidOut.onPage(page, index, false),
    };
    if (pageBreakBefore(info, context)) {
      node.pageBreak = 'before';
      return true;
    }
  }
  return false;
}

interface BuilderLike {
  svgMeasure: unknown;
  tableLayouts: unknown;
  docPreprocessor?: unknown;
  docMeasure?: unknown;
  tryLayoutDocument(...args: unknown[]): { pages: unknown[]; linearNodeList: Array<NodeLike | undefined> };
}
type LayoutDocument = (this: BuilderLike, ...args: unknown[]) => unknown;

/** Make pdfmake's LayoutBuilder scan for page breaks with `breakBeforeFirst` while the speed patches are on (once per process). */
export function installPageBreakScan(): void {
  const builder = require('pdfmake/js/LayoutBuilder.js') as { default?: { prototype: { layoutDocument?: LayoutDocument } } };
  const { default: DocPreprocessor } = require('pdfmake/js/DocPreprocessor.js') as { default: new () => unknown };
  const { default: DocMeasure } = require('pdfmake/js/DocMeasure.js') as { default: new (...args: unknown[]) => unknown };
  const proto = builder.default?.prototype;
  const original = proto?.layoutDocument;
  if (!proto || typeof original !== 'function' || typeof DocPreprocessor !== 'function' || typeof DocMeasure !== 'function') {
    throw new Error('pdfmake internals changed: LayoutBuilder.prototype.layoutDocument not found');
  }
  // pdfmake's layoutDocument, with its scan replaced.
  proto.layoutDocument = function layoutDocumentScanningOnce(this: BuilderLike, ...args: unknown[]) {
    const [docStructure, pdfDocument, styleDictionary, defaultStyle, background, header, footer, watermark, pageBreakBefore] = args;
    if (!speedupsEnabled() || typeof pageBreakBefore !== 'function') return original.apply(this, args);
    this.docPreprocessor = new DocPreprocessor();
    this.docMeasure = new DocMeasure(pdfDocument, styleDictionary, defaultStyle, this.svgMeasure, this.tableLayouts);
    const layout = () => this.tryLayoutDocument(docStructure, pdfDocument, styleDictionary, defaultStyle, background, header, footer, watermark);
    let result = layout();
    while (breakBeforeFirst(result.linearNodeList, result.pages.length, pageBreakBefore as PageBreakBefore)) {
      for (const node of result.linearNodeList) node!.resetXY();
      result = layout();
    }
    return result.pages;
  };
}
