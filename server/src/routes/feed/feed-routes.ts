import { Hono } from 'hono';
import { negotiateLanguage } from '../../../../contract/language-match.ts';
import { PAGE_LANGUAGES } from '../../../../contract/page-languages.ts';
import type { ServiceDeps } from '../deps.ts';
import { type PublicDataSource, publicDataSource } from '../status-page/public-data-source.ts';
import { renderAtomFeed } from './atom-feed.ts';

/** `/feed.atom`: mount with `app.route('/feed.atom', createFeedRoutes(source))`. */
export function createFeedRoutes(source: PublicDataSource): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const { settings, messages } = await source.snapshot();
    const language = negotiateLanguage(
      { query: c.req.query('lang'), acceptLanguage: c.req.header('Accept-Language') },
      PAGE_LANGUAGES,
      settings.defaultLanguage,
    );
    const origin = new URL(c.req.url).origin;
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
  return createFeedRoutes(publicDataSource(deps));
}
