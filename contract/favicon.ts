/**
 * The product's icon: an "i" in a circle, the same on the status page, the admin console and the
 * offline page. Pages link it as a data: URL (no extra request, nothing to precache); the service
 * also answers `/favicon.ico` with it for browsers that ask anyway.
 */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1d5aa0"/><path d="M16 14v9M16 8.5v1.5" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/></svg>';

export const FAVICON_DATA_URL = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;
