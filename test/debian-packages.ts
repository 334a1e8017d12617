import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A file that exists and may be run (a directory, or /dev/null bound over a binary, is not one). */
export function isExecutableFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && (stat.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** Where `name` runs from: the first match on PATH, else the given system paths (root's /usr/sbin). */
export function findProgram(name: string, elsewhere: readonly string[] = []): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...onPath.map((dir) => join(dir, name)), ...elsewhere].find(isExecutableFile);
}

/** Stops the test run before any test starts: `message` is the one line the person sees. */
export class MissingTool extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingTool';
    // The line says what to do; a stack trace into the test setup would only bury it.
    this.stack = `${this.name}: ${message}`;
  }
}

function aptGet(args: readonly string[]): void {
  execFileSync('apt-get', ['-y', '-qq', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * Installs Debian packages the tests need, once per machine: as root with apt-get at hand it installs
 * them, printing one line; otherwise it stops the run with one line naming the command. `missing` is
 * the start of that line ("nginx is missing").
 */
export function installDebianPackages(missing: string, packages: readonly string[]): void {
  const command = `apt-get install ${packages.join(' ')}`;
  if (process.getuid?.() !== 0 || !findProgram('apt-get')) {
    throw new MissingTool(`${missing}, and the tests need it. Install with: sudo ${command}`);
  }
  console.log(`${missing}: installing ${packages.join(' ')} with apt-get (once on this machine).`);
  try {
    try {
      aptGet(['install', ...packages]);
    } catch {
      // A fresh machine has no package lists yet, or stale ones.
      aptGet(['update']);
      aptGet(['install', ...packages]);
    }
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    const last = stderr.split('\n').at(-1) ?? '';
    throw new MissingTool(`${missing}, and "${command}" failed (${last}). Run it by hand, then npm test.`);
  }
}
