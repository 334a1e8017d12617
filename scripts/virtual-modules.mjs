// Build-time modules: browser code the server serves as strings (the offline page's inline script and
// style, the status page's script, the admin console's page, script and style), and the database migrations the Node store
// applies (server/migrations, the same files wrangler applies to D1). They are generated from their sources whenever
// something imports them — by esbuild for dist/ (server, Worker, kit) and by Vite under vitest — so no
// generated file is ever committed and none can go stale. Type declarations live next to the importers
// (client-sw/src/offline-page/page-assets.d.ts, server/src/routes/console/console-assets.d.ts,
// server/src/store/migrations.d.ts).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pageDir = join(root, 'client-sw', 'src', 'offline-page');
const consoleDir = join(root, 'console');

/** Modern evergreen browsers: every browser with service workers understands this. */
export const BROWSER_TARGET = ['chrome100', 'firefox100', 'safari15.4', 'edge100'];

const sha256Base64 = (text) => createHash('sha256').update(text, 'utf8').digest('base64');

async function bundleBrowserScript(entry, minify) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: BROWSER_TARGET,
    minify,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text.trim();
}

/** The offline page's script and style, inlined into the page and fixed in its CSP by hash. */
export async function offlinePageAssets() {
  const script = await bundleBrowserScript(join(pageDir, 'page-script.ts'), true);
  const style = await esbuild.transform(await readFile(join(pageDir, 'page-style.css'), 'utf8'), {
    loader: 'css',
    minify: true,
    target: BROWSER_TARGET,
  });
  const css = style.code.trim();
  if (/<\/script/i.test(script) || /<\/style/i.test(css)) {
    throw new Error('the offline page script or style contains a closing tag and cannot be inlined');
  }
  return {
    PAGE_SCRIPT: script,
    PAGE_SCRIPT_SHA256: sha256Base64(script),
    PAGE_STYLE: css,
    PAGE_STYLE_SHA256: sha256Base64(css),
  };
}

/** The status page's one script (the reader's own clock beside the service's times), inlined by hash. */
export async function statusPageScript() {
  const script = await bundleBrowserScript(
    join(root, 'server', 'src', 'routes', 'status-page', 'reader-time-script.ts'),
    true,
  );
  if (/<\/script/i.test(script)) throw new Error('the status page script contains a closing tag');
  return { STATUS_PAGE_SCRIPT: script, STATUS_PAGE_SCRIPT_SHA256: sha256Base64(script) };
}

/** Runs a self-contained ESM bundle of `contents` (TS/TSX, resolved from the repo root) and returns its exports. */
async function evaluate(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'tsx', sourcefile: 'virtual-entry.tsx' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/**
 * The admin console's files by the name they are served under: its static page (rendered once here),
 * its script and its style sheet. The Node bundle holds them (`startup-help:console-assets`); the
 * Worker gets them as static assets (scripts/build-worker.mjs).
 */
export async function consoleFiles() {
  const [script, page] = await Promise.all([
    bundleBrowserScript(join(consoleDir, 'browser', 'main.ts'), true),
    evaluate(
      [
        "export { renderConsolePage } from './console/page/console-page.tsx';",
        "export { CONSOLE_CSS } from './console/page/console-style.ts';",
      ].join('\n'),
    ),
  ]);
  return { 'console.html': page.renderConsolePage(), 'console.js': script, 'console.css': page.CONSOLE_CSS };
}

async function consoleAssets() {
  const files = await consoleFiles();
  return {
    CONSOLE_HTML: files['console.html'],
    CONSOLE_SCRIPT: files['console.js'],
    CONSOLE_CSS: files['console.css'],
  };
}

/** server/migrations/*.sql in file-name order, as wrangler orders them: `{ name, sql }` each. */
async function migrations() {
  const dir = join(root, 'server', 'migrations');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return {
    MIGRATIONS: await Promise.all(
      names.map(async (name) => ({ name, sql: await readFile(join(dir, name), 'utf8') })),
    ),
  };
}

const GENERATORS = {
  'startup-help:offline-page-assets': offlinePageAssets,
  'startup-help:console-assets': consoleAssets,
  'startup-help:migrations': migrations,
  'startup-help:status-page-script': statusPageScript,
};

/** The module text for one virtual module: each value as a constant (JSON). */
export async function virtualModuleSource(id) {
  const generate = GENERATORS[id];
  if (!generate) throw new Error(`unknown build-time module ${id}`);
  const values = await generate();
  return Object.entries(values)
    .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
    .join('\n');
}

const FILTER = /^startup-help:(offline-page-assets|console-assets|migrations|status-page-script)$/;

/** For esbuild (dist/ builds and tests that bundle sources). */
export function esbuildVirtualModules() {
  return {
    name: 'startup-help-virtual-modules',
    setup(build) {
      build.onResolve({ filter: FILTER }, (args) => ({ path: args.path, namespace: 'startup-help-virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'startup-help-virtual' }, async (args) => ({
        contents: await virtualModuleSource(args.path),
        loader: 'js',
      }));
    },
  };
}

/** For Vite (vitest): the same modules while tests import the sources directly. */
export function viteVirtualModules() {
  const prefix = '\0';
  return {
    name: 'startup-help-virtual-modules',
    resolveId(id) {
      return FILTER.test(id) ? prefix + id : undefined;
    },
    load(id) {
      return id.startsWith(prefix) && FILTER.test(id.slice(prefix.length))
        ? virtualModuleSource(id.slice(prefix.length))
        : undefined;
    },
  };
}
