// User-facing text of the command line: help screens and fixed messages, kept apart from the logic.
import type { CommandSpec } from './commands/types.js';

export const GLOBAL_OPTIONS_HELP = `global options:
  --data DIR     data folder (default: ./data, else the embedded dataset)
  --briefs DIR   brief specs folder (default: ./briefs)
  --out DIR      output folder (default: ./out)
  --json         machine-readable output
  --debug        show stack traces of internal errors
  --no-cache     neither read nor write the cache (DOCKETPRESS_CACHE_DIR, default ~/.cache/docketpress)
  --help, -h     show help
  --version, -v  show the version`;

/** The top-level help screen. */
export function mainHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `docketpress — sourced filings, briefs and timelines for USTR's Review of Notorious Markets

usage: docketpress <command> [options]

commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

${GLOBAL_OPTIONS_HELP}

exit codes: 0 ok · 1 content problems (validation errors, failed checks) · 2 usage errors · 70 internal error
\`docketpress <command> --help\` shows a command's options.
`;
}

/** One command's help screen. */
export function commandHelp(command: CommandSpec): string {
  const options = Object.entries(command.options).map(([name, spec]) => `  --${name}${spec.value ? ` ${spec.value}` : ''}  ${spec.description}`);
  return `${command.summary}\n\nusage: ${command.usage}\n${options.length ? `\noptions:\n${options.join('\n')}\n` : ''}\n${GLOBAL_OPTIONS_HELP}\n`;
}

export const INTERNAL_ERROR =
  'docketpress hit an internal error — this is a bug in docketpress, not a problem with your files. Please report it with the command you ran (add --debug to see the stack trace).';
