// `npm run build:sw [-- --status-url=… --base-name=… …]` writes dist/client-sw/: sw.js (Workbox,
// injectManifest), offline.html, register-sw.js and startup-help.config.json. Config comes from a JSON
// file (--config= / STARTUP_HELP_CONFIG), STARTUP_HELP_* variables and flags (see README, client-sw).
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { injectManifest } from 'workbox-build';
import { BROWSER_TARGET, esbuildVirtualModules } from './virtual-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'client-sw', 'src');
const outDir = join(root, 'dist', 'client-sw');

/**
 * The build's own view of the kit's pure code (config resolution, the page renderer, file names),
 * bundled with the build-time modules and loaded here: the renderer inlines the page assets.
 */
async function loadKitCode() {
  const result = await esbuild.build({
    stdin: {
      contents: [
        "export { resolveBuildConfig } from './client-sw/src/build-config.ts';",
        "export { renderOfflinePage } from './client-sw/src/offline-page/render-offline-page.ts';",
        "export { KIT_FILES } from './contract/kit-files.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'warning',
    plugins: [esbuildVirtualModules()],
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

async function bundle(entry, outfile, extra = {}) {
  await esbuild.build({
    entryPoints: [join(source, entry)],
    outfile,
    bundle: true,
    format: 'iife',
    minify: true,
    target: BROWSER_TARGET,
    charset: 'utf8',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [esbuildVirtualModules()],
    ...extra,
  });
}

export default async function build() {
  const { resolveBuildConfig, renderOfflinePage, KIT_FILES } = await loadKitCode();
  const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
  const resolved = resolveBuildConfig(flags, process.env, (path) => readFileSync(path, 'utf8'));
  if (!resolved.ok) {
    console.error(resolved.error);
    process.exit(2);
  }
  const { config } = resolved;

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  // The service worker injects the real failure and the current config; this is the no-JS fallback.
  const offline = renderOfflinePage({
    config,
    failure: { kind: 'refused', url: '', at: new Date().toISOString() },
  });
  await writeFile(join(outDir, KIT_FILES.offlinePage), offline);
  await writeFile(join(outDir, KIT_FILES.config), `${JSON.stringify(config, null, 2)}\n`);
  await bundle('register.ts', join(outDir, KIT_FILES.register));

  const temp = await mkdtemp(join(tmpdir(), 'startup-help-sw-'));
  try {
    const swSrc = join(temp, 'sw.js');
    await bundle('sw.ts', swSrc);
    const { count, size, warnings } = await injectManifest({
      swSrc,
      swDest: join(outDir, KIT_FILES.serviceWorker),
      globDirectory: outDir,
      globPatterns: [KIT_FILES.offlinePage, KIT_FILES.config],
    });
    for (const warning of warnings) console.warn(`build:sw: ${warning}`);
    console.log(`build:sw: precached ${count} files (${size} bytes) into dist/client-sw/sw.js`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
