// An esbuild plugin for the Worker bundle: `import { CLIENT_KIT_CONFIG } from 'startup-help:client-kit'`
// becomes a module holding the proxy kit's built config (dist/client-sw/default/, `npm run build:sw`),
// which the Worker needs when it starts. The kit's files themselves are not bundled: build-worker.mjs
// copies them into the Worker's static assets (dist/worker-assets/), byte for byte, so the service
// worker's precache revision still matches. When the kit has not been built yet (e.g.
// `npm run build:worker` alone on a fresh checkout), it is built first.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KIT_FILES, PROXY_KIT } from '../contract/kit-files.ts';
import { ensureProxyKit, KITS_DIR } from './build-sw.mjs';

const configFile = join(KITS_DIR, PROXY_KIT, KIT_FILES.config);

export function clientKitModule() {
  return {
    name: 'startup-help-client-kit',
    setup(build) {
      build.onResolve({ filter: /^startup-help:client-kit$/ }, (args) => ({
        path: args.path,
        namespace: 'startup-help-client-kit',
      }));
      build.onLoad({ filter: /.*/, namespace: 'startup-help-client-kit' }, async () => {
        await ensureProxyKit();
        const config = JSON.parse(await readFile(configFile, 'utf8'));
        return {
          contents: `export const CLIENT_KIT_CONFIG = ${JSON.stringify(config)};\n`,
          loader: 'js',
          watchFiles: [configFile],
        };
      });
    },
  };
}
