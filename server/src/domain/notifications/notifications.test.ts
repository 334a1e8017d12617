import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../../contract/channel.ts';
import type { Message } from '../../../../contract/message.ts';
import type { Settings } from '../../../../contract/settings.ts';
import { plannedDeliveries } from './delivery-plan.ts';
import { messageEvents, type NotifiedMessage } from './message-events.ts';
import { monitorEvent } from './notification-event.ts';
import { notificationText } from './notification-texts.ts';
import { afterAttempt, DEFAULT_RETRY, httpOutcome, redactSecrets } from './retry-policy.ts';

const settings: Settings = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  bases: { buh: { name: 'Бухгалтерия' } },
};
const at = (iso: string) => Date.parse(iso);

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm1',
    text: { ru: 'Плановые работы до {until}.', en: 'Maintenance until {until}.' },
    bases: ['buh'],
    startsAt: '2026-11-23T01:00:00+03:00',
    displayUntil: '2026-11-23T03:00:00+03:00',
    severity: 'maintenance',
    createdAt: '2026-11-22T20:00:00+03:00',
    updatedAt: '2026-11-22T20:00:00+03:00',
    createdBy: 'admin',
    version: 1,
    ...overrides,
  };
}

function run(current: Message[], open: NotifiedMessage[], now: number) {
  const result = messageEvents(current, open, now);
  return { kinds: result.events.map((e) => e.kind), ...result };
}

describe('message events', () => {
  it('a message starts when it begins to show (a scheduled one at its start), changes, and ends once', () => {
    const m = message();
    expect(run([m], [], at('2026-11-23T00:59:00+03:00')).kinds).toEqual([]);
    const started = run([m], [], at('2026-11-23T01:00:00+03:00'));
    expect(started.kinds).toEqual(['message.start']);
    const open = started.ledger;
    expect(run([m], open, at('2026-11-23T01:30:00+03:00')).kinds).toEqual([]);
    const edited = { ...m, text: { ru: 'Работы продлены до {until}.' }, version: 2 };
    const changed = run([edited], open, at('2026-11-23T01:40:00+03:00'));
    expect(changed.kinds).toEqual(['message.change']);
    expect(changed.events[0]?.id).toBe('message:m1:change:2');
    const ended = run([edited], changed.ledger, at('2026-11-23T03:00:00+03:00'));
    expect(ended.kinds).toEqual(['message.end']);
    expect(ended.ledger[0]?.endedAt).toBe(at('2026-11-23T03:00:00+03:00'));
  });

  it('a deleted message, or one that ended between two checks, ends with the text last announced', () => {
    const m = message();
    const open = run([m], [], at('2026-11-23T01:00:00+03:00')).ledger;
    const gone = run([], open, at('2026-11-23T01:10:00+03:00'));
    expect(gone.kinds).toEqual(['message.end']);
    expect(gone.events[0]).toMatchObject({ message: { text: m.text } });
  });

  it('a monitor’s message is announced by the monitor’s events; an administrator’s edit of it is announced', () => {
    const auto = message({ id: 'auto', createdBy: 'monitor:Web', severity: 'outage' });
    const started = run([auto], [], at('2026-11-23T01:00:00+03:00'));
    expect(started.kinds).toEqual([]);
    expect(started.ledger).toHaveLength(1);
    const rolled = { ...auto, version: 2, updatedBy: 'monitor:Web' };
    expect(run([rolled], started.ledger, at('2026-11-23T01:05:00+03:00')).kinds).toEqual([]);
    const byAdmin = { ...auto, version: 3, updatedBy: 'admin', text: { ru: 'Перезапускаем сервер.' } };
    expect(run([byAdmin], started.ledger, at('2026-11-23T01:06:00+03:00')).kinds).toEqual(['message.change']);
  });
});

