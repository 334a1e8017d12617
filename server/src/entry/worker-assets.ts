// The Worker's adapter for its static assets (wrangler.toml `[assets]`, binding ASSETS): the console's
// page, script and style and the client-sw kit's files are uploaded beside dist/worker.mjs instead of
// inside it, which keeps the bundle small. `run_worker_first` sends every request to the Worker, so
// the routes still decide every header; they only read the bytes from here.
import { filesOnDemand, type StaticFiles } from '../routes/static-files.ts';

/** The part of the static assets binding the Worker uses. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/**
 * Folders of `dist/worker-assets/` (`npm run build:worker` writes them): the console's files
 * (console.html, console.js, console.css), the proxy's kit (sw.js, register-sw.js, offline.html) and
 * the OpenAPI document (openapi.json).
 */
export const WORKER_ASSET_FOLDERS = { console: 'admin', kit: 'client-sw', openapi: 'api' } as const;

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
