import { secureHeaders } from 'hono/secure-headers';
import { matchesIfNoneMatch } from '../../domain/etag.ts';
import { adminAuth } from '../admin-auth.ts';
import { adminLanguage } from '../admin-language.ts';
import { apiError } from '../api-error.ts';
import type { AdminEnv, ServiceDeps } from '../deps.ts';
import { Hono } from '../hono.ts';
import type { InlineAssets } from '../inline-assets.ts';
import { adminBodyLimit, jsonBody } from '../json-body.ts';
import type { StaticFile, StaticFiles } from '../static-files.ts';
import { buildPreviews } from './preview/build-previews.ts';
import { PreviewRequest } from './preview/preview-request.ts';

/**
 * The page's CSP. Scripts: only /admin/console.js. Styles: our sheet, plus the inline sheets of the
 * three previews by hash — sandboxed srcdoc frames inherit this policy, and their scripts never run
 * (no allow-scripts).
 */
function consoleCsp(inline: InlineAssets): string {
  const previewStyles = [
    inline.statusPageStyle.hash,
    inline.thinClientDialogStyle.hash,
    inline.offlinePage.styleHash,
  ];
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${previewStyles.join(' ')}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The console's built files (console/, `npm run build`), served at /admin, /admin/console.js, /admin/console.css. */
export type ConsoleFile = 'console.html' | 'console.js' | 'console.css';

/** A built file, or a 503 saying what is missing and what to run (a Worker deployed without its assets). */
async function builtFile(files: StaticFiles<ConsoleFile>, name: ConsoleFile): Promise<StaticFile> {
  const file = await files(name);
  if ('problem' in file) throw apiError(503, { error: 'unavailable', message: file.problem });
  return file;
}

/**
 * `/admin`: the console page, its script and style sheet (public: they hold no data), and the
 * token-protected preview endpoint. Mount with `app.route('/admin', createConsoleRoutes(deps))`.
 * Without `deps.consoleFiles` only the preview endpoint is there.
 */
export function createConsoleRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false, referrerPolicy: 'no-referrer' }));

  const files = deps.consoleFiles;
  if (files) {
    app.get('/', async (c) =>
      c.body((await builtFile(files, 'console.html')).body, 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': consoleCsp(await deps.inlineAssets()),
      }),
    );
    const asset = (name: 'console.js' | 'console.css', type: string) =>
      app.get(`/${name}`, async (c) => {
        const { body, etag } = await builtFile(files, name);
        const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', ETag: etag };
        if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
        return c.body(body, 200, headers);
      });
    asset('console.js', 'text/javascript; charset=utf-8');
    asset('console.css', 'text/css; charset=utf-8');
  }

  app.post('/preview', adminAuth(deps), adminBodyLimit, jsonBody(PreviewRequest), async (c) => {
    const { snapshot } = await deps.cache.view();
    const inline = await deps.inlineAssets();
    return c.json(buildPreviews(c.req.valid('json'), snapshot, deps.now(), inline, adminLanguage(c)));
  });

  return app;
}
