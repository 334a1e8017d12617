import { entryValue, HELP_TEXT_KEY, HELP_URL_KEY } from '../../edit/base-entry.ts';
import { selectBases } from '../../edit/selector.ts';
import { dominantLineEnding } from '../../syntax/line-ending.ts';
import { type CommandContext, EXIT_FAILED, EXIT_OK } from '../context.ts';
import { hasSelector, selectorFrom } from '../options.ts';
import { renderFileError } from '../report.ts';
import { readAll } from './read-all.ts';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const eolName: Record<string, string> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };

/** `v8i list`: every entry of every file; with selectors, only the matching bases. */
export async function listCommand(ctx: CommandContext): Promise<number> {
  const selector = selectorFrom(ctx.values);
  const files = await readAll(ctx, (path, load) => {
    if (!load.ok) return { path, status: 'failed' as const, error: load.error };
    const { file } = load;
    const entries = hasSelector(selector) ? selectBases(file.entries, selector).selected : file.entries;
    return {
      path,
      status: 'ok' as const,
      encoding: `${file.encoding.name}${file.encoding.bom ? ' with BOM' : ''}`,
      lineEnding: eolName[dominantLineEnding(file.doc)] ?? 'CRLF',
      entries: entries.map((entry) => ({
        kind: entry.isBase ? ('base' as const) : ('group' as const),
        name: entry.name,
        line: entry.section.header.line,
        id: entry.id,
        folder: entry.folder,
        connect: entry.connect,
        helpText: entryValue(entry, HELP_TEXT_KEY),
        helpURL: entryValue(entry, HELP_URL_KEY),
      })),
    };
  });
  if (typeof files === 'number') return files;
  if (ctx.values.json === true) {
    ctx.io.stdout.write(`${JSON.stringify({ command: 'list', files }, null, 2)}\n`);
  } else {
    for (const file of files) {
      if (file.status === 'failed') {
        ctx.io.stderr.write(renderFileError(file.path, file.error, ctx.errorColors));
        continue;
      }
      const bases = file.entries.filter((e) => e.kind === 'base').length;
      ctx.io.stdout.write(
        `${ctx.colors.bold(file.path)}  ${ctx.colors.dim(`${file.encoding}, ${file.lineEnding}, ${count(bases, 'base')}, ${count(file.entries.length - bases, 'group')}`)}\n`,
      );
      for (const entry of file.entries) {
        const details = [
          entry.id ? `ID=${entry.id}` : '',
          entry.folder !== undefined ? `Folder=${entry.folder}` : '',
          entry.connect !== undefined ? `Connect=${entry.connect}` : '',
          entry.helpText !== undefined || entry.helpURL !== undefined ? 'help: set' : '',
        ].filter(Boolean);
        ctx.io.stdout.write(
          `  ${entry.kind.padEnd(5)}  [${entry.name}]  ${ctx.colors.dim(details.join('  '))}\n`,
        );
      }
    }
  }
  return files.some((f) => f.status === 'failed') ? EXIT_FAILED : EXIT_OK;
}
