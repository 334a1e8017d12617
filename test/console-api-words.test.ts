// What the admin API says and how: refusals and lint hints in the caller's language, every time in
// one form (the service zone's offset), and the addresses people type (/, /admin/, the icon).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from './console-harness.ts';
import { runningClock } from './time-of-day.ts';

/** 14:00 in Moscow. */
const NOW = Date.parse('2026-11-27T11:00:00Z');
const ISO_WITH_MOSCOW_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+03:00$/;

let service: RunningService;
let proxied: RunningService;

beforeAll(async () => {
  service = await startService({ now: runningClock(NOW).now });
  proxied = await startService({ upstream: { url: 'http://127.0.0.1:9', timeoutMs: 1000 } });
});

afterAll(async () => {
  await service?.close();
  await proxied?.close();
});

describe('the admin API in the caller language', () => {
  it('refuses a body field by field in plain words, in Russian when asked', async () => {
    const body = { text: { ru: '' }, bases: [], severity: 'urgent', displayUntil: '2026-11-27T18:00' };
    const ru = await service.api('POST', '/api/admin/messages', body, {
      'Accept-Language': 'ru-RU,ru;q=0.9',
    });
    expect(ru.status).toBe(400);
    const answer = (await ru.json()) as { message: string; problems: { path: string; message: string }[] };
    expect(answer.problems).toEqual([
      { path: 'text.ru', message: 'не может быть пустым' },
      { path: 'bases', message: 'нужно указать хотя бы одну базу или ["*"] для всех баз' },
      {
        path: 'displayUntil',
        message:
          'должно быть временем ISO-8601 со смещением, например 2026-11-23T14:00:00+03:00 (указано: "2026-11-27T18:00")',
      },
      {
        path: 'severity',
        message: 'должно быть одним из: "outage", "maintenance", "info" (указано: "urgent")',
      },
    ]);
    expect(answer.message).toMatch(/^В запросе ошибок: 4\. text\.ru: не может быть пустым; bases: /);
    const en = (await (await service.api('POST', '/api/admin/messages', body)).json()) as { message: string };
    expect(en.message).toMatch(/^The request has 4 problems: text\.ru must not be empty; bases must list/);
  });

  it('says a rule that spans fields, and gives lint hints, in the caller language', async () => {
    const late = await service.api(
      'POST',
      '/api/admin/messages',
      { text: { ru: 'x' }, bases: ['*'], severity: 'info', displayUntil: '2026-11-27T10:00:00Z' },
      { 'Accept-Language': 'lv' },
    );
    expect(((await late.json()) as { problems: unknown[] }).problems).toEqual([
      {
        path: 'displayUntil',
        message: expect.stringMatching(
          /^jābūt nākotnē \(tagad ir 2026-11-27T14:00:\d\d\+03:00\); lai beigtu jau sākušos ziņojumu, norādiet pašreizējo laiku$/,
        ),
      },
    ]);
    const created = await service.api(
      'POST',
      '/api/admin/messages',
      {
        text: { ru: 'СРОЧНО!! Сбой.' },
        bases: ['buh'],
        severity: 'outage',
        displayUntil: '2026-11-27T14:00:00Z',
      },
      { 'Accept-Language': 'ru' },
    );
    const { warnings } = (await created.json()) as { warnings: { code: string; message: string }[] };
    expect(warnings.find((warning) => warning.code === 'all-caps')?.message).toBe(
      'Заглавные буквы читаются как крик: напишите эти слова обычными буквами.',
    );
  });
});

describe('times in answers', () => {
  it('come in one form, ISO-8601 with the service zone offset, however they were sent', async () => {
    const created = await service.api('POST', '/api/admin/messages', {
      text: { ru: 'Работы до {until}.' },
      bases: ['*'],
      severity: 'maintenance',
      startsAt: '2026-11-27T11:30:00+00:00',
      displayUntil: '2026-11-27T16:00:00+02:00',
    });
    const message = (await created.json()) as Record<string, string>;
    expect(message.startsAt).toBe('2026-11-27T14:30:00+03:00');
    expect(message.displayUntil).toBe('2026-11-27T17:00:00+03:00');
    expect(message.createdAt).toMatch(ISO_WITH_MOSCOW_OFFSET);
    const listed = (await (await service.api('GET', '/api/admin/messages')).json()) as {
      messages: Record<string, string>[];
    };
    for (const stored of listed.messages) {
      for (const field of ['startsAt', 'displayUntil', 'createdAt', 'updatedAt']) {
        expect(stored[field], field).toMatch(ISO_WITH_MOSCOW_OFFSET);
      }
    }
    const audit = (await (await service.api('GET', '/api/admin/audit')).json()) as {
      entries: { at: string; after?: Record<string, string> }[];
    };
    expect(audit.entries[0]?.at).toMatch(ISO_WITH_MOSCOW_OFFSET);
    expect(audit.entries[0]?.after?.startsAt).toBe('2026-11-27T14:30:00+03:00');
    await fetch(`${service.url}/startup-error/buh`);
    const requests = (await (await service.api('GET', '/api/admin/requests')).json()) as {
      requests: { at: string }[];
    };
    expect(requests.requests[0]?.at).toMatch(ISO_WITH_MOSCOW_OFFSET);
  });
});

describe('the addresses people type', () => {
  it('lead from / to the status page and from /admin/ to the console, with an icon for the browser', async () => {
    const root = await fetch(`${service.url}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/status']);
    const admin = await fetch(`${service.url}/admin/`, { redirect: 'manual' });
    expect([admin.status, admin.headers.get('location')]).toEqual([301, '/admin']);
    const icon = await fetch(`${service.url}/favicon.ico`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg /);
    for (const page of ['/status', '/admin']) {
      expect(await (await fetch(`${service.url}${page}`)).text()).toContain(
        '<link rel="icon" href="data:image/svg+xml,',
      );
    }
  });

  it('leave / and the icon to the 1C web server in proxy mode', async () => {
    // Passed to the 1C web server (down here, so the proxy answers for it), not redirected.
    const root = await fetch(`${proxied.url}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([502, null]);
    const icon = await fetch(`${proxied.url}/favicon.ico`, { redirect: 'manual' });
    expect(icon.status).toBe(502);
    const admin = await fetch(`${proxied.url}/admin/`, { redirect: 'manual' });
    expect(admin.headers.get('location')).toBe('/admin');
  });
});
