// The shape of one command of the command line.
import type { CommandContext } from '../context.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  description: string;
  value?: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Positional arguments: how many at least and at most. */
  positionals: { min: number; max: number };
  run(context: CommandContext): Promise<number>;
}
