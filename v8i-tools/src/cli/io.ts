import type { FileSystem } from '../fs/file-system.ts';

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
  cwd: string;
  fetch: typeof fetch;
  fs: FileSystem;
  now: () => Date;
}
