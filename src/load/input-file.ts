// Reading a user's input file safely: regular files only (a FIFO or device is refused before it is opened),
// symbolic links followed only when they stay inside the project, and a size limit checked before reading.
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Why an input file was not read: a sentence for the message, and the rule it breaks. */
export interface InputRefusal {
  message: string;
  ruleId: 'file-not-regular' | 'symlink-outside-project' | 'file-unreadable' | 'file-too-large';
  /** The size found, when the file is too large. */
  bytes?: number;
}

/** True when `file` is `dir` or lies below it (both absolute, symbolic links already resolved). */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of a file or folder (symbolic links resolved), or the path itself when it does not exist. */
export function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** The folders an input of `folder` may link to: the folder itself and the project folder that holds it. */
export function projectRoots(...folders: string[]): string[] {
  return [...new Set(folders.flatMap((folder) => [realPath(path.resolve(folder)), realPath(path.dirname(path.resolve(folder)))]))];
}

/** What kind of thing a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Checks an input file without opening it: a symbolic link must resolve inside one of `roots`, and the file
 * must be a regular file. Returns the real path to open, or why it must not be read.
 */
export function checkInputFile(file: string, roots: readonly string[]): { real: string; size: number } | { refusal: InputRefusal } {
  let link: Stats;
  try {
    link = lstatSync(file);
  } catch (error) {
    return { refusal: { message: `cannot read this file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, ruleId: 'file-unreadable' } };
  }
  let real = file;
  if (link.isSymbolicLink()) {
    try {
      real = realpathSync.native(file);
    } catch {
      return { refusal: { message: 'this symbolic link points to nothing (its target is missing), so it was not read: fix or remove the link', ruleId: 'file-unreadable' } };
    }
    if (!roots.some((root) => isInside(root, real))) {
      return { refusal: { message: 'this symbolic link points outside the project, so it was not read: copy the file into the project instead of linking to it', ruleId: 'symlink-outside-project' } };
    }
  }
  let stats: Stats;
  try {
    stats = link.isSymbolicLink() ? statSync(real) : link;
  } catch (error) {
    return { refusal: { message: `cannot read this file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, ruleId: 'file-unreadable' } };
  }
  if (!stats.isFile()) return { refusal: { message: `this file is ${kindOf(stats)}, not a regular file, so it was not read: replace it with a plain file`, ruleId: 'file-not-regular' } };
  return { real, size: stats.size };
}

/**
 * Reads an input file's bytes after `checkInputFile`, refusing one over `maxBytes` before reading it. The
 * file is opened without blocking and checked again once open, so one swapped for a FIFO meanwhile is not read.
 */
export function readInputFile(file: string, roots: readonly string[], maxBytes: number): { bytes: Buffer } | { refusal: InputRefusal } {
  const checked = checkInputFile(file, roots);
  if ('refusal' in checked) return checked;
  if (checked.size > maxBytes) return { refusal: { message: 'too large', ruleId: 'file-too-large', bytes: checked.size } };
  let fd: number;
  try {
    fd = openSync(checked.real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { refusal: { message: `cannot read this file (${(error as NodeJS.ErrnoException).code ?? String(error)}): check that it is a readable file and its permissions`, ruleId: 'file-unreadable' } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { refusal: { message: `this file is ${kindOf(stats)}, not a regular file, so it was not read: replace it with a plain file`, ruleId: 'file-not-regular' } };
    if (stats.size > maxBytes) return { refusal: { message: 'too large', ruleId: 'file-too-large', bytes: stats.size } };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { refusal: { message: `cannot read this file (${(error as NodeJS.ErrnoException).code ?? String(error)}): check that it is a readable file and its permissions`, ruleId: 'file-unreadable' } };
  } finally {
    closeSync(fd);
  }
}
