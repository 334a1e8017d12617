import { matchesIfNoneMatch } from '../domain/etag.ts';
import { mapInSlices } from '../domain/snapshot-view.ts';
import { planStatusView } from '../domain/status-view.ts';
import type { ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { inTurn } from './public-turn.ts';
import { monitorsOf } from './status-page/public-data-source.ts';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-expose-headers': 'ETag, Content-Language',
  'access-control-max-age': '86400',
};

interface PreparedStatus {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** Everything the answer sends, built with it: no header work per request. */
  headers: Record<string, string>;
}

/**
 * `GET /api/status`: public and CORS-open; what every base shows now and in the next 7 days. The
 * JSON is built once per snapshot view and language, a base at a time with other requests answered
 * in between, and encoded once: a crowd polling it costs a map lookup and a copy to the socket, and a
 * huge status never stalls 1C clients.
 */
export function statusRoutes(deps: ServiceDeps): Hono {
  const app = new Hono();
  app.options('/api/status', (c) => {
    const requested = c.req.header('access-control-request-headers');
    return new Response(null, {
      status: 204,
      headers: { ...CORS_HEADERS, ...(requested && { 'access-control-allow-headers': requested }) },
    });
  });
  app.get('/api/status', (c) =>
    inTurn(deps.publicPages, async () => {
      const view = await deps.cache.view();
      const language = view.language({
        query: c.req.query('lang'),
        acceptLanguage: c.req.header('accept-language'),
      });
      const prepared = await view.prepared(`api-status\n${language}`, async (v): Promise<PreparedStatus> => {
        const monitors = await monitorsOf(v, deps.automation?.overview);
        const plan = planStatusView(v.head.settings, v.messages, v.computedAt, language, monitors);
        const bases = await mapInSlices(plan.keys, (key) => JSON.stringify(plan.base(key)));
        const json = `${JSON.stringify(plan.head).slice(0, -1)},"bases":[${bases.join(',')}]}`;
        // The body follows from the data revision, the instant and the language: no need to hash megabytes.
        const etag = `"st-${v.head.revision.toString(36)}-${v.computedAt.toString(36)}-${language}"`;
        const headers = {
          ...CORS_HEADERS,
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-cache',
          'content-language': language,
          vary: 'Accept-Language',
          etag,
        };
        return { body: new TextEncoder().encode(json), etag, headers };
      });
      if (matchesIfNoneMatch(c.req.header('if-none-match'), prepared.etag)) {
        return new Response(null, { status: 304, headers: prepared.headers });
      }
      // A plain Response with a plain headers object and no middleware: @hono/node-server writes the
      // bytes to the socket as they are (a middleware touching the answer would make it copy them).
      return new Response(prepared.body, { status: 200, headers: prepared.headers });
    }),
  );
  return app;
}
