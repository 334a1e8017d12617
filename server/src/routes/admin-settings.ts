import { Hono } from 'hono';
import { Settings } from '../../../contract/settings.ts';
import { parseIfMatch, versionTag } from '../domain/etag.ts';
import { apiError } from './api-error.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';
import { adminBodyLimit, jsonBody } from './json-body.ts';

/** `GET/PUT /api/admin/settings`. PUT with `If-Match` is checked against the current version. */
export function adminSettingsRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(adminBodyLimit);

  app.get('/', async (c) => {
    const { settings, settingsVersion } = await deps.store.load();
    return c.json(settings, 200, { etag: versionTag('settings', settingsVersion) });
  });

  app.put('/', jsonBody(Settings), async (c) => {
    const expected = parseIfMatch(c.req.header('if-match'), 'settings');
    const next = c.req.valid('json');
    const before = await deps.store.load();
    const stale = async () => {
      const { settings, settingsVersion } = await deps.store.load();
      const last = (await deps.store.listAudit(200)).find((e) => e.action === 'settings.update');
      const etag = versionTag('settings', settingsVersion);
      return apiError(
        412,
        {
          error: 'conflict',
          message: `${last?.actor ?? 'Someone'} changed the settings${last ? ` at ${last.at}` : ''}, after you loaded them. Review their version, then apply your change again.`,
          ...(last && { changedBy: last.actor, changedAt: last.at }),
          current: settings,
          etag,
        },
        { etag },
      );
    };
    if (expected === null || (expected !== undefined && expected !== before.settingsVersion))
      throw await stale();
    const result = await deps.store.putSettings(next, expected, {
      id: deps.newId(),
      at: new Date(deps.now()).toISOString(),
      actor: c.get('actor'),
      action: 'settings.update',
      target: 'settings',
      before: before.settings,
      after: next,
    });
    if (result === 'conflict') throw await stale();
    deps.cache.invalidate();
    return c.json(next, 200, { etag: versionTag('settings', result.version) });
  });

  return app;
}
