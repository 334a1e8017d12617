export type { ClientKit, KitConfigFor } from './client-kit.ts';
export {
  createUpstreamProxy,
  type FriendlyPage,
  type FriendlyPageInput,
  type UpstreamFailure,
  type UpstreamProxyOptions,
} from './create-upstream-proxy.ts';
export { isOwnRoute, OWN_ROUTES } from './own-routes.ts';
export { parseUpstreamURL } from './upstream-url.ts';
