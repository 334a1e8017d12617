/**
 * Paths the service answers itself, never proxied: each entry covers the path, anything below it
 * (`/api/…`) and suffixed forms (`/startup-error.json`). A 1C base published under one of these
 * names would be shadowed, so those names are reserved in proxy mode.
 */
export const OWN_ROUTES: readonly string[] = [
  '/startup-error',
  '/api',
  '/admin',
  '/status',
  '/feed.atom',
  '/friendly',
  '/healthz',
  '/openapi.json',
];

/** Whether `pathname` belongs to one of `ownRoutes` (default: the service's routes above). */
export function isOwnRoute(pathname: string, ownRoutes: readonly string[] = OWN_ROUTES): boolean {
  return ownRoutes.some((route) => {
    if (!pathname.startsWith(route)) return false;
    const next = pathname.charAt(route.length);
    return next === '' || next === '/' || next === '.';
  });
}
