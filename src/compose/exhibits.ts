// Exhibits of a filing: lettered appendices after the signature (excerpts of sources, tables of figures), confidential ones as BCI.
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Exhibit } from '../schema/index.js';
import { datumPhrasing } from './bci.js';
import type { ComposeContext } from './context.js';
import { attestedItem, metricRow, type FilingBrief } from './filing.js';
import { blockquote, heading, list, paragraph, table, text, withRole } from './nodes.js';
import type { ReferenceCheck } from './references.js';

/** "A", "B" … "Z", "AA" …: an exhibit's letter by its place in the brief. */
export function exhibitLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${exhibitLetter(Math.floor(index / 26) - 1)}${letter}`;
}

/** Each exhibit id and the name prose prints for it ("Exhibit A"). */
export function exhibitNames(exhibits: readonly Exhibit[]): Map<string, string> {
  return new Map(exhibits.map((exhibit, i) => [exhibit.id, `Exhibit ${exhibitLetter(i)}`]));
}

/** Checks what the exhibits name: their sources and metrics exist; no two share an id. */
export function checkExhibitReferences(refs: ReferenceCheck, brief: FilingBrief): void {
  const { dataset } = refs.context;
  const seen = new Set<string>();
  brief.exhibits.forEach((exhibit, i) => {
    if (seen.has(exhibit.id)) {
      refs.context.report(['exhibits', i, 'id'], 'error', `two exhibits are called \`${exhibit.id}\`: give each its own id`, 'duplicate-id');
      refs.ok = false;
    }
    seen.add(exhibit.id);
    if (exhibit.source) refs.need(dataset.sources.keys(), ['exhibits', i, 'source'], 'source', exhibit.source, 'sources are data/sources/<id>.yaml');
    refs.needAll(dataset.metrics.map((m) => m.id), ['exhibits', i, 'metrics'], 'metric', exhibit.metrics, 'metrics are listed in data/metrics.yaml');
  });
}

/** Every paragraph, heading and table cell of a confidential exhibit becomes one BCI span: nothing of it is left outside. */
function allConfidential(blocks: RootContent[], reason: string | undefined): RootContent[] {
  const datum = { confidential: true, confidential_reason: reason };
  for (const block of blocks) {
    visit(block as Nodes, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'tableCell' && node.type !== 'heading') return undefined;
      if (node.children.length) node.children = datumPhrasing(datum, node.children as PhrasingContent[]);
      return 'skip';
    });
  }
  return blocks;
}

/** One exhibit's body: the excerpt (quoted, cited), the table of figures, the attested evidence, the note. */
function exhibitBody(context: ComposeContext, exhibit: Exhibit, index: number): RootContent[] {
  const at = ['exhibits', index];
  const blocks: RootContent[] = [];
  if (exhibit.source && exhibit.excerpt) {
    const cite = context.citations.citeFact([exhibit.source], [...at, 'source'], `the excerpt in exhibit \`${exhibit.id}\``);
    blocks.push(blockquote(paragraph(text(exhibit.excerpt), ...(cite ? [cite] : []))) as never);
  }
  const rows = exhibit.metrics.flatMap((id, j) => {
    const metric = context.dataset.metrics.find((m) => m.id === id)!;
    const row = metricRow(context, metric, [...at, 'metrics', j]);
    return row ? [row] : [];
  });
  if (rows.length) blocks.push(table([[['Measure'], ['Figure'], ['Period'], ['Reported by']], ...rows]));
  if (exhibit.attested.length) blocks.push(list(exhibit.attested.map((item) => attestedItem(item))));
  blocks.push(...context.prose(exhibit.note, [...at, 'note']));
  return exhibit.confidential ? allConfidential(blocks, exhibit.reason) : blocks;
}

/** The exhibits, each under its heading "Exhibit A — Title" (a page of its own in PDF and DOCX, in the outline). */
export function exhibitBlocks(context: ComposeContext, brief: FilingBrief): RootContent[] {
  return brief.exhibits.flatMap((exhibit, i) => [withRole(heading(2, `Exhibit ${exhibitLetter(i)} — ${exhibit.title}`), 'exhibit'), ...exhibitBody(context, exhibit, i)]);
}
