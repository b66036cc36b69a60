// Footnotes that cite sources: each citation becomes a GFM footnote reference with its definition at the end.
import type { FootnoteDefinition, FootnoteReference, PhrasingContent } from 'mdast';
import type { Dataset } from '../model/dataset.js';
import { surelyBefore } from '../schema/partial-date.js';
import { formatDate } from './format.js';
import { link, paragraph, text } from './nodes.js';

/** Collects the footnotes of one document, numbered in order of first citation. */
export class Citations {
  private readonly definitions: FootnoteDefinition[] = [];

  /** `asOf`: the document's date; sources published after it are left out of a citation when earlier ones remain. */
  constructor(
    private readonly dataset: Dataset,
    private readonly asOf?: string,
  ) {}

  /** The sources worth citing as of the document's date. */
  private timely(sourceIds: readonly string[]): readonly string[] {
    const asOf = this.asOf;
    if (!asOf) return sourceIds;
    const earlier = sourceIds.filter((id) => {
      const date = this.dataset.sources.get(id)?.date;
      return !date || !surelyBefore(asOf, date);
    });
    return earlier.length ? earlier : sourceIds;
  }

  /**
   * A footnote reference citing the given sources, with an optional lead-in note
   * ("Quoted in …"). Unknown source ids are cited by id (the loader reports them).
   */
  cite(sourceIds: readonly string[], note?: string): FootnoteReference {
    const identifier = String(this.definitions.length + 1);
    const children: PhrasingContent[] = [];
    if (note) children.push(text(`${note} `));
    this.timely(sourceIds).forEach((id, index) => {
      if (index > 0) children.push(text('; '));
      children.push(...this.sourceCitation(id));
    });
    children.push(text('.'));
    this.definitions.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [paragraph(...children)] });
    return { type: 'footnoteReference', identifier, label: identifier };
  }

  /** `Publisher, “Title” (Date), URL` for one source. */
  private sourceCitation(id: string): PhrasingContent[] {
    const source = this.dataset.sources.get(id);
    if (!source) return [text(id)];
    const date = source.date ? ` (${formatDate(source.date)})` : '';
    const mirror = source.mirror ? ' (mirror copy)' : '';
    return [text(`${source.publisher}, “${source.title}”${date}${mirror}, `), link(source.url)];
  }

  /** The footnote definitions, in order; append them at the end of the document. */
  all(): FootnoteDefinition[] {
    return [...this.definitions];
  }
}
