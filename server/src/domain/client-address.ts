/**
 * The client address behind a trusted reverse proxy: the entry the proxy itself appended to
 * `X-Forwarded-For`, which is the rightmost one. Entries to its left arrived from the client and may
 * be anything it chose, so they never decide who the client is (the wrong-token throttle keys on it).
 */
export function forwardedClientAddress(header: string | undefined): string | undefined {
  const last = header?.split(',').at(-1)?.trim();
  return last ? last : undefined;
}

/**
 * Who the client is: with `TRUST_PROXY`, the entry the proxy appended; otherwise, or when there is
 * none, the address of the connection (read only when needed).
 */
export function clientAddressOf(
  trustProxy: boolean,
  forwardedFor: string | undefined,
  connection: () => string | undefined,
): string | undefined {
  return (trustProxy ? forwardedClientAddress(forwardedFor) : undefined) ?? connection();
}
