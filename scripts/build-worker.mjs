// Bundles the Cloudflare Worker: server/src/entry/worker.ts → dist/worker.mjs (one ES module, no
// Node built-ins). wrangler.toml uploads this file as-is (no_bundle), so the tested file is the
// deployed file.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { clientKitModule } from './client-kit-module.mjs';
import { esbuildVirtualModules } from './virtual-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'worker.mjs');
const OPENAPI_DOCUMENT = join(root, 'server', 'src', 'routes', 'openapi-document.ts');

/**
 * `buildOpenApi()` as the document it returns, computed here with the same schemas: the Worker serves
 * the same /openapi.json without bundling zod's JSON Schema code (5.5 KB gzipped net).
 */
function precomputedOpenApi() {
  return {
    name: 'startup-help-precomputed-openapi',
    setup(build) {
      build.onLoad({ filter: /[\\/]server[\\/]src[\\/]routes[\\/]openapi-document\.ts$/ }, async (args) => {
        if (args.path !== OPENAPI_DOCUMENT) return undefined;
        const { buildOpenApi } = await import(pathToFileURL(OPENAPI_DOCUMENT).href);
        const document = JSON.stringify(buildOpenApi());
        return {
          contents: `export function buildOpenApi() { return JSON.parse(${JSON.stringify(document)}); }\n`,
          loader: 'js',
        };
      });
    },
  };
}

export default async function build() {
  await esbuild({
    entryPoints: [join(root, 'server', 'src', 'entry', 'worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2023',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // The runtime's own TCP sockets (tcp monitors), provided by workerd.
    external: ['cloudflare:sockets'],
    logLevel: 'warning',
    // Proxy mode serves the client-sw kit from the bundle (`startup-help:client-kit`).
    plugins: [clientKitModule(), precomputedOpenApi(), esbuildVirtualModules()],
  });
  const code = await readFile(outfile);
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  // Level 9, as bench/status-vs-nginx.mjs measures it.
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`build: dist/worker.mjs ${kib(code.length)} (${kib(gzipped)} gzipped)`);
}
