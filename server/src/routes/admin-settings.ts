import { Settings } from '../../../contract/settings.ts';
import { changedFields } from '../domain/audit-change.ts';
import { parseIfMatch, versionTag } from '../domain/etag.ts';
import { apiError } from './api-error.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { adminBodyLimit, jsonBody } from './json-body.ts';

/** `GET/PUT /api/admin/settings`. PUT with `If-Match` is checked against the current version. */
export function adminSettingsRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(adminBodyLimit);

  app.get('/', async (c) => {
    const { settings, version } = await deps.store.getSettings();
    return c.json(settings, 200, { etag: versionTag('settings', version) });
  });

  /** The 412 body: who changed the settings last and when, and the settings as they are now. */
  const stale = async () => {
    const [{ settings, version }, last] = await Promise.all([
      deps.store.getSettings(),
      deps.store.latestAudit('settings'),
    ]);
    const etag = versionTag('settings', version);
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

  app.put('/', jsonBody(Settings), async (c) => {
    const expected = parseIfMatch(c.req.header('if-match'), 'settings');
    const next = c.req.valid('json');
    const before = await deps.store.getSettings();
    if (expected === null || (expected !== undefined && expected !== before.version)) throw await stale();
    const result = await deps.store.putSettings(next, expected, {
      id: deps.newId(),
      at: new Date(deps.now()).toISOString(),
      actor: c.get('actor'),
      action: 'settings.update',
      target: 'settings',
      ...changedFields(before.settings, next),
    });
    if (result === 'conflict') throw await stale();
    await deps.cache.refresh();
    return c.json(next, 200, { etag: versionTag('settings', result.version) });
  });

  return app;
}
