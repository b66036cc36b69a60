// Citations: every shipped sample cites nothing after its date and, in filings, no mirror or tooling page;
// repeated citations use Id. and supra (in every version); source kinds and unusable addresses.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { FootnoteDefinition, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/compose/index.js';
import { applyShortForms, Citations, type CiteOrigin } from '../../src/compose/citations.js';
import { FILING_BRIEF_KINDS } from '../../src/compose/context.js';
import { documentVersions } from '../../src/compose/versions.js';
import { bci } from '../../src/compose/bci.js';
import { publicTree } from '../../src/compose/bci.js';
import { paragraph, text } from '../../src/compose/nodes.js';
import { smartQuotes } from '../../src/compose/smart-quotes.js';
import { loadBriefs, type LoadedBrief } from '../../src/load/briefs.js';
import { loadDataset, type Dataset } from '../../src/load/dataset.js';
import { surelyBefore } from '../../src/schema/partial-date.js';
import { FILING_KINDS, kindFromHost, SOURCE_KINDS, sourceKind, unusableUrl } from '../../src/schema/source-kind.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A copy of the sample project: a user's own brief in briefs/ does not change what is tested here. */
const SAMPLE = sampleProject('citations');
afterAll(() => rmSync(SAMPLE, { recursive: true, force: true }));

let dataset: Dataset;
let briefs: LoadedBrief[];
const composed = new Map<string, { roots: Root[]; diagnostics: Diagnostic[] }>();

beforeAll(async () => {
  const loaded = await loadDataset(path.join(SAMPLE, 'data'));
  dataset = loaded.dataset!;
  briefs = (await loadBriefs(path.join(SAMPLE, 'briefs'))).briefs;
  for (const brief of briefs) {
    const result = await composeBrief(brief, dataset, { templatesDir: path.join(SAMPLE, 'templates') });
    const document = result.document!;
    const versions = documentVersions(document, brief.brief, 'filer');
    composed.set(brief.brief.id, { roots: versions.map((v) => v.document.root), diagnostics: result.diagnostics });
  }
}, 60_000);

function citationNotes(root: Root): FootnoteDefinition[] {
  return root.children.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition');
}

