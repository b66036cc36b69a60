// The shape of one command of the command line.
import type { CommandContext } from '../context.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  description: string;
  value?: string;
}

/** One command's code: runs it, returns the exit code. */
export type CommandRun = (context: CommandContext) => Promise<number>;

/** One command of the command line as the table lists it; its code is loaded only when it runs. */
export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Positional arguments: how many at least and at most. */
  positionals: { min: number; max: number };
  /** More help, loaded only for `--help` (e.g. the kinds `new` makes, from the kinds registry). */
  details?(): Promise<string>;
  load(): Promise<CommandRun>;
}
