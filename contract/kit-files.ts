/**
 * The client-sw kit's files, as deployed next to a 1C web publication (`/<base>/…`) and as served by
 * proxy mode. Build, service worker, page and proxy all name them from here.
 */
export const KIT_FILES = {
  serviceWorker: 'sw.js',
  register: 'register-sw.js',
  offlinePage: 'offline.html',
  config: 'startup-help.config.json',
} as const;

export type KitFileName = (typeof KIT_FILES)[keyof typeof KIT_FILES];

/** Every kit file name, config last. */
export const KIT_FILE_NAMES: readonly KitFileName[] = Object.values(KIT_FILES);

/**
 * Kits are built one per web publication, each in its own folder (`dist/client-sw/<name>/`). Proxy
 * mode serves the kit of this name: it fills in every base's own fields itself.
 */
export const PROXY_KIT = 'default';
