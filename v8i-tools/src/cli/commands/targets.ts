import { expandPaths } from '../../fs/expand-paths.ts';
import type { Target } from '../../fs/file-system.ts';
import { pathStyleFor } from '../../fs/path-style.ts';
import { discoveredLists, LIST_SCOPES, type ListScope } from '../../locate/discovered-lists.ts';
import { locateLists } from '../../locate/locate-lists.ts';
import { type CommandContext, EXIT_FAILED, usageError } from '../context.ts';
import type { FileResult } from '../edit-file.ts';
import { renderFileError } from '../report.ts';

export interface Targets {
  files: Target[];
  /** Arguments that gave no file, already as failed results. */
  missing: FileResult[];
  /** Discovered lists that were skipped, and why. */
  notes: string[];
}

/**
 * The command's lists: the paths typed, plus with `--discover` / `--users DIR` the lists 1C reads
 * (`--lists user|shared|all` narrows them). An exit code when there is nothing to work on.
 */
export async function expandTargets(ctx: CommandContext): Promise<Targets | number> {
  const { io, values } = ctx;
  const style = pathStyleFor(io.platform);
  const users = values.users as string | undefined;
  const discover = values.discover === true || users !== undefined;
  const scope = (values.lists as string | undefined) ?? 'all';
  if (!LIST_SCOPES.includes(scope as ListScope)) {
    return usageError(ctx, `--lists must be one of ${LIST_SCOPES.join(', ')} (got "${scope}")`);
  }
  if (values.lists !== undefined && !discover) {
    return usageError(ctx, '--lists chooses among discovered lists: add --discover or --users DIR');
  }
  if (ctx.positionals.length === 0 && !discover) {
    const example =
      style.name === 'win32' ? '"C:\\Users\\*\\AppData\\Roaming\\1C\\1CEStart"' : '"/home/*/.1C/1cestart"';
    return usageError(
      ctx,
      `which base lists? Give files, folders (searched for *.v8i) or patterns, e.g. ${example}, or --discover for the lists 1C reads for you`,
    );
  }
  const { files, problems } = await expandPaths(ctx.positionals, io.cwd, style, io.fs);
  const missing: FileResult[] = problems.map(({ path, error }) => ({
    path,
    status: 'failed',
    bases: 0,
    matched: 0,
    error,
  }));
  const notes: string[] = [];
  if (discover) {
    const request = {
      style,
      env: io.env,
      ...(users !== undefined ? { users: style.path.resolve(io.cwd, users) } : {}),
    };
    const found = await locateLists(request, io.fs);
    if (!found.ok) {
      io.stderr.write(renderFileError(users ?? '--discover', found.error, ctx.errorColors));
      return EXIT_FAILED;
    }
    const discovered = discoveredLists(found.located, scope as ListScope);
    const known = new Set(files.map((file) => file.absolute));
    files.push(...discovered.files.filter((file) => !known.has(file.absolute)));
    notes.push(...discovered.notes);
  }
  return { files, missing, notes };
}
