import type { Colors } from 'picocolors/types';
import type { OptionValues } from './args.ts';
import type { CliIo } from './io.ts';

export interface CommandContext {
  io: CliIo;
  command: string;
  values: OptionValues;
  positionals: string[];
  /** Colours for stdout (diffs). */
  colors: Colors;
  /** Colours for stderr (errors, summary). */
  errorColors: Colors;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export function usageError(ctx: Pick<CommandContext, 'io' | 'command'>, message: string): number {
  ctx.io.stderr.write(`v8i ${ctx.command}: ${message}\nRun "v8i ${ctx.command} --help" for examples.\n`);
  return EXIT_USAGE;
}
