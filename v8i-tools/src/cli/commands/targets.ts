import { type CommandContext, usageError } from '../context.ts';
import type { FileResult } from '../edit-file.ts';

export interface Targets {
  files: string[];
  /** Arguments that matched nothing, already as failed results. */
  missing: FileResult[];
}

/** The command's paths → files; a usage error (exit code) when none were given. */
export async function expandTargets(ctx: CommandContext): Promise<Targets | number> {
  if (ctx.positionals.length === 0) {
    return usageError(
      ctx,
      'which base lists? Give files, folders (searched for *.v8i) or globs, e.g. "C:\\Users\\*\\AppData\\Roaming\\1C\\1CEStart"',
    );
  }
  const { files, missing } = await ctx.io.fs.expandPaths(ctx.positionals, ctx.io.cwd);
  return {
    files,
    missing: missing.map((path) => ({
      path,
      status: 'failed',
      bases: 0,
      matched: 0,
      error: {
        code: 'not-found',
        message: 'no such file, and no .v8i file matched here',
        hint: 'check the path; folders are searched for *.v8i recursively, globs need quotes in the shell',
      },
    })),
  };
}
