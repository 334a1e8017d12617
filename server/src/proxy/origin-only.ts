/** Whether `url` names only an origin (scheme, host, port): no path beyond `/`, query, fragment or credentials. */
export function isOriginOnly(url: URL): boolean {
  return (
    (url.pathname === '/' || url.pathname === '') &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password
  );
}
