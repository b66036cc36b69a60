// `docketpress deadlines` end to end against the embedded data: JSON shape, days left, usage errors, TZ independence.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const KEYS = ['cycle', 'docket', 'kind', 'date', 'deadline', 'deadlineUtc', 'zone', 'closed', 'calendarDaysLeft', 'businessDaysLeft', 'confidence', 'sources', 'note', 'noticePublished'];

interface Row {
  cycle: number;
  docket: string | null;
  kind: 'comment' | 'rebuttal' | null;
  date: string | null;
  deadline: string | null;
  deadlineUtc: string | null;
  zone: 'EDT' | 'EST' | null;
  closed: boolean | null;
  calendarDaysLeft: number | null;
  businessDaysLeft: number | null;
  confidence: 'verified' | 'unverified';
  sources: string[];
  note: string | null;
  noticePublished: boolean;
}

async function rowsOn(date: string): Promise<Row[]> {
  const result = await cli(['deadlines', '--on', date, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Row[];
}

function find(rows: Row[], cycle: number, kind: Row['kind']): Row {
  const row = rows.find((r) => r.cycle === cycle && r.kind === kind);
  if (!row) throw new Error(`no ${cycle} ${kind} row`);
  return row;
}

describe('docketpress deadlines', () => {
  it('--on 2016-10-01 --json: the 2016 comment deadline is 7 days (5 business days) away, counting Oct 1 and Oct 7', async () => {
    const rows = await rowsOn('2016-10-01');
    for (const row of rows) expect(Object.keys(row)).toEqual(KEYS);
    expect(find(rows, 2016, 'comment')).toMatchObject({
      docket: 'USTR-2016-0013',
      date: '2016-10-07',
      deadline: '2016-10-07T23:59:00-04:00',
      deadlineUtc: '2016-10-08T03:59:00.000Z',
      zone: 'EDT',
      closed: false,
      calendarDaysLeft: 7,
      businessDaysLeft: 5,
      confidence: 'verified',
    });
    // Oct 1 → Oct 21: 21 days; weekdays Oct 3–7, 10–14, 17–21 less Columbus Day (Oct 10) = 14.
    expect(find(rows, 2016, 'rebuttal')).toMatchObject({ date: '2016-10-21', closed: false, calendarDaysLeft: 21, businessDaysLeft: 14 });
    expect(find(rows, 2016, 'comment').sources.length).toBeGreaterThan(0);
  });

  it('sorts by cycle, closes past deadlines and lists dockets without deadlines with nulls', async () => {
    const rows = await rowsOn('2016-10-01');
    const cycles = rows.map((r) => r.cycle);
    expect(cycles).toEqual([...cycles].sort((a, b) => a - b));
    expect(find(rows, 2011, 'comment')).toMatchObject({ closed: true, calendarDaysLeft: 0, businessDaysLeft: 0 });
    // 2019's notice and docket number are in the data but no deadline is: one row, nothing invented.
    const y2019 = rows.filter((r) => r.cycle === 2019);
    expect(y2019).toHaveLength(1);
    expect(y2019[0]).toMatchObject({ docket: 'USTR-2019-0013', kind: null, date: null, deadline: null, deadlineUtc: null, zone: null, closed: null, calendarDaysLeft: null, businessDaysLeft: null });
    expect(y2019[0]!.sources.length).toBeGreaterThan(0);
    // 2013: the notice's October 11 deadline; the unconfirmed extension is named in the note, not used.
    expect(find(rows, 2013, 'comment')).toMatchObject({ date: '2013-10-11', confidence: 'verified' });
    expect(find(rows, 2013, 'comment').note).toMatch(/extension/);
    // 2015: the comment period closed on Monday, October 5, 2015.
    expect(find(rows, 2015, 'comment')).toMatchObject({ date: '2015-10-05', closed: true });
    // 2025's deadlines rest on secondary reports only: unverified.
    expect(find(rows, 2025, 'rebuttal')).toMatchObject({ date: '2025-10-15', confidence: 'unverified' });
    // The 2020 deadlines fall after that year's Nov 1 DST change.
    expect(find(rows, 2020, 'comment')).toMatchObject({ zone: 'EST', deadline: '2020-11-08T23:59:00-05:00', closed: false });
  });

  it('counts from 00:00 Eastern on the --on day: on the deadline day the deadline is still open', async () => {
    expect(find(await rowsOn('2016-10-07'), 2016, 'comment')).toMatchObject({ closed: false, calendarDaysLeft: 1, businessDaysLeft: 1 });
    expect(find(await rowsOn('2016-10-08'), 2016, 'comment')).toMatchObject({ closed: true, calendarDaysLeft: 0, businessDaysLeft: 0 });
  });

  it('prints a table with the Eastern deadline, days left, unverified flags, missing deadlines and an Eastern-time footer', async () => {
    const result = await cli(['deadlines', '--on', '2016-10-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('as of 00:00 EDT on Sat Oct 1, 2016');
    expect(result.stdout).toMatch(/^2016\s+USTR-2016-0013\s+comment\s+Fri Oct 7, 2016 11:59 p\.m\. EDT\s+7 days left \(5 business days\)/m);
    expect(result.stdout).toMatch(/^2011\s+USTR-2011-0012\s+comment\s+Wed Oct 26, 2011 11:59 p\.m\. EDT\s+closed/m);
    expect(result.stdout).toMatch(/^2020\s+USTR-2020-0035\s+comment\s+Sun Nov 8, 2020 11:59 p\.m\. EST/m);
    expect(result.stdout).toMatch(/^2019\s+USTR-2019-0013\s+—\s+no deadline in the record/m);
    expect(result.stdout).toMatch(/^2025\s.*comment.*left.*UNVERIFIED/m);
    expect(result.stdout).toMatch(/^2016\s.*comment.*\d\]$/m);
    expect(result.stdout).toContain('Eastern (America/New_York)');
    expect(result.stdout).toMatch(/https?:\/\//);
  });

  it('without --on, answers as of now and still exits 0', async () => {
    const result = await cli(['deadlines', '--json']);
    expect(result.code).toBe(0);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });

  it('rejects an --on that is not a real YYYY-MM-DD date with exit 2 and one line', async () => {
    for (const bad of ['2016-13-01', '2016-02-30', '2016-1-1', 'yesterday']) {
      const result = await cli(['deadlines', '--on', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`\`${bad}\``);
      expect(result.stderr).toContain('YYYY-MM-DD');
    }
    expect((await cli(['deadlines', '--on', '2016-13-01'])).stderr).toMatch(/month 13/);
    expect((await cli(['deadlines', 'extra'])).code).toBe(2);
  });
});

describe('docketpress deadlines whatever the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('prints the same table and JSON under TZ=Asia/Tokyo and TZ=America/Los_Angeles', async () => {
    const outputs: string[] = [];
    const offsets = new Set<number>();
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles']) {
      process.env.TZ = zone;
      offsets.add(new Date(2016, 9, 1).getTimezoneOffset());
      const table = await cli(['deadlines', '--on', '2016-10-01']);
      const json = await cli(['deadlines', '--on', '2016-11-06', '--json']);
      outputs.push(table.stdout + json.stdout);
    }
    expect(offsets.size).toBe(2);
    expect(outputs[0]).toBe(outputs[1]);
    expect(outputs[0]).toContain('7 days left (5 business days)');
  });
});

describe('deadlines before a notice is out', () => {
  it('marks dockets whose notice was not yet published on --on', async () => {
    const { cli } = await import('../helpers/cli.js');
    const rows = JSON.parse((await cli(['deadlines', '--on', '2016-10-01', '--json'])).stdout) as { cycle: number; noticePublished: boolean }[];
    expect(rows.find((r) => r.cycle === 2016)?.noticePublished).toBe(true);
    expect(rows.find((r) => r.cycle === 2017)?.noticePublished).toBe(false);
    const table = (await cli(['deadlines', '--on', '2016-10-01'])).stdout;
    expect(table).toMatch(/^2017 .*notice not yet out; /m);
  });
});
