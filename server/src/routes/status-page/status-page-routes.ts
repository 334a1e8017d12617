import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { BaseKey } from '../../../../contract/base-key.ts';
import { negotiateLanguage } from '../../../../contract/language-match.ts';
import { PAGE_LANGUAGES } from '../../../../contract/page-languages.ts';
import type { ServiceDeps } from '../deps.ts';
import { type PublicDataSource, publicDataSource } from './public-data-source.ts';
import { sha256Source } from './sha256-source.ts';
import { buildStatusPageModel } from './status-page-model.ts';
import { STATUS_PAGE_CSS } from './status-page-style.ts';
import { renderStatusNotFound, renderStatusPage } from './status-page-view.tsx';

/** No scripts at all; the one inline style sheet by its hash. */
export async function statusPageCsp(): Promise<string> {
  return [
    "default-src 'none'",
    `style-src ${await sha256Source(STATUS_PAGE_CSS)}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * `/status` and `/status/<baseKey>`: server-rendered, readable without JavaScript, in the language
 * of `?lang=` or `Accept-Language`. Mount with `app.route('/status', createStatusPageRoutes(source))`.
 */
export function createStatusPageRoutes(source: PublicDataSource): Hono {
  const app = new Hono();
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false }));

  const pageInput = async (
    query: string | undefined,
    acceptLanguage: string | undefined,
    baseKey: string | undefined,
  ) => {
    const [{ settings, messages }, monitors] = await Promise.all([source.snapshot(), source.monitors?.()]);
    const language = negotiateLanguage({ query, acceptLanguage }, PAGE_LANGUAGES, settings.defaultLanguage);
    return { language, settings, messages, t: source.now(), baseKey, monitors };
  };

  const headers = async (language: string) => ({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Language': language,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Language',
    'Content-Security-Policy': await statusPageCsp(),
  });

  app.get('/', async (c) => {
    const input = await pageInput(c.req.query('lang'), c.req.header('Accept-Language'), undefined);
    return c.body(renderStatusPage(buildStatusPageModel(input)), 200, await headers(input.language));
  });

  app.get('/:baseKey', async (c) => {
    const key = c.req.param('baseKey');
    const input = await pageInput(c.req.query('lang'), c.req.header('Accept-Language'), key);
    if (!BaseKey.safeParse(key).success) {
      return c.body(renderStatusNotFound(input.language), 404, await headers(input.language));
    }
    return c.body(renderStatusPage(buildStatusPageModel(input)), 200, await headers(input.language));
  });

  return app;
}

/** `app.route('/status', statusPageRoutes(deps))`. */
export function statusPageRoutes(deps: ServiceDeps): Hono {
  return createStatusPageRoutes(publicDataSource(deps));
}
