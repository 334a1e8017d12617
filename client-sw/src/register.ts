// register-sw.js: the one script a 1C web publication's page includes. It registers the sw.js beside
// it with its own folder as scope and, while the server is up, keeps the last known status fresh.
import { messageSW, Workbox } from 'workbox-window';
import { REFRESH_REQUEST, type RefreshReply, type RefreshRequest } from './sw-messages.ts';

const FALLBACK_REFRESH_SECONDS = 300;
const UPDATE_CHECK_MS = 60 * 60 * 1000;

const script = document.currentScript as HTMLScriptElement | null;

if (script?.src && 'serviceWorker' in navigator) {
  const folder = new URL('./', script.src);
  const wb = new Workbox(new URL('sw.js', folder).href, { scope: folder.pathname });
  let lastUpdateCheck = Date.now();

  const refresh = async (worker: ServiceWorker): Promise<void> => {
    let nextSeconds = FALLBACK_REFRESH_SECONDS;
    try {
      const request: RefreshRequest = { type: REFRESH_REQUEST, languages: [...navigator.languages] };
      const reply = (await messageSW(worker, request)) as RefreshReply;
      nextSeconds = reply.statusRefreshSeconds;
    } catch {
      // The worker is being replaced; try again at the next round.
    }
    // The 1C web client stays open all day: look for a new sw.js (new config or version) now and then.
    if (Date.now() - lastUpdateCheck > UPDATE_CHECK_MS) {
      lastUpdateCheck = Date.now();
      void wb.update().catch(() => undefined);
    }
    setTimeout(() => void activeWorker().then(refresh), nextSeconds * 1000);
  };

  const activeWorker = async (): Promise<ServiceWorker> => {
    const registration = await navigator.serviceWorker.getRegistration(folder.pathname);
    return registration?.active ?? (await wb.active);
  };

  wb.register()
    .then(() => activeWorker())
    .then(refresh)
    .catch((error: unknown) => console.warn('startup-help: the service worker was not registered', error));
}
