// Builds the distributable artifacts: `node scripts/build.mjs [v8i|sw|server|worker ...]` (no argument: all).
// Each target lives in scripts/build-<target>.mjs and exports `default async function build()`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// sw before worker: the Worker deploys the client-sw kit (proxy mode) among its static assets.
const all = ['v8i', 'sw', 'server', 'worker'];
// `--name=value` arguments belong to the target scripts (e.g. build:sw's config flags).
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const targets = named.length > 0 ? named : all;

for (const target of targets) {
  const file = join(here, `build-${target}.mjs`);
  if (!existsSync(file)) {
    if (named.length > 0) {
      console.error(`build: unknown target "${target}" (known: ${all.join(', ')})`);
      process.exit(2);
    }
    continue;
  }
  const started = performance.now();
  const { default: build } = await import(pathToFileURL(file).href);
  await build();
  console.log(`build: ${target} done in ${Math.round(performance.now() - started)} ms`);
}
