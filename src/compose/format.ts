// How values read in a document: dates, numbers, lists of names. Deterministic whatever the TZ or locale.
import { format } from 'date-fns/format';

/** "December 13, 2012", "October 2015" or "2015" from a (partial) ISO date. */
export function formatDate(date: string): string {
  let shown = formattedDates.get(date);
  if (shown === undefined) formattedDates.set(date, (shown = formatDateOnce(date)));
  return shown;
}

/** Dates already formatted: a long document prints the same few hundred dates thousands of times. */
const formattedDates = new Map<string, string>();

function formatDateOnce(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return String(year);
  if (day === undefined) return format(new Date(year, month - 1, 1), 'MMMM yyyy');
  return format(new Date(year, month - 1, day), 'MMMM d, yyyy');
}

export { dateValue } from '../document/document.js';

const SCALES: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** "380 million", "1.5 billion", "180,000", "67" — the way filings print figures. */
export function formatNumber(value: number): string {
  for (const [scale, word] of SCALES) {
    if (Math.abs(value) >= scale && Number.isInteger((value / scale) * 10)) {
      return `${String(Math.round((value / scale) * 10) / 10)} ${word}`;
    }
  }
  const [whole, fraction] = String(value).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Whether a sentence already ends in a full stop, question or exclamation mark (so no period is added after its quote). */
export function endsSentence(value: string): boolean {
  return /[.!?…]["'”’)]*$/.test(value.trim());
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A short name for an edition: "Special 301 2009", "2010 OCR", "2021 Review". */
export function editionLabel(edition: { year: number; kind: 'special-301-section' | 'out-of-cycle-review' | 'review' }): string {
  if (edition.kind === 'special-301-section') return `Special 301 ${edition.year}`;
  return edition.kind === 'out-of-cycle-review' ? `${edition.year} OCR` : `${edition.year} Review`;
}
