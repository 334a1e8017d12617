import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { clientKitFromText, createUpstreamProxy } from '../server/src/proxy/index.ts';
import { defineProxySuite } from './proxy-suite.ts';

/**
 * The proxy sub-app on its own, behind a bare Hono app on @hono/node-server: the proxy's mechanics
 * without the rest of the service. The friendly page here is a stand-in that only shows which
 * message and language it was asked for; proxy-node / proxy-worker run the real one.
 */
const MESSAGE = {
  ru: 'Идут плановые работы. Вход снова будет доступен после 14:00.',
  en: 'Planned maintenance is under way. You can log in again after 14:00.',
};

const OFFLINE_HTML = '<!doctype html><html><head></head><body>offline</body></html>';
// Like a built sw.js, it names offline.html's content revision in its precache manifest.
const OFFLINE_REVISION = createHash('md5').update(OFFLINE_HTML).digest('hex');
const KIT_FILES = {
  'sw.js': `/* sw */ [{"revision":"${OFFLINE_REVISION}","url":"offline.html"}]`,
  'register-sw.js': '/* register */',
  'offline.html': OFFLINE_HTML,
};

defineProxySuite('the proxy sub-app on Node (stand-in friendly page)', async ({ upstreamURL, timeoutMs }) => {
  const app = new Hono();
  app.get('/healthz', (c) => c.text('ok'));
  app.route(
    '/',
    createUpstreamProxy({
      upstreamURL,
      timeoutMs,
      kit: clientKitFromText(KIT_FILES, { networkTimeoutSeconds: 10 }),
      renderFriendlyPage: ({ acceptLanguage, baseKey, failure }) => {
        const language = /^en/i.test(acceptLanguage ?? '') ? 'en' : 'ru';
        return {
          language,
          html: `<!doctype html><html lang="${language}"><body><p>${MESSAGE[language]}</p><p>${baseKey ?? '*'} ${failure.kind}</p></body></html>`,
        };
      },
    }),
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    message: MESSAGE,
    ownPath: '/healthz',
    kit: KIT_FILES,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
});
