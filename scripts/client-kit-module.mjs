// An esbuild plugin for the Worker bundle: `import { CLIENT_KIT } from 'startup-help:client-kit'`
// becomes a module holding the proxy's client-sw kit (dist/client-sw/default/, `npm run build:sw`) as
// strings. Workers have no file system, so proxy mode serves the kit from its own bundle; the Node
// entry reads the same files from disk (server/src/proxy/read-client-kit.ts). When the kit has not
// been built yet (e.g. `npm run build:worker` alone on a fresh checkout), it is built first.
//
// offline.html is mostly the offline page's inline script and style, which the bundle already holds
// (`startup-help:offline-page-assets`, for the proxy's own friendly page). The module keeps only the markup
// around them and joins the page back from those same constants, so the served bytes are exactly the
// built file's (the service worker's precache revision was computed from them) at ~12 KB less.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIT_FILES, PROXY_KIT } from '../contract/kit-files.ts';
import { ensureProxyKit, KITS_DIR } from './build-sw.mjs';
import { offlinePageAssets } from './virtual-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kitDir = join(KITS_DIR, PROXY_KIT);
const PAGE_ASSETS = 'startup-help:offline-page-assets';
const FILES = [KIT_FILES.serviceWorker, KIT_FILES.register, KIT_FILES.offlinePage];
const CONFIG = KIT_FILES.config;

/** offline.html as the markup around its one `<style>` and one `<script>` body, in that order. */
function splitOfflinePage(html, style, script) {
  const wrapped = [`<style>${style}</style>`, `<script>${script}</script>`];
  const [head, rest] = html.split(wrapped[0]);
  const [middle, tail, ...extra] = (rest ?? '').split(wrapped[1]);
  if (head === undefined || rest === undefined || tail === undefined || extra.length > 0) {
    throw new Error(
      'build:worker: dist/client-sw/default/offline.html does not hold the page script and style of ' +
        'the offline page assets once each. Run `npm run build:sw` and build again.',
    );
  }
  return [`${head}<style>`, `</style>${middle}<script>`, `</script>${tail}`];
}

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
        const read = (name) => readFile(join(kitDir, name), 'utf8');
        const { PAGE_SCRIPT, PAGE_STYLE } = await offlinePageAssets();
        const page = splitOfflinePage(await read('offline.html'), PAGE_STYLE, PAGE_SCRIPT);
        const files = { 'sw.js': await read('sw.js'), 'register-sw.js': await read('register-sw.js') };
        const config = JSON.parse(await read(CONFIG));
        return {
          contents: [
            `import { PAGE_SCRIPT, PAGE_STYLE } from ${JSON.stringify(PAGE_ASSETS)};`,
            `const page = ${JSON.stringify(page)};`,
            'export const CLIENT_KIT = {',
            `  ...${JSON.stringify(files)},`,
            `  'offline.html': page[0] + PAGE_STYLE + page[1] + PAGE_SCRIPT + page[2],`,
            `  config: ${JSON.stringify(config)},`,
            '};',
            '',
          ].join('\n'),
          loader: 'js',
          resolveDir: root,
          watchFiles: [...FILES, CONFIG].map((name) => join(kitDir, name)),
        };
      });
    },
  };
}
