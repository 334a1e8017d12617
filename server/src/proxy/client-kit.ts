/**
 * The client-sw kit served under each publication path (`/<base>/startup-help/…`), so the service
 * worker's scope can cover the web client at `/<base>/` without touching the 1C web server.
 */

/** The folder under `/<base>/` that holds the kit. */
export const KIT_FOLDER = 'startup-help';

/** The kit's built files (dist/client-sw/), as strings: read from disk on Node, bundled on Workers. */
export interface ClientKit {
  'sw.js': string;
  'register-sw.js': string;
  'offline.html': string;
  /** The built `startup-help.config.json`, parsed: the defaults every base's config starts from. */
  config: Readonly<Record<string, unknown>>;
}

/** Per-base config fields the service knows better than the build (base name, help text…). */
export type KitConfigFor = (baseKey: string) => Promise<Record<string, unknown>> | Record<string, unknown>;

const STATIC_FILES = {
  'sw.js': 'text/javascript; charset=utf-8',
  'register-sw.js': 'text/javascript; charset=utf-8',
  'offline.html': 'text/html; charset=utf-8',
} as const;
const CONFIG_FILE = 'startup-help.config.json';

const KIT_PATH = new RegExp(`^/([^/]+)/${KIT_FOLDER}/([^/]*)$`);

/** `{ baseSegment, file }` when `pathname` points into a base's kit folder. */
export function matchKitPath(pathname: string): { baseSegment: string; file: string } | undefined {
  const match = KIT_PATH.exec(pathname);
  if (!match) return undefined;
  return { baseSegment: match[1] as string, file: match[2] as string };
}

/** The one tag injected into the web client's HTML. */
export function registerScriptTag(baseKey: string): string {
  return `<script src="/${encodeURIComponent(baseKey)}/${KIT_FOLDER}/register-sw.js" defer></script>`;
}

/**
 * A kit file for `baseKey`, or a 404 for any other name: only the four known names are served, so
 * no path (`..`, encoded slashes) can reach anything else.
 */
export async function serveKitFile(
  kit: ClientKit,
  baseKey: string,
  file: string,
  publicOrigin: string,
  configFor: KitConfigFor | undefined,
): Promise<Response> {
  const headers = new Headers({ 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  if (file === CONFIG_FILE) {
    const config = {
      ...kit.config,
      ...(await configFor?.(baseKey)),
      statusURL: `${publicOrigin}/startup-error/${encodeURIComponent(baseKey)}`,
    };
    headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify(config, null, 2), { headers });
  }
  if (!Object.hasOwn(STATIC_FILES, file)) {
    return new Response('Not found\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const name = file as keyof typeof STATIC_FILES;
  headers.set('content-type', STATIC_FILES[name]);
  // Lets register-sw.js claim the whole publication (`/buh/`), not just the kit folder.
  if (name === 'sw.js') headers.set('service-worker-allowed', `/${encodeURIComponent(baseKey)}/`);
  return new Response(kit[name], { headers });
}
