import pc from 'picocolors';
import type { Colors } from 'picocolors/types';
import { type OptionSpec, parseArgs } from './args.ts';
import { applyCommand } from './commands/apply.ts';
import { checkCommand } from './commands/check.ts';
import { getCommand } from './commands/get.ts';
import { listCommand } from './commands/list.ts';
import { setCommand, unsetCommand } from './commands/set.ts';
import { syncCommand } from './commands/sync.ts';
import { type CommandContext, EXIT_OK, EXIT_USAGE } from './context.ts';
import { helpTexts } from './help.ts';
import type { CliIo } from './io.ts';
import { commonOptions, selectorOptions, writeOptions } from './options.ts';
import { V8I_VERSION } from './version.ts';

interface Command {
  options: Record<string, OptionSpec>;
  run: (ctx: CommandContext) => Promise<number>;
}

const commands: Record<string, Command> = {
  list: { options: { ...commonOptions, ...selectorOptions }, run: listCommand },
  get: {
    options: { ...commonOptions, ...selectorOptions, key: { type: 'string', multiple: true } },
    run: getCommand,
  },
  check: { options: commonOptions, run: checkCommand },
  set: {
    options: {
      ...commonOptions,
      ...selectorOptions,
      ...writeOptions,
      'help-text': { type: 'string' },
      'help-url': { type: 'string' },
    },
    run: setCommand,
  },
  unset: {
    options: {
      ...commonOptions,
      ...selectorOptions,
      ...writeOptions,
      'help-text': { type: 'boolean' },
      'help-url': { type: 'boolean' },
    },
    run: unsetCommand,
  },
  apply: {
    options: { ...commonOptions, ...selectorOptions, ...writeOptions, plan: { type: 'string' } },
    run: applyCommand,
  },
  sync: {
    options: {
      ...commonOptions,
      ...selectorOptions,
      ...writeOptions,
      from: { type: 'string' },
      map: { type: 'string' },
      lang: { type: 'string' },
    },
    run: syncCommand,
  },
};

/** NO_COLOR (any non-empty value) wins; FORCE_COLOR turns colour on for pipes; else only on a TTY. */
function colorsFor(io: CliIo, tty: boolean): Colors {
  const enabled = io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : tty;
  return pc.createColors(enabled);
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
  return command.run({
    io,
    command: name,
    values: parsed.values,
    positionals: parsed.positionals,
    colors: colorsFor(io, io.isTTY.stdout),
    errorColors: colorsFor(io, io.isTTY.stderr),
  });
}
