import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../contract/channel.ts';
import type { DeliveryPayload } from '../domain/notifications/delivery-plan.ts';
import { nodemailerSend } from './nodemailer-send.ts';
import { channelReadiness, createChannelSender } from './senders.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const received: Received[] = [];
let status = 200;
let http: Server;
let httpBase = '';
const mails: { from: string; to: string[]; raw: string; user?: string }[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

beforeAll(async () => {
  http = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 400 ? '{"ok":false,"description":"Bad Request: chat not found"}' : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  httpBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'notify' && auth.password === 'smtp-secret-1')
        return callback(null, { user: auth.username });
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        raw += chunk;
      });
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...(typeof session.user === 'string' && { user: session.user }),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const stamp = {
  createdAt: '2026-11-23T03:00:00+03:00',
  updatedAt: '2026-11-23T03:00:00+03:00',
  createdBy: 'admin',
  version: 1,
};
const payload: DeliveryPayload = {
  subject: 'Не отвечает: Веб-публикация',
  body: 'Не отвечает с 23 ноября, 03:12: HTTP 503.',
  json: '{"type":"monitor.down","subject":"Не отвечает: Веб-публикация"}',
};
const env: Record<string, string> = {
  HOOK_SECRET: 'hook-secret-1',
  TELEGRAM_TOKEN: '123456:telegram-secret-1',
  SMTP_PASSWORD: 'smtp-secret-1',
};
const secret = (name: string) => env[name];
const send = createChannelSender({ fetch, secret, email: nodemailerSend, timeoutMs: 5_000 });

describe('channel senders against local fakes', () => {
  it('webhook: the JSON body, signed with HMAC-SHA256 like the report webhook', async () => {
    received.length = 0;
    const hook: Channel = {
      id: 'h',
      kind: 'webhook',
      name: 'Ops',
      url: `${httpBase}/hook`,
      secretEnv: 'HOOK_SECRET',
      ...stamp,
    };
    expect(await send(hook, payload)).toEqual({ ok: true });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.body).toBe(payload.json);
    const expected = `sha256=${createHmac('sha256', 'hook-secret-1').update(payload.json).digest('hex')}`;
    expect(request?.headers['x-startup-help-signature']).toBe(expected);
  });

  it('telegram: sendMessage on the configured endpoint with the chat id and the text', async () => {
    received.length = 0;
    const tg: Channel = {
      id: 't',
      kind: 'telegram',
      name: 'On call',
      chatId: '-1001234567890',
      tokenEnv: 'TELEGRAM_TOKEN',
      apiBase: httpBase,
      ...stamp,
    };
    expect(await send(tg, payload)).toEqual({ ok: true });
    expect(received[0]?.path).toBe('/bot123456:telegram-secret-1/sendMessage');
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({
      chat_id: '-1001234567890',
      text: `${payload.subject}\n\n${payload.body}`,
      disable_web_page_preview: true,
    });
  });

  it('telegram: a refusal is not retried and its reason carries no token', async () => {
    status = 400;
    try {
      const tg: Channel = {
        id: 't',
        kind: 'telegram',
        name: 'On call',
        chatId: '-1',
        tokenEnv: 'TELEGRAM_TOKEN',
        apiBase: httpBase,
        ...stamp,
      };
      const outcome = await send(tg, payload);
      expect(outcome).toEqual({
        ok: false,
        retry: false,
        problem: 'the receiver answered HTTP 400: Bad Request: chat not found',
      });
    } finally {
      status = 200;
    }
    const down = createChannelSender({
      fetch: () => Promise.reject(new TypeError(`fetch ${httpBase}/bot${env.TELEGRAM_TOKEN}/x failed`)),
      secret,
    });
    const tg: Channel = {
      id: 't',
      kind: 'telegram',
      name: 'On call',
      chatId: '-1',
      tokenEnv: 'TELEGRAM_TOKEN',
      ...stamp,
    };
    const outcome = await down(tg, payload);
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain('telegram-secret-1');
  });

  it('e-mail over SMTP with nodemailer, logging in with the password from the variable', async () => {
    const mail: Channel = {
      id: 'e',
      kind: 'email',
      name: 'Admins',
      to: ['oncall@example.com', 'it@example.com'],
      from: 'startup-help@example.com',
      smtpHost: '127.0.0.1',
      smtpPort,
      smtpSecurity: 'none',
      smtpUser: 'notify',
      passwordEnv: 'SMTP_PASSWORD',
      ...stamp,
    };
    expect(await send(mail, payload)).toEqual({ ok: true });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: 'startup-help@example.com',
      to: ['oncall@example.com', 'it@example.com'],
      user: 'notify',
    });
    expect(mails[0]?.raw).toMatch(/Subject: =\?UTF-8\?/);
  });

  it('never gives a channel the service’s own secrets, whatever variable it names', async () => {
    received.length = 0;
    const withAdmin = createChannelSender({
      fetch,
      secret: (name) => (name === 'ADMIN_TOKEN' ? 'admin-secret-1' : env[name]),
    });
    const tg: Channel = {
      id: 't',
      kind: 'telegram',
      name: 'x',
      chatId: '-1',
      tokenEnv: 'ADMIN_TOKEN',
      apiBase: httpBase,
      ...stamp,
    };
    const outcome = await withAdmin(tg, payload);
    expect(outcome).toMatchObject({
      ok: false,
      retry: false,
      problem: expect.stringContaining("ADMIN_TOKEN is the service's own secret"),
    });
    expect(received).toEqual([]);
  });

  it('says what is missing: an unset variable, or e-mail where the runtime cannot send it', () => {
    const tg: Channel = { id: 't', kind: 'telegram', name: 'x', chatId: '-1', tokenEnv: 'NOT_SET', ...stamp };
    expect(channelReadiness(tg, { secret })).toEqual({
      ready: false,
      reason: 'variable-missing',
      variable: 'NOT_SET',
      problem: expect.stringContaining('The variable NOT_SET is not set'),
    });
    expect(channelReadiness({ ...tg, tokenEnv: 'ADMIN_TOKEN' }, { secret: () => 'x' })).toEqual({
      ready: false,
      reason: 'variable-reserved',
      variable: 'ADMIN_TOKEN',
      problem: expect.stringContaining("ADMIN_TOKEN is the service's own secret"),
    });
    const mail: Channel = {
      id: 'e',
      kind: 'email',
      name: 'x',
      to: ['a@example.com'],
      from: 'b@example.com',
      smtpHost: 'smtp',
      ...stamp,
    };
    expect(channelReadiness(mail, { secret })).toEqual({
      ready: false,
      reason: 'email-unavailable',
      problem: expect.stringContaining('Workers'),
    });
  });
});
