import { execFileSync } from 'node:child_process';
import { ensureChromiumLibraries, findChromium } from './chromium.ts';
import { MissingTool } from './debian-packages.ts';
import { ensureNginx } from './nginx.ts';

/**
 * Before any test: the tools the tests run for real (nginx, a Chromium), installed where they can be
 * or the run stops at once saying how; then a fresh build of the shipped artifacts (dist/v8i.mjs,
 * dist/worker/worker.mjs, dist/client-sw/). `BUILD_TARGETS=v8i,sw` narrows the build while working on one
 * part; CI builds everything.
 */
export default async function setup(): Promise<void> {
  try {
    ensureNginx();
    const browser = await findChromium();
    ensureChromiumLibraries(browser);
    console.log(`Browser tests use ${browser.description}.`);
  } catch (error) {
    if (!(error instanceof MissingTool)) throw error;
    // One line that says what to do, and no test run on a machine that cannot pass them all.
    console.error(error.message);
    process.exit(1);
  }
  const targets = (process.env.BUILD_TARGETS ?? '').split(',').filter(Boolean);
  execFileSync(process.execPath, ['scripts/build.mjs', ...targets], { stdio: 'inherit' });
}
