// Property: a careless edit of the real data (delete a line, swap a value's type, break the indentation,
// duplicate an id, cut the file, insert a tab) never crashes the loader and always ends in positioned messages
// that lie inside the file; edits that must break the data always give at least one error (exit 1).
// The mutated file is loaded in memory with the rest of the real data (buildDataset); a handful of mutations
// also go through the whole command line (runCli, in-process) on a copy of the data folder.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/index.js';
import { readDataTexts, type DataText } from '../../src/load/dataset.js';
import { buildDataset } from '../../src/load/validate.js';
import { cli } from '../helpers/cli.js';
import { MESSAGE_LINE, messagesOf, placeProblems, ROOT, scratchDir } from './helpers.js';

const DATA = path.join(ROOT, 'data');
const texts: DataText[] = await readDataTexts(DATA, ROOT);
const scratch = scratchDir('mutations');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What the real YAML of a file offers to mutate: lines of keys with one-line values, id lines, flow brackets. */
interface Anatomy {
  lines: string[];
  /** 0-based lines holding `key: value` with the value on the same line (scalar or flow collection). */
  keyValueLines: number[];
  /** 0-based lines holding an entity's `id:` (or a docket's `cycle:`), with the entity's id. */
  idLines: { line: number; id: string; list: boolean }[];
  /** 0-based lines of keys indented by at least one space that are not the first key after `- `. */
  indentedKeyLines: number[];
  /** Offsets strictly inside a one-line flow collection `[...]`. */
  flowOffsets: number[];
}

function anatomy(text: string): Anatomy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lines = text.split('\n');
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line - 1;
  const keyValueLines = new Set<number>();
  const indentedKeyLines = new Set<number>();
  const idLines: Anatomy['idLines'] = [];
  const flowOffsets: number[] = [];
  const walk = (node: unknown, depth: number, inList: boolean): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        const line = lineOf(pair.key.range[0]);
        const value = pair.value as Node | null;
        const sameLine = value?.range && lineOf(value.range[0]) === line && lineOf(value.range[1] - 1) === line;
        if (sameLine && (isScalar(value) ? value.type === 'PLAIN' || value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' : (value as { flow?: boolean }).flow)) keyValueLines.add(line);
        if (/^ +[a-z_]+:/.test(lines[line] ?? '')) indentedKeyLines.add(line);
        const key = String(pair.key.value);
        if ((key === 'id' || key === 'cycle') && sameLine && depth <= 2) idLines.push({ line, id: String((value as { value?: unknown }).value), list: inList });
        if (isSeq(value) && value.flow && value.range && sameLine) for (let o = value.range[0] + 1; o < value.range[1] - 1; o++) flowOffsets.push(o);
        walk(value, depth + 1, false);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1, true);
    }
  };
  walk(doc.contents, 0, false);
  return { lines, keyValueLines: [...keyValueLines], idLines, indentedKeyLines: [...indentedKeyLines], flowOffsets };
}

const anatomies = texts.map((t) => anatomy(t.text));

interface Mutation {
  name: string;
  /** True when the edit always breaks the data (so an error is required). */
  mustFail: boolean;
  apply: (text: string, a: Anatomy, pick: number, fileIndex: number) => string | undefined;
}

const pickFrom = <T,>(list: readonly T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);
const withLines = (a: Anatomy, change: (lines: string[]) => void): string => {
  const lines = [...a.lines];
  change(lines);
  return lines.join('\n');
};

const MUTATIONS: Mutation[] = [
  {
    name: 'delete an id line',
    mustFail: true,
    apply: (_t, a, pick) => {
      const target = pickFrom(a.idLines, pick);
      return target && withLines(a, (lines) => lines.splice(target.line, 1));
    },
  },
  {
    name: "swap a value's type",
    mustFail: true,
    apply: (_t, a, pick) => {
      const line = pickFrom(a.keyValueLines, pick);
      return line === undefined ? undefined : withLines(a, (lines) => (lines[line] = lines[line]!.replace(/^(\s*(?:- )?[a-z_]+:)\s.*$/, '$1 { swapped: [1, 2] }')));
    },
  },
  {
    name: 'break the indentation',
    mustFail: true,
    apply: (_t, a, pick) => {
      const line = pickFrom(a.indentedKeyLines, pick);
      return line === undefined ? undefined : withLines(a, (lines) => (lines[line] = lines[line]!.slice(1)));
    },
  },
  {
    name: 'duplicate an id',
    mustFail: true,
    apply: (_t, a, pick, fileIndex) => {
      const target = pickFrom(a.idLines, pick);
      if (!target) return undefined;
      // In a list file, another item's id; in a one-entity file, the id of another file of the same folder.
      const others = target.list
        ? a.idLines.filter((l) => l.list && l.id !== target.id).map((l) => l.id)
        : anatomies.flatMap((b, i) => (i !== fileIndex && path.posix.dirname(texts[i]!.relativePath) === path.posix.dirname(texts[fileIndex]!.relativePath) ? b.idLines.filter((l) => !l.list).map((l) => l.id) : []));
      const other = pickFrom(others, pick);
      return other === undefined ? undefined : withLines(a, (lines) => (lines[target.line] = lines[target.line]!.replace(/(id|cycle): .*$/, `$1: ${/^\d+$/.test(other) ? other : JSON.stringify(other)}`)));
    },
  },
  {
    name: 'cut the file inside a [...] list',
    mustFail: true,
    apply: (text, a, pick) => {
      const offset = pickFrom(a.flowOffsets, pick);
      return offset === undefined ? undefined : text.slice(0, offset);
    },
  },
  {
    name: 'insert a tab before an indented key',
    mustFail: true,
    apply: (_t, a, pick) => {
      const line = pickFrom(a.indentedKeyLines, pick);
      return line === undefined ? undefined : withLines(a, (lines) => (lines[line] = `\t${lines[line]}`));
    },
  },
  {
    name: 'cut the file at any byte',
    mustFail: false,
    apply: (text, _a, pick) => text.slice(0, pick % (text.length + 1)),
  },
  {
    name: 'delete any line',
    mustFail: false,
    apply: (_t, a, pick) => withLines(a, (lines) => lines.splice(pick % lines.length, 1)),
  },
  {
    name: 'insert a tab anywhere',
    mustFail: false,
    apply: (text, _a, pick) => {
      const at = pick % (text.length + 1);
      return `${text.slice(0, at)}\t${text.slice(at)}`;
    },
  },
];

