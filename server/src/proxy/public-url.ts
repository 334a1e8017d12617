import { isOriginOnly } from './origin-only.ts';
/**
 * `PUBLIC_URL`: the address browsers and feed readers use to reach the service
 * (`https://1c.example.com`). Absolute links the service hands out start with it — the feed, the
 * kit's `statusURL`, redirects to the 1C server rewritten in proxy mode — so they never come from a
 * `Host` header a client chose. An origin only: the service answers at the root of its host.
 * Returns the normalised origin; throws with what to write instead.
 */
export function parsePublicURL(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `PUBLIC_URL "${value}" is not a URL. Set it to the address users open, e.g. https://1c.example.com`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `PUBLIC_URL "${value}" must start with https:// (or http://), e.g. https://${url.host || '1c.example.com'}`,
    );
  }
  if (!isOriginOnly(url)) {
    throw new Error(
      `PUBLIC_URL "${value}" must be an origin only (scheme, host, port), e.g. ${url.origin}: the service answers at the root of its address`,
    );
  }
  return url.origin;
}
