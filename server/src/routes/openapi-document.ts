// The OpenAPI document of the service. The Worker bundle replaces this module with the document it
// returns, computed at build time (scripts/build-worker.mjs), so zod's JSON Schema code stays out
// of dist/worker/worker.mjs; Node (`npm start`, no build step) generates it here on first request.
import { AuditEntrySchema } from '../../../contract/audit-entry.ts';
import { CapturedRequest, ReportsResponse } from '../../../contract/captured-request.ts';
import { MessageLintWarning } from '../../../contract/lint-warning.ts';
import { Message, MessageFields, MessagePatch } from '../../../contract/message.ts';
import { ApiError } from '../../../contract/problem.ts';
import { Settings } from '../../../contract/settings.ts';
import { StartupErrorResponse } from '../../../contract/startup-error-response.ts';
import { StatusResponse } from '../../../contract/status.ts';
import * as z from '../../../contract/zod.ts';
import { automationPaths, automationSchemas } from './openapi-automation.ts';

const schema = (s: z.core.$ZodType, io: 'input' | 'output' = 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const json = (ref: string) => ({
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
/** POST/PATCH message answers: the message plus the lint hints about it (never a refusal). */
const messageWithWarnings = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: {
        allOf: [
          { $ref: '#/components/schemas/Message' },
          {
            type: 'object',
            properties: {
              warnings: {
                type: 'array',
                description:
                  'Lint hints per language (the measurable rules of how the product talks to people); empty when the text reads well',
                items: { $ref: '#/components/schemas/MessageLintWarning' },
              },
            },
            required: ['warnings'],
          },
        ],
      },
    },
  },
});
const error = (description: string) => ({ description, ...json('ApiError') });
const adminErrors = {
  401: error('Missing or wrong admin token'),
  429: error('Too many wrong tokens from this address'),
};
const lang = [
  {
    name: 'lang',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: 'Language, wins over Accept-Language',
  },
];
const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const ifMatch = [
  ...id,
  {
    name: 'If-Match',
    in: 'header',
    required: true,
    schema: { type: 'string' },
    description: 'The ETag of your last read',
  },
];

const startupError = {
  parameters: lang,
  responses: {
    200: {
      description: 'The answer for 1C clients; `{}` when there is nothing to say',
      ...json('StartupErrorResponse'),
    },
  },
};
const startupErrorPost = {
  ...startupError,
  requestBody: {
    description: 'Anything up to 16 KB: captured as a login-error report',
    content: { '*/*': {} },
  },
  responses: { ...startupError.responses, 413: error('Body larger than 16 KB') },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate the requests. */
export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'startup-help',
      version: '1',
      description:
        "Startup-error service for 1C:Enterprise clients, its status API and admin API. Every time in an answer is ISO-8601 with the offset of the settings' time zone at that instant (2026-11-23T14:00:00+03:00), however it was sent. Refusals (400) and lint hints are in the caller's Accept-Language (ru, en, lv; else English).",
    },
    components: {
      securitySchemes: { admin: { type: 'http', scheme: 'bearer' } },
      schemas: {
        StartupErrorResponse: schema(StartupErrorResponse),
        StatusResponse: schema(StatusResponse),
        MessageFields: schema(MessageFields, 'input'),
        MessagePatch: schema(MessagePatch, 'input'),
        Message: schema(Message),
        MessageLintWarning: schema(MessageLintWarning),
        Settings: schema(Settings, 'input'),
        AuditEntry: schema(AuditEntrySchema),
        CapturedRequest: schema(CapturedRequest),
        ReportsResponse: schema(ReportsResponse),
        ApiError: schema(ApiError),
        ...automationSchemas(schema),
      },
    },
    paths: {
      '/startup-error': { get: startupError, post: startupErrorPost },
      '/startup-error/{baseKey}': {
        parameters: [
          {
            name: 'baseKey',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'May end in .json; unknown keys get the all-bases answer',
          },
        ],
        get: startupError,
        post: startupErrorPost,
      },
      '/api/status': {
        get: {
          parameters: lang,
          responses: {
            200: { description: 'Active and upcoming messages per base', ...json('StatusResponse') },
          },
        },
      },
      '/healthz': {
        get: {
          responses: { 200: { description: 'The service can answer' }, 503: error('Storage unavailable') },
        },
      },
      '/api/admin/messages': {
        get: {
          security: [{ admin: [] }],
          responses: { 200: { description: '`{ messages: Message[] }`, newest first' }, ...adminErrors },
        },
        post: {
          security: [{ admin: [] }],
          requestBody: { required: true, ...json('MessageFields') },
          responses: {
            201: messageWithWarnings('Created; ETag header'),
            400: error('Field problems'),
            409: error('A message with the new id exists already'),
            ...adminErrors,
          },
        },
      },
      '/api/admin/messages/{id}': {
        get: {
          security: [{ admin: [] }],
          parameters: id,
          responses: {
            200: { description: 'ETag header', ...json('Message') },
            404: error('No such message'),
            ...adminErrors,
          },
        },
        patch: {
          security: [{ admin: [] }],
          parameters: ifMatch,
          requestBody: { required: true, ...json('MessagePatch') },
          responses: {
            200: messageWithWarnings('Changed; new ETag'),
            400: error('Field problems'),
            404: error('No such message'),
            412: error('Changed by someone else since your read: changedBy, changedAt, current'),
            428: error('If-Match missing'),
            ...adminErrors,
          },
        },
        delete: {
          security: [{ admin: [] }],
          parameters: ifMatch,
          responses: {
            204: { description: 'Deleted (the audit log keeps it)' },
            404: error('No such message'),
            412: error('Stale ETag'),
            428: error('If-Match missing'),
            ...adminErrors,
          },
        },
      },
      '/api/admin/settings': {
        get: {
          security: [{ admin: [] }],
          responses: { 200: { description: 'ETag header', ...json('Settings') }, ...adminErrors },
        },
        put: {
          security: [{ admin: [] }],
          requestBody: { required: true, ...json('Settings') },
          responses: {
            200: { description: 'Saved; new ETag', ...json('Settings') },
            400: error('Field problems'),
            412: error('Stale If-Match'),
            ...adminErrors,
          },
        },
      },
      '/api/admin/audit': {
        get: {
          security: [{ admin: [] }],
          parameters: [
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            },
            {
              name: 'before',
              in: 'query',
              description: 'The `next` of the previous page (also in the `Link` header, rel="next")',
              schema: { type: 'string' },
            },
          ],
          responses: {
            200: {
              description:
                '`{ entries: AuditEntry[], next?: string }`, newest first; an update lists only the fields it changed',
            },
            400: error('A `before` that is not a cursor of this log'),
            ...adminErrors,
          },
        },
      },
      '/api/admin/requests': {
        get: {
          security: [{ admin: [] }],
          responses: {
            200: { description: '`{ requests: CapturedRequest[] }`, newest first' },
            ...adminErrors,
          },
        },
      },
      '/api/admin/templates': {
        get: {
          security: [{ admin: [] }],
          responses: {
            200: { description: '`{ templates: MessageTemplate[] }`: ready-made messages in ru, en and lv' },
            ...adminErrors,
          },
        },
      },
      '/api/admin/reports': {
        get: {
          security: [{ admin: [] }],
          responses: {
            200: { description: 'Counts per base and hour', ...json('ReportsResponse') },
            ...adminErrors,
          },
        },
      },
      ...automationPaths(),
    },
  };
}
