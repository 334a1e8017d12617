// Bundles the Cloudflare Worker: server/src/entry/worker.ts → dist/worker.mjs (one ES module, no
// Node built-ins), and writes the files it serves as they are — the console's page, script and style,
// the client-sw kit, the OpenAPI document — into dist/worker-assets/, its static assets. wrangler.toml uploads both as-is
// (no_bundle, [assets]), so the tested files are the deployed files.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { KIT_FILES } from '../contract/kit-files.ts';
import { WORKER_ASSET_FOLDERS } from '../server/src/entry/worker-assets.ts';
import { ensureProxyKit } from './build-sw.mjs';
import { clientKitModule } from './client-kit-module.mjs';
import { consoleFiles, esbuildVirtualModules } from './virtual-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'worker.mjs');
/** wrangler.toml `[assets] directory`. */
const assetsDir = join(root, 'dist', 'worker-assets');
/** Served from the static assets on Workers: the bundle must not carry a second copy. */
const NOT_IN_BUNDLE = 'startup-help:console-assets';
const OPENAPI_DOCUMENT = join(root, 'server', 'src', 'routes', 'openapi-document.ts');

/**
 * The Worker serves /openapi.json from its static assets (`writeWorkerAssets`), so its bundle carries
 * neither the document nor zod's JSON Schema code: the in-process builder the app falls back to is
 * replaced by one that says so (the Worker entry always passes the assets).
 */
function openApiFromAssets() {
  return {
    name: 'startup-help-openapi-from-assets',
    setup(build) {
      build.onLoad({ filter: /[\\/]server[\\/]src[\\/]routes[\\/]openapi-document\.ts$/ }, (args) => {
        if (args.path !== OPENAPI_DOCUMENT) return undefined;
        return {
          contents:
            'export function buildOpenApi() { throw new Error("The Worker reads /openapi.json from its static assets."); }\n',
          loader: 'js',
        };
      });
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
  const openApiDir = join(assetsDir, WORKER_ASSET_FOLDERS.openapi);
  await mkdir(openApiDir, { recursive: true });
  const { buildOpenApi } = await import(pathToFileURL(OPENAPI_DOCUMENT).href);
  await writeFile(join(openApiDir, 'openapi.json'), JSON.stringify(buildOpenApi()));
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
    plugins: [clientKitModule(), openApiFromAssets(), esbuildVirtualModules()],
  });
  const bundled = Object.keys(metafile.inputs).find((input) => input.endsWith(NOT_IN_BUNDLE));
  if (bundled) {
    throw new Error(
      `build:worker: dist/worker.mjs imports ${NOT_IN_BUNDLE}, whose files the Worker serves from dist/worker-assets/. ` +
        'Import bundled-console-files.ts from the Node entry only.',
    );
  }
  const code = await readFile(outfile);
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  // Level 9, as bench/status-vs-nginx.mjs measures it.
  const gzipped = gzipSync(code, { level: 9 }).length;
  const assets = await sizeOf(assetsDir);
  console.log(`build: dist/worker.mjs ${kib(code.length)} (${kib(gzipped)} gzipped)`);
  console.log(
    `build: dist/worker-assets/ ${assets.files} files, ${kib(assets.bytes)} (the Worker's static assets)`,
  );
}
