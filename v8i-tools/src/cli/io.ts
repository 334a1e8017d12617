import type { FileSystem } from '../fs/file-system.ts';
import { pathStyleFor } from '../fs/path-style.ts';

/** A place to write text; cli-progress also reads `isTTY` and `columns` from it. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything the CLI touches outside itself. Only bin/v8i.ts builds the real one from `process`. */
export interface CliIo {
  stdout: Output;
  stderr: Output;
  isTTY: { stdout: boolean; stderr: boolean };
  env: Record<string, string | undefined>;
  /** `process.platform`: decides how paths are read (`win32`: drives, shares, `\\`) and where 1C keeps lists. */
  platform: string;
  cwd: string;
  fetch: typeof fetch;
  fs: FileSystem;
  now: () => Date;
}

/** A path the user typed, made absolute against the working directory, by the rules of the io's platform. */
export function resolvePath(io: Pick<CliIo, 'cwd' | 'platform'>, path: string): string {
  return pathStyleFor(io.platform).path.resolve(io.cwd, path);
}
