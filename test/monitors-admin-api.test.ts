import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createService } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { channelReadiness } from '../server/src/notify/senders.ts';
import { openTempStore } from './store-harness.ts';

const TOKEN = 'test-admin-token-0123456789';
const SECRET = 'tg-secret-4f1b9c';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function service() {
  const { store, cleanup } = await openTempStore();
  cleanups.push(cleanup);
  const secret = (name: string) => (name === 'TELEGRAM_TOKEN' ? SECRET : undefined);
  const sent: string[] = [];
  const now = Date.parse('2026-03-01T12:00:00Z');
  const { app } = createService({
    store,
    verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]),
    now: () => now,
    automation: {
      probe: async () => ({ ok: true, ms: 1 }),
      send: async (_channel, payload) => {
        sent.push(payload.subject);
        return { ok: true };
      },
      readiness: (channel) => channelReadiness(channel, { secret }),
    },
  });
  const answers: string[] = [];
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    answers.push(text);
    return {
      status: response.status,
      etag: response.headers.get('etag') ?? '',
      json: text ? JSON.parse(text) : undefined,
    };
  };
  /** The audit log, oldest first. */
  const audit = async () => (await store.listAudit({ limit: 100 })).entries.reverse();
  return { call, audit, answers, sent };
}

describe('/api/admin/monitors', () => {
  it('creates a monitor with the defaults, lists it with its state, and refuses a target that does not suit the kind', async () => {
    const { call, audit } = await service();
    const created = await call('POST', '/api/admin/monitors', {
      name: 'Web publication',
      kind: 'http',
      target: 'https://1c.example.local/buh/ru_RU/',
      bases: ['buh'],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      intervalSeconds: 30,
      failuresToDown: 3,
      successesToUp: 2,
      status: { state: 'unknown' },
    });
    const list = await call('GET', '/api/admin/monitors');
    expect(list.json.monitors).toHaveLength(1);
    expect((await audit()).map((a) => [a.actor, a.action])).toEqual([['ops', 'monitor.create']]);

    const wrong = await call('POST', '/api/admin/monitors', {
      name: 'Agent',
      kind: 'tcp',
      target: 'https://x/',
      bases: ['*'],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.problems[0]).toMatchObject({ path: 'target' });
  });

  it('changes and deletes only with the ETag of the version the administrator saw', async () => {
    const { call } = await service();
    const created = await call('POST', '/api/admin/monitors', {
      name: 'Agent',
      kind: 'tcp',
      target: 'srv:1540',
      bases: ['*'],
    });
    const path = `/api/admin/monitors/${created.json.id}`;
    expect((await call('PATCH', path, { failuresToDown: 5 })).status).toBe(428);
    const patched = await call('PATCH', path, { failuresToDown: 5 }, { 'if-match': created.etag });
    expect(patched).toMatchObject({ status: 200, json: { failuresToDown: 5, version: 2 } });
    expect((await call('PATCH', path, { failuresToDown: 4 }, { 'if-match': created.etag })).status).toBe(412);
    expect((await call('DELETE', path, undefined, { 'if-match': patched.etag })).status).toBe(204);
    expect((await call('GET', path)).status).toBe(404);
  });
});

describe('/api/admin/schedules', () => {
  it('creates a nightly window, lists its occurrences, skips one (audited) and refuses a bad cron', async () => {
    const { call, audit } = await service();
    const created = await call('POST', '/api/admin/schedules', {
      name: 'Nightly backup',
      cron: '0 1 * * *',
      durationMinutes: 60,
      timeZone: 'Europe/Riga',
      bases: ['*'],
      text: { ru: 'Идёт резервное копирование. Вход снова будет доступен после {until}.' },
    });
    expect(created.status).toBe(201);
    // 01:00 in Riga, answered like every time of the admin API: in the service's zone (Moscow).
    expect(created.json.occurrences[0]).toEqual({
      scheduleId: created.json.id,
      occurrence: '2026-03-02T02:00:00+03:00',
      startsAt: '2026-03-02T02:00:00+03:00',
      displayUntil: '2026-03-02T03:00:00+03:00',
      status: 'planned',
    });
    const path = `/api/admin/schedules/${created.json.id}`;
    const skipped = await call(
      'PUT',
      `${path}/exceptions`,
      { occurrence: '2026-03-03T01:00:00+02:00', action: 'skip' },
      { 'if-match': created.etag },
    );
    expect(skipped.status).toBe(200);
    expect(skipped.json.occurrences[1]).toMatchObject({
      startsAt: '2026-03-03T02:00:00+03:00',
      status: 'skipped',
    });
    expect((await audit()).at(-1)).toMatchObject({ actor: 'ops', action: 'schedule.exception' });
    const restored = await call('DELETE', `${path}/exceptions/2026-03-03T01:00:00+02:00`, undefined, {
      'if-match': skipped.etag,
    });
    expect(restored.json.occurrences[1]).toMatchObject({ status: 'planned' });

    const bad = await call('POST', '/api/admin/schedules', {
      ...created.json,
      cron: '0 25 * * *',
      id: undefined,
    });
    expect(bad.status).toBe(400);
  });
});

describe('/api/admin/channels', () => {
  it('keeps only the variable name of a secret, says when it is missing, and never answers with the secret', async () => {
    const { call, answers, sent } = await service();
    const telegram = await call('POST', '/api/admin/channels', {
      kind: 'telegram',
      name: 'Дежурные',
      chatId: '-1001234567890',
      tokenEnv: 'TELEGRAM_TOKEN',
    });
    expect(telegram.status).toBe(201);
    expect(telegram.json).toMatchObject({ tokenEnv: 'TELEGRAM_TOKEN', readiness: { ready: true } });
    const missing = await call('POST', '/api/admin/channels', {
      kind: 'telegram',
      name: 'Other',
      chatId: '@it_oncall',
      tokenEnv: 'OTHER_TOKEN',
    });
    expect(missing.json.readiness).toEqual({
      ready: false,
      reason: 'variable-missing',
      variable: 'OTHER_TOKEN',
      problem: expect.stringContaining('OTHER_TOKEN is not set'),
    });
    const tested = await call('POST', `/api/admin/channels/${telegram.json.id}/test`);
    expect(tested.status).toBe(202);
    // The test notice goes out in the background, after the answer.
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const list = await call('GET', '/api/admin/channels');
    expect(list.json.channels.map((c: { name: string }) => c.name)).toEqual(['Other', 'Дежурные']);
    expect(list.json.deliveries[0]).toMatchObject({ event: 'channel.test', state: 'delivered' });
    expect(sent).toEqual(['Проверка канала startup-help']);
    const refused = await call('POST', '/api/admin/channels', {
      kind: 'telegram',
      name: 'x',
      chatId: '1',
      token: SECRET,
    });
    expect(refused.status).toBe(400);
    // The token pasted where its variable's name belongs: refused without being sent back.
    const pasted = await call('POST', '/api/admin/channels', {
      kind: 'telegram',
      name: 'x',
      chatId: '1',
      tokenEnv: SECRET,
    });
    expect(pasted.status).toBe(400);
    expect(pasted.json.problems).toEqual([
      {
        path: 'tokenEnv',
        message:
          'must be the name of an environment variable in capitals, such as "TELEGRAM_TOKEN"; the secret itself goes into that variable, never here',
      },
    ]);
    for (const answer of answers) expect(answer).not.toContain(SECRET);
  });
});

describe('/api/admin/channels PUT', () => {
  it('replaces the channel whole: changed fields are saved, a field left out is gone', async () => {
    const { call } = await service();
    const created = await call('POST', '/api/admin/channels', {
      kind: 'telegram',
      name: 'Дежурные',
      chatId: '-1001234567890',
      tokenEnv: 'TELEGRAM_TOKEN',
      language: 'lv',
    });
    expect(created.status).toBe(201);
    const replaced = await call(
      'PUT',
      `/api/admin/channels/${created.json.id}`,
      { kind: 'telegram', name: 'IT on call', chatId: '@it_oncall', tokenEnv: 'OTHER_TOKEN' },
      { 'if-match': created.etag },
    );
    expect(replaced.status).toBe(200);
    const read = await call('GET', `/api/admin/channels/${created.json.id}`);
    expect(read.json).toMatchObject({
      id: created.json.id,
      name: 'IT on call',
      chatId: '@it_oncall',
      tokenEnv: 'OTHER_TOKEN',
      createdAt: created.json.createdAt,
      version: 2,
    });
    expect(read.json.language).toBeUndefined();
  });
});

describe('refusals in the administrator’s language', () => {
  it('says what is wrong with a monitor, a window or a channel in Russian and Latvian, field by field', async () => {
    const { call } = await service();
    const monitor = await call(
      'POST',
      '/api/admin/monitors',
      {
        name: 'Агент',
        kind: 'tcp',
        target: 'https://x/',
        bases: ['*'],
        intervalSeconds: 10,
        timeoutSeconds: 10,
      },
      { 'accept-language': 'ru' },
    );
    expect(monitor.status).toBe(400);
    expect(monitor.json.problems).toEqual([
      {
        path: 'target',
        message:
          'должна быть в виде «узел:порт», например «1c-server.example.local:1540» (агент сервера 1С) или «10.0.0.5:1541»',
      },
      {
        path: 'timeoutSeconds',
        message: 'должно быть меньше intervalSeconds (10), чтобы проверка заканчивалась до начала следующей',
      },
    ]);
    expect(monitor.json.message).toMatch(/^В запросе ошибок: 2\. target: должна быть/);

    const window = await call(
      'POST',
      '/api/admin/schedules',
      { name: 'Nakts', cron: '0 1 * *', durationMinutes: 60, bases: ['*'], text: { lv: 'Darbi.' } },
      { 'accept-language': 'lv-LV,lv;q=0.9' },
    );
    expect(window.status).toBe(400);
    expect(window.json.problems).toEqual([
      {
        path: 'cron',
        message:
          'vajadzīgi pieci lauki: minūte, stunda, mēneša diena, mēnesis, nedēļas diena, piemēram, "0 1 * * *" (katru nakti 01:00); "0 1 * *" ir 4',
      },
    ]);

    const channel = await call(
      'POST',
      '/api/admin/channels',
      { kind: 'telegram', name: 'Дежурные', chatId: 'chat', tokenEnv: 'telegram_token' },
      { 'accept-language': 'ru' },
    );
    expect(channel.status).toBe(400);
    expect(channel.json.problems.map((p: { path: string; message: string }) => [p.path, p.message])).toEqual([
      [
        'chatId',
        'должен быть числовым id чата, например «-1001234567890», или именем канала, например «@it_oncall» (указано: "chat")',
      ],
      [
        'tokenEnv',
        'должно быть именем переменной окружения заглавными буквами, например «TELEGRAM_TOKEN»; сам секрет кладут в эту переменную, а не сюда',
      ],
    ]);
  });
});

describe('the README worked example', () => {
  it('creates the two monitors, the nightly window and the Telegram channel exactly as written', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const calls = [
      ...readme.matchAll(/api -d '([\s\S]*?)' \\\n\s+http:\/\/localhost:8787(\/api\/admin\/\w+)/g),
    ];
    expect(calls.map((call) => call[2])).toEqual([
      '/api/admin/monitors',
      '/api/admin/monitors',
      '/api/admin/schedules',
      '/api/admin/channels',
    ]);
    const { call } = await service();
    for (const [, body, path] of calls) {
      const answer = await call('POST', path ?? '', JSON.parse(body ?? ''));
      expect(answer.status, `${path}: ${JSON.stringify(answer.json)}`).toBe(201);
    }
  });
});
