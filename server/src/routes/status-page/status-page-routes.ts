import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { BaseKey } from '../../../../contract/base-key.ts';
import { negotiateLanguage } from '../../../../contract/language-match.ts';
import { PAGE_LANGUAGES } from '../../../../contract/page-languages.ts';
import { TurnGate } from '../../domain/turn-gate.ts';
import { bundledInlineAssets } from '../bundled-inline-assets.ts';
import type { ServiceDeps } from '../deps.ts';
import { Hono } from '../hono.ts';
import type { InlineAssets, InlineAssetsSource } from '../inline-assets.ts';
import { inTurn } from '../public-turn.ts';
import { type PublicData, type PublicDataSource, publicDataSource } from './public-data-source.ts';
import { buildStatusPageModel, PAST_WINDOW_MS } from './status-page-model.ts';
import { renderStatusNotFound, renderStatusPage } from './status-page-view.tsx';

/** Ended messages per page of the history. */
export const HISTORY_PAGE = 20;

/** The one inline script and the one inline style sheet, each by its hash; nothing else runs. */
function statusPageCsp(inline: InlineAssets): string {
  return [
    "default-src 'none'",
    `script-src ${inline.statusPageScript.hash}`,
    `style-src ${inline.statusPageStyle.hash}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * `/status` and `/status/<baseKey>`: server-rendered, readable without JavaScript, in the language
 * of `?lang=` or `Accept-Language`. Each page is built once per snapshot view and language; the
 * history's further pages (`?before=`) are read from the store, 20 messages at a time.
 * Mount with `app.route('/status', createStatusPageRoutes(source))`. `inline` gives the page's style
 * sheet (default: the bundle's).
 */
export function createStatusPageRoutes(
  source: PublicDataSource,
  gate = new TurnGate(),
  inline: InlineAssetsSource = bundledInlineAssets,
): Hono {
  const app = new Hono();
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false }));

  const headers = (language: string, inline: InlineAssets) => ({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Language': language,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Language',
    'Content-Security-Policy': statusPageCsp(inline),
  });

  const page = async (c: Context, baseKey: string | undefined) => {
    const assets = await inline();
    const data = await source.current();
    const language = negotiateLanguage(
      { query: c.req.query('lang'), acceptLanguage: c.req.header('Accept-Language') },
      PAGE_LANGUAGES,
      data.settings.defaultLanguage,
    );
    if (baseKey !== undefined && !BaseKey.safeParse(baseKey).success) {
      return c.body(
        renderStatusNotFound(language, assets.statusPageStyle.text),
        404,
        headers(language, assets),
      );
    }
    const before = c.req.query('before') || undefined;
    const render = async (from: PublicData) => {
      const ended = await source.ended({
        endedBy: from.t,
        endedAfter: from.t - PAST_WINDOW_MS,
        baseKey,
        before,
        limit: HISTORY_PAGE,
      });
      const { settings, messages, t } = from;
      const monitors = await from.monitors();
      return new TextEncoder().encode(
        renderStatusPage(
          buildStatusPageModel({
            settings,
            messages,
            t,
            language,
            baseKey,
            ended,
            paged: before !== undefined,
            monitors,
          }),
          { script: assets.statusPageScript.text, style: assets.statusPageStyle.text },
        ),
      );
    };
    // Later history pages are rare and their cursors come from anyone: built when asked, not kept.
    const html =
      before === undefined
        ? await data.prepared(`status-page\n${language}\n${baseKey ?? ''}`, render)
        : await render(data);
    return c.body(html, 200, headers(language, assets));
  };

  app.get('/', (c) => inTurn(gate, () => page(c, undefined)));
  app.get('/:baseKey', (c) => inTurn(gate, () => page(c, c.req.param('baseKey'))));
  return app;
}

/** `app.route('/status', statusPageRoutes(deps))`. */
export function statusPageRoutes(deps: ServiceDeps): Hono {
  return createStatusPageRoutes(publicDataSource(deps), deps.publicPages, deps.inlineAssets);
}
