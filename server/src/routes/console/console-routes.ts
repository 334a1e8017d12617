import { CONSOLE_CSS, CONSOLE_HTML, CONSOLE_SCRIPT } from 'startup-help:console-assets';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { contentTag, matchesIfNoneMatch } from '../../domain/etag.ts';
import { OFFLINE_PAGE_STYLE_HASH } from '../../offline-page.ts';
import { adminAuth } from '../admin-auth.ts';
import { adminLanguage } from '../admin-language.ts';
import type { AdminEnv, ServiceDeps } from '../deps.ts';
import { adminBodyLimit, jsonBody } from '../json-body.ts';
import { sha256Source } from '../status-page/sha256-source.ts';
import { STATUS_PAGE_CSS } from '../status-page/status-page-style.ts';
import { buildPreviews } from './preview/build-previews.ts';
import { PreviewRequest } from './preview/preview-request.ts';
import { THIN_CLIENT_DIALOG_CSS } from './preview/thin-client-dialog.tsx';

/**
 * The page's CSP. Scripts: only /admin/console.js. Styles: our sheet, plus the inline sheets of the
 * three previews by hash — sandboxed srcdoc frames inherit this policy, and their scripts never run
 * (no allow-scripts).
 */
async function consoleCsp(): Promise<string> {
  const previewStyles = await Promise.all([
    sha256Source(STATUS_PAGE_CSS),
    sha256Source(THIN_CLIENT_DIALOG_CSS),
  ]);
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${previewStyles.join(' ')} ${OFFLINE_PAGE_STYLE_HASH}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const SCRIPT_TAG = contentTag(CONSOLE_SCRIPT);
const STYLE_TAG = contentTag(CONSOLE_CSS);

/**
 * `/admin`: the console page, its script and style sheet (public: they hold no data), and the
 * token-protected preview endpoint. Mount with `app.route('/admin', createConsoleRoutes(deps))`.
 */
export function createConsoleRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false, referrerPolicy: 'no-referrer' }));

  const csp = consoleCsp();
  app.get('/', async (c) =>
    c.body(CONSOLE_HTML, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': await csp,
    }),
  );

  const asset = (body: string, type: string, etag: string) =>
    app.get(type === 'js' ? '/console.js' : '/console.css', (c) => {
      const headers = {
        'Content-Type': type === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
        'Cache-Control': 'no-cache',
        ETag: etag,
      };
      if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
      return c.body(body, 200, headers);
    });
  asset(CONSOLE_SCRIPT, 'js', SCRIPT_TAG);
  asset(CONSOLE_CSS, 'css', STYLE_TAG);

  app.post('/preview', adminAuth(deps), adminBodyLimit, jsonBody(PreviewRequest), async (c) => {
    const { snapshot } = await deps.cache.view();
    return c.json(buildPreviews(c.req.valid('json'), snapshot, deps.now(), adminLanguage(c)));
  });

  return app;
}
