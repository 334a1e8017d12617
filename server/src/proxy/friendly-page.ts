import { SwConfig } from '../../../contract/kit-config.ts';
import { parseAcceptLanguage } from '../../../contract/language-match.ts';
import type { StartupErrorResponse } from '../../../contract/startup-error-response.ts';
import { ALL_BASES } from '../domain/active-message.ts';
import { chooseLanguage, offlinePageCsp, renderOfflinePage } from '../offline-page.ts';
import type { SnapshotCache } from '../store/snapshot-cache.ts';
import { kitBehaviour } from './client-kit.ts';
import type { FriendlyPage, FriendlyPageInput } from './create-upstream-proxy.ts';

export interface FriendlyPageSources {
  /** The service's precomputed answers: the same message a 1C client would get right now. */
  cache: SnapshotCache;
  now: () => number;
  /** The kit's built config (timeouts, retry schedule); defaults when the kit is absent. */
  kitConfig?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The friendly page for proxy mode: client-sw's offline page, rendered on the server and already
 * filled with what `/startup-error/<base>` answers for the request's language — so a browser that
 * never visited before (no service worker yet) sees the message at once, without JavaScript. The
 * page script then keeps it fresh from the same status URL and returns to the page when the 1C
 * server answers again.
 */
export function createFriendlyPageRenderer(sources: FriendlyPageSources) {
  return async ({ request, publicURL: url, baseKey, failure }: FriendlyPageInput): Promise<FriendlyPage> => {
    const query = url.searchParams.get('lang') ?? undefined;
    const acceptLanguage = request.headers.get('accept-language') ?? undefined;
    const view = await sources.cache.view();
    const { settings } = view.snapshot;
    const key = baseKey ?? ALL_BASES;
    const prepared = view.startupError(key, { query, acceptLanguage });
    const initialStatus = JSON.parse(prepared.json) as StartupErrorResponse;
    // The page has texts in ru/en/lv; the message itself comes in the language the data has.
    const language = chooseLanguage(
      [...(query ? [query] : []), ...parseAcceptLanguage(acceptLanguage)],
      settings.defaultLanguage,
    );
    const statusURL = `${url.origin}/startup-error${baseKey === undefined ? '' : `/${encodeURIComponent(baseKey)}`}`;
    const baseName = Object.hasOwn(settings.bases, key) ? settings.bases[key]?.name : undefined;
    const config = pageConfig({
      ...kitBehaviour(sources.kitConfig),
      statusURL,
      defaultLanguage: settings.defaultLanguage,
      ...(baseName ? { baseName } : {}),
    });
    const at = sources.now();
    const html = renderOfflinePage(
      {
        config,
        failure: {
          kind: failure.kind,
          url: url.href,
          at: new Date(at).toISOString(),
          ...(failure.kind === 'server-error' ? { status: failure.status } : {}),
          ...(failure.kind === 'timeout' ? { timeoutSeconds: failure.seconds } : {}),
        },
        initialStatus,
        language,
      },
      { now: at, timeZone: settings.timeZone },
    );
    return { html, language, headers: { 'content-security-policy': offlinePageCsp({ statusURL }) } };
  };
}

/** The kit's config with this base's fields; a kit config that no longer validates falls back to defaults. */
function pageConfig(input: Record<string, unknown>): SwConfig {
  const parsed = SwConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  const { statusURL, defaultLanguage, baseName } = input;
  return SwConfig.parse({ statusURL, defaultLanguage, ...(baseName ? { baseName } : {}) });
}
