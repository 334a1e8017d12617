import { type BaseKeyMap, parseBaseKeyMap, syncResolver, unknownMapKeys } from '../../edit/sync-plan.ts';
import { type CommandContext, EXIT_FAILED, usageError } from '../context.ts';
import { resolvePath } from '../io.ts';
import { asFileError } from '../load-file.ts';
import { fetchStatus } from './fetch-status.ts';
import { runEdit } from './run-edit.ts';

export async function syncCommand(ctx: CommandContext): Promise<number> {
  const { io, values } = ctx;
  const from = values.from as string | undefined;
  if (from === undefined) return usageError(ctx, 'which service? Give --from https://help.example.local');
  if (!URL.canParse(from) || !/^https?:$/.test(new URL(from).protocol)) {
    return usageError(ctx, `--from must be an http:// or https:// address (got "${from}")`);
  }
  let map: BaseKeyMap = new Map();
  const mapPath = values.map as string | undefined;
  if (mapPath !== undefined) {
    let text: string;
    try {
      text = await io.fs.readText(resolvePath(io, mapPath));
    } catch (error) {
      const { message, hint } = asFileError(error);
      io.stderr.write(`v8i sync: cannot read the map ${mapPath}: ${message}\n    → ${hint}\n`);
      return EXIT_FAILED;
    }
    const parsed = parseBaseKeyMap(text);
    if (!parsed.ok)
      return usageError(ctx, `the map ${mapPath} has problems:\n  ${parsed.problems.join('\n  ')}`);
    map = parsed.map;
  }

  const timeoutRaw = (values.timeout as string | undefined) ?? '15';
  const timeout = Number(timeoutRaw);
  if (!(timeout > 0 && timeout <= 600)) {
    return usageError(ctx, `--timeout must be a number of seconds from 1 to 600 (got "${timeoutRaw}")`);
  }
  const fetched = await fetchStatus(io, from, values.lang as string | undefined, timeout * 1000);
  if (!fetched.ok) {
    io.stderr.write(`v8i sync: ${fetched.message}; nothing was changed\n    → ${fetched.hint}\n`);
    return EXIT_FAILED;
  }
  const unknown = unknownMapKeys(map, fetched.status);
  if (unknown.length > 0) {
    return usageError(
      ctx,
      `the map names base keys the service does not know: ${unknown.join(', ')} (known: ${fetched.status.bases.map((b) => b.key).join(', ')})`,
    );
  }
  return runEdit(ctx, syncResolver(fetched.status, map));
}
