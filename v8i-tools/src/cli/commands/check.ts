import { type CommandContext, EXIT_FAILED, EXIT_OK } from '../context.ts';
import { renderFileError } from '../report.ts';
import { readAll } from './read-all.ts';

const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** `v8i check`: diagnostics per file; exit 1 when any file has an error or cannot be read. */
export async function checkCommand(ctx: CommandContext): Promise<number> {
  const files = await readAll(ctx, (path, load) =>
    load.ok
      ? { path, status: 'ok' as const, diagnostics: load.file.doc.diagnostics }
      : { path, status: 'failed' as const, error: load.error, diagnostics: [] },
  );
  if (typeof files === 'number') return files;
  const all = files.flatMap((f) => f.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const unreadable = files.filter((f) => f.status === 'failed').length;
  if (ctx.values.json === true) {
    ctx.io.stdout.write(
      `${JSON.stringify({ command: 'check', summary: { files: files.length, errors, warnings, unreadable }, files }, null, 2)}\n`,
    );
  } else {
    const c = ctx.colors;
    for (const file of files) {
      if (file.status === 'failed')
        ctx.io.stderr.write(renderFileError(file.path, file.error, ctx.errorColors));
      for (const d of file.diagnostics) {
        const label = d.severity === 'error' ? c.red('error') : c.yellow('warning');
        ctx.io.stdout.write(`${file.path}:${d.line}: ${label} ${d.message} [${d.code}]\n`);
      }
    }
    const unread = unreadable > 0 ? `; ${unreadable} could not be read` : '';
    ctx.io.stderr.write(
      `checked ${plural(files.length, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${unread}\n`,
    );
  }
  return errors > 0 || unreadable > 0 ? EXIT_FAILED : EXIT_OK;
}
