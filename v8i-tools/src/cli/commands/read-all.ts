import { type CommandContext, usageError } from '../context.ts';
import { type LoadResult, loadFile } from '../load-file.ts';
import { jobsFrom } from '../options.ts';
import { startProgress } from '../progress.ts';
import { runPool } from '../run-pool.ts';
import { expandTargets } from './targets.ts';

/**
 * Loads every target file for the read-only commands (list, get, check) and keeps only what `view`
 * makes of it, so ten thousand parsed trees are never held at once. Discovered lists that were
 * skipped are noted on stderr. Usage errors come back as exit codes.
 */
export async function readAll<T>(
  ctx: CommandContext,
  view: (path: string, load: LoadResult) => T,
): Promise<T[] | number> {
  const jobs = jobsFrom(ctx.values);
  if (typeof jobs === 'string') return usageError(ctx, jobs);
  const targets = await expandTargets(ctx);
  if (typeof targets === 'number') return targets;
  if (ctx.values.json !== true) for (const note of targets.notes) ctx.io.stderr.write(`note: ${note}\n`);
  const progress = startProgress(ctx.io, targets.files.length, ctx.values.json === true);
  const loaded = await runPool(
    targets.files,
    jobs,
    async (target) => view(target.path, await loadFile(ctx.io, target)),
    progress.tick,
  );
  progress.stop();
  const missing = targets.missing.map((m) =>
    view(m.path, {
      ok: false,
      error: m.error ?? { code: 'not-found', message: 'not found', hint: 'check the path' },
    }),
  );
  return [...missing, ...loaded];
}
