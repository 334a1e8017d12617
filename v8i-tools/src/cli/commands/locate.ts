import type { Colors } from 'picocolors/types';
import { pathStyleFor } from '../../fs/path-style.ts';
import { type Located, type LocatedFile, type LocatedRole, locateLists } from '../../locate/locate-lists.ts';
import { type CommandContext, EXIT_FAILED, EXIT_OK } from '../context.ts';
import { renderFileError } from '../report.ts';

const roleLabel: Record<LocatedRole, string> = {
  'user-list': 'list',
  'user-config': 'settings',
  'all-users-config': 'settings',
  'shared-config': 'settings',
  'shared-list': 'shared list',
};

function state(file: LocatedFile, c: Colors): string {
  if (file.notWritable?.code === 'web-address') return c.yellow(file.notWritable.message);
  if (!file.exists) return c.dim('not there');
  if (file.writable) return c.green('writable');
  return c.yellow(`read-only for you: ${file.notWritable?.message ?? 'no write permission'}`);
}

function renderFile(file: LocatedFile, c: Colors): string {
  const lines = [`  ${roleLabel[file.role].padEnd(11)} ${file.path}  ${state(file, c)}`];
  for (const by of file.namedBy)
    lines.push(`    ${c.dim(`named by ${by.key}= in ${by.config}, line ${by.line}`)}`);
  if (file.unreadable) {
    lines.push(
      `    ${c.red(`cannot read it: ${file.unreadable.message}`)}`,
      `    ${c.dim(`→ ${file.unreadable.hint}`)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Grouped as 1C reads them: each user's own files, the machine's, then what those name. */
export function renderLocated(located: Located, c: Colors): string {
  const groups = new Map<string, LocatedFile[]>();
  for (const file of located.files) {
    const title =
      file.user !== undefined
        ? `user ${file.user}`
        : file.role === 'all-users-config'
          ? 'all users of this computer'
          : 'shared (named by the settings above)';
    groups.set(title, [...(groups.get(title) ?? []), file]);
  }
  let out = '';
  for (const [title, files] of groups)
    out += `${c.bold(title)}\n${files.map((f) => renderFile(f, c)).join('')}`;
  if (located.profilesWithout1C.length > 0) {
    out += c.dim(`no 1C folder in the profiles ${located.profilesWithout1C.join(', ')}\n`);
  }
  return out;
}

/** `v8i locate`: the lists and settings 1C reads for this user (or every profile under --users). */
export async function locateCommand(ctx: CommandContext): Promise<number> {
  const { io, values } = ctx;
  const style = pathStyleFor(io.platform);
  const users = values.users as string | undefined;
  const found = await locateLists(
    { style, env: io.env, ...(users !== undefined ? { users: style.path.resolve(io.cwd, users) } : {}) },
    io.fs,
  );
  if (!found.ok) {
    io.stderr.write(renderFileError(users ?? 'v8i locate', found.error, ctx.errorColors));
    return EXIT_FAILED;
  }
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify({ command: 'locate', ...found.located }, null, 2)}\n`);
  } else {
    io.stdout.write(renderLocated(found.located, ctx.colors));
  }
  return EXIT_OK;
}
