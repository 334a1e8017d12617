import type { Context } from 'hono';
import { type Message, MessageFields, MessagePatch } from '../../../contract/message.ts';
import { changedFields } from '../domain/audit-change.ts';
import { parseIfMatch, versionTag } from '../domain/etag.ts';
import { lintMessageFields } from '../domain/lint/lint-message-fields.ts';
import { type ChangeResult, createMessage, patchMessage } from '../domain/message-changes.ts';
import type { AuditEntry } from '../store/store.ts';
import { adminLanguage } from './admin-language.ts';
import { apiError } from './api-error.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { adminBodyLimit, jsonBody, validationError } from './json-body.ts';

type AdminContext = Context<AdminEnv>;

/**
 * The JSON a message answer carries. `extra` is for fields that travel with a message answer but are
 * not part of the message (the console's lint `warnings`).
 */
export function messageResponse(
  c: AdminContext,
  message: Message,
  status: 200 | 201,
  extra: Record<string, unknown> = {},
): Response {
  return c.json({ ...message, ...extra }, status, { etag: versionTag('message', message.version) });
}

function refuseChanges(
  result: ChangeResult,
  language: string,
): asserts result is Extract<ChangeResult, { ok: true }> {
  if (!result.ok) throw validationError(result.problems, language);
}

function notFound(id: string) {
  return apiError(404, {
    error: 'not-found',
    message: `There is no message with id "${id}". It may have been deleted; reload the list.`,
  });
}

/** The 412 body: who changed the message last and when, and the message as it is now. */
export function staleMessage(current: Message) {
  const changedBy = current.updatedBy ?? current.createdBy;
  const etag = versionTag('message', current.version);
  return apiError(
    412,
    {
      error: 'conflict',
      message: `${changedBy} changed this message at ${current.updatedAt}, after you loaded it. Review their version, then apply your change again.`,
      changedBy,
      changedAt: current.updatedAt,
      current,
      etag,
    },
    { etag },
  );
}

/** `If-Match` is how PATCH and DELETE avoid lost updates: without it, nothing is changed. */
function requiredVersion(c: AdminContext): number | null {
  const header = c.req.header('if-match');
  const version = parseIfMatch(header, 'message');
  // `If-Match: *` would mean "whatever is there now": exactly the lost update this is here to stop.
  if (version === undefined || header?.trim() === '*') {
    throw apiError(428, {
      error: 'precondition-required',
      message:
        'Send the header "If-Match" with the ETag from your last GET of this message, so two administrators never overwrite each other.',
    });
  }
  return version;
}

export function adminMessagesRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(adminBodyLimit);

  const audit = (
    c: AdminContext,
    action: AuditEntry['action'],
    target: string,
    change: Pick<AuditEntry, 'before' | 'after'>,
  ): AuditEntry => ({
    id: deps.newId(),
    at: new Date(deps.now()).toISOString(),
    actor: c.get('actor'),
    action,
    target,
    ...change,
  });

  async function find(id: string): Promise<Message> {
    const message = await deps.store.getMessage(id);
    if (!message) throw notFound(id);
    return message;
  }

  /** After a write whose condition failed: the message as it is now (412), or gone (404). */
  async function lost(id: string): Promise<never> {
    const now = await deps.store.getMessage(id);
    throw now ? staleMessage(now) : notFound(id);
  }

  app.get('/', async (c) => {
    return c.json({ messages: await deps.store.listMessages() });
  });

  app.post('/', jsonBody(MessageFields), async (c) => {
    const fields = c.req.valid('json');
    const { settings } = await deps.store.getSettings();
    const language = adminLanguage(c);
    const result = createMessage(fields, deps.newId(), {
      now: deps.now(),
      actor: c.get('actor'),
      settings,
      language,
    });
    refuseChanges(result, language);
    await deps.store.createMessage(
      result.message,
      audit(c, 'message.create', result.message.id, { after: result.message }),
    );
    await deps.cache.refresh();
    c.header('location', `/api/admin/messages/${encodeURIComponent(result.message.id)}`);
    return messageResponse(c, result.message, 201, {
      warnings: lintMessageFields(result.message, settings, language),
    });
  });

  app.get('/:id', async (c) => {
    return messageResponse(c, await find(c.req.param('id')), 200);
  });

  app.patch(
    '/:id',
    async (c, next) => {
      requiredVersion(c);
      await next();
    },
    jsonBody(MessagePatch),
    async (c) => {
      const expected = requiredVersion(c);
      const [current, { settings }] = await Promise.all([find(c.req.param('id')), deps.store.getSettings()]);
      if (expected !== current.version) throw staleMessage(current);
      const language = adminLanguage(c);
      const result = patchMessage(current, c.req.valid('json'), {
        now: deps.now(),
        actor: c.get('actor'),
        settings,
        language,
      });
      refuseChanges(result, language);
      const outcome = await deps.store.updateMessage(
        result.message,
        current.version,
        audit(c, 'message.update', current.id, changedFields(current, result.message)),
      );
      if (outcome !== 'ok') await lost(current.id);
      await deps.cache.refresh();
      return messageResponse(c, result.message, 200, {
        warnings: lintMessageFields(result.message, settings, language),
      });
    },
  );

  app.delete('/:id', async (c) => {
    const expected = requiredVersion(c);
    const current = await find(c.req.param('id'));
    if (expected !== current.version) throw staleMessage(current);
    const outcome = await deps.store.deleteMessage(
      current.id,
      current.version,
      audit(c, 'message.delete', current.id, { before: current }),
    );
    if (outcome !== 'ok') await lost(current.id);
    await deps.cache.refresh();
    return c.body(null, 204);
  });

  return app;
}
