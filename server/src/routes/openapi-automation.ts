// The OpenAPI part for monitors, recurring windows and notification channels (merged into the
// document by openapi-document.ts; the same zod schemas validate the requests).
import { Channel, ChannelFields, ChannelReadiness, Delivery } from '../../../contract/channel.ts';
import { MonitorFields, MonitorPatch, MonitorWithStatus } from '../../../contract/monitor.ts';
import {
  Occurrence,
  Schedule,
  ScheduleException,
  ScheduleFields,
  SchedulePatch,
} from '../../../contract/schedule.ts';
import type * as z from '../../../contract/zod.ts';

type SchemaOf = (s: z.core.$ZodType, io?: 'input' | 'output') => Record<string, unknown>;

const ref = (name: string) => ({
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
});
const error = (description: string) => ({ description, ...ref('ApiError') });
const security = [{ admin: [] }];
const common = {
  401: error('Missing or wrong admin token'),
  429: error('Too many wrong tokens from this address'),
};
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: true,
  schema: { type: 'string' },
  description: 'The ETag of your last read',
};
const guarded = {
  404: error('Not found'),
  412: error('Changed by someone else since your read: changedBy, changedAt, current'),
  428: error('If-Match missing'),
};

export function automationSchemas(schema: SchemaOf): Record<string, unknown> {
  return {
    MonitorFields: schema(MonitorFields, 'input'),
    MonitorPatch: schema(MonitorPatch, 'input'),
    Monitor: schema(MonitorWithStatus),
    ScheduleFields: schema(ScheduleFields, 'input'),
    SchedulePatch: schema(SchedulePatch, 'input'),
    ScheduleException: schema(ScheduleException, 'input'),
    Schedule: schema(Schedule),
    Occurrence: schema(Occurrence),
    ChannelFields: schema(ChannelFields, 'input'),
    Channel: schema(Channel),
    ChannelReadiness: schema(ChannelReadiness),
    Delivery: schema(Delivery),
  };
}

/** List + create, and read + change + delete by id, for one versioned resource. */
function crud(base: string, name: string, list: string, change: { method: 'patch' | 'put'; body: string }) {
  return {
    [base]: {
      get: { security, responses: { 200: { description: list }, ...common } },
      post: {
        security,
        requestBody: { required: true, ...ref(`${name}Fields`) },
        responses: {
          201: { description: 'Created; ETag header', ...ref(name) },
          400: error('Field problems'),
          ...common,
        },
      },
    },
    [`${base}/{id}`]: {
      get: {
        security,
        parameters: [id],
        responses: { 200: { description: 'ETag header', ...ref(name) }, 404: error('Not found'), ...common },
      },
      [change.method]: {
        security,
        parameters: [id, ifMatch],
        requestBody: { required: true, ...ref(change.body) },
        responses: {
          200: { description: 'Changed; new ETag', ...ref(name) },
          400: error('Field problems'),
          ...guarded,
          ...common,
        },
      },
      delete: {
        security,
        parameters: [id, ifMatch],
        responses: { 204: { description: 'Deleted (the audit log keeps it)' }, ...guarded, ...common },
      },
    },
  };
}

export function automationPaths(): Record<string, unknown> {
  return {
    ...crud('/api/admin/monitors', 'Monitor', '`{ monitors: Monitor[] }` with state, last probe and uptime', {
      method: 'patch',
      body: 'MonitorPatch',
    }),
    ...crud(
      '/api/admin/schedules',
      'Schedule',
      '`{ schedules: Schedule[] }`, each with its occurrences in the next 7 days',
      {
        method: 'patch',
        body: 'SchedulePatch',
      },
    ),
    '/api/admin/schedules/{id}/occurrences': {
      get: {
        security,
        parameters: [
          id,
          {
            name: 'days',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 92 },
          },
        ],
        responses: {
          200: { description: '`{ occurrences: Occurrence[] }` (default 14 days)' },
          404: error('Not found'),
          ...common,
        },
      },
    },
    '/api/admin/schedules/{id}/exceptions': {
      put: {
        security,
        parameters: [id, ifMatch],
        requestBody: { required: true, ...ref('ScheduleException') },
        responses: {
          200: { description: 'One occurrence skipped or moved', ...ref('Schedule') },
          400: error('Not an occurrence'),
          ...guarded,
          ...common,
        },
      },
    },
    '/api/admin/schedules/{id}/exceptions/{occurrence}': {
      delete: {
        security,
        parameters: [
          id,
          { name: 'occurrence', in: 'path', required: true, schema: { type: 'string' } },
          ifMatch,
        ],
        responses: {
          200: { description: 'The occurrence is planned again', ...ref('Schedule') },
          ...guarded,
          ...common,
        },
      },
    },
    ...crud(
      '/api/admin/channels',
      'Channel',
      '`{ channels: (Channel & {readiness})[], deliveries: Delivery[] }`',
      {
        method: 'put',
        body: 'ChannelFields',
      },
    ),
    '/api/admin/channels/{id}/test': {
      post: {
        security,
        parameters: [id],
        responses: {
          202: { description: '`{ deliveryId }`: a test notice, sent in the background' },
          ...common,
        },
      },
    },
  };
}
