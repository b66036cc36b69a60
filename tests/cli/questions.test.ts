// The journalist's questions, end to end through the real command line against the embedded data:
// stakeholders and operators as subjects, edition rosters, coverage, next deadline, chronology by date precision,
// status changes that claim nothing across gaps, complete JSON, RFC 4180 CSV, and exit codes.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes): the test's own, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
    else (field += c), i++;
  }
  if (field !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

interface Entry {
  date: string;
  kind: string;
  markets: string[];
  summary: string;
  sources: string[];
  precision: string;
  event: string | null;
  position: string | null;
  stakeholder: string | null;
  stance: string | null;
  confidence: string;
  quotes: { text: string; speaker: string | null; speakerName: string | null; date: string | null; confidential: boolean; sources: string[] }[];
}

async function json<T>(argv: string[]): Promise<T> {
  const result = await cli([...argv, '--json']);
  expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('a stakeholder or an operator as the subject', () => {
  it('timeline aafa: what AAFA said and when, each act once, with its quotes and sources', async () => {
    const text = await cli(['timeline', 'aafa']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^October 7, 2016\s+position\s+American Apparel & Footwear Association asked USTR to relist Taobao/m);
    expect(text.stdout).toContain('“Our members who engage in constant monitoring');

    const entries = await json<Entry[]>(['timeline', 'aafa']);
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) expect(entry.stakeholder === 'aafa' || entry.kind === 'event', entry.summary).toBe(true);
    // The October 7, 2016 submission is an event and a position of the same act: one entry citing both.
    const filing = entries.filter((e) => e.date === '2016-10-07');
    expect(filing).toHaveLength(1);
    expect(filing[0]).toMatchObject({ kind: 'position', position: 'aafa-2016-alibaba-taobao-relist', event: 'aafa-2016-10-07-submission', stance: 'relist', confidence: 'verified' });
    expect(filing[0]!.sources).toEqual(expect.arrayContaining(['itt-2016-10-11-aafa-add-taobao']));
    for (const quote of filing[0]!.quotes) {
      expect(quote.text.length).toBeGreaterThan(10);
      expect(quote.sources.length).toBeGreaterThan(0);
      expect(quote.speakerName).toBeTruthy();
    }
    expect(filing[0]!.quotes.some((q) => q.speaker === 'stephen-lamar')).toBe(true);
  });

  it('status amazon: every market of the operator', async () => {
    const text = await cli(['status', 'amazon']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/operates 7 market\(s\)/);
    for (const name of ['Amazon.ca', 'Amazon.co.uk', 'Amazon.de', 'Amazon.es', 'Amazon.fr', 'Amazon.in', 'Amazon.it']) expect(text.stdout).toContain(`\n${name} — `);

    const answer = await json<{ operator: string; markets: { market: string; operator: string; editions: { edition: string; listed: boolean | null }[] }[] }>(['status', 'amazon']);
    expect(answer.operator).toBe('amazon');
    expect(answer.markets.map((m) => m.market)).toEqual(['amazon-ca', 'amazon-co-uk', 'amazon-de', 'amazon-es', 'amazon-fr', 'amazon-in', 'amazon-it']);
    for (const market of answer.markets) expect(market.operator).toBe('amazon');
    // USTR's 2019 review named five Amazon domains.
    const listed2019 = answer.markets.filter((m) => m.editions.find((e) => e.edition === '2019')?.listed === true).map((m) => m.market);
    expect(listed2019).toEqual(['amazon-ca', 'amazon-co-uk', 'amazon-de', 'amazon-fr', 'amazon-in']);
  });

  it('positions aafa --market taobao: only AAFA’s positions about Taobao', async () => {
    const answer = await json<{ subjectKind: string; positions: { stakeholder: string; markets: string[]; quotes: unknown[] }[] }>(['positions', 'aafa', '--market', 'taobao']);
    expect(answer.subjectKind).toBe('stakeholder');
    expect(answer.positions.length).toBeGreaterThan(2);
    for (const p of answer.positions) {
      expect(p.stakeholder).toBe('aafa');
      expect(p.markets).toContain('taobao');
    }
  });

  it('did-you-mean looks across markets, stakeholders, operators and editions and names the kind', async () => {
    const operator = await cli(['timeline', 'amazn']);
    expect(operator.code).toBe(2);
    expect(operator.stderr).toContain('did you mean `amazon`? — an operator');
    const stakeholder = await cli(['positions', 'aafx']);
    expect(stakeholder.code).toBe(2);
    expect(stakeholder.stderr).toContain('did you mean `aafa`? — a stakeholder');
    const edition = await cli(['status', '2024']);
    expect(edition.code).toBe(2);
    expect(edition.stderr).toContain('`2024`? — an edition');
    const notOperator = await cli(['status', 'aafa']);
    expect(notOperator.code).toBe(2);
    expect(notOperator.stderr).toContain('docketpress timeline aafa');
  });
});

describe('an edition’s roster and the coverage map', () => {
  it('list 2024 --country CN --json: the Chinese markets the data knows, and how partial that is', async () => {
    const roster = await json<{
      edition: string;
      filter: { country: string };
      listed: { market: string; country: string; sources: string[] }[];
      notListed: { market: string }[];
      noRecord: { market: string }[];
      totals: { markets: number; listed: number; notListed: number; noRecord: number };
      complete: boolean;
    }>(['list', '2024', '--country', 'cn']);
    expect(roster.edition).toBe('2024');
    expect(roster.filter.country).toBe('CN');
    const listed = roster.listed.map((r) => r.market);
    expect(listed).toEqual(expect.arrayContaining(['taobao', 'pinduoduo', 'douyin-mall', 'dhgate', 'baidu-wangpan']));
    expect(listed).not.toContain('shopee');
    for (const row of roster.listed) {
      expect(row.country).toBe('CN');
      expect(row.sources.length).toBeGreaterThan(0);
    }
    expect(roster.notListed.map((r) => r.market)).toContain('wechat-ecommerce');
    expect(roster.totals.markets).toBe(roster.totals.listed + roster.totals.notListed + roster.totals.noRecord);
    expect(roster.totals.noRecord).toBe(roster.noRecord.length);
    expect(roster.complete).toBe(roster.noRecord.length === 0);

    const text = await cli(['list', '2024', '--country', 'CN']);
    if (!roster.complete) expect(text.stdout).toMatch(/PARTIAL: \d+ market\(s\) have no record/);
  });

  it('list --operator keeps that operator’s markets; an unknown edition, year or operator exits 2 with a suggestion', async () => {
    const roster = await json<{ listed: { operator: string }[]; notListed: { operator: string }[]; noRecord: { operator: string }[] }>(['list', '2021', '--operator', 'amazon']);
    const all = [...roster.listed, ...roster.notListed, ...roster.noRecord];
    expect(all).toHaveLength(7);
    for (const row of all) expect(row.operator).toBe('amazon');
    for (const [argv, hint] of [
      [['list', '2030'], 'did you mean'],
      [['list', '2024', '--operator', 'amazn'], 'did you mean `amazon`?'],
      [['list', '2024', '--country', 'China'], 'two-letter'],
      [['status', 'taobao', '--year', '2030'], 'did you mean `2025`?'],
    ] as const) {
      const result = await cli([...argv]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(hint);
      expect(result.stdout).toBe('');
    }
  });

  it('coverage --csv: RFC 4180, one row per market and one column per edition, with totals', async () => {
    const result = await cli(['coverage', '--csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFF')).toBe(false);
    const rows = parseCsv(result.stdout);
    const [header, ...body] = rows as [string[], ...string[][]];
    expect(header.slice(0, 2)).toEqual(['market', 'name']);
    expect(header).toContain('s301-2006');
    expect(header).toContain('2024');
    for (const row of rows) expect(row).toHaveLength(header.length);
    const markets = body.filter((r) => !r[0]!.startsWith('total '));
    const coverageJson = JSON.parse((await cli(['coverage', '--json'])).stdout) as { markets: unknown[] };
    expect(markets.length).toBe(coverageJson.markets.length);
    expect(markets.length).toBeGreaterThanOrEqual(27);
    const taobao = markets.find((r) => r[0] === 'taobao')!;
    expect(taobao[header.indexOf('2012')]).toBe('not listed');
    expect(taobao[header.indexOf('2016')]).toBe('listed');
    // Every cell says what `status` says for that edition.
    const status = JSON.parse((await cli(['status', 'taobao', '--json'])).stdout) as { editions: { edition: string; listed: boolean | null; confidence: string | null }[] };
    for (const row of status.editions) {
      const word = row.listed === null ? 'no record' : row.listed ? 'listed' : 'not listed';
      expect(taobao[header.indexOf(row.edition)], row.edition).toBe(`${word}${row.confidence === 'unverified' ? ' (unverified)' : ''}`);
    }
    expect(status.editions.some((r) => r.confidence === 'unverified')).toBe(true);
    // The totals row counts what the market rows say.
    const noRecord = body.find((r) => r[0] === 'total no record')!;
    const column = header.indexOf('2016');
    expect(Number(noRecord[column])).toBe(markets.filter((r) => r[column] === 'no record').length);
    const json = JSON.parse((await cli(['coverage', '--json'])).stdout) as { totals: { cells: number; noRecord: number } };
    expect(Number(noRecord[header.indexOf('no_record')])).toBe(json.totals.noRecord);

    const bom = await cli(['coverage', '--csv', '--bom']);
    expect(bom.stdout.startsWith('\uFEFFmarket,name,')).toBe(true);
    expect((await cli(['coverage', '--csv', '--json'])).code).toBe(2);
  });

  it('timeline --csv quotes the fields that need it (commas, quotes, line breaks)', async () => {
    const rows = parseCsv((await cli(['timeline', 'taobao', '--csv'])).stdout);
    const [header, ...body] = rows as [string[], ...string[][]];
    expect(header.slice(0, 3)).toEqual(['date', 'precision', 'kind']);
    const quotes = body.map((r) => r[header.indexOf('quotes')]!).filter((q) => q.includes('\n'));
    expect(quotes.length).toBeGreaterThan(0);
    expect(body.some((r) => r[header.indexOf('summary')]!.includes(','))).toBe(true);
  });
});

describe('deadlines --next', () => {
  it('--on 2016-10-01: the 2016 comment deadline, seven days left', async () => {
    const text = await cli(['deadlines', '--next', '--on', '2016-10-01']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('next deadline: comments in the 2016 review (docket USTR-2016-0013), Fri Oct 7, 2016 11:59 p.m. EDT — 7 days left (5 business days)');
    const next = await json<{ cycle: number; kind: string; date: string; calendarDaysLeft: number; closed: boolean }>(['deadlines', '--next', '--on', '2016-10-01']);
    expect(next).toMatchObject({ cycle: 2016, kind: 'comment', date: '2016-10-07', calendarDaysLeft: 7, closed: false });
    const after = await json<{ date: string } | null>(['deadlines', '--next', '--on', '2016-10-08']);
    expect(after === null || after.date > '2016-10-07').toBe(true);
  });
});

describe('chronology by date precision', () => {
  it('a month-only entry follows the day-dated one it reacts to, shown as “October 2016”', async () => {
    const entries = await json<Entry[]>(['timeline', 'taobao', '--from', '2016', '--to', '2016']);
    const at = (predicate: (e: Entry) => boolean): number => entries.findIndex(predicate);
    const aafaFiling = at((e) => e.position === 'aafa-2016-alibaba-taobao-relist');
    const evansAnswer = at((e) => e.event === 'alibaba-2016-10-evans-statement');
    expect(aafaFiling).toBeGreaterThanOrEqual(0);
    expect(evansAnswer).toBeGreaterThan(aafaFiling);
    expect(entries[evansAnswer]!.precision).toBe('month');
    const relisting = at((e) => e.kind === 'edition' && e.date === '2016-12-21');
    const zhangEmail = at((e) => e.event === 'alibaba-2016-12-zhang-email');
    expect(zhangEmail).toBeGreaterThan(relisting);

    const text = (await cli(['timeline', 'taobao', '--from', '2016', '--to', '2016'])).stdout;
    const lines = text.split('\n');
    const filingLine = lines.findIndex((l) => l.startsWith('October 7, 2016') && l.includes('American Apparel'));
    const answerLine = lines.findIndex((l) => /^October 2016\s+event\s+Alibaba President Michael Evans answered the AAFA filing/.test(l));
    expect(filingLine).toBeGreaterThanOrEqual(0);
    expect(answerLine).toBeGreaterThan(filingLine);
  });

  it('an event and a position recording the same act appear once', async () => {
    const entries = await json<Entry[]>(['timeline', 'taobao']);
    const events = entries.map((e) => e.event).filter(Boolean);
    expect(new Set(events).size).toBe(events.length);
    expect(entries.filter((e) => e.date === '2015-04-08')).toHaveLength(1);
  });
});

describe('status changes claim nothing the record cannot support', () => {
  it('the first recorded row is not “added”, and no change is claimed across a gap', async () => {
    const taobao = await json<{ editions: { edition: string; listed: boolean | null; change: string | null; previousRecord: unknown }[] }>(['status', 'taobao']);
    const first = taobao.editions.find((r) => r.listed !== null)!;
    expect(first).toMatchObject({ change: 'first-recorded', previousRecord: null });
    const vk = await json<{ editions: { edition: string; listed: boolean | null; change: string | null; previousRecord: { edition: string } | null }[] }>(['status', 'vk']);
    const gap = vk.editions.find((r) => r.change === 'after-gap');
    expect(gap?.previousRecord).not.toBeNull();

    for (const market of ['taobao', 'vk', 'aliexpress', 'amazon-de', 'baidu', 'tmall', 'shopee']) {
      const rows = (await json<{ editions: { listed: boolean | null; change: string | null }[] }>(['status', market])).editions;
      rows.forEach((row, i) => {
        if (row.listed === null) expect(row.change).toBeNull();
        if (['added', 'removed', 'retained', 'absent'].includes(row.change ?? '')) expect(rows[i - 1]?.listed, `${market} row ${i}`).not.toBeNull();
        if (row.change === 'first-recorded') expect(rows.slice(0, i).every((r) => r.listed === null)).toBe(true);
      });
    }
  });
});

describe('a schema for every JSON answer', () => {
  it('each --json answer parses with its (strict) schema, and the shipped JSON Schema files are current', async () => {
    const { ANSWER_SCHEMAS } = await import('../../src/schema/answers.js');
    const { answerJsonSchemas } = await import('../../src/schema/json-schema.js');
    const cases: [keyof typeof ANSWER_SCHEMAS, string[]][] = [
      ['status', ['status', 'taobao']],
      ['status', ['status', 'alibaba-group']],
      ['list', ['list', '2016']],
      ['coverage', ['coverage']],
      ['diff', ['diff', '2020', '2021']],
      ['timeline', ['timeline', 'taobao', 'aafa']],
      ['positions', ['positions', 'alibaba-group']],
      ['deadlines', ['deadlines', '--on', '2016-10-01']],
      ['deadlines-next', ['deadlines', '--next', '--on', '2016-10-01']],
    ];
    for (const [name, argv] of cases) {
      const answer = await json<unknown>(argv);
      const parsed = ANSWER_SCHEMAS[name].safeParse(answer);
      expect(parsed.success, `${argv.join(' ')}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
    const { readFileSync } = await import('node:fs');
    for (const [file, schema] of Object.entries(answerJsonSchemas())) {
      const shipped = JSON.parse(readFileSync(new URL(`../../data/schema/answers/${file}`, import.meta.url), 'utf8')) as unknown;
      expect(shipped, `data/schema/answers/${file} is stale: run \`docketpress schema --answers\``).toEqual(schema);
    }
  });
});
