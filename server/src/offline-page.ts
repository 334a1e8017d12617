// The server's one door into the client kit: the kit's pure offline-page renderer, so the proxy's
// friendly page and the console's previews are the very page the service worker shows.
export { chooseLanguage } from '../../client-sw/src/language.ts';
export { bundledOfflinePageAssets } from '../../client-sw/src/offline-page/bundled-page-assets.ts';
export type { OfflinePageState } from '../../client-sw/src/offline-page/offline-view.ts';
export {
  type OfflinePageAssets,
  offlinePageCsp,
  renderOfflinePage,
} from '../../client-sw/src/offline-page/render-offline-page.ts';
