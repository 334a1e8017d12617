import cliProgress from 'cli-progress';
import type { CliIo } from './io.ts';

export interface Progress {
  tick(): void;
  stop(): void;
}

const silent: Progress = { tick: () => undefined, stop: () => undefined };

/** A bar on stderr only for a person watching: a TTY, more than 20 files, and no --json. */
export function startProgress(io: CliIo, total: number, json: boolean): Progress {
  if (json || !io.isTTY.stderr || total <= 20) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: 'v8i {bar} {value}/{total} files',
      clearOnComplete: true,
      hideCursor: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