/** Checks one loader run: nothing thrown, every message one line, inside its file, and errors when required. */
function judge(diagnostics: readonly Diagnostic[], mutatedName: string, mutated: string, mustFail: boolean): string[] {
  const problems: string[] = [];
  const files = new Map(texts.map((t) => [t.name, t.text]));
  files.set(mutatedName, mutated);
  const lines = diagnostics.map(formatDiagnostic);
  for (const line of lines) if (!MESSAGE_LINE.test(line)) problems.push(`not a one-line positioned message: ${JSON.stringify(line)}`);
  problems.push(...placeProblems(lines, ROOT, files));
  if (mustFail && !diagnostics.some((d) => d.severity === 'error')) problems.push('no error for an edit that breaks the data');
  return problems;
}

describe('mutations of the real data', () => {
  it('end in positioned messages, never an exception (fixed seed, 120 runs)', () => {
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(MUTATIONS.length - 1), fc.nat(1_000_000), (fileIndex, mutationIndex, pick) => {
        const original = texts[fileIndex]!;
        const mutation = MUTATIONS[mutationIndex]!;
        const mutated = mutation.apply(original.text, anatomies[fileIndex]!, pick, fileIndex);
        fc.pre(mutated !== undefined && mutated !== original.text);
        const changed = texts.map((t, i) => (i === fileIndex ? { ...t, text: mutated! } : t));
        let diagnostics: Diagnostic[];
        try {
          diagnostics = buildDataset(changed).diagnostics;
        } catch (error) {
          throw new Error(`${mutation.name} in ${original.name} threw: ${(error as Error).stack}`);
        }
        const problems = judge(diagnostics, original.name, mutated!, mutation.mustFail);
        if (problems.length) throw new Error(`${mutation.name} in ${original.name}:\n${problems.join('\n')}\n--- mutated text ---\n${mutated!.slice(0, 2000)}`);
      }),
      { seed: 20_161_007, numRuns: 120, endOnFailure: true },
    );
  }, 90_000);

  it('give exit 1 and positioned messages through the command line', async () => {
    // One must-fail mutation of each kind, each on a copy of the data folder, checked by `docketpress check`.
    const runs = MUTATIONS.filter((m) => m.mustFail).map((mutation, n) => {
      const fileIndex = texts.findIndex((t, i) => t.relativePath === ['positions.yaml', 'markets/taobao.yaml', 'events.yaml', 'sources/list.yaml', 'editions.yaml', 'dockets.yaml'][n] && mutation.apply(t.text, anatomies[i]!, 7, i) !== undefined);
      return { mutation, fileIndex: fileIndex >= 0 ? fileIndex : texts.findIndex((t, i) => mutation.apply(t.text, anatomies[i]!, 7, i) !== undefined) };
    });
    for (const { mutation, fileIndex } of runs) {
      const original = texts[fileIndex]!;
      const dir = path.join(scratch, mutation.name.replace(/\W+/g, '-'));
      cpSync(DATA, path.join(dir, 'data'), { recursive: true });
      writeFileSync(path.join(dir, 'data', original.relativePath), mutation.apply(original.text, anatomies[fileIndex]!, 7, fileIndex)!);
      mkdirSync(path.join(dir, 'no-briefs'), { recursive: true }); // an empty briefs folder: only the data is checked
      const result = await cli(['check', '--data', 'data', '--briefs', 'no-briefs'], dir);
      const { messages, strays } = messagesOf(`${result.stdout}\n${result.stderr}`);
      expect(strays, mutation.name).toEqual([]);
      expect(result.code, `${mutation.name}: ${result.stdout}${result.stderr}`).toBe(1);
      expect(messages.some((m) => m.includes(': error ')), mutation.name).toBe(true);
      expect(placeProblems(messages, dir), mutation.name).toEqual([]);
    }
  }, 60_000);
});
