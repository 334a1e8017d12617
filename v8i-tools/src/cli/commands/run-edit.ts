import type { BaseEntry } from '../../edit/base-entry.ts';
import type { BaseChange } from '../../edit/modify.ts';
import { type CommandContext, EXIT_FAILED, EXIT_OK, usageError } from '../context.ts';
import { editFile, type FileResult } from '../edit-file.ts';
import { hasSelector, jobsFrom, selectorFrom } from '../options.ts';
import { startProgress } from '../progress.ts';
import { renderDiff } from '../render-diff.ts';
import { jsonReport, renderFileError, renderSummary } from '../report.ts';
import { runPool } from '../run-pool.ts';
import { expandTargets } from './targets.ts';

/** The shared body of set, unset, apply and sync: every file, bounded in parallel, one report. */
export async function runEdit(
  ctx: CommandContext,
  changeFor: (entry: BaseEntry) => BaseChange | undefined,
): Promise<number> {
  const { io, values } = ctx;
  const jobs = jobsFrom(values);
  if (typeof jobs === 'string') return usageError(ctx, jobs);
  const targets = await expandTargets(ctx);
  if (typeof targets === 'number') return targets;

  const dryRun = values['dry-run'] === true;
  const json = values.json === true;
  const selector = selectorFrom(values);
  const progress = startProgress(io, targets.files.length, json);
  const edited = await runPool(
    targets.files,
    jobs,
    (target) =>
      editFile(io, target, {
        selector,
        changeFor,
        dryRun,
        backup: values.backup === true,
        renderDiff: (p, before, after) => renderDiff(p, before, after, ctx.colors),
      }),
    progress.tick,
  );
  progress.stop();
  const results: FileResult[] = [...targets.missing, ...edited];

  if (json) {
    const report = jsonReport(ctx.command, results, dryRun, targets.notes);
    if (dryRun) {
      report.files = report.files.map((file, i) => {
        const diff = results[i]?.diff;
        return diff ? { ...file, diff } : file;
      });
    }
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const note of targets.notes) io.stderr.write(`note: ${note}\n`);
    for (const result of results) if (result.diff) io.stdout.write(`${result.diff}\n`);
    for (const result of results) {
      if (result.error) io.stderr.write(renderFileError(result.path, result.error, ctx.errorColors));
    }
    if (hasSelector(selector) && edited.length > 0 && edited.every((r) => r.matched === 0 && !r.error)) {
      io.stderr.write(
        'note: no base in these files matched the selectors (see "v8i list" for names and IDs)\n',
      );
    }
    io.stderr.write(`${renderSummary(results, dryRun)}\n`);
  }
  return results.some((r) => r.status === 'failed') ? EXIT_FAILED : EXIT_OK;
}
