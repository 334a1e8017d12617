/** A request header by lower-case name, however the runtime keeps them. */
export type HeaderLookup = (lowerName: string) => string | null | undefined;

/**
 * Whether a request loads a page the user looks at (and so deserves the friendly page when the
 * origin fails): the browser says so with `Sec-Fetch-Mode: navigate`; older clients and tools are
 * recognised by a GET/HEAD that asks for HTML. XHR/fetch calls of the web client are not
 * navigations and get the origin's own error, which the web client knows how to handle.
 */
export function isNavigation(method: string, header: HeaderLookup): boolean {
  const mode = header('sec-fetch-mode');
  if (mode) return mode === 'navigate';
  if (method !== 'GET' && method !== 'HEAD') return false;
  return (header('accept') ?? '').toLowerCase().includes('text/html');
}
