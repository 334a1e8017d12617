import { isOriginOnly } from './origin-only.ts';
/**
 * `UPSTREAM_URL` must be an origin (`http://1c-web.local:8080`): every proxied request keeps its own
 * path, so a path here would be ambiguous. A bad value stops the service at start with a message
 * saying what to write instead, rather than failing on the first request.
 */
export function parseUpstreamURL(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `UPSTREAM_URL "${String(value)}" is not a URL. Set it to the 1C web server's origin, e.g. http://1c-web.local:8080`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`UPSTREAM_URL "${url.href}" must start with http:// or https://`);
  }
  if (!isOriginOnly(url)) {
    throw new Error(
      `UPSTREAM_URL "${url.href}" must be an origin only (scheme, host, port), e.g. ${url.origin}: requests keep their own path`,
    );
  }
  return url;
}
