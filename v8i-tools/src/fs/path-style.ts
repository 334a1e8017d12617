import { type PlatformPath, posix, win32 } from 'node:path';

/**
 * How paths are written on the machine the CLI serves. On Windows `\` and `/` both separate, a path
 * may start with a drive (`C:\`) or a share (`\\fs\1c$\`), and names compare without case. Chosen from
 * the io's platform, never from the host running the code, so tests can use Windows rules on Linux.
 */
export interface PathStyle {
  name: 'win32' | 'posix';
  path: PlatformPath;
  /** Whether two spellings of a name mean the same file. */
  sameName(a: string, b: string): boolean;
}

const windows: PathStyle = {
  name: 'win32',
  path: win32,
  sameName: (a, b) => a.toUpperCase() === b.toUpperCase(),
};

const unix: PathStyle = { name: 'posix', path: posix, sameName: (a, b) => a === b };

export function pathStyleFor(platform: string): PathStyle {
  return platform === 'win32' ? windows : unix;
}
