// Docket deadlines: Eastern instants across DST, the closing minute, days and business days left, TZ independence.
import { afterEach, describe, expect, it } from 'vitest';
import {
  businessDaysLeft,
  calendarDaysLeft,
  deadlineInstant,
  docketDeadlines,
  easternDayStart,
  federalHolidays,
  formatEasternTime,
  hasDeadline,
  isDeadlineClosed,
  isFederalBusinessDay,
  type DeadlineRow,
  type DocketDeadline,
} from '../../src/model/index.js';
import type { Docket } from '../../src/schema/index.js';

/** A synthetic docket; only the fields the deadlines query reads matter. */
function docket(fields: Partial<Docket> & { cycle: number }): Docket {
  return { notice_date: `${fields.cycle}-08-01`, deadline_time: '23:59', placeholder: false, bci_prefix: 'BC', requirements: [], confidence: 'verified', sources: ['example-source'], ...fields };
}

/** An instant written with an explicit offset, independent of the code under test. */
const at = (iso: string): Date => new Date(iso);

/** Whole days between two calendar dates, computed in UTC (no DST there), for checking counts independently. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function only(rows: DeadlineRow[], kind: 'comment' | 'rebuttal'): DocketDeadline {
  const row = rows.find((r) => r.kind === kind);
  if (!row || !hasDeadline(row)) throw new Error(`no ${kind} row`);
  return row;
}

const DST_DOCKET = docket({ cycle: 2016, docket_id: 'USTR-2016-0013', comment_deadline: '2016-10-07', rebuttal_deadline: '2016-11-07' });

describe('deadline instants in Eastern time', () => {
  it('puts a deadline before the November DST change in EDT and one after it in EST', () => {
    const rows = docketDeadlines([DST_DOCKET], at('2016-10-01T00:00:00-04:00'));
    const comment = only(rows, 'comment');
    const rebuttal = only(rows, 'rebuttal');
    expect(comment).toMatchObject({ date: '2016-10-07', deadline: '2016-10-07T23:59:00-04:00', deadlineUtc: '2016-10-08T03:59:00.000Z', zone: 'EDT' });
    expect(rebuttal).toMatchObject({ date: '2016-11-07', deadline: '2016-11-07T23:59:00-05:00', deadlineUtc: '2016-11-08T04:59:00.000Z', zone: 'EST' });
    // The local and UTC forms name the same instant.
    for (const row of [comment, rebuttal]) expect(Date.parse(row.deadline)).toBe(Date.parse(row.deadlineUtc));
  });

  it('uses the DST rules of each year (2016: change on Nov 6; 2020: on Nov 1; spring change in March)', () => {
    expect(deadlineInstant('2016-11-05').getTime()).toBe(Date.parse('2016-11-05T23:59:00-04:00'));
    expect(deadlineInstant('2016-11-06').getTime()).toBe(Date.parse('2016-11-06T23:59:00-05:00'));
    expect(deadlineInstant('2020-10-31').getTime()).toBe(Date.parse('2020-10-31T23:59:00-04:00'));
    expect(deadlineInstant('2020-11-08').getTime()).toBe(Date.parse('2020-11-08T23:59:00-05:00'));
    expect(deadlineInstant('2021-03-13').getTime()).toBe(Date.parse('2021-03-13T23:59:00-05:00'));
    expect(deadlineInstant('2021-03-14').getTime()).toBe(Date.parse('2021-03-14T23:59:00-04:00'));
  });

  it('honours a docket deadline_time other than 23:59', () => {
    const row = only(docketDeadlines([docket({ cycle: 2030, comment_deadline: '2030-01-15', deadline_time: '17:00' })], at('2030-01-01T00:00:00Z')), 'comment');
    expect(row.deadline).toBe('2030-01-15T17:00:00-05:00');
    expect(row.deadlineUtc).toBe('2030-01-15T22:00:00.000Z');
  });

  it('writes a deadline as people do, with the zone in force', () => {
    expect(formatEasternTime(deadlineInstant('2016-10-07'))).toBe('Fri Oct 7, 2016 11:59 p.m. EDT');
    expect(formatEasternTime(deadlineInstant('2016-11-07'))).toBe('Mon Nov 7, 2016 11:59 p.m. EST');
  });
});

describe('closed or open', () => {
  it('stays open through 23:59:59.999 Eastern on the deadline day and closes at midnight', () => {
    const comment = deadlineInstant('2016-10-07');
    expect(isDeadlineClosed(comment, at('2016-10-07T23:58:00-04:00'))).toBe(false);
    expect(isDeadlineClosed(comment, at('2016-10-07T23:59:00-04:00'))).toBe(false);
    expect(isDeadlineClosed(comment, at('2016-10-07T23:59:59.999-04:00'))).toBe(false);
    expect(isDeadlineClosed(comment, at('2016-10-08T00:00:00-04:00'))).toBe(true);
    expect(isDeadlineClosed(comment, at('2016-10-08T00:00:01-04:00'))).toBe(true);
  });

  it('closes an EST deadline by the EST clock, not an hour early', () => {
    const rows = (asOf: string) => only(docketDeadlines([DST_DOCKET], at(asOf)), 'rebuttal');
    // 23:30 EST on Nov 7 is 00:30 on Nov 8 by an EDT clock: still open.
    expect(rows('2016-11-07T23:30:00-05:00')).toMatchObject({ closed: false, calendarDaysLeft: 1, businessDaysLeft: 1 });
    expect(rows('2016-11-07T23:59:59.999-05:00')).toMatchObject({ closed: false, calendarDaysLeft: 1 });
    expect(rows('2016-11-08T00:00:00-05:00')).toMatchObject({ closed: true, calendarDaysLeft: 0, businessDaysLeft: 0 });
  });

  it('reports zero days left once closed, even long after', () => {
    const row = only(docketDeadlines([DST_DOCKET], at('2026-01-01T12:00:00Z')), 'comment');
    expect(row).toMatchObject({ closed: true, calendarDaysLeft: 0, businessDaysLeft: 0 });
  });
});

describe('days left', () => {
  it('counts the as-of day and the deadline day: Oct 1 → Oct 7 is 7 days, the deadline day itself is 1', () => {
    const comment = deadlineInstant('2016-10-07');
    expect(calendarDaysLeft(comment, at('2016-10-01T00:00:00-04:00'))).toBe(7);
    expect(calendarDaysLeft(comment, at('2016-10-06T23:59:59-04:00'))).toBe(2);
    expect(calendarDaysLeft(comment, at('2016-10-07T00:00:00-04:00'))).toBe(1);
  });

  it('counts whole days across the Nov 6, 2016 DST change, at any hour of the day', () => {
    const rebuttal = deadlineInstant('2016-11-07');
    for (let offset = 0; offset <= 37; offset++) {
      const day = new Date(Date.UTC(2016, 9, 1 + offset)).toISOString().slice(0, 10);
      const expected = daysBetween(day, '2016-11-07') + 1;
      const zone = day < '2016-11-06' ? '-04:00' : '-05:00';
      for (const time of ['00:00:00', '01:30:00', '12:00:00', '23:30:00']) {
        // 01:30 on Nov 6 happens twice; the -04:00 one is the first, still Nov 6 in New York.
        const stamp = `${day}T${time}${day === '2016-11-06' && time === '00:00:00' ? '-04:00' : zone}`;
        expect(calendarDaysLeft(rebuttal, at(stamp)), stamp).toBe(expected);
      }
    }
  });

  it('reads the as-of instant as a New York day, whatever day it is in UTC', () => {
    const comment = deadlineInstant('2016-10-07');
    // 2016-10-02T02:00Z is still Oct 1 in New York (22:00 EDT).
    expect(calendarDaysLeft(comment, at('2016-10-02T02:00:00Z'))).toBe(7);
    expect(calendarDaysLeft(comment, at('2016-10-02T04:00:00Z'))).toBe(6);
  });
});

describe('business days', () => {
  it('skips weekends: Sat Oct 1 → Fri Oct 7, 2016 has 5', () => {
    expect(businessDaysLeft(deadlineInstant('2016-10-07'), at('2016-10-01T00:00:00-04:00'))).toBe(5);
    expect(businessDaysLeft(deadlineInstant('2016-10-07'), at('2016-10-03T00:00:00-04:00'))).toBe(5);
    expect(businessDaysLeft(deadlineInstant('2016-10-07'), at('2016-10-04T00:00:00-04:00'))).toBe(4);
  });

  it('gives a weekend deadline no business day of its own (Sun Nov 8, 2020 from Fri Nov 6)', () => {
    const deadline = deadlineInstant('2020-11-08');
    expect(calendarDaysLeft(deadline, at('2020-11-06T09:00:00-05:00'))).toBe(3);
    expect(businessDaysLeft(deadline, at('2020-11-06T09:00:00-05:00'))).toBe(1);
    expect(businessDaysLeft(deadline, at('2020-11-07T09:00:00-05:00'))).toBe(0);
  });

  it('skips federal holidays: Columbus Day, Mon Oct 10, 2016', () => {
    expect(businessDaysLeft(deadlineInstant('2016-10-10'), at('2016-10-08T00:00:00-04:00'))).toBe(0);
    expect(businessDaysLeft(deadlineInstant('2016-10-11'), at('2016-10-08T00:00:00-04:00'))).toBe(1);
    expect(businessDaysLeft(deadlineInstant('2016-10-21'), at('2016-10-01T00:00:00-04:00'))).toBe(14);
  });

  it('skips holidays across a year boundary (Dec 24 and Dec 31, 2021 observed)', () => {
    expect(businessDaysLeft(deadlineInstant('2022-01-10'), at('2021-12-20T00:00:00-05:00'))).toBe(14);
  });

  it('agrees with a day-by-day count for every as-of day of a long span', () => {
    const deadline = '2017-01-03';
    for (let offset = 0; offset < 400; offset++) {
      const day = new Date(Date.UTC(2015, 11, 1 + offset)).toISOString().slice(0, 10);
      if (day > deadline) break;
      let expected = 0;
      for (let d = Date.parse(`${day}T00:00:00Z`); d <= Date.parse(`${deadline}T00:00:00Z`); d += 86_400_000) {
        const date = new Date(d);
        const key = date.toISOString().slice(0, 10);
        if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6 && !federalHolidays(date.getUTCFullYear()).has(key)) expected++;
      }
      expect(businessDaysLeft(deadlineInstant(deadline), easternDayStart(day)!), day).toBe(expected);
    }
  });

  it('computes observed federal holidays by rule (checked against the OPM calendars for 2016 and 2021)', () => {
    expect([...federalHolidays(2016).keys()]).toEqual([
      '2016-01-01', '2016-01-18', '2016-02-15', '2016-05-30', '2016-07-04', '2016-09-05', '2016-10-10', '2016-11-11', '2016-11-24', '2016-12-26',
    ]);
    // 2021: Juneteenth (a Saturday) on Fri Jun 18, July 4 (a Sunday) on Mon Jul 5, and New Year's Day 2022 (a Saturday) on Fri Dec 31, 2021.
    expect([...federalHolidays(2021).keys()]).toEqual([
      '2021-01-01', '2021-01-18', '2021-02-15', '2021-05-31', '2021-06-18', '2021-07-05', '2021-09-06', '2021-10-11', '2021-11-11', '2021-11-25', '2021-12-24', '2021-12-31',
    ]);
    expect(federalHolidays(2022).has('2022-01-01')).toBe(false);
    expect(federalHolidays(2020).has('2020-06-19')).toBe(false);
    expect(isFederalBusinessDay('2016-10-10')).toBe(false);
    expect(isFederalBusinessDay('2016-10-11')).toBe(true);
    expect(isFederalBusinessDay('2016-10-08')).toBe(false);
  });
});

describe('dockets without deadlines, confidence and order', () => {
  it('lists a docket with no deadline once, with nulls, and never invents a date', () => {
    const rows = docketDeadlines([docket({ cycle: 2015, docket_id: 'USTR-2015-0016', sources: ['a', 'b'] })], at('2015-10-01T00:00:00Z'));
    expect(rows).toEqual([
      {
        cycle: 2015,
        docket: 'USTR-2015-0016',
        kind: null,
        date: null,
        deadline: null,
        deadlineUtc: null,
        zone: null,
        closed: null,
        calendarDaysLeft: null,
        businessDaysLeft: null,
        confidence: 'verified',
        sources: ['a', 'b'],
        note: null,
        noticePublished: true,
        docketRecorded: true,
        placeholder: false,
      },
    ]);
  });

  it('sorts by cycle, keeps comment before rebuttal, carries confidence, note and a null docket id', () => {
    const rows = docketDeadlines(
      [
        docket({ cycle: 2017, docket_id: 'USTR-2017-0015', comment_deadline: '2017-10-02', rebuttal_deadline: '2017-10-16' }),
        docket({ cycle: 2013, comment_deadline: '2013-10-25', confidence: 'unverified', deadline_note: 'extended' }),
        DST_DOCKET,
      ],
      at('2013-01-01T00:00:00Z'),
    );
    expect(rows.map((r) => `${r.cycle} ${r.kind}`)).toEqual(['2013 comment', '2016 comment', '2016 rebuttal', '2017 comment', '2017 rebuttal']);
    expect(rows[0]).toMatchObject({ docket: null, confidence: 'unverified', note: 'extended' });
    expect(rows[1]).toMatchObject({ docket: 'USTR-2016-0013', confidence: 'verified', note: null });
  });
});

describe('--on dates', () => {
  it('reads a real date as 00:00 Eastern and rejects dates that do not exist', () => {
    expect(easternDayStart('2016-10-01')?.getTime()).toBe(Date.parse('2016-10-01T00:00:00-04:00'));
    expect(easternDayStart('2016-12-01')?.getTime()).toBe(Date.parse('2016-12-01T00:00:00-05:00'));
    expect(easternDayStart('2016-02-29')?.getTime()).toBe(Date.parse('2016-02-29T00:00:00-05:00'));
    for (const bad of ['2016-13-01', '2016-02-30', '2015-02-29', '2016-00-10', '2016-10-32', '2016-1-1', '20161001', 'today', '']) {
      expect(easternDayStart(bad), bad).toBeUndefined();
    }
  });
});

describe('independence from the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same rows under TZ=Asia/Tokyo, America/Los_Angeles, UTC and Australia/Lord_Howe', () => {
    const dockets = [DST_DOCKET, docket({ cycle: 2020, comment_deadline: '2020-11-08', rebuttal_deadline: '2020-11-22' }), docket({ cycle: 2019 })];
    const asOfs = ['2016-10-01T00:00:00-04:00', '2016-11-06T01:30:00-05:00', '2020-11-07T23:30:00-05:00', '2016-10-02T02:00:00Z'];
    const answers = new Map<string, string>();
    const offsets = new Set<number>();
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'UTC', 'Australia/Lord_Howe']) {
      process.env.TZ = zone;
      offsets.add(new Date(2016, 9, 1).getTimezoneOffset());
      const answer = asOfs.map((asOf) => docketDeadlines(dockets, at(asOf)));
      const parsed = asOfs.map((asOf) => docketDeadlines(dockets, easternDayStart(asOf.slice(0, 10))!));
      answers.set(zone, JSON.stringify([answer, parsed, formatEasternTime(deadlineInstant('2016-11-07'))]));
    }
    // The zone changes really took effect in this process, so the comparison means something.
    expect(offsets.size).toBe(4);
    expect(new Set(answers.values()).size).toBe(1);
    const rows = JSON.parse(answers.get('Asia/Tokyo')!)[0][0] as DeadlineRow[];
    expect(rows[0]).toMatchObject({ deadline: '2016-10-07T23:59:00-04:00', calendarDaysLeft: 7, businessDaysLeft: 5 });
  });
});
