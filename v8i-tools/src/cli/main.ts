import type { Colors } from 'picocolors/types';
import { type OptionSpec, parseArgs } from './args.ts';
import { type CommandContext, EXIT_OK, EXIT_USAGE } from './context.ts';
import { helpTexts } from './help.ts';
import type { CliIo } from './io.ts';
import { commonOptions, selectorOptions, writeOptions } from './options.ts';
import { V8I_VERSION } from './version.ts';

type Run = (ctx: CommandContext) => Promise<number>;

/**
 * Each command's code (and the libraries only it needs: zod, diff, cli-progress, tinyglobby) is
 * imported when that command runs. In the single-file bundle esbuild keeps these modules inside
 * lazily-initialised wrappers, so `--version`, `--help` and a usage error never evaluate them:
 * that is most of the CLI's start time.
 */
interface Command {
  options: Record<string, OptionSpec>;
  load: () => Promise<Run>;
}

const commands: Record<string, Command> = {
  locate: {
    options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, users: { type: 'string' } },
    load: async () => (await import('./commands/locate.ts')).locateCommand,
  },
  list: {
    options: { ...commonOptions, ...selectorOptions },
    load: async () => (await import('./commands/list.ts')).listCommand,
  },
  get: {
    options: { ...commonOptions, ...selectorOptions, key: { type: 'string', multiple: true } },
    load: async () => (await import('./commands/get.ts')).getCommand,
  },
  check: { options: commonOptions, load: async () => (await import('./commands/check.ts')).checkCommand },
  set: {
    options: {
      ...commonOptions,
      ...selectorOptions,
      ...writeOptions,
      'help-text': { type: 'string' },
      'help-url': { type: 'string' },
    },
    load: async () => (await import('./commands/set.ts')).setCommand,
  },
  unset: {
    options: {
      ...commonOptions,
      ...selectorOptions,
      ...writeOptions,
      'help-text': { type: 'boolean' },
      'help-url': { type: 'boolean' },
    },
    load: async () => (await import('./commands/set.ts')).unsetCommand,
  },
  apply: {
    options: { ...commonOptions, ...selectorOptions, ...writeOptions, plan: { type: 'string' } },
    load: async () => (await import('./commands/apply.ts')).applyCommand,
  },
  sync: {
    options: {
      ...commonOptions,
      ...selectorOptions,
      ...writeOptions,
      from: { type: 'string' },
      map: { type: 'string' },
      lang: { type: 'string' },
      timeout: { type: 'string' },
    },
    load: async () => (await import('./commands/sync.ts')).syncCommand,
  },
};

/** NO_COLOR (any non-empty value) wins; FORCE_COLOR turns colour on for pipes; else only on a TTY. */
function colorEnabled(io: CliIo, tty: boolean): boolean {
  return io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : tty;
}

/** The whole CLI: parses `argv` (without node and script), writes through `io`, returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpTexts.main ?? '');
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${V8I_VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(
      `v8i: unknown command "${name}"\nRun "v8i --help" for the commands: ${Object.keys(commands).join(', ')}.\n`,
    );
    return EXIT_USAGE;
  }
  const parsed = parseArgs(rest, command.options);
  if (!parsed.ok) {
    io.stderr.write(`v8i ${name}: ${parsed.message}\nRun "v8i ${name} --help" for examples.\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help === true) {
    io.stdout.write(helpTexts[name] ?? '');
    return EXIT_OK;
  }
  const [run, { default: pc }] = await Promise.all([command.load(), import('picocolors')]);
  const colors = (tty: boolean): Colors => pc.createColors(colorEnabled(io, tty));
  return run({
    io,
    command: name,
    values: parsed.values,
    positionals: parsed.positionals,
    colors: colors(io.isTTY.stdout),
    errorColors: colors(io.isTTY.stderr),
  });
}
