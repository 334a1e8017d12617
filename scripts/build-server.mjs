// Bundles the Node service: server/src/entry/node.ts → dist/server.mjs (one ES module with its
// dependencies, the console and offline-page assets, and a source map). `npm start` runs that file;
// its `prestart` calls this with `--if-stale`, which rebuilds only when a source is newer than the
// bundle, so a fresh clone's `npm start` builds once and later starts cost nothing.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { esbuildVirtualModules } from './virtual-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'server.mjs');
/** Everything the bundle is made of: our sources, the build scripts and the installed packages. */
const SOURCES = ['contract', 'server', 'console', 'client-sw/src', 'scripts', 'package-lock.json'];

async function newestMtime(path) {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

async function isStale() {
  const built = await stat(outfile).catch(() => undefined);
  if (!built) return true;
  const newest = Math.max(...(await Promise.all(SOURCES.map((path) => newestMtime(join(root, path))))));
  return newest > built.mtimeMs;
}

export default async function build() {
  if (process.argv.includes('--if-stale') && !(await isStale())) {
    console.log('build: dist/server.mjs is up to date');
    return;
  }
  await esbuild({
    entryPoints: [join(root, 'server', 'src', 'entry', 'node.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    // Some bundled CommonJS packages call require() for Node's built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    plugins: [esbuildVirtualModules()],
  });
}
