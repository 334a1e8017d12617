import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../contract/channel.ts';
import type { Message } from '../contract/message.ts';
import type { Monitor } from '../contract/monitor.ts';
import { DEFAULT_SETTINGS } from '../contract/settings.ts';
import { messagesAt } from '../server/src/automation/automation.ts';
import { MonitorRunner } from '../server/src/automation/monitor-runner.ts';
import { NotificationOutbox } from '../server/src/automation/notification-outbox.ts';
import { silentLogger } from '../server/src/domain/logger.ts';
import type { SendOutcome } from '../server/src/domain/notifications/retry-policy.ts';
import { openNodeStore } from '../server/src/store/open-node-store.ts';
import type { Store } from '../server/src/store/store.ts';
import { openTempStore } from './store-harness.ts';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const stamp = {
  createdAt: '2026-11-22T10:00:00+03:00',
  updatedAt: '2026-11-22T10:00:00+03:00',
  createdBy: 'admin',
  version: 1,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const seed = (id: string) => ({ id, at: new Date(T0).toISOString(), actor: 'admin', target: id });

/** The runner and the outbox over the store `npm start` opens, on a fake clock and a switchable target. */
async function setup(options: { sendResults?: SendOutcome[]; store?: Store } = {}) {
  let t = T0;
  let ids = 0;
  let up = true;
  const temp = options.store ? undefined : await openTempStore();
  if (temp) cleanups.push(temp.cleanup);
  const store = options.store ?? (temp as { store: Store }).store;
  const monitor: Monitor = {
    id: 'web',
    name: 'Web',
    kind: 'http',
    target: 'http://127.0.0.1:9/buh/',
    intervalSeconds: 30,
    timeoutSeconds: 5,
    failuresToDown: 3,
    successesToUp: 2,
    bases: ['buh'],
    severity: 'outage',
    enabled: true,
    ...stamp,
  };
  if (!(await store.getMonitor(monitor.id)))
    await store.createMonitor(monitor, { ...seed('a-web'), action: 'monitor.create', target: monitor.id });
  const channel: Channel = {
    id: 'hook',
    kind: 'webhook',
    name: 'Ops',
    url: 'https://ops.example/hook',
    ...stamp,
  };
  if (!(await store.getChannel(channel.id)))
    await store.createChannel(channel, { ...seed('a-hook'), action: 'channel.create', target: channel.id });
  const sent: string[] = [];
  const results = [...(options.sendResults ?? [])];
  const showing = async (at: number) => messagesAt(await store.listMessages(), at);
  const outbox = new NotificationOutbox({
    store,
    settings: async () => DEFAULT_SETTINGS,
    current: showing,
    send: async (_channel, payload) => {
      sent.push(payload.subject);
      return results.shift() ?? { ok: true };
    },
    now: () => t,
    newId: () => `id${++ids}`,
    logger: silentLogger,
    retry: { attempts: 3, firstDelayMs: 1_000, maxDelayMs: 10_000 },
  });
  let probes = 0;
  const logged: string[] = [];
  const runner = new MonitorRunner({
    monitors: store,
    messages: store,
    probe: async () => {
      probes++;
      return up ? { ok: true, ms: 3 } : { ok: false, ms: 5000, problem: 'no answer within 5 s' };
    },
    now: () => t,
    newId: () => `id${++ids}`,
    showing,
    timeZone: async () => 'Europe/Moscow',
    stateChanged: async () => undefined,
    notify: (event) => outbox.emit([event]),
    logger: { ...silentLogger, warn: (line) => void logged.push(line) },
  });
  return {
    store,
    /** A second store over the same database, as a second process opens it. */
    reopen: async () => {
      if (!temp) throw new Error('reopen needs a store of its own');
      const other = await openNodeStore({ dir: temp.dir });
      cleanups.unshift(() => other.close());
      return other;
    },
    runner,
    outbox,
    sent,
    advance: (ms: number) => {
      t += ms;
    },
    setUp: (value: boolean) => {
      up = value;
    },
    probes: () => probes,
    logged,
    now: () => t,
  };
}

/** The audit entries of monitors and administrators' messages, oldest first, as [actor, action]. */
async function messageAudit(store: Store) {
  const { entries } = await store.listAudit({ limit: 100 });
  return entries
    .reverse()
    .filter((a) => a.action.startsWith('message.'))
    .map((a) => [a.actor, a.action]);
}

describe('the monitor runner', () => {
  it('probes only when due, posts the outage message as monitor:<name> and ends it on recovery', async () => {
    const s = await setup();
    await s.runner.runDue();
    await s.runner.runDue();
    expect(s.probes()).toBe(1);
    s.setUp(false);
    for (let i = 0; i < 3; i++) {
      s.advance(30_000);
      await s.runner.runDue();
    }
    const posted = await s.store.listMessages();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ createdBy: 'monitor:Web', severity: 'outage', bases: ['buh'] });
    expect(await messageAudit(s.store)).toEqual([['monitor:Web', 'message.create']]);
    expect(await s.store.listMonitorStates()).toMatchObject([{ monitorId: 'web', state: 'down' }]);

    s.setUp(true);
    for (let i = 0; i < 2; i++) {
      s.advance(30_000);
      await s.runner.runDue();
    }
    const ended = (await s.store.getMessage(posted[0]?.id ?? '')) as Message;
    expect(Date.parse(ended.displayUntil)).toBe(s.now());
    expect((await s.store.listTransitions('web', 10)).map((row) => row.state)).toEqual(['up', 'down']);
    // What the service did on its own is in the log, once per change.
    expect(s.logged).toEqual([
      'monitor "Web" is down: no answer within 5 s (message posted)',
      'monitor "Web" is up (message ended)',
    ]);
    // The audit keeps what the monitor changed, not the whole message twice.
    const [update] = (await s.store.listAudit({ limit: 1 })).entries;
    expect(update).toMatchObject({ actor: 'monitor:Web', action: 'message.update' });
    expect(Object.keys(update?.after as object).sort()).toEqual([
      'displayUntil',
      'updatedAt',
      'updatedBy',
      'version',
    ]);
  });

  it('of two runners on one store (two processes on one DATA_DIR), only one probes and only one posts', async () => {
    const first = await setup();
    const second = await setup({ store: await first.reopen() });
    const both = async () => {
      await Promise.all([first.runner.runDue(), second.runner.runDue()]);
    };
    await both();
    expect(first.probes() + second.probes()).toBe(1);
    first.setUp(false);
    second.setUp(false);
    // Down at the third failure (90 s); the deadline (now + 30 min) is moved once it is 25 min away.
    for (let i = 0; i < 20; i++) {
      first.advance(30_000);
      second.advance(30_000);
      await both();
    }
    expect(first.probes() + second.probes()).toBe(21);
    expect(await first.store.listMessages()).toHaveLength(1);
    const audit = await messageAudit(first.store);
    expect(audit.filter(([, action]) => action === 'message.create')).toEqual([
      ['monitor:Web', 'message.create'],
    ]);
    // The deadline was moved once (at 7 min), by one process only.
    expect(audit.filter(([, action]) => action === 'message.update')).toHaveLength(1);
  });
});

