// The command line's core: parse arguments, pick the command, map outcomes to exit codes. Testable in-process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../load/cache.js';
import { UnknownIdError } from '../model/lookup.js';
import { suggestion } from '../diagnostics/suggest.js';
import { COMMANDS } from './commands/index.js';
import { checkFolderOption, PACKAGE_ROOT, resolveFolder, usableCacheDir, type CommandContext } from './context.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import { commandHelp, INTERNAL_ERROR, mainHelp } from './messages.js';
import { processIo, type Io } from './output.js';

export const EXIT_INTERNAL = 70;

export { COMMANDS } from './commands/index.js';

const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  briefs: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the command line with these arguments; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const name = argv.find((arg) => !arg.startsWith('-'));
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      if (argv.includes('--version') || argv.includes('-v')) {
        io.out(`${version()}\n`);
        return EXIT_OK;
      }
      if (name === undefined || argv.includes('--help') || argv.includes('-h')) {
        io.out(mainHelp(COMMANDS));
        return name === undefined && !argv.includes('--help') && !argv.includes('-h') ? EXIT_USAGE : EXIT_OK;
      }
      throw new UsageError(`unknown command \`${name}\`${suggestion(name, COMMANDS.map((c) => c.name))}: run \`docketpress --help\` for the list`);
    }
    const rest = [...argv];
    rest.splice(rest.indexOf(command.name), 1);
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}: run \`docketpress ${command.name} --help\``);
    }
    const values = parsed.values as CommandContext['values'];
    debug = values.debug === true;
    if (values.help) {
      io.out(commandHelp(command) + (command.details ? `\n${await command.details()}` : ''));
      return EXIT_OK;
    }
    const { min, max } = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UsageError(`\`${command.name}\` takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${parsed.positionals.length}: usage: ${command.usage}`);
    }
    // Folders named on the command line are checked before any work: `--out ""`, `--out /dev/null`, `--briefs
    // a-file` or a missing `--briefs` are usage errors, not a silent empty build or a crash halfway.
    for (const option of ['data', 'briefs', 'templates', 'out'] as const) {
      const given = values[option];
      if (typeof given === 'string') checkFolderOption(option, given, io.cwd, option !== 'out' && command.name !== 'new');
    }
    const data = resolveFolder(values.data as string | undefined, 'data', io.cwd);
    // The bundled sample briefs go with the embedded data only; a folder of one's own data has its own briefs.
    const briefs = values.briefs === undefined && data !== path.join(PACKAGE_ROOT, 'data') ? path.resolve(io.cwd, 'briefs') : resolveFolder(values.briefs as string | undefined, 'briefs', io.cwd);
    const context: CommandContext = {
      options: {
        data,
        briefs,
        out: path.resolve(io.cwd, (values.out as string | undefined) ?? 'out'),
        outGiven: values.out !== undefined,
        json: values.json === true,
        debug,
        cache: values['no-cache'] === true ? false : usableCacheDir(defaultCacheDir(), io),
      },
      positionals: parsed.positionals,
      values,
      io,
    };
    const run = await command.load();
    return await run(context);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnknownIdError) {
      io.err(`docketpress: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isOutputWriteError(error)) {
      io.err(`docketpress: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}\n`);
      return EXIT_CONTENT;
    }
    io.err(`${INTERNAL_ERROR}\n`);
    if (debug) io.err(`${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_INTERNAL;
  }
}

/** An output file that could not be written (see render/write.ts; not imported here, so quick commands stay quick). */
function isOutputWriteError(error: unknown): error is Error & { ruleId: 'output-unwritable' } {
  return error instanceof Error && (error as { ruleId?: unknown }).ruleId === 'output-unwritable';
}
