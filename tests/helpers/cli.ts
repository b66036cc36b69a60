// Runs the command line in-process and captures what it prints, for end-to-end tests.
import { runCli } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `docketpress ...argv` with `cwd` as the working directory; never touches process.stdout. */
export async function cli(argv: string[], cwd: string = process.cwd()): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    cwd,
    isTTY: false,
  });
  return { code, stdout, stderr };
}
