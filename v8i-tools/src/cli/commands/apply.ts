import { describePlanRow, type PlanRow, parsePlan, planResolver } from '../../edit/plan.ts';
import { type CommandContext, EXIT_FAILED, usageError } from '../context.ts';
import { resolvePath } from '../io.ts';
import { asFileError } from '../load-file.ts';
import { runEdit } from './run-edit.ts';

export async function applyCommand(ctx: CommandContext): Promise<number> {
  const planPath = ctx.values.plan as string | undefined;
  if (planPath === undefined) return usageError(ctx, 'which plan? Give --plan FILE (JSON or CSV)');
  let text: string;
  try {
    text = await ctx.io.fs.readText(resolvePath(ctx.io, planPath));
  } catch (error) {
    const { message, hint } = asFileError(error);
    ctx.io.stderr.write(
      `v8i apply: cannot read the plan ${planPath}: ${message}; nothing was changed\n    → ${hint}\n`,
    );
    return EXIT_FAILED;
  }
  const plan = parsePlan(text, planPath);
  if (!plan.ok) {
    return usageError(
      ctx,
      `the plan ${planPath} has problems; nothing was changed:\n  ${plan.problems.join('\n  ')}`,
    );
  }
  const reached = new Set<PlanRow>();
  const code = await runEdit(
    ctx,
    planResolver(plan.rows, (row) => reached.add(row)),
  );
  // A misspelt name would otherwise leave that base to the * row (or untouched) without a word.
  const missed = plan.rows.flatMap((row, index) =>
    row.base === '*' || reached.has(row) ? [] : [describePlanRow(row, index)],
  );
  if (missed.length > 0 && ctx.values.json !== true) {
    ctx.io.stderr.write(
      `note: no selected base in these files matched plan ${missed.join(', ')}; check the names and IDs with "v8i list"\n`,
    );
  }
  return code;
}
