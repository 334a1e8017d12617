import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isoInZone } from '../../../contract/local-time.ts';
import type { ServiceDeps } from './deps.ts';

/**
 * The fields that hold points in time in admin API answers (messages, audit, requests, reports,
 * 412s; monitors, recurring windows and their occurrences, deliveries).
 */
const TIME_FIELDS = new Set([
  'at',
  'startsAt',
  'displayUntil',
  'createdAt',
  'updatedAt',
  'changedAt',
  'hour',
  'since',
  'start',
  'occurrence',
  'startsFrom',
  'endsAt',
  'lastAttemptAt',
  'nextAttemptAt',
]);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * `value` with every time field written in one form: ISO-8601 with the offset of `zone` at that
 * instant (`2026-11-23T14:00:00+03:00`), however it was entered or stored (`+00:00`, `Z`, another
 * zone's offset). Only strings under a time field's name that are ISO times change.
 */
export function timesInZone(value: unknown, zone: string): unknown {
  if (Array.isArray(value)) return value.map((item) => timesInZone(item, zone));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] =
      TIME_FIELDS.has(key) && typeof field === 'string' && ISO_TIME.test(field)
        ? isoInZone(Date.parse(field), zone)
        : timesInZone(field, zone);
  }
  return out;
}

/**
 * For the admin API: every time in a JSON answer in the service's zone (settings `timeZone`), the
 * form the public answers use too — one documented form for every time the service answers with.
 */
export function serviceTimes(deps: Pick<ServiceDeps, 'cache'>): MiddlewareHandler {
  return async (c, next) => {
    try {
      await next();
    } catch (error) {
      // A refusal with a body (a 412 carries the message as it is now) gets the same times.
      if (!(error instanceof HTTPException && error.res)) throw error;
      c.res = error.getResponse();
    }
    const type = c.res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json') || c.res.body === null) return;
    const zone = (await deps.cache.view()).snapshot.settings.timeZone;
    const text = await c.res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      c.res = new Response(text, c.res);
      return;
    }
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(JSON.stringify(timesInZone(body, zone)), { status: c.res.status, headers });
  };
}
