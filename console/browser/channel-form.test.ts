import { describe, expect, it } from 'vitest';
import { type Channel, ChannelEvent, type Delivery, EnvName } from '../../contract/channel.ts';
import { CHANNEL_EVENTS } from '../../contract/channel-events.ts';
import { CONSOLE_TEXTS } from '../texts/console-texts.ts';
import { channelBody, emptyChannelForm, formFromChannel } from './channel-form.ts';
import { readinessWords } from './channel-readiness.ts';
import { deliveryOutcome } from './delivery-outcome.ts';

const stored = {
  id: 'c1',
  createdAt: '2026-11-27T03:00:00+03:00',
  updatedAt: '2026-11-27T03:00:00+03:00',
  createdBy: 'ops',
  version: 1,
};
const EMAIL: Channel = {
  ...stored,
  kind: 'email',
  name: 'Админы',
  to: ['a@example.com', 'b@example.com'],
  from: 'startup-help@example.com',
  smtpHost: 'smtp.example.com',
  passwordEnv: 'SMTP_PASSWORD',
};

describe('the channel form never sends a secret', () => {
  it('refuses a bot token typed where the variable’s name belongs, without sending or repeating it', () => {
    const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
    const built = channelBody({
      ...emptyChannelForm(),
      name: 'Дежурные',
      chatId: '-100123',
      tokenEnv: token,
    });
    expect(built).toEqual({ ok: false, secretFields: ['tokenEnv'] });
    expect(JSON.stringify(built)).not.toContain('AAHdq');
  });

  it('refuses a password typed for an e-mail channel and a key for a webhook; empty optional names are fine', () => {
    const email = formFromChannel(EMAIL, undefined);
    expect(channelBody({ ...email, passwordEnv: 'hunter2' })).toEqual({
      ok: false,
      secretFields: ['passwordEnv'],
    });
    expect(channelBody({ ...email, passwordEnv: '' }).ok).toBe(true);
    const hook = {
      ...emptyChannelForm(),
      kind: 'webhook' as const,
      name: 'Ops',
      url: 'https://ops.example/hook',
    };
    expect(channelBody({ ...hook, secretEnv: 's3cr3t-value' })).toEqual({
      ok: false,
      secretFields: ['secretEnv'],
    });
    expect(channelBody(hook).ok).toBe(true);
    // The token's name is required: empty is refused here too, before anything is sent.
    expect(channelBody({ ...emptyChannelForm(), tokenEnv: '' })).toEqual({
      ok: false,
      secretFields: ['tokenEnv'],
    });
  });

  it('asks for at least one event', () => {
    expect(channelBody({ ...emptyChannelForm(), events: [] })).toEqual({ ok: false, noEvents: true });
  });
});

describe('the channel form sends the chosen kind only', () => {
  it('telegram with all events and all bases leaves both out (the defaults)', () => {
    const form = {
      ...emptyChannelForm(),
      name: ' Дежурные ',
      chatId: ' -1001234567890 ',
      url: 'https://left.over',
    };
    expect(channelBody(form)).toEqual({
      ok: true,
      body: {
        kind: 'telegram',
        name: 'Дежурные',
        chatId: '-1001234567890',
        tokenEnv: 'TELEGRAM_TOKEN',
        enabled: true,
      },
    });
  });

  it('e-mail: the addresses split, the port a number, some events and bases in the form’s order', () => {
    const form = {
      ...formFromChannel(EMAIL, '"channel-1"'),
      to: 'a@example.com, b@example.com;c@example.com',
      smtpPort: '465',
      smtpSecurity: 'tls' as const,
      language: 'lv',
      events: ['monitor.up' as const, 'monitor.down' as const],
      bases: ['buh'],
    };
    expect(channelBody(form)).toEqual({
      ok: true,
      body: {
        kind: 'email',
        name: 'Админы',
        to: ['a@example.com', 'b@example.com', 'c@example.com'],
        from: 'startup-help@example.com',
        smtpHost: 'smtp.example.com',
        smtpPort: 465,
        smtpSecurity: 'tls',
        passwordEnv: 'SMTP_PASSWORD',
        language: 'lv',
        events: ['monitor.down', 'monitor.up'],
        bases: ['buh'],
        enabled: true,
      },
    });
  });

  it('lists every event a channel can be told about, and takes the names the service takes', () => {
    expect(emptyChannelForm().events).toEqual([...ChannelEvent.options]);
    expect([...CHANNEL_EVENTS]).toEqual([...ChannelEvent.options]);
    for (const name of [
      'TELEGRAM_TOKEN',
      'SMTP_PASSWORD',
      '_X1',
      'telegram_token',
      '1TOKEN',
      'A-B',
      '123:abc',
    ]) {
      const form = { ...emptyChannelForm(), name: 'x', chatId: '1', tokenEnv: name };
      expect(channelBody(form).ok, name).toBe(EnvName.safeParse(name).success);
    }
  });
});

