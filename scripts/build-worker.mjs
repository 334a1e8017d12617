// Bundles the Cloudflare Worker: server/src/entry/worker.ts → dist/worker/worker.mjs (one ES module, no
// Node built-ins), and writes the files it serves or inlines as they are — the console's page, script
// and style, the client-sw kit, the OpenAPI document and the message templates, the scripts and style
// sheets its pages inline — into dist/worker-assets/, its static assets. wrangler.toml uploads both
// as-is (no_bundle, [assets]), so the tested files are the deployed files.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { KIT_FILES } from '../contract/kit-files.ts';
import { INLINE_FILES, WORKER_ASSET_FOLDERS } from '../server/src/entry/worker-assets.ts';
import { THIN_CLIENT_DIALOG_CSS } from '../server/src/routes/console/preview/thin-client-dialog-style.ts';
import { STATUS_PAGE_CSS } from '../server/src/routes/status-page/status-page-style.ts';
import { ensureProxyKit } from './build-sw.mjs';
import { clientKitModule } from './client-kit-module.mjs';
import {
  consoleFiles,
  esbuildVirtualModules,
  offlinePageAssets,
  statusPageScript,
} from './virtual-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'worker', 'worker.mjs');
/** wrangler.toml `[assets] directory`. */
const assetsDir = join(root, 'dist', 'worker-assets');
/** Read from the static assets on Workers: the bundle must not carry a second copy. */
const NOT_IN_BUNDLE = [
  'startup-help:console-assets',
  'startup-help:offline-page-assets',
  'startup-help:status-page-script',
];
const OPENAPI_DOCUMENT = join(root, 'server', 'src', 'routes', 'openapi-document.ts');
const TEMPLATES_DOCUMENT = join(root, 'server', 'src', 'routes', 'templates-document.ts');
const OFFLINE_PAGE_ASSETS = join(root, 'client-sw', 'src', 'offline-page', 'bundled-page-assets.ts');
const INLINE_ASSETS = join(root, 'server', 'src', 'routes', 'bundled-inline-assets.ts');

/**
 * What the app falls back to when an entry passes nothing — /openapi.json built in this process (and
 * zod's JSON Schema code with it), the message templates, the inline scripts and style sheets from
 * the bundle — the Worker reads from its static assets (`writeWorkerAssets`). Its bundle gets
 * stand-ins that say so if ever called (the Worker entry always passes the assets).
 */
const FROM_ASSETS = new Map([
  [
    OPENAPI_DOCUMENT,
    'export function buildOpenApi() { throw new Error("The Worker reads /openapi.json from its static assets."); }\n',
  ],
  [
    TEMPLATES_DOCUMENT,
    'export function buildTemplatesDocument() { throw new Error("The Worker reads the message templates from its static assets."); }\n',
  ],
  [
    OFFLINE_PAGE_ASSETS,
    'export function bundledOfflinePageAssets() { throw new Error("The Worker reads the offline page\'s script and style from its static assets."); }\n',
  ],
  [
    INLINE_ASSETS,
    'export function bundledInlineAssets() { throw new Error("The Worker reads the inline scripts and style sheets from its static assets."); }\n',
  ],
]);

function fromAssets() {
  return {
    name: 'startup-help-from-assets',
    setup(build) {
      build.onLoad(
        {
          filter: /[\\/](openapi-document|templates-document|bundled-page-assets|bundled-inline-assets)\.ts$/,
        },
        (args) => {
          const contents = FROM_ASSETS.get(args.path);
          return contents === undefined ? undefined : { contents, loader: 'js' };
        },
      );
    },
  };
}

