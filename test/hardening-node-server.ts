// The real Node entry (server/src/entry/node.ts) as a child process, for the hardening tests that need
// what only a process has: its whole output (logs), the OS's own failures, another user id.
// (test/server-node.test.ts keeps its own starter inside a test file, which cannot be imported.)
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export interface NodeServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Sends `signal` and resolves with the exit code once the output is drained. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /**
   * Let file permissions apply even when the tests run as root (as CI does). Root ignores file modes
   * through CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH, so the child runs under `setpriv` without them.
   * It stays uid 0, so it still reaches the checkout wherever CI cloned it (switching to `nobody`
   * would fail on a checkout under a private home directory for reasons the test is not about).
   */
  withoutPermissionOverride?: boolean;
}

const running = new Set<ChildProcess>();

/** Kills whatever a test left running (call from afterAll). */
export function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
}

function spawnEntry(dataDir: string, options: StartOptions) {
  const entry = [process.execPath, '--enable-source-maps', 'dist/server.mjs'];
  const dropOverride = options.withoutPermissionOverride === true && process.getuid?.() === 0;
  const [command = process.execPath, ...args] = dropOverride
    ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', ...entry]
    : entry;
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const closed = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, closed, output: () => output };
}

/** Starts the entry on an ephemeral loopback port; resolves once it prints where it listens. */
export async function startNodeServer(
  dataDir: string,
  options: StartOptions = {},
): Promise<NodeServerProcess> {
  const { child, closed, output } = spawnEntry(dataDir, options);
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output());
      if (listening?.[1]) {
        child.stdout?.off('data', check);
        resolve(listening[1]);
      }
    };
    child.stdout?.on('data', check);
    closed.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output()}`)));
  });
  return {
    url,
    child,
    output,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return closed;
    },
  };
}

/** Runs the entry expecting it to refuse to start; resolves with its exit code and output. */
export async function runUntilExit(
  dataDir: string,
  options: StartOptions = {},
): Promise<{ code: number | null; output: string }> {
  const { child, closed, output } = spawnEntry(dataDir, options);
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await closed;
  clearTimeout(timer);
  return { code, output: output() };
}

/** The token the entry prints at first start when ADMIN_TOKEN is not set. */
export function printedToken(output: string): string | undefined {
  return /shown once[^\n]*\n\s*\n\s+(\S+)/.exec(output)?.[1];
}
