import type { Context } from 'hono';
import { negotiateLanguage } from '../../../../contract/language-match.ts';
import { PAGE_LANGUAGES } from '../../../../contract/page-languages.ts';
import { TurnGate } from '../../domain/turn-gate.ts';
import type { ServiceDeps } from '../deps.ts';
import { Hono } from '../hono.ts';
import { inTurn } from '../public-turn.ts';
import { type PublicDataSource, publicDataSource } from '../status-page/public-data-source.ts';
import { PAST_WINDOW_MS } from '../status-page/status-page-model.ts';
import { renderAtomFeed } from './atom-feed.ts';

/** Ended messages in the feed: the newest ones of the last 30 days. */
export const FEED_ENDED = 50;

/**
 * `/feed.atom`, built once per snapshot view, language and origin: mount with
 * `app.route('/feed.atom', createFeedRoutes(source))`. Atom wants absolute ids and links: they start
 * with `absoluteOrigin` (PUBLIC_URL or the listening address), never with the request's Host;
 * standalone (tests, previews) the request URL's origin.
 */
export function createFeedRoutes(
  source: PublicDataSource,
  absoluteOrigin: (c: Context) => string = (c) => new URL(c.req.url).origin,
  gate = new TurnGate(),
): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    inTurn(gate, async () => {
      const data = await source.current();
      const language = negotiateLanguage(
        { query: c.req.query('lang'), acceptLanguage: c.req.header('Accept-Language') },
        PAGE_LANGUAGES,
        data.settings.defaultLanguage,
      );
      const origin = absoluteOrigin(c);
      const xml = await data.prepared(`feed\n${language}\n${origin}`, async (from) => {
        const ended = await source.ended({
          endedBy: from.t,
          endedAfter: from.t - PAST_WINDOW_MS,
          limit: FEED_ENDED,
        });
        const messages = [...from.messages, ...ended.messages];
        return new TextEncoder().encode(
          renderAtomFeed({ settings: from.settings, messages, t: from.t, language, origin }),
        );
      });
      return c.body(xml, 200, {
        'Content-Type': 'application/atom+xml; charset=utf-8',
        'Content-Language': language,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Language',
        'X-Content-Type-Options': 'nosniff',
      });
    }),
  );
  return app;
}

/** `app.route('/feed.atom', feedRoutes(deps))`. */
export function feedRoutes(deps: ServiceDeps): Hono {
  return createFeedRoutes(publicDataSource(deps), deps.absoluteOrigin, deps.publicPages);
}
