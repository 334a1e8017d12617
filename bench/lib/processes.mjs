import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** `[command, args]` bound to one CPU with taskset where it exists, so the two sides of a ratio do not trade cores. */
export const pinned = (cpu, command, args) =>
  cpu && existsSync('/usr/bin/taskset')
    ? ['/usr/bin/taskset', ['-c', cpu, command, ...args]]
    : [command, args];

/**
 * Load generators run at the lowest priority: sharing the probe's CPU, they must not delay the probe
 * itself, or the figure would measure the client machine rather than the server.
 */
export const background = ([command, args]) =>
  existsSync('/usr/bin/nice') ? ['/usr/bin/nice', ['-n', '19', command, ...args]] : [command, args];

/** Resolves with the first match of `pattern` in the child's output; rejects if it exits first. */
export function waitForOutput(child, pattern, what) {
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${what} exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

/** A loopback port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The environment `dist/server.mjs` runs with in a bench: loopback, a free port, quiet logs. */
export function serviceEnv(dataDir, token, extra = {}) {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_TOKEN: `bench:${token}`,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}
