/**
 * The client-sw kit served in each publication's own folder (`/<base>/register-sw.js`, `sw.js`,
 * `offline.html`, `startup-help.config.json`), exactly where the static kit would be deployed next
 * to a publication: register-sw.js registers the sw.js beside it with its own folder as scope, so
 * the service worker covers the whole web client at `/<base>/` without touching the 1C web server.
 */
import type { SwConfig } from '../../../contract/kit-config.ts';
import { KIT_FILE_NAMES, KIT_FILES } from '../../../contract/kit-files.ts';
import { apiError } from '../routes/api-error.ts';
import { filesInMemory, type StaticFiles } from '../routes/static-files.ts';

/** The kit's files that are served as built; the config is made per base. */
export type KitStaticFile =
  | typeof KIT_FILES.serviceWorker
  | typeof KIT_FILES.register
  | typeof KIT_FILES.offlinePage;

/** The proxy's kit (dist/client-sw/default/): read from disk on Node; on Workers, its files are static assets. */
export interface ClientKit {
  /** The built `startup-help.config.json`, parsed: the defaults every base's config starts from. */
  config: Readonly<Record<string, unknown>>;
  /** sw.js, register-sw.js and offline.html, byte for byte as built (sw.js's precache names their revision). */
  files: StaticFiles<KitStaticFile>;
}

/** A kit whose files are already in memory (Node reads them at start; tests write them inline). */
export function clientKitFromText(
  texts: Readonly<Record<KitStaticFile, string>>,
  config: Readonly<Record<string, unknown>>,
): ClientKit {
  return { config, files: filesInMemory(texts) };
}

/** Per-base config fields the service knows better than the build (base name, help text…). */
export type KitConfigFor = (baseKey: string) => Promise<Record<string, unknown>> | Record<string, unknown>;

const STATIC_FILES: Readonly<Record<KitStaticFile, string>> = {
  [KIT_FILES.serviceWorker]: 'text/javascript; charset=utf-8',
  [KIT_FILES.register]: 'text/javascript; charset=utf-8',
  [KIT_FILES.offlinePage]: 'text/html; charset=utf-8',
};

/** Fields of a built config that describe one base; the proxy serves many bases and fills them itself. */
const PER_BASE_FIELDS = new Set<string>([
  'statusURL',
  'baseName',
  'helpText',
  'helpURL',
  'timeZone',
] satisfies (keyof SwConfig)[]);

/**
 * The built config without its per-base fields: what stays is how the page behaves (timeouts,
 * retries, fallback statuses), which the administrator chose once at `npm run build:sw`.
 */
export function kitBehaviour(config: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config ?? {}).filter(([field]) => !PER_BASE_FIELDS.has(field)));
}

/** The kit file `pathname` names (`/buh/sw.js` → `sw.js`), if any: exactly the kit's names, directly
 * under the base's folder, so nothing else is taken from the origin. */
export function matchKitFile(pathname: string): string | undefined {
  const slash = pathname.indexOf('/', 1);
  if (slash <= 1 || pathname.indexOf('/', slash + 1) !== -1) return undefined;
  const name = pathname.slice(slash + 1);
  return (KIT_FILE_NAMES as readonly string[]).includes(name) ? name : undefined;
}

/** The one tag injected into the web client's HTML. */
export function registerScriptTag(baseKey: string): string {
  return `<script src="/${encodeURIComponent(baseKey)}/${KIT_FILES.register}" defer></script>`;
}

/**
 * A kit file for `baseKey`. Only the four fixed names reach here (matchKitFile), so no path
 * (`..`, encoded slashes) can name anything else.
 */
export async function serveKitFile(
  kit: ClientKit,
  baseKey: string,
  file: string,
  publicOrigin: string,
  configFor: KitConfigFor | undefined,
): Promise<Response> {
  const headers = new Headers({ 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  if (file === KIT_FILES.config) {
    const config = {
      ...kitBehaviour(kit.config),
      ...(await configFor?.(baseKey)),
      statusURL: `${publicOrigin}/startup-error/${encodeURIComponent(baseKey)}`,
    };
    headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify(config, null, 2), { headers });
  }
  const name = file as KitStaticFile;
  const built = await kit.files(name);
  if ('problem' in built)
    return apiError(503, { error: 'unavailable', message: built.problem }).getResponse();
  headers.set('content-type', STATIC_FILES[name]);
  return new Response(built.body, { headers });
}