describe('why a channel cannot send, in the console’s words', () => {
  it('names e-mail on Workers, a missing variable and the service’s own secret by their codes; else the service’s words', () => {
    const workers = 'E-mail cannot be sent from Cloudflare Workers.';
    expect(readinessWords({ ready: false, problem: workers, reason: 'email-unavailable' })).toEqual({
      kind: 'email-unavailable',
    });
    expect(
      readinessWords({
        ready: false,
        problem: 'not set',
        reason: 'variable-missing',
        variable: 'SMTP_PASSWORD',
      }),
    ).toEqual({ kind: 'variable-missing', name: 'SMTP_PASSWORD' });
    expect(
      readinessWords({
        ready: false,
        problem: 'own secret',
        reason: 'variable-reserved',
        variable: 'ADMIN_TOKEN',
      }),
    ).toEqual({ kind: 'variable-reserved', name: 'ADMIN_TOKEN' });
    expect(readinessWords({ ready: true })).toEqual({ kind: 'ready' });
    expect(readinessWords(undefined)).toEqual({ kind: 'ready' });
    // The words alone no longer decide: without a code they are shown as written.
    expect(readinessWords({ ready: false, problem: workers })).toEqual({ kind: 'other', problem: workers });
  });
});

describe('a delivery’s outcome', () => {
  const { ru, en } = CONSOLE_TEXTS;
  const at = (iso: string) => `at ${iso}`;
  const delivery: Delivery = {
    id: 'd1',
    channelId: 'c1',
    event: 'monitor.down',
    subject: 'Бухгалтерия: 1С недоступна',
    createdAt: '2026-11-27T03:12:00+03:00',
    state: 'failed',
    attempts: 6,
    problem: 'the receiver answered HTTP 500 (after 6 attempts)',
  };

  it('failed: the word, the attempts and why', () => {
    expect(deliveryOutcome(delivery, ru, at)).toEqual({
      state: 'failed',
      word: 'Не доставлено',
      detail: 'попыток: 6; получатель ответил HTTP 500',
    });
  });

  it('pending: which attempt failed and when the next one comes; delivered: on which attempt', () => {
    const pending = {
      ...delivery,
      state: 'pending' as const,
      attempts: 2,
      nextAttemptAt: 'T',
      problem: 'HTTP 502',
    };
    expect(deliveryOutcome(pending, en, at).detail).toBe('attempt 2 failed (HTTP 502); next try at T');
    expect(deliveryOutcome({ ...pending, attempts: 0 }, en, at).detail).toBe('first attempt under way');
    expect(deliveryOutcome({ ...delivery, state: 'delivered', attempts: 1 }, en, at)).toEqual({
      state: 'delivered',
      word: 'Delivered',
      detail: '',
    });
    expect(deliveryOutcome({ ...delivery, state: 'delivered', attempts: 3 }, en, at).detail).toBe(
      'on attempt 3',
    );
  });
});
