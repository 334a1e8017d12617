import { type Context, Hono } from 'hono';
import { negotiateLanguage } from '../../../../contract/language-match.ts';
import { PAGE_LANGUAGES } from '../../../../contract/page-languages.ts';
import type { ServiceDeps } from '../deps.ts';
import { type PublicDataSource, publicDataSource } from '../status-page/public-data-source.ts';
import { renderAtomFeed } from './atom-feed.ts';

/**
 * `/feed.atom`: mount with `app.route('/feed.atom', createFeedRoutes(source))`. Atom wants absolute
 * ids and links: they start with `absoluteOrigin` (PUBLIC_URL or the listening address), never with
 * the request's Host; standalone (tests, previews) the request URL's origin.
 */
export function createFeedRoutes(
  source: PublicDataSource,
  absoluteOrigin: (c: Context) => string = (c) => new URL(c.req.url).origin,
): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const { settings, messages } = await source.snapshot();
    const language = negotiateLanguage(
      { query: c.req.query('lang'), acceptLanguage: c.req.header('Accept-Language') },
      PAGE_LANGUAGES,
      settings.defaultLanguage,
    );
    const origin = absoluteOrigin(c);
    const xml = renderAtomFeed({ settings, messages, t: source.now(), language, origin });
    return c.body(xml, 200, {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Content-Language': language,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Language',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}

/** `app.route('/feed.atom', feedRoutes(deps))`. */
export function feedRoutes(deps: ServiceDeps): Hono {
  return createFeedRoutes(publicDataSource(deps), deps.absoluteOrigin);
}
