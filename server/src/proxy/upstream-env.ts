import { trustProxyFromEnv } from '../domain/trust-proxy.ts';
import type { ClientKit } from './client-kit.ts';
import type { UpstreamOptions } from './proxy-routes.ts';
import { parseUpstreamURL } from './upstream-url.ts';

/** The proxy-mode variables, the same on Node (environment) and Workers (`[vars]`). */
export interface UpstreamEnv {
  UPSTREAM_URL?: string | undefined;
  UPSTREAM_TIMEOUT_MS?: string | undefined;
  /** `1`/`true`: a reverse proxy in front sets X-Forwarded-* (shared with the Node entry's client address). */
  TRUST_PROXY?: string | undefined;
}

const MAX_TIMEOUT_MS = 300_000;

/**
 * Proxy mode from the environment: off when `UPSTREAM_URL` is empty. Throws, with what to write
 * instead, on a value that would otherwise fail on every request.
 */
export function upstreamFromEnv(env: UpstreamEnv, kit: ClientKit | undefined): UpstreamOptions | undefined {
  const url = env.UPSTREAM_URL?.trim();
  if (!url) return undefined;
  parseUpstreamURL(url);
  const rawTimeout = env.UPSTREAM_TIMEOUT_MS?.trim();
  let timeoutMs: number | undefined;
  if (rawTimeout) {
    timeoutMs = Number(rawTimeout);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new Error(
        `UPSTREAM_TIMEOUT_MS "${rawTimeout}" must be whole milliseconds from 1 to ${MAX_TIMEOUT_MS}, e.g. 10000 (the default)`,
      );
    }
  }
  const trustForwardedHeaders = trustProxyFromEnv(env.TRUST_PROXY);
  return { url, timeoutMs, kit, ...(trustForwardedHeaders ? { trustForwardedHeaders } : {}) };
}
