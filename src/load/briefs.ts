// Loads brief specs (briefs/*.yaml): parsed with positions, validated, id matched to the file name.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, displayPath, type Diagnostic } from '../diagnostics/index.js';
import type { BriefSource } from '../model/dataset.js';
import { briefSchema } from '../kinds/index.js';
import { readYamlFile } from './dataset.js';
import { placeOf, readYaml, type YamlFile } from './yaml-file.js';
import { validateWithPositions } from './zod-issues.js';

/** A validated brief spec and the YAML file it came from (later stages see it as a `BriefSource`). */
export interface LoadedBrief extends BriefSource {
  file: YamlFile;
}

/** TODO markers reported per brief; the rest are summed up in the last message. */
const MAX_TODO_MESSAGES = 10;

/** A warning at every `TODO:` marker left in a spec (`docketpress new` writes them where a person must write). */
function todoWarnings(name: string, text: string): Diagnostic[] {
  const places: Array<{ line: number; column: number; inComment: boolean }> = [];
  text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(/\bTODO:/g)) places.push({ line: i + 1, column: match.index + 1, inComment: /(^|\s)#/.test(line.slice(0, match.index)) });
  });
  return places.slice(0, MAX_TODO_MESSAGES).map(({ inComment, ...place }, i) => {
    const more = i === MAX_TODO_MESSAGES - 1 && places.length > MAX_TODO_MESSAGES ? ` (${places.length - MAX_TODO_MESSAGES} more below)` : '';
    const what = inComment ? 'do what it asks, then delete the marker' : 'write what it asks for, then delete the marker — as it stands it would be printed in the filing';
    return diagnostic(name, place, 'warning', `a TODO is left here${more}: ${what}`, 'todo-left');
  });
}

/** Validates one brief spec's text. */
export function readBriefText(name: string, absolutePath: string, text: string): { loaded?: LoadedBrief; diagnostics: Diagnostic[] } {
  const parsed = readYaml(name, text);
  if (!('value' in parsed) || parsed.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: parsed.diagnostics };
  const result = validateWithPositions(briefSchema, parsed.value, parsed.file, []);
  const diagnostics = [...parsed.diagnostics, ...result.diagnostics, ...todoWarnings(name, parsed.file.source)];
  if (!result.data) return { diagnostics };
  const expected = path.basename(absolutePath).replace(/\.ya?ml$/, '');
  if (result.data.id !== expected) {
    diagnostics.push(diagnostic(name, placeOf(parsed.file, ['id']), 'error', `the id \`${result.data.id}\` does not match the file name \`${expected}\`: rename the file or change the id`, 'id-file-mismatch'));
    return { diagnostics };
  }
  return { loaded: { brief: result.data, file: parsed.file, path: absolutePath }, diagnostics };
}

/** Loads every brief spec of a folder (sorted by file name). A missing folder holds no briefs. */
export async function loadBriefs(dir: string, options: { cwd?: string } = {}): Promise<{ briefs: LoadedBrief[]; invalid: string[]; diagnostics: Diagnostic[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { briefs: [], invalid: [], diagnostics: [] };
    // A file, a device or an unreadable folder where the briefs should be: a message, not a crash.
    return { briefs: [], invalid: [], diagnostics: [diagnostic(displayPath(dir, options.cwd), undefined, 'error', `cannot read the briefs folder (${code ?? String(error)}): pass \`--briefs DIR\` with the folder that holds the brief specs`, 'file-unreadable')] };
  }
  const briefs: LoadedBrief[] = [];
  const invalid: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const absolute = path.join(dir, name);
    const shown = displayPath(absolute, options.cwd);
    const read = readYamlFile(absolute, shown, 'a brief spec is a page or two of YAML: is this the right file?');
    const result = read.problem ? { diagnostics: [read.problem] } : readBriefText(shown, absolute, read.text);
    diagnostics.push(...result.diagnostics);
    if (result.loaded) briefs.push(result.loaded);
    else invalid.push(name.replace(/\.ya?ml$/, ''));
  }
  return { briefs, invalid, diagnostics };
}
