import { SwConfig } from '../../../contract/kit-config.ts';
import { parseAcceptLanguage } from '../../../contract/language-match.ts';
import type { StartupErrorResponse } from '../../../contract/startup-error-response.ts';
import { ALL_BASES } from '../domain/active-message.ts';
import { chooseLanguage, offlinePageCsp, renderOfflinePage } from '../offline-page.ts';
import type { InlineAssetsSource } from '../routes/inline-assets.ts';
import type { SnapshotCache } from '../store/snapshot-cache.ts';
import { kitBehaviour } from './client-kit.ts';
import type { UpstreamFailure } from './plan-upstream-answer.ts';

export interface FriendlyPageInput {
  /** The browser's `Accept-Language` and `?lang=`: the page speaks the first of ru/en/lv it finds. */
  acceptLanguage: string | undefined;
  lang: string | undefined;
  /**
   * The page the user was opening, as a path (`/buh/ru_RU/?x=1`): the page checks it and returns
   * there when the 1C server answers. A path, so the browser stays on the address it used.
   */
  url: string | undefined;
  /** Absolute origin of this service for the page's status URL (PUBLIC_URL, or where it listens). */
  serviceOrigin: string;
  /** `undefined` → the defaults every base gets. */
  baseKey: string | undefined;
  failure: UpstreamFailure;
}

export interface FriendlyPage {
  html: string;
  /** The language the page is written in (`Content-Language`). */
  language: string;
  /** E.g. a Content-Security-Policy with the page's inline hashes. */
  headers?: Record<string, string>;
}

/** `Retry-After` of the friendly 503 unless the caller says otherwise. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * The friendly page as an HTTP answer, the same from the proxy (Node and Workers) and from
 * `/friendly/<base>`: 503, so no cache or crawler takes it for the web client, with `Retry-After`.
 */
export function friendlyPageResponse(
  page: FriendlyPage,
  method: string,
  retryAfterSeconds: number,
): Response {
  const headers = new Headers(page.headers);
  headers.set('content-type', 'text/html; charset=utf-8');
  headers.set('content-language', page.language);
  headers.set('retry-after', String(retryAfterSeconds));
  headers.set('cache-control', 'no-store');
  return new Response(method === 'HEAD' ? null : page.html, { status: 503, headers });
}

export interface FriendlyPageSources {
  /** The service's precomputed answers: the same message a 1C client would get right now. */
  cache: SnapshotCache;
  now: () => number;
  /** The page's script and style (`offlinePage`). */
  inlineAssets: InlineAssetsSource;
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
  return async (input: FriendlyPageInput): Promise<FriendlyPage> => {
    const { acceptLanguage, lang: query, baseKey, failure } = input;
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
    const statusURL = `${input.serviceOrigin}/startup-error${baseKey === undefined ? '' : `/${encodeURIComponent(baseKey)}`}`;
    const baseName = Object.hasOwn(settings.bases, key) ? settings.bases[key]?.name : undefined;
    const config = pageConfig({
      ...kitBehaviour(sources.kitConfig),
      statusURL,
      defaultLanguage: settings.defaultLanguage,
      ...(baseName ? { baseName } : {}),
    });
    const at = sources.now();
    const assets = (await sources.inlineAssets()).offlinePage;
    const html = renderOfflinePage(
      {
        config,
        failure: {
          kind: failure.kind,
          url: input.url ?? '',
          at: new Date(at).toISOString(),
          ...(failure.kind === 'server-error' ? { status: failure.status } : {}),
          ...(failure.kind === 'timeout' && failure.seconds !== undefined
            ? { timeoutSeconds: failure.seconds }
            : {}),
        },
        initialStatus,
        language,
      },
      assets,
      { now: at, timeZone: settings.timeZone },
    );
    return { html, language, headers: { 'content-security-policy': offlinePageCsp(assets, { statusURL }) } };
  };
}

/** The kit's config with this base's fields; a kit config that no longer validates falls back to defaults. */
function pageConfig(input: Record<string, unknown>): SwConfig {
  const parsed = SwConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  const { statusURL, defaultLanguage, baseName } = input;
  return SwConfig.parse({ statusURL, defaultLanguage, ...(baseName ? { baseName } : {}) });
}
