import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { killLeftovers, type NodeServerProcess, startNodeServer } from './hardening-node-server.ts';
import { FakeReceiver, FakeWebPublication, hmacSignature } from './monitors-fakes.ts';

const ADMIN_TOKEN = 'realtime-admin-token-0123456789abc';
const SECRETS = {
  HOOK_SECRET: 'hook-secret-91f3e2',
  TELEGRAM_TOKEN: '4242:telegram-secret-77ab',
  SMTP_PASSWORD: 'smtp-secret-5c0d',
};

/**
 * `npm start` as it runs for real: probes on the service's own timer, on the real clock, against a
 * fake web publication; the webhook, Telegram and e-mail channels each hear about the outage and the
 * recovery exactly once, and no secret shows up in an answer, a page or a log line.
 */
describe('monitors: Node, the real process on the real clock', () => {
  let dir = '';
  let server: NodeServerProcess;
  const web = new FakeWebPublication();
  const hook = new FakeReceiver();
  const telegram = new FakeReceiver();
  const mails: { subject: string; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth: (auth, _session, done) =>
      auth.password === SECRETS.SMTP_PASSWORD
        ? done(null, { user: auth.username })
        : done(new Error('Invalid login')),
    onData(stream, _session, done) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        raw += chunk;
      });
      stream.on('end', () => {
        mails.push({ subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '', raw });
        done();
      });
    },
  });
  const answers: string[] = [];

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    answers.push(text);
    expect(response.status, text).toBeLessThan(300);
    return text ? JSON.parse(text) : undefined;
  };
  const userMessage = async () => {
    const response = await fetch(`${server.url}/startup-error/buh?lang=ru`);
    const text = await response.text();
    answers.push(text);
    return (JSON.parse(text) as { userMessage?: string }).userMessage;
  };

  beforeAll(async () => {
    await Promise.all([web.start(), hook.start(), telegram.start()]);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    dir = await mkdtemp(join(tmpdir(), 'monitors-realtime-'));
    server = await startNodeServer(dir, { env: { ADMIN_TOKEN: `ops:${ADMIN_TOKEN}`, ...SECRETS } });
  });
  afterAll(async () => {
    await server?.stop();
    killLeftovers();
    await Promise.all([
      web.close(),
      hook.close(),
      telegram.close(),
      new Promise<void>((resolve) => smtp.close(() => resolve())),
    ]);
    await rm(dir, { recursive: true, force: true });
  });

  it('posts the outage message within failuresToDown × interval (+ one), ends it after recovery, tells every channel once each way', {
    timeout: 180_000,
  }, async () => {
    await call('PUT', '/api/admin/settings', {
      defaultLanguage: 'ru',
      timeZone: 'Europe/Moscow',
      bases: { buh: { name: 'Бухгалтерия' } },
    });
    const events = ['monitor.down', 'monitor.up'];
    await call('POST', '/api/admin/channels', {
      kind: 'webhook',
      name: 'Ops',
      url: `${hook.base}/hook`,
      secretEnv: 'HOOK_SECRET',
      events,
    });
    await call('POST', '/api/admin/channels', {
      kind: 'telegram',
      name: 'Дежурные',
      chatId: '-1001234567890',
      tokenEnv: 'TELEGRAM_TOKEN',
      apiBase: telegram.base,
      events,
    });
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    await call('POST', '/api/admin/channels', {
      kind: 'email',
      name: 'Админы',
      to: ['oncall@example.com'],
      from: 'startup-help@example.com',
      smtpHost: '127.0.0.1',
      smtpPort,
      smtpSecurity: 'none',
      smtpUser: 'notify',
      passwordEnv: 'SMTP_PASSWORD',
      events,
    });
    const monitor = await call('POST', '/api/admin/monitors', {
      name: 'Веб-публикация',
      kind: 'http',
      target: web.url('/buh/ru_RU/'),
      bases: ['buh'],
      intervalSeconds: 10,
      timeoutSeconds: 2,
      failuresToDown: 2,
      successesToUp: 2,
    });
    await vi.waitFor(
      async () => expect((await call('GET', `/api/admin/monitors/${monitor.id}`)).status.state).toBe('up'),
      {
        timeout: 20_000,
        interval: 500,
      },
    );

    web.mode = 'down';
    const wentDown = performance.now();
    await vi.waitFor(
      // On the real clock the start gets its date when the deadline falls on another day (near midnight).
      async () =>
        expect(await userMessage()).toMatch(
          /^1С недоступна с (?:\d{1,2} [а-яё]+, )?\d\d:\d\d МСК, и это не ваша ошибка/,
        ),
      {
        timeout: (2 + 1) * 10_000 + 5_000,
        interval: 500,
      },
    );
    expect(performance.now() - wentDown).toBeLessThanOrEqual((2 + 1) * 10_000 + 5_000);

    web.mode = 'up';
    await vi.waitFor(async () => expect(await userMessage()).toBeUndefined(), {
      timeout: 45_000,
      interval: 500,
    });

    await vi.waitFor(
      () => {
        expect(hook.received).toHaveLength(2);
        expect(telegram.received).toHaveLength(2);
        expect(mails).toHaveLength(2);
      },
      { timeout: 20_000, interval: 500 },
    );
    expect(hook.bodies('/hook').map((b) => b.type)).toEqual(['monitor.down', 'monitor.up']);
    for (const request of hook.received) {
      expect(request.headers['x-startup-help-signature']).toBe(
        hmacSignature(SECRETS.HOOK_SECRET, request.body),
      );
    }
    expect(telegram.received.map((r) => r.path)).toEqual([
      `/bot${SECRETS.TELEGRAM_TOKEN}/sendMessage`,
      `/bot${SECRETS.TELEGRAM_TOKEN}/sendMessage`,
    ]);
    expect(JSON.parse(telegram.received[0]?.body ?? '{}').text).toMatch(
      /^Не отвечает: Веб-публикация\n\nНе отвечает с /,
    );
    expect(mails.map((m) => m.raw)).toEqual([
      expect.stringContaining('oncall@example.com'),
      expect.any(String),
    ]);
    const deliveries = (await call('GET', '/api/admin/channels')).deliveries as { state: string }[];
    expect(deliveries.map((d) => d.state)).toEqual(Array(6).fill('delivered'));

    // No secret anywhere a person or a log collector could see it.
    for (const page of ['/status', '/admin', '/api/status', '/openapi.json', '/api/admin/audit']) {
      answers.push(
        await (
          await fetch(`${server.url}${page}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
        ).text(),
      );
    }
    const seen = [...answers, server.output()].join('\n');
    for (const secret of Object.values(SECRETS)) expect(seen).not.toContain(secret);
  });
});
