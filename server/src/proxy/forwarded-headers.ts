/** Headers that describe one connection, not the message (RFC 9110 §7.6.1); never forwarded. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/** Removes hop-by-hop headers, including those the `Connection` header names, in place. */
export function dropHopByHop(headers: Headers): Headers {
  const named = (headers.get('connection') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of [...HOP_BY_HOP, ...named]) headers.delete(name);
  return headers;
}

export interface ForwardedFor {
  /** The browser's address as this service saw it, if the runtime tells us. */
  clientAddress: string | undefined;
  /** The public URL the browser asked for. */
  publicURL: URL;
}

/**
 * The headers the origin gets: the browser's own, minus hop-by-hop ones and `Host` (fetch sets it
 * from the origin URL), plus `X-Forwarded-For/-Proto/-Host` so the 1C web server can tell who asked
 * and build its own links for the public address.
 *
 * `Accept-Encoding` is narrowed to gzip: `fetch` on Node and on Workers both decode gzip by
 * themselves, so the body we see is always plain and can be scanned for the script injection;
 * an encoding one runtime would decode and the other would not (br, zstd) could not be handled
 * the same way on both.
 */
export function forwardedHeaders(incoming: Headers, { clientAddress, publicURL }: ForwardedFor): Headers {
  const headers = dropHopByHop(new Headers(incoming));
  headers.delete('host');
  const acceptsGzip = /\bgzip\b/i.test(incoming.get('accept-encoding') ?? '');
  headers.set('accept-encoding', acceptsGzip ? 'gzip' : 'identity');
  if (clientAddress) {
    const earlier = incoming.get('x-forwarded-for');
    headers.set('x-forwarded-for', earlier ? `${earlier}, ${clientAddress}` : clientAddress);
  }
  headers.set('x-forwarded-proto', publicURL.protocol.replace(/:$/, ''));
  headers.set('x-forwarded-host', publicURL.host);
  return headers;
}
