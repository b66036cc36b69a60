// The sample project as the repository holds it: data/, templates/ and briefs/ copied into a temp folder from the
// files git tracks, so a user's own brief (or data file) in the working folders never changes what a test builds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE_FOLDERS = ['data', 'templates', 'briefs'] as const;

/**
 * The sample project's files (paths relative to the repository): those git tracks in data/, templates/ and
 * briefs/, with their working-copy contents. Outside a git checkout (an unpacked archive) there is nothing to tell
 * a sample from a user's file, so the folders are taken whole.
 */
function sampleFiles(): string[] | undefined {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--', ...SAMPLE_FOLDERS], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  const files = listed.split('\0').filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
  return files.length > 0 ? files : undefined;
}

/** Copies the sample project's data/, templates/ and briefs/ into `dir` (created if missing); returns `dir`. */
export function copySampleProject(dir: string): string {
  const files = sampleFiles();
  if (files === undefined) {
    for (const folder of SAMPLE_FOLDERS) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    return dir;
  }
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  return dir;
}

/** A fresh temp folder holding a copy of the sample project (the caller removes it). */
export function sampleProject(prefix: string): string {
  return copySampleProject(mkdtempSync(path.join(tmpdir(), `docketpress-${prefix}-`)));
}
