import { type CommandContext, usageError } from '../context.ts';
import { type LoadResult, loadFile } from '../load-file.ts';
import { jobsFrom } from '../options.ts';
import { startProgress } from '../progress.ts';
import { runPool } from '../run-pool.ts';
import { expandTargets } from './targets.ts';

export interface ReadResult {
  path: string;
  load: LoadResult;
}

/** Loads every target file for the read-only commands (list, get, check); usage errors as exit codes. */
export async function readAll(ctx: CommandContext): Promise<ReadResult[] | number> {
  const jobs = jobsFrom(ctx.values);
  if (typeof jobs === 'string') return usageError(ctx, jobs);
  const targets = await expandTargets(ctx);
  if (typeof targets === 'number') return targets;
  const progress = startProgress(ctx.io, targets.files.length, ctx.values.json === true);
  const loaded = await runPool(
    targets.files,
    jobs,
    async (path) => ({ path, load: await loadFile(ctx.io, path) }),
    progress.tick,
  );
  progress.stop();
  const missing: ReadResult[] = targets.missing.map((m) => ({
    path: m.path,
    load: {
      ok: false,
      error: m.error ?? { code: 'not-found', message: 'not found', hint: 'check the path' },
    },
  }));
  return [...missing, ...loaded];
}
