import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../contract/channel.ts';
import type { Message } from '../../../contract/message.ts';
import type { Monitor } from '../../../contract/monitor.ts';
import { DEFAULT_SETTINGS } from '../../../contract/settings.ts';
import { silentLogger } from '../domain/logger.ts';
import type { SendOutcome } from '../domain/notifications/retry-policy.ts';
import { MemoryAutomationStore } from './memory-stores.test-support.ts';
import { MonitorRunner } from './monitor-runner.ts';
import { NotificationOutbox } from './notification-outbox.ts';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const stamp = {
  createdAt: '2026-11-22T10:00:00+03:00',
  updatedAt: '2026-11-22T10:00:00+03:00',
  createdBy: 'admin',
  version: 1,
};

function setup(options: { sendResults?: SendOutcome[] } = {}) {
  let t = T0;
  let ids = 0;
  let up = true;
  const store = new MemoryAutomationStore();
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
  store.monitors.set(monitor.id, monitor);
  const channel: Channel = {
    id: 'hook',
    kind: 'webhook',
    name: 'Ops',
    url: 'https://ops.example/hook',
    ...stamp,
  };
  store.channels.set(channel.id, channel);
  const sent: string[] = [];
  const results = [...(options.sendResults ?? [])];
  const showing = async () => [...store.messages.values()];
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
    messagesChanged: async () => undefined,
    notify: (event) => outbox.emit([event]),
    logger: silentLogger,
  });
  return {
    store,
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
    now: () => t,
  };
}

describe('the monitor runner', () => {
  it('probes only when due, posts the outage message as monitor:<name> and ends it on recovery', async () => {
    const s = setup();
    await s.runner.runDue();
    await s.runner.runDue();
    expect(s.probes()).toBe(1);
    s.setUp(false);
    for (let i = 0; i < 3; i++) {
      s.advance(30_000);
      await s.runner.runDue();
    }
    const posted = [...s.store.messages.values()];
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ createdBy: 'monitor:Web', severity: 'outage', bases: ['buh'] });
    expect(s.store.audit.map((a) => [a.actor, a.action])).toEqual([['monitor:Web', 'message.create']]);
    expect(s.store.states.get('web')).toMatchObject({ state: 'down' });

    s.setUp(true);
    for (let i = 0; i < 2; i++) {
      s.advance(30_000);
      await s.runner.runDue();
    }
    const ended = s.store.messages.get(posted[0]?.id ?? '') as Message;
    expect(Date.parse(ended.displayUntil)).toBe(s.now());
    expect(s.store.probes.filter((p) => p.transition).map((p) => p.transition)).toEqual(['down', 'up']);
  });

  it('a runner that loses the race for a monitor does not probe it', async () => {
    const s = setup();
    await Promise.all([s.runner.runDue(), s.runner.runDue()]);
    expect(s.probes()).toBe(1);
    const other = setup();
    other.store.states.set('web', {
      monitorId: 'web',
      state: 'unknown',
      failures: 0,
      successes: 0,
      dueAt: T0,
      version: 4,
    });
    const stale = other.store.saveMonitorState.bind(other.store);
    other.store.saveMonitorState = async (state, expected, probe) =>
      stale(state, expected === 4 ? 3 : expected, probe);
    await other.runner.runDue();
    expect(other.probes()).toBe(0);
  });
});

describe('the notification outbox', () => {
  it('tells each channel once about a monitor going down and up', async () => {
    const s = setup();
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
    const s = setup();
    const message: Message = {
      id: 'm1',
      text: { ru: 'Плановые работы до {until}.' },
      bases: ['*'],
      startsAt: '2026-11-23T03:10:00+03:00',
      displayUntil: '2026-11-23T04:00:00+03:00',
      severity: 'maintenance',
      ...stamp,
    };
    s.store.messages.set(message.id, message);
    await s.outbox.checkMessages();
    expect(s.store.deliveries.size).toBe(0);
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
    const s = setup({ sendResults: [failing, failing, failing] });
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
    const [delivery] = s.store.deliveries.values();
    expect(delivery).toMatchObject({
      state: 'failed',
      attempts: 3,
      problem: 'the receiver answered HTTP 503 (after 3 attempts)',
    });
  });
});
