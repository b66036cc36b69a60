// Where a market is, in words, for online markets (domains, headquarters) and physical ones (city, country).
import type { Dataset } from './dataset.js';
import type { Market } from '../schema/index.js';
import { countryInSentence, countryName } from './names.js';

/** The country a market belongs to: a physical market's location, an online market's headquarters. */
export function marketCountry(market: Market): string | undefined {
  return market.kind === 'physical' ? (market.location?.country ?? market.headquarters) : market.headquarters;
}

/** "Karol Bagh, Delhi, India" for a physical market; "China" for an online one (its headquarters). */
export function marketPlace(market: Market): string {
  const country = marketCountry(market);
  const countryWords = country ? countryName(country) : 'an unrecorded country';
  if (market.kind !== 'physical' || !market.location) return countryWords;
  return [market.location.area, market.location.city, countryWords].filter((part) => part !== undefined).join(', ');
}

/** "a wholesale market in Yiwu, China" — what and where a physical market is, mid-sentence. */
function physicalPlacePhrase(market: Market): string {
  const country = marketCountry(market);
  const where = [market.location?.area, market.location?.city, country ? countryInSentence(country) : undefined].filter((part) => part !== undefined).join(', ');
  const type = market.market_type ?? 'physical market';
  return `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} in ${where}`;
}

/**
 * Where a market is, as the opening sentences of its section: "Nominated as taobao.com. Headquartered in China."
 * for an online market; "Nominated as Silk Market, a shopping mall in Beijing, China." for a physical one.
 */
export function marketWhereSentences(market: Market): string {
  if (market.kind === 'physical') return `Nominated as ${market.name}, ${physicalPlacePhrase(market)}.`;
  const nominated = market.domains?.length ? `Nominated as ${market.domains.join(', ')}. ` : `Nominated as ${market.name}. `;
  const country = marketCountry(market);
  return `${nominated}${country ? `Headquartered in ${countryInSentence(country)}.` : ''}`.trim();
}

/** What and where a market is, in a few words: "a wholesale market in Yiwu, China"; "taobao.com, headquartered in China". */
export function marketWhereLine(market: Market): string {
  if (market.kind === 'physical') return physicalPlacePhrase(market);
  return `${market.domains?.join(', ') ?? market.name}, headquartered in ${marketPlace(market)}`;
}

/** The operator's display name, or undefined when the record names none (common for physical markets). */
export function operatorName(dataset: Dataset, market: Market): string | undefined {
  if (market.operator === undefined) return undefined;
  return dataset.stakeholders.get(market.operator)?.name ?? market.operator;
}