describe('notification texts and deliveries', () => {
  const channels: Channel[] = [
    {
      id: 'tg',
      kind: 'telegram',
      name: 'Дежурные',
      chatId: '-100123',
      tokenEnv: 'TELEGRAM_TOKEN',
      createdAt: '2026-11-22T20:00:00+03:00',
      updatedAt: '2026-11-22T20:00:00+03:00',
      createdBy: 'admin',
      version: 1,
    },
    {
      id: 'hook',
      kind: 'webhook',
      name: 'Ops',
      url: 'https://ops.example/hook',
      language: 'en',
      events: ['monitor.down', 'monitor.up'],
      createdAt: '2026-11-22T20:00:00+03:00',
      updatedAt: '2026-11-22T20:00:00+03:00',
      createdBy: 'admin',
      version: 1,
    },
    {
      id: 'zup-only',
      kind: 'webhook',
      name: 'ZUP',
      url: 'https://zup.example/hook',
      bases: ['zup'],
      createdAt: '2026-11-22T20:00:00+03:00',
      updatedAt: '2026-11-22T20:00:00+03:00',
      createdBy: 'admin',
      version: 1,
    },
  ];

  it('each channel that wants an event gets one delivery in its own language', () => {
    const down = monitorEvent('monitor.down', at('2026-11-23T03:13:00+03:00'), {
      id: 'web',
      name: 'Веб-публикация',
      kind: 'http',
      target: 'https://1c.example.local/buh/ru_RU/',
      bases: ['buh'],
      since: at('2026-11-23T03:12:00+03:00'),
      problem: 'no answer within 5 s',
      messageId: 'm9',
    });
    const planned = plannedDeliveries(down, channels, settings, () => 'd');
    expect(planned.map((d) => d.channelId)).toEqual(['tg', 'hook']);
    expect(planned[0]?.payload.subject).toBe('Не отвечает: Веб-публикация');
    expect(planned[0]?.payload.body).toContain('Бухгалтерия');
    expect(planned[0]?.payload.body).toContain('Пользователи видят сообщение о сбое.');
    expect(planned[1]?.payload.subject).toBe('Not answering: Веб-публикация');
    expect(JSON.parse(planned[1]?.payload.json ?? '')).toMatchObject({
      type: 'monitor.down',
      language: 'en',
      monitor: { state: 'down', since: '2026-11-23T03:12:00+03:00', messageId: 'm9' },
    });
  });

  it('message notices carry the text users see, rendered in the channel language', () => {
    const started = messageEvents([message()], [], at('2026-11-23T01:00:00+03:00')).events[0];
    if (!started) throw new Error('expected a start');
    const ru = notificationText(started, 'ru', settings);
    expect(ru.subject).toBe('Пользователям 1С показано сообщение (плановые работы)');
    expect(ru.body.split('\n')[0]).toBe('Плановые работы до 03:00 МСК.');
    const lv = notificationText(started, 'lv', settings);
    expect(lv.subject).toContain('1C lietotājiem');
  });
});

describe('retries', () => {
  it('doubles the wait, honours Retry-After, and gives up after the last attempt or on a 4xx', () => {
    const now = 0;
    expect(afterAttempt(1, { ok: false, problem: 'HTTP 503', retry: true }, DEFAULT_RETRY, now)).toEqual({
      state: 'pending',
      nextAttemptAt: 30_000,
      problem: 'HTTP 503',
    });
    expect(afterAttempt(3, { ok: false, problem: 'x', retry: true }, DEFAULT_RETRY, now)).toMatchObject({
      nextAttemptAt: 120_000,
    });
    expect(
      afterAttempt(1, { ok: false, problem: 'x', retry: true, retryAfterMs: 90_000 }, DEFAULT_RETRY, now),
    ).toMatchObject({
      nextAttemptAt: 90_000,
    });
    expect(afterAttempt(6, { ok: false, problem: 'HTTP 503', retry: true }, DEFAULT_RETRY, now)).toEqual({
      state: 'failed',
      problem: 'HTTP 503 (after 6 attempts)',
    });
    expect(afterAttempt(1, httpOutcome(403), DEFAULT_RETRY, now).state).toBe('failed');
    expect(httpOutcome(429, '12')).toMatchObject({ retry: true, retryAfterMs: 12_000 });
    expect(httpOutcome(204)).toEqual({ ok: true });
  });

  it('never lets a secret through in a problem text', () => {
    expect(redactSecrets('fetch https://api/bot123:ABC/sendMessage failed', ['123:ABC'])).toBe(
      'fetch https://api/bot•••/sendMessage failed',
    );
  });
});
