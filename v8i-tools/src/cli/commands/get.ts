import { entryValue, HELP_TEXT_KEY, HELP_URL_KEY } from '../../edit/base-entry.ts';
import { selectBases } from '../../edit/selector.ts';
import { type CommandContext, EXIT_FAILED, EXIT_OK } from '../context.ts';
import { selectorFrom } from '../options.ts';
import { renderFileError } from '../report.ts';
import { readAll } from './read-all.ts';

/** `v8i get`: the help text and URL of the selected bases (or any `--key`). */
export async function getCommand(ctx: CommandContext): Promise<number> {
  const keys = (ctx.values.key as string[] | undefined) ?? [HELP_TEXT_KEY, HELP_URL_KEY];
  const selector = selectorFrom(ctx.values);
  let failed = false;
  const files = await readAll(ctx, (path, load) => {
    if (!load.ok) {
      failed = true;
      return { path, status: 'failed' as const, error: load.error, bases: [] };
    }
    const { selected, problems } = selectBases(load.file.entries, selector);
    const [problem] = problems;
    if (problem) {
      failed = true;
      return { path, status: 'failed' as const, error: problem, bases: [] };
    }
    return {
      path,
      status: 'ok' as const,
      bases: selected.map((entry) => ({
        name: entry.name,
        id: entry.id,
        values: Object.fromEntries(keys.map((key) => [key, entryValue(entry, key) ?? null])),
      })),
    };
  });
  if (typeof files === 'number') return files;
  if (ctx.values.json === true) {
    ctx.io.stdout.write(`${JSON.stringify({ command: 'get', files }, null, 2)}\n`);
  } else {
    const { colors } = ctx;
    for (const file of files) {
      if (file.status === 'failed') {
        ctx.io.stderr.write(renderFileError(file.path, file.error, ctx.errorColors));
        continue;
      }
      if (file.bases.length === 0) continue;
      ctx.io.stdout.write(`${colors.bold(file.path)}\n`);
      for (const base of file.bases) {
        ctx.io.stdout.write(`  [${base.name}]\n`);
        for (const [key, value] of Object.entries(base.values)) {
          ctx.io.stdout.write(
            value === null ? `    ${colors.dim(`${key} is not set`)}\n` : `    ${key}=${value}\n`,
          );
        }
      }
    }
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}