describe('the notification outbox', () => {
  it('tells each channel once about a monitor going down and up', async () => {
    const s = await setup();
    s.setUp(false);
    for (let i = 0; i < 4; i++) {
      await s.runner.runDue();
      s.advance(30_000);
    }
    s.setUp(true);
    for (let i = 0; i < 3; i++) {
      await s.runner.runDue();
      s.advance(30_000);
    }
    await s.outbox.checkMessages();
    await s.outbox.deliverDue();
    await s.outbox.deliverDue();
    expect(s.sent).toEqual(['Не отвечает: Web', 'Снова отвечает: Web']);
  });

  it('announces an administrator’s message when it starts and when it ends, once each', async () => {
    const s = await setup();
    const message: Message = {
      id: 'm1',
      text: { ru: 'Плановые работы до {until}.' },
      bases: ['*'],
      startsAt: '2026-11-23T03:10:00+03:00',
      displayUntil: '2026-11-23T04:00:00+03:00',
      severity: 'maintenance',
      ...stamp,
    };
    await s.store.createMessage(message, { ...seed('a-m1'), action: 'message.create', after: message });
    await s.outbox.checkMessages();
    expect(await s.store.listDeliveries({ limit: 10 })).toEqual([]);
    s.advance(10 * 60_000);
    await s.outbox.checkMessages();
    await s.outbox.checkMessages();
    s.advance(60 * 60_000);
    await s.outbox.checkMessages();
    await s.outbox.deliverDue();
    expect(s.sent).toEqual([
      'Пользователям 1С показано сообщение (плановые работы)',
      'Сообщение для пользователей 1С снято (плановые работы)',
    ]);
  });

  it('retries a failing channel with backoff, then marks the delivery failed with the reason', async () => {
    const failing = { ok: false, problem: 'the receiver answered HTTP 503', retry: true } as const;
    const s = await setup({ sendResults: [failing, failing, failing] });
    await s.outbox.emit([
      {
        id: 'monitor:web:down:1',
        kind: 'monitor.down',
        at: s.now(),
        bases: ['buh'],
        monitor: { id: 'web', name: 'Web', kind: 'http', target: 'x', bases: ['buh'], since: s.now() },
      },
    ]);
    await s.outbox.deliverDue();
    await s.outbox.deliverDue();
    expect(s.sent).toHaveLength(1);
    s.advance(1_000);
    await s.outbox.deliverDue();
    s.advance(2_000);
    await s.outbox.deliverDue();
    s.advance(60_000);
    await s.outbox.deliverDue();
    expect(s.sent).toHaveLength(3);
    expect(await s.store.listDeliveries({ limit: 10 })).toMatchObject([
      { state: 'failed', attempts: 3, problem: 'the receiver answered HTTP 503 (after 3 attempts)' },
    ]);
  });
});
