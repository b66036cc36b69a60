// Human names for codes and ids in the dataset: countries, stakeholders, sources.
import type { Dataset } from './dataset.js';

// Made on first use: setting up Intl's region names costs ~15 ms, which commands that name no country skip.
let regionNames: Intl.DisplayNames | undefined;
// Each name asked of Intl once: a document names the same few countries hundreds of times.
const countryNames = new Map<string, string>();

/** The English name of an ISO 3166-1 alpha-2 country code ("CN" → "China"). */
export function countryName(code: string): string {
  let name = countryNames.get(code);
  if (name === undefined) {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    countryNames.set(code, (name = regionNames.of(code) ?? code));
  }
  return name;
}

/** A country's name as it reads mid-sentence: "in China", "in the United States". */
export function countryInSentence(code: string): string {
  const name = countryName(code);
  return /^(United |Netherlands|Philippines|Czech Republic|Dominican Republic|Bahamas|Gambia|Maldives)/.test(name) ? `the ${name}` : name;
}

/** A stakeholder's display name, or the id when unknown. */
export function stakeholderName(dataset: Dataset, id: string): string {
  return dataset.stakeholders.get(id)?.name ?? id;
}

/** A one-line citation of a source: title, publisher, date and address. */
export function citation(dataset: Dataset, id: string): string {
  const source = dataset.sources.get(id);
  if (!source) return id;
  const date = source.date ? `, ${source.date}` : '';
  const mirror = source.mirror ? ' (mirror copy)' : '';
  return `${source.title}. ${source.publisher}${date}${mirror}. ${source.url}`;
}
