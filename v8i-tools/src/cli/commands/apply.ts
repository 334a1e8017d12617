import { parsePlan, planResolver } from '../../edit/plan.ts';
import { type CommandContext, EXIT_FAILED, usageError } from '../context.ts';
import { asFileError } from '../load-file.ts';
import { runEdit } from './run-edit.ts';

export async function applyCommand(ctx: CommandContext): Promise<number> {
  const planPath = ctx.values.plan as string | undefined;
  if (planPath === undefined) return usageError(ctx, 'which plan? Give --plan FILE (JSON or CSV)');
  let text: string;
  try {
    text = await ctx.io.fs.readText(planPath, ctx.io.cwd);
  } catch (error) {
    const { message, hint } = asFileError(error);
    ctx.io.stderr.write(`v8i apply: cannot read the plan ${planPath}: ${message}\n    → ${hint}\n`);
    return EXIT_FAILED;
  }
  const plan = parsePlan(text, planPath);
  if (!plan.ok) {
    return usageError(
      ctx,
      `the plan ${planPath} has problems; nothing was changed:\n  ${plan.problems.join('\n  ')}`,
    );
  }
  return runEdit(ctx, planResolver(plan.rows));
}
