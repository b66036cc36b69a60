// Stakeholders' positions as answers: who asked USTR what about which markets, when, in whose words.
import type { z } from 'zod';
import type { positionAnswerSchema, positionsAnswerSchema } from '../schema/answers.js';
import type { Dataset } from './dataset.js';
import { compareChronologically, datePrecision } from '../schema/partial-date.js';
import { getMarket } from './lookup.js';
import { resolveSubject } from './subjects.js';
import { quoteAnswers, STANCE_SHORT } from './timeline.js';

/** One position in the `positions` answer. */
export type PositionAnswer = z.output<typeof positionAnswerSchema>;

/** The `positions` answer. */
export type PositionsAnswer = z.output<typeof positionsAnswerSchema>;

/**
 * The positions a stakeholder took (or, for a market, every position about it), oldest first;
 * `market` keeps only positions about that market. Throws UnknownIdError for unknown names.
 */
export function positionsOf(dataset: Dataset, ref: string, options: { market?: string } = {}): PositionsAnswer {
  const subject = resolveSubject(dataset, ref);
  const market = options.market === undefined ? undefined : getMarket(dataset, options.market).id;
  const held = dataset.positions.filter((p) => (subject.kind === 'market' ? p.markets.includes(subject.id) : p.stakeholder === subject.id));
  const positions = held
    .filter((p) => market === undefined || p.markets.includes(market))
    .sort((a, b) => compareChronologically(a.date, b.date) || (a.id < b.id ? -1 : 1))
    .map((p): PositionAnswer => {
      const stakeholderName = dataset.stakeholders.get(p.stakeholder)?.name ?? p.stakeholder;
      return {
        id: p.id,
        date: p.date,
        precision: datePrecision(p.date),
        stakeholder: p.stakeholder,
        stakeholderName,
        person: p.person ?? null,
        personName: (p.person ? dataset.people.get(p.person)?.person.name : undefined) ?? null,
        markets: [...p.markets],
        cycle: p.cycle,
        stance: p.stance,
        asks: STANCE_SHORT[p.stance],
        summary: p.summary,
        confidence: p.confidence,
        quotes: quoteAnswers(dataset, p.quotes, stakeholderName),
        claims: p.claims.map((c) => ({ id: c.id, text: c.text, verbatim: c.verbatim, sources: [...c.sources] })),
        sources: [...p.sources],
      };
    });
  return { subject: subject.id, subjectKind: subject.kind, market: market ?? null, positions };
}
