import type { Context } from 'hono';
import type { AuditAction } from '../../../contract/audit-entry.ts';
import { isoInZone } from '../../../contract/local-time.ts';
import {
  type Occurrence,
  type Schedule,
  ScheduleException,
  ScheduleFields,
  SchedulePatch,
} from '../../../contract/schedule.ts';
import { occurrencesBetween } from '../domain/schedules/occurrences.ts';
import {
  clearException,
  createSchedule,
  patchSchedule,
  setException,
} from '../domain/schedules/schedule-changes.ts';
import { adminLanguage } from './admin-language.ts';
import { apiError } from './api-error.ts';
import type { AdminEnv, AutomationDeps, ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { adminBodyLimit, jsonBody, validationError } from './json-body.ts';
import { auditOf, notFound, requiredVersion, resourceResponse, staleResource } from './versioned-resource.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Occurrences listed with a window by default, and at most (`?days=`). */
const DEFAULT_DAYS = 14;
const MAX_DAYS = 92;

/** The occurrences of `schedule` from `from` for `days`, skipped and moved ones marked. */
export function listOccurrences(schedule: Schedule, from: number, days: number): Occurrence[] {
  const zone = schedule.timeZone;
  return occurrencesBetween(schedule, from, from + days * DAY_MS).map((o) => ({
    scheduleId: schedule.id,
    occurrence: isoInZone(o.occurrence, zone),
    startsAt: isoInZone(o.startsAt, zone),
    displayUntil: isoInZone(o.displayUntil, zone),
    status: o.status,
  }));
}

function daysParam(c: Context): number {
  const raw = c.req.query('days');
  if (raw === undefined) return DEFAULT_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw apiError(400, {
      error: 'validation',
      message: `?days= must be a whole number from 1 to ${MAX_DAYS}, not "${raw}".`,
      problems: [{ path: 'days', message: `must be a whole number from 1 to ${MAX_DAYS}` }],
    });
  }
  return days;
}

export function adminSchedulesRoutes(deps: ServiceDeps, automation: AutomationDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(adminBodyLimit);
  const schedules = deps.store;
  const ctx = async (c: Context<AdminEnv>) => ({
    now: deps.now(),
    actor: c.get('actor'),
    timeZone: (await deps.cache.view()).head.settings.timeZone,
    language: adminLanguage(c),
  });
  const changed = async (c: Context) => {
    // Occurrences are part of the public answers: the next request must see the change.
    await deps.cache.refresh();
    automation.nudge(c);
  };

  async function find(id: string): Promise<Schedule> {
    const schedule = await schedules.getSchedule(id);
    if (!schedule) throw notFound('schedule', id);
    return schedule;
  }

  async function write(c: Context<AdminEnv>, current: Schedule, next: Schedule, action: AuditAction) {
    const outcome = await schedules.updateSchedule(
      next,
      current.version,
      auditOf(deps, c, action, current.id, current, next),
    );
    if (outcome !== 'ok') {
      const now = await schedules.getSchedule(current.id);
      throw now ? staleResource('schedule', now) : notFound('schedule', current.id);
    }
    await changed(c);
    return resourceResponse(c, 'schedule', next, 200, {
      occurrences: listOccurrences(next, deps.now(), DEFAULT_DAYS),
    });
  }

  async function current(c: Context<AdminEnv>): Promise<Schedule> {
    const expected = requiredVersion(c, 'schedule');
    const schedule = await find(c.req.param('id') ?? '');
    if (expected !== schedule.version) throw staleResource('schedule', schedule);
    return schedule;
  }

  app.get('/', async (c) => {
    const list = [...(await schedules.listSchedules())].sort((a, b) => a.name.localeCompare(b.name));
    const now = deps.now();
    return c.json({ schedules: list.map((s) => ({ ...s, occurrences: listOccurrences(s, now, 7) })) });
  });

  app.post('/', jsonBody(ScheduleFields), async (c) => {
    const result = createSchedule(c.req.valid('json'), deps.newId(), await ctx(c));
    if (!result.ok) throw validationError(result.problems, adminLanguage(c));
    await schedules.createSchedule(
      result.schedule,
      auditOf(deps, c, 'schedule.create', result.schedule.id, undefined, result.schedule),
    );
    await changed(c);
    c.header('location', `/api/admin/schedules/${encodeURIComponent(result.schedule.id)}`);
    return resourceResponse(c, 'schedule', result.schedule, 201, {
      occurrences: listOccurrences(result.schedule, deps.now(), DEFAULT_DAYS),
    });
  });

  app.get('/:id', async (c) => {
    const schedule = await find(c.req.param('id'));
    return resourceResponse(c, 'schedule', schedule, 200, {
      occurrences: listOccurrences(schedule, deps.now(), DEFAULT_DAYS),
    });
  });

  app.get('/:id/occurrences', async (c) => {
    const schedule = await find(c.req.param('id'));
    return c.json({ occurrences: listOccurrences(schedule, deps.now(), daysParam(c)) });
  });

  app.patch(
    '/:id',
    async (c, next) => {
      requiredVersion(c, 'schedule');
      await next();
    },
    jsonBody(SchedulePatch),
    async (c) => {
      const schedule = await current(c);
      const result = patchSchedule(schedule, c.req.valid('json'), await ctx(c));
      if (!result.ok) throw validationError(result.problems, adminLanguage(c));
      return write(c, schedule, result.schedule, 'schedule.update');
    },
  );

  // One occurrence skipped or moved (replacing an earlier exception for it); the audit log keeps it.
  app.put(
    '/:id/exceptions',
    async (c, next) => {
      requiredVersion(c, 'schedule');
      await next();
    },
    jsonBody(ScheduleException),
    async (c) => {
      const schedule = await current(c);
      const result = setException(schedule, c.req.valid('json'), await ctx(c));
      if (!result.ok) throw validationError(result.problems, adminLanguage(c));
      return write(c, schedule, result.schedule, 'schedule.exception');
    },
  );

  app.delete('/:id/exceptions/:occurrence', async (c) => {
    const schedule = await current(c);
    const occurrence = Date.parse(c.req.param('occurrence'));
    const next = Number.isNaN(occurrence) ? undefined : clearException(schedule, occurrence, await ctx(c));
    if (!next) {
      throw apiError(404, {
        error: 'not-found',
        message: `This window has no exception for "${c.req.param('occurrence')}". Reload its occurrences.`,
      });
    }
    return write(c, schedule, next, 'schedule.exception');
  });

  app.delete('/:id', async (c) => {
    const schedule = await current(c);
    const outcome = await schedules.deleteSchedule(
      schedule.id,
      schedule.version,
      auditOf(deps, c, 'schedule.delete', schedule.id, schedule),
    );
    if (outcome !== 'ok') {
      const now = await schedules.getSchedule(schedule.id);
      throw now ? staleResource('schedule', now) : notFound('schedule', schedule.id);
    }
    await changed(c);
    return c.body(null, 204);
  });

  return app;
}
