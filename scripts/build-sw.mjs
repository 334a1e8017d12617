// `npm run build:sw -- --name=buh --status-url=… --base-name=…` writes one web publication's kit to
// dist/client-sw/buh/: sw.js (Workbox, injectManifest), offline.html, register-sw.js and
// startup-help.config.json — the kit's saved config. `npm run build:sw` alone (and `npm run build`)
// rebuilds every kit from its saved config, so no build replaces a configured kit with a blank one;
// the `default` kit is the one proxy mode serves. Config comes from the saved config, a JSON file
// (--config= / STARTUP_HELP_CONFIG), STARTUP_HELP_* variables and flags (see docs/web-client.md).
// `--kits-dir=` builds into another folder than dist/client-sw.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { injectManifest } from 'workbox-build';
import { BROWSER_TARGET, esbuildVirtualModules } from './virtual-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'client-sw', 'src');
export const KITS_DIR = join(root, 'dist', 'client-sw');

/**
 * The build's own view of the kit's pure code (the build plan, the page renderer, file names),
 * bundled with the build-time modules and loaded here: the renderer inlines the page assets.
 */
async function loadKitCode() {
  const result = await esbuild.build({
    stdin: {
      contents: [
        "export { planKitBuilds } from './client-sw/src/kit-builds.ts';",
        "export { renderOfflinePage } from './client-sw/src/offline-page/render-offline-page.ts';",
        "export { bundledOfflinePageAssets } from './client-sw/src/offline-page/bundled-page-assets.ts';",
        "export { KIT_FILES, PROXY_KIT } from './contract/kit-files.ts';",
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

async function bundle(entry) {
  const result = await esbuild.build({
    entryPoints: [join(source, entry)],
    write: false,
    bundle: true,
    format: 'iife',
    minify: true,
    target: BROWSER_TARGET,
    charset: 'utf8',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [esbuildVirtualModules()],
  });
  return result.outputFiles[0].text;
}

/** The kits on the shelf and their saved configs, as the build plan reads them. */
function shelfIn(kitsDir, configName) {
  const configPath = (name) => join(kitsDir, name, configName);
  return {
    kits: () =>
      existsSync(kitsDir)
        ? readdirSync(kitsDir, { withFileTypes: true })
            .filter((entry) => entry.isDirectory() && existsSync(configPath(entry.name)))
            .map((entry) => entry.name)
        : [],
    savedConfig: (name) =>
      existsSync(configPath(name)) ? readFileSync(configPath(name), 'utf8') : undefined,
    readFile: (path) => readFileSync(path, 'utf8'),
  };
}

/** Writes one kit into `dir` (only that folder is replaced); the worker and register script are shared. */
async function writeKit(code, scripts, dir, config) {
  const { renderOfflinePage, bundledOfflinePageAssets, KIT_FILES } = code;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // The service worker injects the real failure and the current config; this is the no-JS fallback.
  const offline = renderOfflinePage(
    { config, failure: { kind: 'refused', url: '', at: new Date().toISOString() } },
    bundledOfflinePageAssets(),
  );
  await writeFile(join(dir, KIT_FILES.offlinePage), offline);
  await writeFile(join(dir, KIT_FILES.config), `${JSON.stringify(config, null, 2)}\n`);
  await writeFile(join(dir, KIT_FILES.register), scripts.register);
  const temp = await mkdtemp(join(tmpdir(), 'startup-help-sw-'));
  try {
    const swSrc = join(temp, 'sw.js');
    await writeFile(swSrc, scripts.serviceWorker);
    const { warnings } = await injectManifest({
      swSrc,
      swDest: join(dir, KIT_FILES.serviceWorker),
      globDirectory: dir,
      globPatterns: [KIT_FILES.offlinePage, KIT_FILES.config],
    });
    for (const warning of warnings) console.warn(`build:sw: ${warning}`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Builds the kits `argv` asks for (see the top of this file); exits with 2 and a plain reason on a bad request. */
export async function buildKits(argv, env = process.env) {
  const code = await loadKitCode();
  const kitsFlag = argv.find((arg) => arg.startsWith('--kits-dir='));
  const kitsDir = kitsFlag ? resolve(kitsFlag.slice('--kits-dir='.length)) : KITS_DIR;
  const plan = code.planKitBuilds(
    argv.filter((arg) => arg !== kitsFlag),
    env,
    shelfIn(kitsDir, code.KIT_FILES.config),
  );
  if (!plan.ok) {
    console.error(plan.error);
    process.exit(2);
  }
  const scripts = { serviceWorker: await bundle('sw.ts'), register: await bundle('register.ts') };
  for (const { name, config } of plan.builds) {
    const dir = join(kitsDir, name);
    await writeKit(code, scripts, dir, config);
    const where = relative(root, dir) || dir;
    const note = name === code.PROXY_KIT ? ' (the kit proxy mode serves)' : '';
    console.log(`build:sw: ${where}/${note}${config.statusURL ? ` → ${config.statusURL}` : ''}`);
  }
}

/** The proxy's kit, built when missing (the Worker's static assets carry it). */
export async function ensureProxyKit() {
  const { PROXY_KIT, KIT_FILES } = await loadKitCode();
  if (!existsSync(join(KITS_DIR, PROXY_KIT, KIT_FILES.serviceWorker))) {
    await buildKits([`--name=${PROXY_KIT}`], {});
  }
  return join(KITS_DIR, PROXY_KIT);
}

export default async function build() {
  await buildKits(process.argv.slice(2).filter((arg) => arg.startsWith('--')));
}
