import { BaseKey } from '../../../contract/base-key.ts';
import {
  createFriendlyPageRenderer,
  DEFAULT_RETRY_AFTER_SECONDS,
  friendlyPageResponse,
} from '../proxy/friendly-page.ts';
import { parseFriendlyPageQuery } from '../proxy/friendly-page-query.ts';
import { isNavigation } from '../proxy/navigation.ts';
import { plainFailure } from '../proxy/plan-upstream-answer.ts';
import { apiError } from './api-error.ts';
import type { ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';

/**
 * `/friendly/<baseKey>` (mount at `/friendly`): the friendly page on its own, for a front that keeps
 * proxying the 1C web server itself and asks only when it fails (nginx `error_page … = @startup_help`,
 * samples/nginx/1c-front-friendly-page.conf; the Node proxy asks it too). Page loads get the page:
 * 503, `Retry-After`, the browser's language, the live message for that base. Other requests (the
 * web client's own calls) get a plain gateway error. Any method: nginx keeps the failed request's.
 */
export function friendlyRoutes(deps: ServiceDeps, kitConfig?: Readonly<Record<string, unknown>>): Hono {
  const render = createFriendlyPageRenderer({
    cache: deps.cache,
    now: deps.now,
    inlineAssets: deps.inlineAssets,
    kitConfig,
  });
  const app = new Hono();
  app.all('/:baseKey?', async (c) => {
    const query = parseFriendlyPageQuery((name) => c.req.query(name), c.req.header('x-original-uri'));
    if ('error' in query) {
      throw apiError(400, {
        error: 'bad-request',
        message: `/friendly: ${query.error}. The parameters are described in docs/proxy.md.`,
      });
    }
    const key = c.req.param('baseKey');
    const baseKey = key !== undefined && BaseKey.safeParse(key).success ? key : undefined;
    if (!isNavigation(c.req.method, (name) => c.req.header(name))) {
      const plain = plainFailure(query.failure);
      return new Response(c.req.method === 'HEAD' ? null : plain.text, {
        status: query.status,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    const page = await render({
      acceptLanguage: c.req.header('accept-language'),
      lang: c.req.query('lang'),
      url: query.url,
      serviceOrigin: deps.absoluteOrigin(c),
      baseKey,
      failure: query.failure,
    });
    return friendlyPageResponse(page, c.req.method, DEFAULT_RETRY_AFTER_SECONDS);
  });
  return app;
}
