// Bundles the Cloudflare Worker: server/src/entry/worker.ts → dist/worker.mjs (one ES module, no
// Node built-ins). wrangler.toml uploads this file as-is (no_bundle), so the tested file is the
// deployed file.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { clientKitModule } from './client-kit-module.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'worker.mjs');

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
    logLevel: 'warning',
    // Proxy mode serves the client-sw kit from the bundle (`startup-help:client-kit`).
    plugins: [clientKitModule()],
  });
  const code = await readFile(outfile);
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`build: dist/worker.mjs ${kib(code.length)} (${kib(gzipSync(code).length)} gzipped)`);
}
