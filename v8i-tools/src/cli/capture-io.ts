import { nodeFileSystem } from '../fs/node-file-system.ts';
import type { CliIo, Output } from './io.ts';

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
}

/** An `io` for running `main()` in-process (tests, embedding): real disk, captured output. */
export function captureIo(overrides: Partial<CliIo> & { cwd: string; tty?: boolean }): CapturedIo {
  const tty = overrides.tty ?? false;
  let out = '';
  let err = '';
  const stdout: Output = { write: (text: string) => (out += text), isTTY: tty, columns: 100 };
  const stderr: Output = { write: (text: string) => (err += text), isTTY: tty, columns: 100 };
  return {
    stdout,
    stderr,
    isTTY: { stdout: tty, stderr: tty },
    env: {},
    platform: 'linux',
    fetch: globalThis.fetch,
    fs: nodeFileSystem,
    now: () => new Date('2026-11-23T11:00:00Z'),
    ...overrides,
    out: () => out,
    err: () => err,
  };
}
