import type { Hono } from 'hono';
import type { ServiceDeps } from '../routes/deps.ts';
import type { ClientKit } from './client-kit.ts';
import { createUpstreamProxy } from './create-upstream-proxy.ts';
import { createFriendlyPageRenderer } from './friendly-page.ts';
import { createUpstreamFailureLog } from './upstream-failure-log.ts';

/** `createApp({ upstream })`: proxy mode's settings, from `UPSTREAM_URL` / `UPSTREAM_TIMEOUT_MS`. */
export interface UpstreamOptions {
  /** The 1C web server's origin, e.g. `http://1c-web.local:8080`. */
  url: string;
  /** Time to wait for the origin's response headers; default 10 s. */
  timeoutMs?: number | undefined;
  /** The built client-sw kit; without it pages pass through without the service worker script. */
  kit?: ClientKit | undefined;
  /** A reverse proxy in front sets X-Forwarded-Proto/-Host (`TRUST_PROXY`): they pass to the 1C server. */
  trustForwardedHeaders?: boolean | undefined;
}

/**
 * Proxy mode wired to the service: the friendly page shows the same message `/startup-error/<base>`
 * answers, and the kit's config for a base carries that base's name and help from the settings.
 * Mount last (a catch-all).
 */
export function proxyRoutes(deps: ServiceDeps, upstream: UpstreamOptions): Hono {
  return createUpstreamProxy({
    upstreamURL: upstream.url,
    timeoutMs: upstream.timeoutMs,
    kit: upstream.kit,
    trustForwardedHeaders: upstream.trustForwardedHeaders,
    clientAddress: deps.clientAddress,
    publicOrigin: deps.publicURL,
    absoluteOrigin: deps.absoluteOrigin,
    onFailure: createUpstreamFailureLog(deps.logger, new URL(upstream.url).origin),
    renderFriendlyPage: createFriendlyPageRenderer({
      cache: deps.cache,
      now: deps.now,
      inlineAssets: deps.inlineAssets,
      kitConfig: upstream.kit?.config,
    }),
    kitConfigFor: async (baseKey) => {
      const { settings } = (await deps.cache.view()).snapshot;
      const base = Object.hasOwn(settings.bases, baseKey) ? settings.bases[baseKey] : undefined;
      // Help for when even this service cannot be reached; the live answer wins whenever it can.
      const helpText = base?.helpText ?? settings.helpText;
      const helpURL = base?.helpURL ?? settings.helpURL;
      return {
        defaultLanguage: settings.defaultLanguage,
        timeZone: settings.timeZone,
        ...(base ? { baseName: base.name } : {}),
        ...(helpText ? { helpText } : {}),
        ...(helpURL ? { helpURL } : {}),
      };
    },
  });
}
