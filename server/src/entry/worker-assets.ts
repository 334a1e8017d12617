// The Worker's adapter for its static assets (wrangler.toml `[assets]`, binding ASSETS): the console's
// page, script and style, the client-sw kit's files and the offline page's script and style are
// uploaded beside dist/worker.mjs instead of inside it, which keeps the bundle small.
// `run_worker_first` sends every request to the Worker, so the routes still decide every header;
// they only read the bytes from here.
import type { Logger } from '../domain/logger.ts';
import type { OfflinePageAssets, OfflinePageSource } from '../offline-page.ts';
import { filesOnDemand, type StaticFiles } from '../routes/static-files.ts';
import { sha256Source } from '../routes/status-page/sha256-source.ts';

/** The part of the static assets binding the Worker uses. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/**
 * Folders of `dist/worker-assets/` (`npm run build:worker` writes them): the console's files
 * (console.html, console.js, console.css), the proxy's kit (sw.js, register-sw.js, offline.html),
 * the API's fixed answers (openapi.json, templates.json) and the offline page's script and style
 * (`OFFLINE_PAGE_FILES`), which the friendly page and the console's previews inline.
 */
export const WORKER_ASSET_FOLDERS = {
  console: 'admin',
  kit: 'client-sw',
  api: 'api',
  offlinePage: 'offline-page',
} as const;

/** The files of the `offline-page` folder. */
export const OFFLINE_PAGE_FILES = { script: 'page-script.js', style: 'page-style.css' } as const;

const DEPLOY = 'Run "npm run deploy": it builds dist/worker.mjs with dist/worker-assets/ and uploads both.';

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
 * The offline page's script and style from the static assets, with the CSP hashes of the bytes read.
 * Kept once both are read (an isolate reads them once). Without them the page is rendered bare —
 * its text, the message and the details, unstyled and without the automatic return — and the log
 * says what is missing, so a user still learns what happened.
 */
export function offlinePageFromAssets(binding: AssetsBinding | undefined, logger: Logger): OfflinePageSource {
  type Name = (typeof OFFLINE_PAGE_FILES)[keyof typeof OFFLINE_PAGE_FILES];
  const files = workerAssetFiles<Name>(binding, WORKER_ASSET_FOLDERS.offlinePage, "The offline page's");
  let kept: OfflinePageAssets | undefined;
  const read = async (name: Name): Promise<string | undefined> => {
    const file = await files(name);
    if ('body' in file) return file.body;
    logger.error(`${file.problem} Until then the friendly page and the console's previews go without it.`);
    return undefined;
  };
  return async () => {
    if (kept) return kept;
    const [script, style] = await Promise.all([
      read(OFFLINE_PAGE_FILES.script),
      read(OFFLINE_PAGE_FILES.style),
    ]);
    const assets: OfflinePageAssets = {
      script: script ?? '',
      style: style ?? '',
      scriptHash: await sha256Source(script ?? ''),
      styleHash: await sha256Source(style ?? ''),
    };
    if (script !== undefined && style !== undefined) kept = assets;
    return assets;
  };
}
