import { execFileSync } from 'node:child_process';

/**
 * Tests that run the shipped artifacts (dist/v8i.mjs, dist/worker.mjs, dist/client-sw/) need a fresh
 * build. `BUILD_TARGETS=v8i,sw` narrows it while working on one part; CI builds everything.
 */
export default function setup(): void {
  const targets = (process.env.BUILD_TARGETS ?? '').split(',').filter(Boolean);
  execFileSync(process.execPath, ['scripts/build.mjs', ...targets], { stdio: 'inherit' });
}
