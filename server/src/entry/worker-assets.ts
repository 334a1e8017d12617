// The Worker's adapter for its static assets (wrangler.toml `[assets]`, binding ASSETS): the console's
// page, script and style, the client-sw kit's files, the API's fixed answers and the scripts and
// style sheets the pages inline are uploaded beside dist/worker/worker.mjs instead of inside it, which keeps
// the bundle small.
// `run_worker_first` sends every request to the Worker, so the routes still decide every header;
// they only read the bytes from here.
import type { Logger } from '../domain/logger.ts';
import type { InlineAssets, InlineAssetsSource, InlineBlock } from '../routes/inline-assets.ts';
import { filesOnDemand, type StaticFiles } from '../routes/static-files.ts';
import { sha256Source } from '../routes/status-page/sha256-source.ts';

/** The part of the static assets binding the Worker uses. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/**
 * Folders of `dist/worker-assets/` (`npm run build:worker` writes them): the console's files
 * (console.html, console.js, console.css), the proxy's kit (sw.js, register-sw.js, offline.html),
 * the API's fixed answers (openapi.json, templates.json) and what the server's pages inline
 * (`INLINE_FILES`).
 */
export const WORKER_ASSET_FOLDERS = {
  console: 'admin',
  kit: 'client-sw',
  api: 'api',
  inline: 'inline',
} as const;

/** The files of the `inline` folder (`InlineAssets`). */
export const INLINE_FILES = {
  offlinePageScript: 'offline-page.js',
  offlinePageStyle: 'offline-page.css',
  statusPageScript: 'status-page.js',
  statusPageStyle: 'status-page.css',
  thinClientDialogStyle: 'thin-client-dialog.css',
} as const;

const DEPLOY =
  'Run "npm run deploy": it builds dist/worker/worker.mjs with dist/worker-assets/ and uploads both.';

/**
 * The files in one folder of the static assets. A file that is not there (a Worker uploaded without
 * its assets, or without the ASSETS binding) is a problem naming it and the command that fixes it.
 */
export function workerAssetFiles<Name extends string>(
  binding: AssetsBinding | undefined,
  folder: (typeof WORKER_ASSET_FOLDERS)[keyof typeof WORKER_ASSET_FOLDERS],
  what: string,
): StaticFiles<Name> {
  return filesOnDemand<Name>(
    async (name) => {
      if (!binding) return undefined;
      // Any origin will do: the binding looks only at the path.
      const response = await binding.fetch(new Request(`https://assets.invalid/${folder}/${name}`));
      if (response.status === 404) return undefined;
      if (!response.ok) {
        throw new Error(`the static assets answered HTTP ${response.status} for ${folder}/${name}`);
      }
      return response.text();
    },
    (name) =>
      binding
        ? `${what} ${name} is not among this Worker's static assets. ${DEPLOY}`
        : `${what} ${name} cannot be served: this Worker has no ASSETS binding. Copy the [assets] section of the project's wrangler.toml into yours. ${DEPLOY}`,
  );
}

/**
 * The inline scripts and style sheets from the static assets, with the CSP hashes of the bytes read;
 * kept once all are read (an isolate reads them once). A missing one is left out — its page still
 * says everything, unstyled, and the offline page without its automatic return — and the log says
 * what is missing and what to run.
 */
export function inlineAssetsFromStatic(
  binding: AssetsBinding | undefined,
  logger: Logger,
): InlineAssetsSource {
  type Name = (typeof INLINE_FILES)[keyof typeof INLINE_FILES];
  const files = workerAssetFiles<Name>(binding, WORKER_ASSET_FOLDERS.inline, 'The inline file');
  let kept: InlineAssets | undefined;
  const readFile = async (name: Name): Promise<{ block: InlineBlock; found: boolean }> => {
    const file = await files(name);
    if ('problem' in file) logger.error(`${file.problem} Until then the pages that inline it go without it.`);
    const text = 'body' in file ? file.body : '';
    return { block: { text, hash: await sha256Source(text) }, found: 'body' in file };
  };
  return async () => {
    if (kept) return kept;
    const read = await Promise.all([
      readFile(INLINE_FILES.offlinePageScript),
      readFile(INLINE_FILES.offlinePageStyle),
      readFile(INLINE_FILES.statusPageScript),
      readFile(INLINE_FILES.statusPageStyle),
      readFile(INLINE_FILES.thinClientDialogStyle),
    ]);
    const [script, style, statusPageScript, statusPageStyle, thinClientDialogStyle] = read;
    const assets: InlineAssets = {
      offlinePage: {
        script: script.block.text,
        style: style.block.text,
        scriptHash: script.block.hash,
        styleHash: style.block.hash,
      },
      statusPageScript: statusPageScript.block,
      statusPageStyle: statusPageStyle.block,
      thinClientDialogStyle: thinClientDialogStyle.block,
    };
    if (read.every((file) => file.found)) kept = assets;
    return assets;
  };
}
