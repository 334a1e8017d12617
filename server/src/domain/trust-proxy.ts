/**
 * `TRUST_PROXY`: `1` or `true` says a reverse proxy of the operator's own sets `X-Forwarded-*`
 * (client address, public scheme and host). Anything else — unset, `0`, a typo — trusts nothing a
 * client could have written itself.
 */
export function trustProxyFromEnv(value: string | undefined): boolean {
  const normalized = value?.trim().toLowerCase();
  return normalized === '1' || normalized === 'true';
}
