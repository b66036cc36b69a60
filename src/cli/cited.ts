// Numbered source references for text answers: `[1][2]` after each row, and the list of sources at the end.
import { citation } from '../model/names.js';
import type { Dataset } from '../model/dataset.js';

/** Numbers sources in order of first citation. */
export class CitedSources {
  readonly #ids: string[] = [];

  /** `[1][2]` for these source ids (numbering new ones). */
  refs(ids: readonly string[]): string {
    return ids
      .map((id) => {
        if (!this.#ids.includes(id)) this.#ids.push(id);
        return `[${this.#ids.indexOf(id) + 1}]`;
      })
      .join('');
  }

  /** The `sources:` block listing every cited source, or nothing when none was cited. */
  footer(dataset: Dataset): string {
    if (this.#ids.length === 0) return '';
    return `\nsources:\n${this.#ids.map((id, i) => `  [${i + 1}] ${citation(dataset, id)} (${id})`).join('\n')}\n`;
  }
}
