/**
 * Whether a request loads a page the user looks at (and so deserves the friendly page when the
 * origin fails): the browser says so with `Sec-Fetch-Mode: navigate`; older clients and tools are
 * recognised by a GET/HEAD that asks for HTML. XHR/fetch calls of the web client are not
 * navigations and get the origin's own error, which the web client knows how to handle.
 */
export function isNavigation(request: Request): boolean {
  const mode = request.headers.get('sec-fetch-mode');
  if (mode) return mode === 'navigate';
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/html');
}
