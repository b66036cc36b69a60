// Writing output files atomically: temp files created exclusively in the same folder, then renamed, so no
// half-written file ever has a final name; a failure is an OutputWriteError saying what was not written and why.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RenderProblem } from '../document/render-problem.js';

/** What an errno code means for someone whose output could not be written. */
const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is on a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'a part of its path is a file, not a folder',
  EISDIR: 'a folder has that name',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

/** A file that could not be written; the previous file of that name, if any, is intact. */
export class OutputWriteError extends RenderProblem {
  constructor(
    /** The output file that was not written. */
    readonly target: string,
    readonly code: string,
  ) {
    const shown = path.join(path.basename(path.dirname(target)), path.basename(target)).split(path.sep).join('/');
    const why = Object.hasOwn(WRITE_PROBLEMS, code) ? WRITE_PROBLEMS[code] : 'the system refused';
    super(`Cannot write ${shown}: ${why} (${code}); it was not written and any earlier copy is unchanged — free space or pick a writable --out folder, then build again`, 'output-unwritable');
    this.name = 'OutputWriteError';
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'EIO';
}

/**
 * The real reason a folder could not be made: a recursive mkdir reports ENOENT on a read-only file system, so
 * the first missing folder is made on its own, which fails with the true code (EROFS, EACCES …).
 */
async function mkdirProblem(dir: string, code: string): Promise<string> {
  if (code !== 'ENOENT') return code;
  let missing = dir;
  while (path.dirname(missing) !== missing && !(await exists(path.dirname(missing)))) missing = path.dirname(missing);
  try {
    await mkdir(missing);
    return code;
  } catch (error) {
    return codeOf(error);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** A temp name beside `file`: hidden, random, never an existing name (it is created with `wx`). */
function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Writes `content` to a fresh temp file beside `file` (exclusively: never through a planted file or link). */
async function writeTemp(file: string, content: string | Uint8Array): Promise<string> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new OutputWriteError(file, await mkdirProblem(path.dirname(file), codeOf(error)));
  }
  const temp = tempName(file);
  try {
    await writeFile(temp, content, { flag: 'wx' });
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OutputWriteError(file, codeOf(error));
  }
  return temp;
}

/** Writes `content` to `file` via a temp file and rename; the previous file stays intact on failure. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ file, content }]);
}

/**
 * Writes several files so that they change together: every one goes to a temp file first, and only when all
 * are written (a full disk shows up here) are they renamed into place. On failure nothing is renamed, the
 * temp files are removed and the OutputWriteError names the file that failed.
 */
export async function writeFilesAtomic(files: ReadonlyArray<{ file: string; content: string | Uint8Array }>): Promise<void> {
  const temps: string[] = [];
  try {
    for (const { file, content } of files) temps.push(await writeTemp(file, content));
    for (const [i, { file }] of files.entries()) {
      try {
        await rename(temps[i]!, file);
      } catch (error) {
        throw new OutputWriteError(file, codeOf(error));
      }
      temps[i] = '';
    }
  } catch (error) {
    await Promise.all(temps.filter(Boolean).map((temp) => rm(temp, { force: true }).catch(() => undefined)));
    throw error;
  }
}
