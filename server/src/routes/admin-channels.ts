import type { Context } from 'hono';
import { type Channel, ChannelFields } from '../../../contract/channel.ts';
import { isoInZone } from '../../../contract/local-time.ts';
import { testNotice } from '../domain/notifications/notification-texts.ts';
import type { AdminEnv, AutomationDeps, ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { adminBodyLimit, jsonBody } from './json-body.ts';
import { auditOf, notFound, requiredVersion, resourceResponse, staleResource } from './versioned-resource.ts';

/** Deliveries the console shows: the latest ones, with their outcome. */
const DELIVERIES_SHOWN = 50;

/** A channel from validated fields; secrets stay in the variables it names. */
function channelFrom(
  fields: ChannelFields,
  base: Pick<Channel, 'id' | 'createdAt' | 'createdBy' | 'version'>,
  extra: Partial<Channel>,
): Channel {
  // Only the identity comes from `base`: a replaced channel must not keep a field the new one left out.
  const { id, createdAt, createdBy, version } = base;
  return { ...fields, id, createdAt, createdBy, version, ...extra } as Channel;
}

export function adminChannelsRoutes(deps: ServiceDeps, automation: AutomationDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(adminBodyLimit);
  const notifications = deps.store;
  const settings = async () => (await deps.cache.view()).head.settings;
  const withReadiness = (channel: Channel) => ({ ...channel, readiness: automation.readiness(channel) });

  async function find(id: string): Promise<Channel> {
    const channel = await notifications.getChannel(id);
    if (!channel) throw notFound('channel', id);
    return channel;
  }

  async function current(c: Context<AdminEnv>): Promise<Channel> {
    const expected = requiredVersion(c, 'channel');
    const channel = await find(c.req.param('id') ?? '');
    if (expected !== channel.version) throw staleResource('channel', channel);
    return channel;
  }

  app.get('/', async (c) => {
    const [channels, deliveries] = await Promise.all([
      notifications.listChannels(),
      notifications.listDeliveries({ limit: DELIVERIES_SHOWN }),
    ]);
    const sorted = [...channels].sort((a, b) => a.name.localeCompare(b.name));
    return c.json({ channels: sorted.map(withReadiness), deliveries });
  });

  app.post('/', jsonBody(ChannelFields), async (c) => {
    const at = isoInZone(deps.now(), (await settings()).timeZone);
    const channel = channelFrom(
      c.req.valid('json'),
      { id: deps.newId(), createdAt: at, createdBy: c.get('actor'), version: 1 },
      { updatedAt: at },
    );
    await notifications.createChannel(
      channel,
      auditOf(deps, c, 'channel.create', channel.id, undefined, channel),
    );
    c.header('location', `/api/admin/channels/${encodeURIComponent(channel.id)}`);
    return resourceResponse(c, 'channel', channel, 201, { readiness: automation.readiness(channel) });
  });

  app.get('/:id', async (c) => {
    const channel = await find(c.req.param('id'));
    const deliveries = await notifications.listDeliveries({ channelId: channel.id, limit: DELIVERIES_SHOWN });
    return resourceResponse(c, 'channel', channel, 200, {
      readiness: automation.readiness(channel),
      deliveries,
    });
  });

  // A channel is replaced whole: its fields depend on its kind, and a partial change could mix two kinds.
  app.put(
    '/:id',
    async (c, next) => {
      requiredVersion(c, 'channel');
      await next();
    },
    jsonBody(ChannelFields),
    async (c) => {
      const before = await current(c);
      const next = channelFrom(c.req.valid('json'), before, {
        updatedAt: isoInZone(deps.now(), (await settings()).timeZone),
        updatedBy: c.get('actor'),
        version: before.version + 1,
      });
      const outcome = await notifications.updateChannel(
        next,
        before.version,
        auditOf(deps, c, 'channel.update', before.id, before, next),
      );
      if (outcome !== 'ok') {
        const now = await notifications.getChannel(before.id);
        throw now ? staleResource('channel', now) : notFound('channel', before.id);
      }
      return resourceResponse(c, 'channel', next, 200, { readiness: automation.readiness(next) });
    },
  );

  app.delete('/:id', async (c) => {
    const channel = await current(c);
    const outcome = await notifications.deleteChannel(
      channel.id,
      channel.version,
      auditOf(deps, c, 'channel.delete', channel.id, channel),
    );
    if (outcome !== 'ok') {
      const now = await notifications.getChannel(channel.id);
      throw now ? staleResource('channel', now) : notFound('channel', channel.id);
    }
    return c.body(null, 204);
  });

  // A test notice to this channel only, delivered like any other (so its outcome shows in the list).
  app.post('/:id/test', async (c) => {
    const channel = await find(c.req.param('id'));
    const now = deps.now();
    const language = channel.language ?? (await settings()).defaultLanguage;
    const text = testNotice(language);
    const delivery = {
      id: deps.newId(),
      channelId: channel.id,
      eventId: `test:${deps.newId()}`,
      event: 'channel.test' as const,
      createdAt: now,
      payload: {
        ...text,
        json: JSON.stringify({ type: 'channel.test', at: new Date(now).toISOString(), language, ...text }),
      },
    };
    await notifications.recordEvents([], [delivery]);
    automation.nudge(c);
    return c.json({ deliveryId: delivery.id }, 202);
  });

  return app;
}
