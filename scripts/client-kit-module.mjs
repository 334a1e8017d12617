// An esbuild plugin for the Worker bundle: `import { CLIENT_KIT } from 'startup-help:client-kit'`
// becomes a module holding the client-sw kit built by `npm run build:sw` (dist/client-sw/) as strings.
// Workers have no file system, so proxy mode serves the kit from its own bundle; the Node entry
// reads the same files from disk (server/src/proxy/read-client-kit.ts). When the kit has not been
// built yet (e.g. `npm run build:worker` alone on a fresh checkout), it is built first.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kitDir = join(root, 'dist', 'client-sw');
const FILES = ['sw.js', 'register-sw.js', 'offline.html'];
const CONFIG = 'startup-help.config.json';

export function clientKitModule() {
  return {
    name: 'startup-help-client-kit',
    setup(build) {
      build.onResolve({ filter: /^startup-help:client-kit$/ }, (args) => ({
        path: args.path,
        namespace: 'startup-help-client-kit',
      }));
      build.onLoad({ filter: /.*/, namespace: 'startup-help-client-kit' }, async () => {
        if (![...FILES, CONFIG].every((name) => existsSync(join(kitDir, name)))) {
          const { default: buildSw } = await import('./build-sw.mjs');
          await buildSw();
        }
        const kit = {};
        for (const name of FILES) kit[name] = await readFile(join(kitDir, name), 'utf8');
        kit.config = JSON.parse(await readFile(join(kitDir, CONFIG), 'utf8'));
        return {
          contents: `export const CLIENT_KIT = ${JSON.stringify(kit)};\n`,
          loader: 'js',
          watchFiles: [...FILES, CONFIG].map((name) => join(kitDir, name)),
        };
      });
    },
  };
}
