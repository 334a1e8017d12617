/**
 * A redirect from the origin that names the origin itself (`http://1c-web:8080/buh/`) would send the
 * browser around the proxy; the same path on the public origin keeps it on this service. Relative
 * locations and other hosts are left alone.
 */
export function rewriteLocation(location: string, upstreamOrigin: string, publicOrigin: string): string {
  let target: URL;
  try {
    target = new URL(location);
  } catch {
    return location;
  }
  if (target.origin !== upstreamOrigin) return location;
  return `${publicOrigin}${target.pathname}${target.search}${target.hash}`;
}
