import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StartupErrorResponse } from '../contract/startup-error-response.ts';
import { StatusResponse } from '../contract/status.ts';
import { FakeReceiver, hmacSignature } from './monitors-fakes.ts';
import { type InProcessService, startInProcess } from './monitors-in-process.ts';

const SETTINGS = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  bases: { buh: { name: 'Бухгалтерия' }, zup: { name: 'Зарплата' } },
};
const BACKUP = {
  name: 'Ночное резервное копирование',
  cron: '0 1 * * *',
  durationMinutes: 60,
  timeZone: 'Europe/Moscow',
  bases: ['buh'],
  text: {
    ru: 'Идёт ночное резервное копирование. Вход снова будет доступен после {until}.',
    en: 'Nightly backup in progress. You can sign in again after {until}.',
  },
};

let service: InProcessService;
const services: InProcessService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function start(iso: string, secrets: Record<string, string> = {}) {
  service = await startInProcess({ start: iso, secrets });
  services.push(service);
  await service.admin('PUT', '/api/admin/settings', SETTINGS);
  return service;
}

const shown = async (base: string, lang = 'ru') =>
  StartupErrorResponse.parse(await (await service.request(`/startup-error/${base}?lang=${lang}`)).json())
    .userMessage;

describe('recurring maintenance windows', () => {
  it('every night at 01:00 Moscow time the window shows for its bases, and the status lists the coming ones as planned', async () => {
    await start('2026-11-22T21:30:00Z'); // 00:30 in Moscow
    await service.admin('POST', '/api/admin/schedules', BACKUP);
    expect(await shown('buh')).toBeUndefined();
    const status = StatusResponse.parse(await (await service.request('/api/status?lang=ru')).json());
    const buh = status.bases.find((b) => b.key === 'buh');
    expect(buh?.upcoming.filter((m) => m.recurring).map((m) => m.startsAt)).toEqual([
      '2026-11-23T01:00:00+03:00',
      '2026-11-24T01:00:00+03:00',
      '2026-11-25T01:00:00+03:00',
      '2026-11-26T01:00:00+03:00',
      '2026-11-27T01:00:00+03:00',
      '2026-11-28T01:00:00+03:00',
      '2026-11-29T01:00:00+03:00',
    ]);
    expect(status.bases.find((b) => b.key === 'zup')?.upcoming).toEqual([]);

    await service.at('2026-11-22T22:00:00Z'); // 01:00
    expect(await shown('buh')).toBe(
      'Идёт ночное резервное копирование. Вход снова будет доступен после 02:00 МСК.',
    );
    expect(await shown('buh', 'en')).toMatch(
      /^Nightly backup in progress\. You can sign in again after 2:00\sAM MSK\.$/,
    );
    expect(await shown('zup')).toBeUndefined();
    await service.at('2026-11-22T23:00:00Z'); // 02:00: over
    expect(await shown('buh')).toBeUndefined();
  });

  it('one occurrence skipped and another moved from the admin API', async () => {
    await start('2026-11-22T12:00:00Z');
    const created = await service.admin('POST', '/api/admin/schedules', BACKUP);
    const path = `/api/admin/schedules/${created.json.id}`;
    const skipped = await service.admin(
      'PUT',
      `${path}/exceptions`,
      { occurrence: '2026-11-23T01:00:00+03:00', action: 'skip' },
      { 'if-match': created.etag },
    );
    await service.admin(
      'PUT',
      `${path}/exceptions`,
      { occurrence: '2026-11-24T01:00:00+03:00', action: 'move', startsAt: '2026-11-24T03:00:00+03:00' },
      { 'if-match': skipped.etag },
    );
    await service.at('2026-11-22T22:30:00Z'); // 01:30 on the 23rd: skipped
    expect(await shown('buh')).toBeUndefined();
    await service.at('2026-11-23T22:30:00Z'); // 01:30 on the 24th: moved away
    expect(await shown('buh')).toBeUndefined();
    await service.at('2026-11-24T00:30:00Z'); // 03:30 on the 24th: moved here
    expect(await shown('buh')).toBe(
      'Идёт ночное резервное копирование. Вход снова будет доступен после 04:00 МСК.',
    );
    const occurrences = (await service.admin('GET', `${path}/occurrences?days=3`)).json.occurrences;
    expect(occurrences.map((o: { status: string }) => o.status)).toEqual([
      'moved',
      'planned',
      'planned',
      'planned',
    ]);
  });
});

