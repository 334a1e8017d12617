/** Scheme and authority of an absolute URL, and everything after them, untouched. */
const ABSOLUTE = /^([a-z][a-z0-9+.-]*:\/\/[^/?#\\]*)([\s\S]*)$/i;

/**
 * A redirect from the origin that names the origin itself (`http://1c-web:8080/buh/`) would send the
 * browser around the proxy; it is pointed at this service instead: `PUBLIC_URL` when configured,
 * else the bare path (browsers resolve it against the address they used). Never the request's Host.
 *
 * Only the scheme and authority are compared and replaced; the rest keeps its bytes exactly (a raw
 * UTF-8 path is not percent-encoded a second time). Relative locations and other hosts stay as sent.
 */
export function rewriteLocation(
  location: string,
  upstreamOrigin: string,
  publicOrigin: string | undefined,
): string {
  const match = ABSOLUTE.exec(location);
  if (!match) return location;
  let origin: string;
  try {
    origin = new URL(match[1] as string).origin;
  } catch {
    return location;
  }
  if (origin !== upstreamOrigin) return location;
  const rest = match[2] as string;
  return `${publicOrigin ?? ''}${rest.startsWith('/') ? rest : `/${rest}`}`;
}
