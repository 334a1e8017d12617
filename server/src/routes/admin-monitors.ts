import type { Context } from 'hono';
import { isoInZone } from '../../../contract/local-time.ts';
import type { Monitor } from '../../../contract/monitor.ts';
import { MonitorFields, MonitorPatch } from '../../../contract/monitor.ts';
import { createMonitor, patchMonitor, probeChanged } from '../domain/monitors/monitor-changes.ts';
import type { MonitorState } from '../domain/monitors/monitor-state.ts';
import { monitorStatus } from '../domain/monitors/monitor-status.ts';
import { adminLanguage } from './admin-language.ts';
import type { AdminEnv, AutomationDeps, ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { adminBodyLimit, jsonBody, validationError } from './json-body.ts';
import { auditOf, notFound, requiredVersion, resourceResponse, staleResource } from './versioned-resource.ts';

type AdminContext = Context<AdminEnv>;

/**
 * Ends the outage message a monitor still looks after (the monitor is being switched off, deleted or
 * pointed elsewhere): a message whose deadline someone else set is theirs and stays.
 */
async function endMonitorMessage(deps: ServiceDeps, c: AdminContext, state: MonitorState | undefined) {
  const tracked = state?.message;
  if (!tracked || tracked.deadline <= deps.now()) return;
  const message = await deps.store.getMessage(tracked.id);
  if (!message || Date.parse(message.displayUntil) !== tracked.deadline) return;
  const now = deps.now();
  const zone = message.timeZone ?? (await deps.cache.view()).head.settings.timeZone;
  const ended = {
    ...message,
    displayUntil: isoInZone(now, zone),
    updatedAt: isoInZone(now, zone),
    updatedBy: c.get('actor'),
    version: message.version + 1,
  };
  const outcome = await deps.store.updateMessage(
    ended,
    message.version,
    auditOf(deps, c, 'message.update', message.id, message, ended),
  );
  if (outcome === 'ok') await deps.cache.refresh();
}

export function adminMonitorsRoutes(deps: ServiceDeps, automation: AutomationDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(adminBodyLimit);
  const monitors = deps.store;
  const zone = async () => (await deps.cache.view()).head.settings.timeZone;

  async function find(id: string): Promise<Monitor> {
    const monitor = await monitors.getMonitor(id);
    if (!monitor) throw notFound('monitor', id);
    return monitor;
  }
  async function stateOf(id: string) {
    return (await monitors.listMonitorStates()).find((s) => s.monitorId === id);
  }

  app.get('/', async (c) => {
    const [list, states, stats, timeZone] = await Promise.all([
      monitors.listMonitors(),
      monitors.listMonitorStates(),
      monitors.probeStats(deps.now()),
      zone(),
    ]);
    const stateById = new Map(states.map((s) => [s.monitorId, s]));
    const statsById = new Map(stats.map((s) => [s.monitorId, s]));
    const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name));
    return c.json({
      monitors: sorted.map((m) => ({
        ...m,
        status: monitorStatus(stateById.get(m.id), statsById.get(m.id), timeZone),
      })),
    });
  });

  app.post('/', jsonBody(MonitorFields), async (c) => {
    const result = createMonitor(c.req.valid('json'), deps.newId(), {
      now: deps.now(),
      actor: c.get('actor'),
      timeZone: await zone(),
      language: adminLanguage(c),
    });
    if (!result.ok) throw validationError(result.problems, adminLanguage(c));
    await monitors.createMonitor(
      result.monitor,
      auditOf(deps, c, 'monitor.create', result.monitor.id, undefined, result.monitor),
    );
    automation.nudge(c);
    c.header('location', `/api/admin/monitors/${encodeURIComponent(result.monitor.id)}`);
    return resourceResponse(c, 'monitor', result.monitor, 201, {
      status: monitorStatus(undefined, undefined, await zone()),
    });
  });

  app.get('/:id', async (c) => {
    const monitor = await find(c.req.param('id'));
    const [state, stats, transitions, timeZone] = await Promise.all([
      stateOf(monitor.id),
      monitors.probeStats(deps.now()),
      monitors.listTransitions(monitor.id, 50),
      zone(),
    ]);
    return resourceResponse(c, 'monitor', monitor, 200, {
      status: monitorStatus(
        state,
        stats.find((s) => s.monitorId === monitor.id),
        timeZone,
      ),
      transitions: transitions.map((t) => ({
        at: isoInZone(t.at, timeZone),
        state: t.state,
        ...(t.problem && { problem: t.problem }),
      })),
    });
  });

  app.patch(
    '/:id',
    async (c, next) => {
      requiredVersion(c, 'monitor');
      await next();
    },
    jsonBody(MonitorPatch),
    async (c) => {
      const expected = requiredVersion(c, 'monitor');
      const current = await find(c.req.param('id'));
      if (expected !== current.version) throw staleResource('monitor', current);
      const result = patchMonitor(current, c.req.valid('json'), {
        now: deps.now(),
        actor: c.get('actor'),
        timeZone: await zone(),
        language: adminLanguage(c),
      });
      if (!result.ok) throw validationError(result.problems, adminLanguage(c));
      const next = result.monitor;
      const outcome = await monitors.updateMonitor(
        next,
        current.version,
        auditOf(deps, c, 'monitor.update', current.id, current, next),
      );
      if (outcome !== 'ok') {
        const now = await monitors.getMonitor(current.id);
        throw now ? staleResource('monitor', now) : notFound('monitor', current.id);
      }
      // Another target or other thresholds: what was learnt about the old one no longer holds.
      if (probeChanged(current, next) || (current.enabled && !next.enabled)) {
        await endMonitorMessage(deps, c, await stateOf(current.id));
        await monitors.clearMonitorState(current.id);
      }
      automation.nudge(c);
      return resourceResponse(c, 'monitor', next, 200, {
        status: monitorStatus(await stateOf(next.id), undefined, await zone()),
      });
    },
  );

  app.delete('/:id', async (c) => {
    const expected = requiredVersion(c, 'monitor');
    const current = await find(c.req.param('id'));
    if (expected !== current.version) throw staleResource('monitor', current);
    const state = await stateOf(current.id);
    const outcome = await monitors.deleteMonitor(
      current.id,
      current.version,
      auditOf(deps, c, 'monitor.delete', current.id, current),
    );
    if (outcome !== 'ok') {
      const now = await monitors.getMonitor(current.id);
      throw now ? staleResource('monitor', now) : notFound('monitor', current.id);
    }
    await endMonitorMessage(deps, c, state);
    return c.body(null, 204);
  });

  return app;
}
