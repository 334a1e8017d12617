import type { PathStyle } from './path-style.ts';

/**
 * A path argument as the user typed it, split where its first wildcard segment starts: `base` is the
 * folder to search from (written in the machine's own style), `pattern` the rest for tinyglobby
 * (always `/`-separated, relative to `base`). Without a wildcard there is no pattern.
 */
export type PathPattern = { kind: 'path'; path: string } | { kind: 'glob'; base: string; pattern: string };

/** On Windows only `*` and `?` are wildcards (cmd.exe and PowerShell users know no others). */
const WINDOWS_WILDCARD = /[*?]/;
/** Characters a Windows file name may hold that tinyglobby would read as glob syntax. */
const WINDOWS_LITERAL_SPECIAL = /[()[\]{}!+@]/g;
/** On Unix the shell's glob syntax: `* ? [..] {..}`, extglobs, and `\` escapes. */
const POSIX_GLOB = /[*?[{\\]|[!+@]\(/;

/** Splits the root (`/`, `C:\`, `\\server\share\`, or nothing for a relative path) from the rest. */
function splitRoot(arg: string, style: PathStyle): { root: string; segments: string[] } {
  const root = style.path.parse(arg).root;
  const rest = arg.slice(root.length);
  const separators = style.name === 'win32' ? /[\\/]+/ : /\/+/;
  return { root, segments: rest.split(separators).filter((segment) => segment !== '') };
}

function windowsSegmentPattern(segment: string): string {
  return segment.replace(WINDOWS_LITERAL_SPECIAL, '\\$&');
}

export function splitPathPattern(arg: string, style: PathStyle): PathPattern {
  const { root, segments } = splitRoot(arg, style);
  const dynamic = style.name === 'win32' ? WINDOWS_WILDCARD : POSIX_GLOB;
  const first = segments.findIndex((segment) => dynamic.test(segment));
  if (first === -1) return { kind: 'path', path: arg };
  const literal = segments.slice(0, first);
  const base = root === '' && literal.length === 0 ? '.' : style.path.join(root, ...literal);
  const rest = segments.slice(first);
  const pattern = style.name === 'win32' ? rest.map(windowsSegmentPattern).join('/') : rest.join('/');
  return { kind: 'glob', base, pattern };
}