describe('the shipped samples', () => {
  it('are all composed', () => {
    expect(briefs.length).toBeGreaterThanOrEqual(7);
    for (const brief of briefs) expect(composed.get(brief.brief.id)?.roots.length, brief.brief.id).toBeGreaterThan(0);
  });

  it('cite no source published after their own date, in any footnote of any version', () => {
    let checked = 0;
    for (const brief of briefs) {
      for (const root of composed.get(brief.brief.id)!.roots) {
        for (const note of citationNotes(root)) {
          const sources = note.data?.citation?.sources ?? [];
          expect(sources.length, `${brief.brief.id} footnote ${note.identifier} names its sources`).toBeGreaterThan(0);
          for (const { id } of sources) {
            const date = dataset.sources.get(id)?.date;
            checked++;
            if (date) expect(surelyBefore(brief.brief.date, date), `${brief.brief.id} footnote ${note.identifier} cites ${id} (${date})`).toBe(false);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('cite only government, filing, statement and press sources in filings', () => {
    for (const brief of briefs.filter((b) => FILING_BRIEF_KINDS.includes(b.brief.kind))) {
      for (const root of composed.get(brief.brief.id)!.roots) {
        for (const note of citationNotes(root)) {
          for (const { id } of note.data!.citation!.sources) {
            expect(FILING_KINDS, `${brief.brief.id} footnote ${note.identifier} cites ${id}`).toContain(sourceKind(dataset.sources.get(id)!));
          }
        }
      }
    }
  });

  it('give each source in full once per version; later citations are Id. or supra', () => {
    for (const brief of briefs) {
      for (const root of composed.get(brief.brief.id)!.roots) {
        const seen = new Map<string, string>();
        for (const note of citationNotes(root).sort((a, b) => Number(a.identifier) - Number(b.identifier))) {
          const words = toString(note);
          for (const { id } of note.data!.citation!.sources) {
            const url = dataset.sources.get(id)!.url;
            if (seen.has(id)) {
              expect(words, `${brief.brief.id} footnote ${note.identifier}: ${id} was given in full in note ${seen.get(id)}`).not.toContain(url);
              expect(words).toMatch(/^Id\.$|supra note \d+/);
            } else if (words !== 'Id.') {
              seen.set(id, note.identifier);
            }
          }
        }
      }
    }
  });

  it('report no anachronism when composed', () => {
    for (const brief of briefs) {
      const anachronisms = composed.get(brief.brief.id)!.diagnostics.filter((d) => d.ruleId === 'anachronism');
      expect(anachronisms, brief.brief.id).toEqual([]);
    }
  });
});

describe('Citations', () => {
  function citations(asOf: string, strict: boolean, reports: [CiteOrigin, string, string][]): Citations {
    return new Citations(dataset, { asOf, kinds: strict ? FILING_KINDS : SOURCE_KINDS, report: (origin, message, rule) => reports.push([origin, message, rule]) });
  }
  const later = 'cnbc-2016-12-21-taobao-back-on-list';
  const earlier = 'reuters-2012-12-13-us-drops-taobao-notorious';
  const mirror = 'wikimili-taobao';

  it('cites the earlier source and leaves the later one out, silently', () => {
    const reports: [CiteOrigin, string, string][] = [];
    const c = citations('2015-10-05', true, reports);
    expect(c.citeFact([later, earlier], ['x'], 'a fact')).toBeDefined();
    expect(c.all()[0]!.data!.citation!.sources.map((s) => s.id)).toEqual([earlier]);
    expect(reports).toEqual([]);
  });

  it('leaves a fact out and reports the source date at the origin when only later sources support it', () => {
    const reports: [CiteOrigin, string, string][] = [];
    const c = citations('2015-10-05', false, reports);
    expect(c.citeFact([later], ['nominations', 0, 'market'], 'the fact')).toBeUndefined();
    expect(c.all()).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]![0]).toEqual(['nominations', 0, 'market']);
    expect(reports[0]![1]).toContain('2016-12-21');
    expect(reports[0]![2]).toBe('anachronism');
  });

  it('cites only the kinds a brief picks (`source_kinds`)', () => {
    const reports: [CiteOrigin, string, string][] = [];
    const onlyGovernment = new Citations(dataset, { asOf: '2026-01-01', kinds: ['government'], report: (origin, message, rule) => reports.push([origin, message, rule]) });
    expect(onlyGovernment.citeFact([earlier], ['x'], 'a press fact')).toBeUndefined();
    expect(reports[0]![1]).toContain('press: not cited in this document');
    expect(onlyGovernment.citeFact(['ustr-2011-02-28-nml-results-press-release'], ['x'], 'a government fact')).toBeDefined();
  });

  it('keeps mirrors out of filings but cites them, flagged, in other documents', () => {
    const reports: [CiteOrigin, string, string][] = [];
    expect(citations('2026-01-01', true, reports).citeFact([mirror], ['x'], 'a description')).toBeUndefined();
    expect(reports[0]![2]).toBe('weak-source');
    const open = citations('2026-01-01', false, []);
    expect(open.citeFact([mirror], ['x'], 'a description')).toBeDefined();
    expect(toString(open.all()[0]!)).toContain('(mirror copy)');
  });
});

describe('short forms', () => {
  const a = 'reuters-2012-12-13-us-drops-taobao-notorious';
  const b = 'cnbc-2016-12-21-taobao-back-on-list';

  function document(...cited: (string[] | { bci: string[] })[]): Root {
    const c = new Citations(dataset);
    const body = cited.map((ids) => (Array.isArray(ids) ? paragraph(text('fact'), c.cite(ids)) : paragraph(bci([text('secret'), c.cite(ids.bci)]))));
    return { type: 'root', children: [...body, ...c.all()] };
  }
  const notes = (root: Root): string[] => citationNotes(root).map((n) => toString(n));

  it('writes Id. for the same single source as the footnote before, supra for one given earlier', () => {
    const root = document([a], [a], [b], [a], [a, b], [b]);
    applyShortForms(root);
    const words = notes(root);
    expect(words[0]).toContain('Reuters, “U.S. drops');
    expect(words[1]).toBe('Id.');
    expect(words[2]).toContain('CNBC');
    expect(words[3]).toBe('Reuters, supra note 1.');
    expect(words[4]).toBe('Reuters, supra note 1; CNBC, supra note 3.');
    // Id. never refers back across a footnote citing more than one source.
    expect(words[5]).toBe('CNBC, supra note 3.');
  });

  it('numbers supra by the public version’s own footnotes once BCI footnotes are gone', () => {
    const root = document({ bci: [b] }, [a], [b], [b]);
    applyShortForms(root);
    expect(notes(root)[2]).toBe('CNBC, supra note 1.');
    const pub = publicTree(root);
    applyShortForms(pub);
    expect(notes(pub)).toHaveLength(3);
    expect(notes(pub)[1]).toContain('CNBC, “');
    expect(notes(pub)[2]).toBe('Id.');
  });
});

describe('source kinds and addresses', () => {
  it('defaults kinds from the host where clear', () => {
    expect(kindFromHost('https://ustr.gov/about-us')).toBe('government');
    expect(kindFromHost('https://www.federalregister.gov/d/2016-20325')).toBe('government');
    expect(kindFromHost('https://www.mti.gov.sg/x')).toBe('government');
    expect(kindFromHost('https://en.wikipedia.org/wiki/Taobao')).toBe('secondary');
    expect(kindFromHost('https://raw.githubusercontent.com/a/b')).toBe('reference');
    expect(kindFromHost('https://pypi.org/project/x')).toBe('reference');
    expect(kindFromHost('https://www.reuters.com/x')).toBeUndefined();
    expect(sourceKind({ url: 'https://www.reuters.com/x' })).toBe('press');
    expect(sourceKind({ url: 'https://www.reuters.com/x', mirror: true })).toBe('secondary');
    expect(sourceKind({ url: 'https://regulations.gov/x', kind: 'filing' })).toBe('filing');
  });

  it('rejects session parameters and cut-off addresses', () => {
    expect(unusableUrl('http://stage.internationaltradetoday.com/category/31?BC=bc_6766ad8ce2a61&p=94&search_id=401')).toMatch(/`BC=`/);
    expect(unusableUrl('https://example.com/a?PHPSESSID=abc')).toMatch(/PHPSESSID/);
    expect(unusableUrl('https://example.com/a;jsessionid=123')).toMatch(/session id/);
    expect(unusableUrl('https://studylib.net/doc/1/prospekt...')).toMatch(/cut off/);
    expect(unusableUrl('https://example.com/page?p=495487')).toBeUndefined();
    expect(unusableUrl('https://www.reuters.com/article/x')).toBeUndefined();
  });

  it('every source in data/ has a usable address and a kind that fits its host', () => {
    for (const source of dataset.sources.values()) {
      expect(unusableUrl(source.url), source.id).toBeUndefined();
      const implied = kindFromHost(source.url);
      if (implied === 'secondary' || implied === 'reference') expect(sourceKind(source), source.id).toBe(implied);
    }
  });
});

describe('smart quotes', () => {
  const run = (...values: string[]): string[] => {
    const root: Root = { type: 'root', children: [paragraph(...values.map((v) => text(v)))] };
    smartQuotes(root);
    const para = root.children[0] as { children: { value: string }[] };
    return para.children.map((c) => c.value);
  };

  it('curls straight quotes and alternates them inside a quotation, across text nodes', () => {
    expect(run('no established "best practices" here')).toEqual(['no established “best practices” here']);
    expect(run('“…no established "best practices"…”')).toEqual(['“…no established ‘best practices’…”']);
    expect(run('“U.S. drops China\'s Taobao website from "notorious" list”')).toEqual(['“U.S. drops China’s Taobao website from ‘notorious’ list”']);
    expect(run('USTR: “', 'AAFA calls it "slow"', '”.')).toEqual(['USTR: “', 'AAFA calls it ‘slow’', '”.']);
    expect(run('as “Notorious”” title', '')).toEqual(['as “Notorious”” title', '']);
    expect(run('Alibaba’s Taobao as “Notorious”', '')[0]).toBe('Alibaba’s Taobao as “Notorious”');
    expect(run('“Re-Listing of Alibaba’s Taobao as “Notorious””')).toEqual(['“Re-Listing of Alibaba’s Taobao as ‘Notorious’”']);
    expect(run("it's 'notable efforts' now")).toEqual(['it’s ‘notable efforts’ now']);
  });

  it('lets a run without quotation marks decide whether the next run opens or closes a quote', () => {
    // The run before ends in a space or a bracket: the quote opens; in a letter or an emoji: it closes.
    expect(run('say ', '"hi"')).toEqual(['say ', '“hi”']);
    expect(run('say', '"hi"')).toEqual(['say', '”hi”']);
    expect(run('(', "'quoted'")).toEqual(['(', '‘quoted’']);
    expect(run('\u{1F600}', "'s")).toEqual(['\u{1F600}', '’s']);
    expect(run('“one', ' two', ' "three"', '”')).toEqual(['“one', ' two', ' ‘three’', '”']);
  });

  it('leaves code and addresses alone, and gives the same result when run twice', () => {
    const root: Root = {
      type: 'root',
      children: [paragraph(text('say "hi" to '), { type: 'inlineCode', value: 'x = "y"' }, text(' at '), { type: 'link', url: "https://e.com/a'b", children: [text("https://e.com/a'b")] })],
    };
    smartQuotes(root);
    const once = JSON.stringify(root);
    expect(once).toContain('say “hi” to ');
    expect(once).toContain('x = \\"y\\"');
    expect(once).toContain("https://e.com/a'b\"}]");
    smartQuotes(root);
    expect(JSON.stringify(root)).toBe(once);
  });
});
