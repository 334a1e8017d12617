/**
 * The address the browser used. Behind a TLS-terminating reverse proxy (nginx in front of Node) the
 * request reaches us as `http://127.0.0.1:8787/…`; redirects, the status URL and the friendly page
 * must name `https://1c.example.com/…` instead, or the browser would leave HTTPS (and block the
 * status fetch as mixed content). `X-Forwarded-Proto`/`-Host` say what the browser used, but anyone
 * can send them, so they count only when the operator says a proxy sets them (`TRUST_PROXY`).
 */
export function publicURLOf(request: Request, trustForwardedHeaders: boolean): URL {
  const url = new URL(request.url);
  if (!trustForwardedHeaders) return url;
  const first = (name: string) => request.headers.get(name)?.split(',')[0]?.trim().toLowerCase();
  const forwardedProto = first('x-forwarded-proto');
  const proto =
    forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : url.protocol.slice(0, -1);
  const forwardedHost = first('x-forwarded-host');
  const validHost = forwardedHost && /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/.test(forwardedHost);
  // Rebuilt rather than assigned: setting `host` without a port would keep the internal one (8787).
  return new URL(`${url.pathname}${url.search}`, `${proto}://${validHost ? forwardedHost : url.host}`);
}
