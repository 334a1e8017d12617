import type { EntryKind, FileError, FileSystem, Target } from './file-system.ts';
import { splitPathPattern } from './path-pattern.ts';
import type { PathStyle } from './path-style.ts';

export interface ExpandedPaths {
  files: Target[];
  /** Arguments that gave no file: a missing path, a pattern matching nothing, a folder without lists. */
  problems: { path: string; error: FileError }[];
}

type Expansion = { files: Target[] } | { error: FileError };

const LISTS = '**/*.v8i';

function notFound(arg: string, style: PathStyle, what: string): FileError {
  // cmd.exe passes single quotes on as part of the argument; the path then cannot exist.
  const quoted = style.name === 'win32' && /^'.*'$/.test(arg);
  return {
    code: 'not-found',
    message: what,
    hint: quoted
      ? `cmd.exe does not treat ' as a quote: write "${arg.slice(1, -1)}" (double quotes) instead`
      : style.name === 'win32'
        ? 'check the path; put it in double quotes in cmd.exe ("C:\\Users\\*\\AppData\\Roaming\\1C\\1CEStart"), in single or double quotes in PowerShell'
        : 'check the path; quote a pattern ("/home/*/.1C/1cestart") so the shell passes it on as it is',
  };
}

function noLists(what: string): FileError {
  return {
    code: 'no-lists',
    message: `no .v8i files in ${what}`,
    hint: 'check that this is where the base lists are; 1C keeps them in %APPDATA%\\1C\\1CEStart on Windows and ~/.1C/1cestart on Linux ("v8i locate" shows them)',
  };
}

/**
 * Files, folders (searched at any depth for `*.v8i`, any letter case) and patterns (`*` in any
 * segment) → the lists to work on. Every argument that yields nothing is a problem of its own, so a
 * typo never passes unnoticed; a folder without lists is told apart from a path that is not there.
 */
export async function expandPaths(
  args: readonly string[],
  cwd: string,
  style: PathStyle,
  fs: FileSystem,
): Promise<ExpandedPaths> {
  const { path } = style;
  const shownUnder = (shown: string, relative: string) =>
    path.join(shown, ...relative.replace(/\/$/, '').split('/'));
  const listsIn = async (shown: string, absolute: string): Promise<Target[]> =>
    (await fs.glob(absolute, LISTS, { onlyFiles: true })).map((relative) => ({
      path: shownUnder(shown, relative),
      absolute: shownUnder(absolute, relative),
    }));

  const expandOne = async (arg: string): Promise<Expansion> => {
    const split = splitPathPattern(arg, style);
    if (split.kind === 'path') {
      const absolute = path.resolve(cwd, arg);
      const kind: EntryKind | undefined = await fs.kindOf(absolute);
      if (kind === 'file') return { files: [{ path: arg, absolute }] };
      if (kind === undefined) return { error: notFound(arg, style, 'no such file or folder') };
      const files = await listsIn(arg, absolute);
      return files.length > 0 ? { files } : { error: noLists(arg) };
    }
    const base = path.resolve(cwd, split.base);
    if ((await fs.kindOf(base)) !== 'folder') {
      return { error: notFound(arg, style, `no such folder: ${split.base}`) };
    }
    const matches = await fs.glob(base, split.pattern, { onlyFiles: false });
    if (matches.length === 0) return { error: notFound(arg, style, 'nothing matches this pattern') };
    const files: Target[] = [];
    for (const match of matches) {
      const shown = shownUnder(split.base, match);
      const absolute = shownUnder(base, match);
      if (match.endsWith('/')) files.push(...(await listsIn(shown, absolute)));
      else files.push({ path: shown, absolute });
    }
    const folders = matches.length;
    return files.length > 0
      ? { files }
      : { error: noLists(`the ${folders === 1 ? 'folder' : `${folders} folders`} matching ${arg}`) };
  };

  const seen = new Set<string>();
  const files: Target[] = [];
  const problems: ExpandedPaths['problems'] = [];
  for (const arg of args) {
    const expansion = await expandOne(arg);
    if ('error' in expansion) {
      problems.push({ path: arg, error: expansion.error });
      continue;
    }
    for (const file of expansion.files) {
      const key = style.name === 'win32' ? file.absolute.toUpperCase() : file.absolute;
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}
