import { baseKeyFromPath } from '../../../contract/base-key.ts';
import { matchKitFile, registerScriptTag } from './client-kit.ts';
import { type HeaderLookup, isNavigation } from './navigation.ts';
import { isOwnRoute } from './own-routes.ts';

/** Where a request goes in proxy mode; the same answer on Node and on Workers. */
export type ProxyRoute =
  /** The service answers: one of its own routes, or a kit file in a base's folder. */
  | { kind: 'service' }
  | {
      kind: 'upstream';
      /** From the first path segment, for page loads; `undefined` → the defaults every base gets. */
      baseKey: string | undefined;
      /** A page load: gets the friendly page when the origin fails. */
      navigation: boolean;
      /** The tag to put into the page if the origin answers with HTML. */
      inject: string | undefined;
    };

export interface ProxyRequest {
  method: string;
  /** The path as the runtime normalised it (dot segments resolved), without the query. */
  pathname: string;
  header: HeaderLookup;
}

export interface ProxyRouteOptions {
  ownRoutes: readonly string[];
  /** The client-sw kit is there: its four files are served and pages get the tag. */
  kit: boolean;
}

export function routeProxyRequest(request: ProxyRequest, options: ProxyRouteOptions): ProxyRoute {
  const { method, pathname } = request;
  if (isOwnRoute(pathname, options.ownRoutes)) return { kind: 'service' };
  if (
    options.kit &&
    (method === 'GET' || method === 'HEAD') &&
    matchKitFile(pathname) !== undefined &&
    baseKeyFromPath(pathname) !== undefined
  ) {
    return { kind: 'service' };
  }
  // Only a page load needs the base (for its friendly page and its tag): most requests skip the check.
  if (!isNavigation(method, request.header)) {
    return { kind: 'upstream', baseKey: undefined, navigation: false, inject: undefined };
  }
  const baseKey = baseKeyFromPath(pathname);
  return {
    kind: 'upstream',
    baseKey,
    navigation: true,
    inject: options.kit && baseKey !== undefined ? registerScriptTag(baseKey) : undefined,
  };
}