describe('notifications', () => {
  const good = new FakeReceiver();
  const broken = new FakeReceiver();
  beforeAll(async () => {
    await Promise.all([good.start(), broken.start()]);
    broken.status = 503;
  });
  afterAll(async () => {
    await Promise.all([good.close(), broken.close()]);
  });

  it('a scheduled message, its change and its end each reach a channel once, signed; a failing channel is retried, then shown as failed', async () => {
    await start('2026-11-23T07:00:00Z', { HOOK_SECRET: 'hook-secret-3e9a' });
    await service.admin('POST', '/api/admin/channels', {
      kind: 'webhook',
      name: 'Ops',
      url: `${good.base}/ops`,
      secretEnv: 'HOOK_SECRET',
    });
    await service.admin('POST', '/api/admin/channels', {
      kind: 'webhook',
      name: 'Сломанный',
      url: `${broken.base}/down`,
    });
    const posted = await service.admin('POST', '/api/admin/messages', {
      text: { ru: 'Обновляем 1С. Вход снова будет доступен после {until}.' },
      bases: ['buh'],
      severity: 'maintenance',
      startsAt: '2026-11-23T10:10:00+03:00',
      displayUntil: '2026-11-23T11:00:00+03:00',
    });
    await service.advance(60_000);
    expect(good.received).toEqual([]);
    await service.at('2026-11-23T07:10:00Z'); // it starts
    await service.advance(1_000);
    await service.admin(
      'PATCH',
      `/api/admin/messages/${posted.json.id}`,
      {
        text: { ru: 'Обновляем 1С дольше, чем думали. Вход после {until}.' },
        displayUntil: '2026-11-23T11:30:00+03:00',
      },
      { 'if-match': posted.etag },
    );
    await service.advance(1_000);
    await service.at('2026-11-23T08:30:00Z'); // it ends
    for (let i = 0; i < 20; i++) await service.advance(60_000);

    const types = good.bodies('/ops').map((b) => b.type);
    expect(types).toEqual(['message.start', 'message.change', 'message.end']);
    for (const request of good.received) {
      expect(request.headers['x-startup-help-signature']).toBe(
        hmacSignature('hook-secret-3e9a', request.body),
      );
    }
    expect((good.bodies('/ops')[0]?.message as { userMessage?: string } | undefined)?.userMessage).toBe(
      'Обновляем 1С. Вход снова будет доступен после 11:00 МСК.',
    );
    // Six attempts over about a quarter of an hour per event, then the console shows it failed.
    const list = (await service.admin('GET', '/api/admin/channels')).json;
    const failed = list.deliveries.filter((d: { state: string }) => d.state === 'failed');
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({
      attempts: 6,
      problem: 'the receiver answered HTTP 503 (after 6 attempts)',
    });
    expect(broken.received).toHaveLength(18);
  });

  it('a recurring occurrence starts and ends like a message', async () => {
    good.received.length = 0;
    await start('2026-11-22T21:59:00Z');
    await service.admin('POST', '/api/admin/channels', {
      kind: 'webhook',
      name: 'Ops',
      url: `${good.base}/ops`,
      events: ['message.start', 'message.end'],
    });
    await service.admin('POST', '/api/admin/schedules', BACKUP);
    await service.at('2026-11-22T22:00:00Z');
    await service.at('2026-11-22T23:00:00Z');
    await service.advance(1_000);
    const bodies = good.bodies('/ops');
    expect(bodies.map((b) => b.type)).toEqual(['message.start', 'message.end']);
    expect(bodies[0]).toMatchObject({
      bases: ['buh'],
      message: { severity: 'maintenance', createdBy: `schedule:${BACKUP.name}` },
    });
  });
});
