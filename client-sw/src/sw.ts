/// <reference lib="webworker" />
// The service worker of one 1C web publication: the only file that touches `self`.
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  matchPrecache,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { parseSwConfig, SwConfig } from '../../contract/kit-config.ts';
import { KIT_FILES } from '../../contract/kit-files.ts';
import { chooseLanguage } from './language.ts';
import { type NavigationFailure, NavigationWithOfflinePage } from './navigation-strategy.ts';
import type { OfflinePageState } from './offline-page/offline-view.ts';
import { injectOfflinePageState } from './offline-page/state-json.ts';
import { parseStatusEntry, type StatusEntry, type StatusLookup } from './shown-status.ts';
import { describeDropped, fetchStartupStatus } from './status-fetch.ts';
import { REFRESH_REQUEST, type RefreshReply, STATUS_REQUEST } from './sw-messages.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

const CONFIG_URL = new URL(KIT_FILES.config, self.location.href).href;
// One runtime cache per publication, so /buh/ and /zup/ on one host keep their own status.
const RUNTIME_CACHE = `startup-help-${self.registration.scope}`;
const CONFIG_KEY = new URL('__startup-help/config.json', self.location.href).href;
const STATUS_KEY = new URL('__startup-help/status.json', self.location.href).href;

self.addEventListener('install', () => void self.skipWaiting());
clientsClaim();
cleanupOutdatedCaches();
// No directory index or clean URLs: `/buh/` and `/buh/offline` must never be answered from the cache.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '', cleanURLs: false });

self.addEventListener('activate', (event) => {
  // A new version brings a newly precached config; an older refreshed copy must not shadow it.
  event.waitUntil(caches.open(RUNTIME_CACHE).then((cache) => cache.delete(CONFIG_KEY)));
});

let configPromise: Promise<SwConfig> | undefined;

/** The refreshed config when there is one, else the precached one; defaults if both are unusable. */
function loadConfig(): Promise<SwConfig> {
  configPromise ??= (async () => {
    const refreshed = await (await caches.open(RUNTIME_CACHE)).match(CONFIG_KEY);
    const response = refreshed ?? (await matchPrecache(KIT_FILES.config));
    if (response) {
      const parsed = parseSwConfig(await response.json().catch(() => undefined), CONFIG_URL);
      if (parsed.ok) return parsed.config;
      console.warn(`startup-help: ${parsed.error}`);
    }
    return SwConfig.parse({});
  })();
  return configPromise;
}

async function offlinePage(request: Request, failure: NavigationFailure): Promise<Response> {
  const page = await matchPrecache(KIT_FILES.offlinePage);
  if (!page) return Response.error();
  const config = await loadConfig();
  const state: OfflinePageState = {
    config,
    failure: {
      ...failure,
      url: request.url,
      at: new Date().toISOString(),
      timeoutSeconds: config.networkTimeoutSeconds,
    },
  };
  return new Response(injectOfflinePageState(await page.text(), state), {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

// One strategy per config (an edited config brings a new timeout or status list).
let strategy: { readonly config: SwConfig; readonly value: NavigationWithOfflinePage } | undefined;

registerRoute(
  new NavigationRoute(async ({ request, event }) => {
    const config = await loadConfig();
    if (strategy?.config !== config)
      strategy = { config, value: new NavigationWithOfflinePage(config, offlinePage) };
    return strategy.value.handle({ request, event });
  }),
);

/** The service's zone as the kit knows it, else the browser's: times without an offset are read in it. */
const readingZone = (config: SwConfig) => config.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

async function readStatus(config: SwConfig): Promise<StatusEntry | undefined> {
  const cached = await (await caches.open(RUNTIME_CACHE)).match(STATUS_KEY);
  const json = cached ? await cached.json().catch(() => undefined) : undefined;
  return json === undefined ? undefined : parseStatusEntry(json, readingZone(config));
}

/** The live answer (and it becomes the last known one), or else the last known answer. */
async function statusLookup(language: string): Promise<StatusLookup> {
  const config = await loadConfig();
  const live = config.statusURL
    ? await fetchStartupStatus(config.statusURL, language, {
        timeZone: readingZone(config),
        fetchImpl: fetch,
        onDropped: (url, dropped) => console.warn(describeDropped(url, dropped)),
      })
    : undefined;
  if (live) {
    const cache = await caches.open(RUNTIME_CACHE);
    await cache.put(STATUS_KEY, Response.json(live));
    return { live };
  }
  return { lastKnown: await readStatus(config) };
}

/** While the server is up: pick up an edited config and keep the last known status recent. */
async function refresh(languages: readonly string[]): Promise<RefreshReply> {
  try {
    const response = await fetch(CONFIG_URL, { cache: 'no-cache' });
    const parsed = response.ok ? parseSwConfig(await response.json(), CONFIG_URL) : undefined;
    if (parsed?.ok) {
      await (await caches.open(RUNTIME_CACHE)).put(CONFIG_KEY, Response.json(parsed.config));
      configPromise = Promise.resolve(parsed.config);
    } else if (parsed) {
      console.warn(`startup-help: keeping the previous config. ${parsed.error}`);
    }
  } catch {
    // The server is down right now: keep what we have.
  }
  const config = await loadConfig();
  const lookup = await statusLookup(chooseLanguage(languages, config.defaultLanguage));
  return { refreshed: lookup.live !== undefined, statusRefreshSeconds: config.statusRefreshSeconds };
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; language?: unknown; languages?: unknown } | null;
  const port = event.ports[0];
  if (!port || typeof data?.type !== 'string') return;
  if (data.type === STATUS_REQUEST) {
    event.waitUntil(statusLookup(String(data.language ?? 'ru')).then((reply) => port.postMessage(reply)));
  } else if (data.type === REFRESH_REQUEST) {
    const languages = Array.isArray(data.languages) ? data.languages.map(String) : [];
    event.waitUntil(refresh(languages).then((reply) => port.postMessage(reply)));
  }
});
