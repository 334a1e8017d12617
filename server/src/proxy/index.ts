export { type ClientKit, clientKitFromText, type KitConfigFor, type KitStaticFile } from './client-kit.ts';
export { createUpstreamProxy, type UpstreamProxyOptions } from './create-upstream-proxy.ts';
export type { FriendlyPage, FriendlyPageInput } from './friendly-page.ts';
export { isOwnRoute, OWN_ROUTES } from './own-routes.ts';
export type { UpstreamFailure } from './plan-upstream-answer.ts';
export { parseUpstreamURL } from './upstream-url.ts';
