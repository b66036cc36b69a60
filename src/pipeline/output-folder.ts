// One brief's output folder: a manifest of the files docketpress wrote there, removal of what an earlier build
// left that this one does not write, and refusal of an out/<id> that is a symbolic link leading out of --out.
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { versionStem } from '../compose/versions.js';
import type { Brief } from '../schema/index.js';
import { writeFileAtomic } from '../render/write.js';
import { FORMATS } from '../render/formats/index.js';

/** The manifest in each out/<id>/: the names of the files the last build of that brief wrote. */
export const MANIFEST = '.docketpress-files.json';

/** Every extension an output may have: one per format of the registry. */
const EXTENSIONS = [...new Set(Object.values(FORMATS).map((format) => format.extension))];

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Why out/<id> must not be written to, or undefined: it is a symbolic link that leads outside the output folder
 * (or nowhere). A link that stays inside the output folder is followed.
 */
export function briefFolderProblem(outDir: string, id: string): string | undefined {
  const dir = path.join(outDir, id);
  let link: boolean;
  try {
    link = lstatSync(dir).isSymbolicLink();
  } catch {
    return undefined; // not there yet: it will be made as a folder
  }
  if (!link) return undefined;
  try {
    const target = realpathSync.native(dir);
    if (inside(realpathSync.native(outDir), target)) return undefined;
    return `${dir} is a symbolic link to ${target}, outside the output folder`;
  } catch {
    return `${dir} is a symbolic link that leads nowhere`;
  }
}

/** The names docketpress may have written for a brief: every name its outputs can have, those the manifest lists, and the manifest. */
function ownedNames(dir: string, brief: Brief): Set<string> {
  const stems = [brief.id, versionStem('BC', brief), versionStem('P', brief)];
  const names = new Set([...stems.flatMap((stem) => EXTENSIONS.map((ext) => `${stem}.${ext}`)), MANIFEST]);
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { files?: unknown };
    if (Array.isArray(manifest.files)) for (const name of manifest.files) if (typeof name === 'string' && path.basename(name) === name) names.add(name);
  } catch {
    // no manifest (a folder from before manifests, or never built): the names above only
  }
  return names;
}

/** A temp file an interrupted write of one of these names left (`.<name>.<…>.tmp`). */
function leftoverTemp(name: string, owned: Set<string>): boolean {
  if (!name.startsWith('.') || !name.endsWith('.tmp')) return false;
  for (const file of owned) if (name.startsWith(`.${file}.`)) return true;
  return false;
}

/**
 * After a build of a brief, makes its folder hold only that build's files: removes each file an earlier build
 * wrote that this one did not (another format, another version name such as the single version of a brief that
 * now has BC and P versions) and leftover temp files, then records the manifest. Never touches a file docketpress
 * did not write (a `cover-letter.md` beside the outputs stays). Returns the paths removed, and those that could
 * not be removed or written (a read-only folder, a full disk) with the error code.
 */
export async function settleBriefFolder(dir: string, brief: Brief, kept: readonly string[]): Promise<{ removed: string[]; stuck: Array<{ file: string; code: string }> }> {
  let entries: string[];
  const stuck: Array<{ file: string; code: string }> = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return { removed: [], stuck };
  }
  const owned = ownedNames(dir, brief);
  const keep = new Set(kept.map((file) => path.basename(file)));
  const removed: string[] = [];
  for (const name of entries.sort()) {
    if (keep.has(name) || name === MANIFEST) continue;
    if (!owned.has(name) && !leftoverTemp(name, owned)) continue;
    const file = path.join(dir, name);
    try {
      if (!lstatSync(file).isFile() && !lstatSync(file).isSymbolicLink()) continue; // a folder of that name is not ours
    } catch {
      continue;
    }
    try {
      await rm(file, { force: true });
      removed.push(file);
    } catch (error) {
      stuck.push({ file, code: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  const manifest = `${JSON.stringify({ brief: brief.id, files: [...keep].sort() }, null, 2)}\n`;
  let current: string | undefined;
  try {
    current = readFileSync(path.join(dir, MANIFEST), 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== manifest) {
    try {
      await writeFileAtomic(path.join(dir, MANIFEST), manifest);
    } catch (error) {
      stuck.push({ file: path.join(dir, MANIFEST), code: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  return { removed, stuck };
}