/** dist/worker-assets/ afresh: nothing left over from an older build gets uploaded. */
async function writeWorkerAssets() {
  await rm(assetsDir, { recursive: true, force: true });
  const consoleDir = join(assetsDir, WORKER_ASSET_FOLDERS.console);
  const kitDir = join(assetsDir, WORKER_ASSET_FOLDERS.kit);
  await Promise.all([mkdir(consoleDir, { recursive: true }), mkdir(kitDir, { recursive: true })]);
  for (const [name, text] of Object.entries(await consoleFiles())) {
    await writeFile(join(consoleDir, name), text);
  }
  const apiDir = join(assetsDir, WORKER_ASSET_FOLDERS.api);
  await mkdir(apiDir, { recursive: true });
  const { buildOpenApi } = await import(pathToFileURL(OPENAPI_DOCUMENT).href);
  await writeFile(join(apiDir, 'openapi.json'), JSON.stringify(buildOpenApi()));
  const { buildTemplatesDocument } = await import(pathToFileURL(TEMPLATES_DOCUMENT).href);
  await writeFile(join(apiDir, 'templates.json'), buildTemplatesDocument());
  // The very bytes the Node bundle inlines; the Worker hashes what it reads for the pages' CSP.
  const inlineDir = join(assetsDir, WORKER_ASSET_FOLDERS.inline);
  await mkdir(inlineDir, { recursive: true });
  const page = await offlinePageAssets();
  await writeFile(join(inlineDir, INLINE_FILES.offlinePageScript), page.PAGE_SCRIPT);
  await writeFile(join(inlineDir, INLINE_FILES.offlinePageStyle), page.PAGE_STYLE);
  await writeFile(
    join(inlineDir, INLINE_FILES.statusPageScript),
    (await statusPageScript()).STATUS_PAGE_SCRIPT,
  );
  await writeFile(join(inlineDir, INLINE_FILES.statusPageStyle), STATUS_PAGE_CSS);
  await writeFile(join(inlineDir, INLINE_FILES.thinClientDialogStyle), THIN_CLIENT_DIALOG_CSS);
  const builtKit = await ensureProxyKit();
  for (const name of [KIT_FILES.serviceWorker, KIT_FILES.register, KIT_FILES.offlinePage]) {
    await copyFile(join(builtKit, name), join(kitDir, name));
  }
}

/** Total bytes and count of the files under `dir`. */
async function sizeOf(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const sizes = await Promise.all(
    files.map(async (file) => (await readFile(join(file.parentPath, file.name))).length),
  );
  return { files: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

export default async function build() {
  await writeWorkerAssets();
  const { metafile } = await esbuild({
    entryPoints: [join(root, 'server', 'src', 'entry', 'worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2023',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    minify: true,
    // Russian and Latvian texts as UTF-8, not \\u escapes: smaller, gzipped too.
    charset: 'utf8',
    sourcemap: false,
    legalComments: 'none',
    // The runtime's own TCP sockets (tcp monitors), provided by workerd.
    external: ['cloudflare:sockets'],
    logLevel: 'warning',
    metafile: true,
    // Proxy mode needs the client-sw kit's config at start (`startup-help:client-kit`); its files are assets.
    plugins: [clientKitModule(), fromAssets(), esbuildVirtualModules()],
  });
  const bundled = NOT_IN_BUNDLE.find((id) =>
    Object.keys(metafile.inputs).some((input) => input.endsWith(id)),
  );
  if (bundled) {
    throw new Error(
      `build:worker: dist/worker/worker.mjs imports ${bundled}, whose files the Worker reads from dist/worker-assets/. ` +
        'Import it from the Node entry only, or through a module the Worker build replaces (FROM_ASSETS).',
    );
  }
  const code = await readFile(outfile);
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  // Level 9, as bench/status-vs-nginx.mjs measures it.
  const gzipped = gzipSync(code, { level: 9 }).length;
  const assets = await sizeOf(assetsDir);
  console.log(`build: dist/worker/worker.mjs ${kib(code.length)} (${kib(gzipped)} gzipped)`);
  console.log(
    `build: dist/worker-assets/ ${assets.files} files, ${kib(assets.bytes)} (the Worker's static assets)`,
  );
}
