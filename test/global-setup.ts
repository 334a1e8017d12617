import { execFileSync } from 'node:child_process';

/** Tests that run the shipped artifacts (dist/v8i.mjs, dist/worker.mjs, dist/client-sw/) need a fresh build. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
