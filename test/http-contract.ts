import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupErrorResponse } from '../contract/startup-error-response.ts';
import { StatusResponse } from '../contract/status.ts';
import { MESSAGE_TEMPLATES } from '../server/src/domain/templates/message-templates.ts';
import { buildOpenApi } from '../server/src/routes/openapi-document.ts';

/** A running service under test: `app.request`, a real Node process, or the Worker in miniflare. */
export interface ContractTarget {
  /** `path` like `/startup-error/buh?lang=en`; answers as a client would see them. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  adminToken: string;
  close(): Promise<void>;
}

const HOUR = 60 * 60 * 1000;
const JSON_UTF8 = 'application/json; charset=utf-8';
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The one HTTP contract of the service, run unchanged against every deployment. It uses
 * times relative to now (no fake clock) and a fresh base key per test, so tests do not depend on
 * each other's messages; settings are written once in `beforeAll`.
 */
export function defineHttpContract(label: string, start: () => Promise<ContractTarget>): void {
  describe(`HTTP contract: ${label}`, () => {
    let target: ContractTarget;
    let seq = 0;
    const key = (name: string) => `${name}-${Date.now().toString(36)}-${++seq}`;

    const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      target.fetch(path, {
        method,
        headers: {
          authorization: `Bearer ${target.adminToken}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });

    const answer = async (path: string, init?: RequestInit) => {
      const response = await target.fetch(path, init);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(JSON_UTF8);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes[0]).toBe(0x7b); // `{`: no BOM, a JSON object
      const body = StartupErrorResponse.parse(JSON.parse(new TextDecoder().decode(bytes)));
      return { response, body };
    };

    const postMessage = async (fields: Record<string, unknown>) => {
      const response = await admin('POST', '/api/admin/messages', {
        severity: 'maintenance',
        displayUntil: iso(Date.now() + HOUR),
        ...fields,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return {
        message: (await response.json()) as { id: string; version: number },
        etag: response.headers.get('etag') ?? '',
      };
    };

    beforeAll(async () => {
      target = await start();
      const current = await admin('GET', '/api/admin/settings');
      expect(current.status).toBe(200);
      const put = await admin(
        'PUT',
        '/api/admin/settings',
        {
          defaultLanguage: 'ru',
          timeZone: 'Europe/Moscow',
          helpText: {
            ru: 'Дежурный администратор: +7 (495) 123-45-67',
            en: 'Duty administrator: +7 (495) 123-45-67',
          },
          helpURL: 'https://help.example.local/1c',
          bases: {
            buh: { name: 'Бухгалтерия', helpURL: 'https://help.example.local/buh' },
            zup: { name: 'ЗУП', helpText: { ru: 'Звоните в отдел кадров: 200' } },
          },
        },
        { 'if-match': current.headers.get('etag') ?? '' },
      );
      expect(put.status, await put.clone().text()).toBe(200);
    });

    afterAll(async () => {
      await target?.close();
    });

    describe('startup-error answers', () => {
      it('answers every method and path shape with the same JSON, CORS open, cache-validated', async () => {
        const { response, body } = await answer('/startup-error');
        expect(body).toEqual({
          helpText: 'Дежурный администратор: +7 (495) 123-45-67',
          helpURL: 'https://help.example.local/1c',
        });
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(response.headers.get('content-language')).toBe('ru');
        const etag = response.headers.get('etag');
        expect(etag).toMatch(/^"[^"]+"$/);

        for (const path of ['/startup-error.json', '/startup-error/', `/startup-error/${key('new')}.json`]) {
          expect((await answer(path)).body, path).toEqual(body);
        }
        expect((await answer('/startup-error', { method: 'POST' })).body).toEqual(body);
        expect((await answer('/startup-error', { method: 'OPTIONS' })).body).toEqual(body);

        const head = await target.fetch('/startup-error', { method: 'HEAD' });
        expect(head.status).toBe(200);
        expect(head.headers.get('content-type')).toBe(JSON_UTF8);
        expect(await head.text()).toBe('');

        const again = await target.fetch('/startup-error', { headers: { 'if-none-match': etag ?? '' } });
        expect(again.status).toBe(304);
      });

      it('answers a CORS preflight from any origin', async () => {
        const response = await target.fetch('/startup-error/buh', {
          method: 'OPTIONS',
          headers: {
            origin: 'https://web.example.local',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
        expect(response.status).toBeLessThan(300);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(response.headers.get('access-control-allow-methods')).toContain('POST');
        expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
      });

      it('uses the base help, and answers a base nobody configured like /startup-error (never 404)', async () => {
        expect((await answer('/startup-error/buh')).body).toEqual({
          helpText: 'Дежурный администратор: +7 (495) 123-45-67',
          helpURL: 'https://help.example.local/buh',
        });
        expect((await answer('/startup-error/zup')).body).toEqual({
          helpText: 'Звоните в отдел кадров: 200',
          helpURL: 'https://help.example.local/1c',
        });
        const all = (await answer('/startup-error')).body;
        for (const odd of [
          `/startup-error/${key('unknown')}`,
          '/startup-error/%D0%B1%D1%83%D1%85',
          '/startup-error/a/b/c',
        ]) {
          expect((await answer(odd)).body, odd).toEqual(all);
        }
      });

      it('shows an active message to its base only, with {until} in local time and the language asked for', async () => {
        const base = key('buh');
        const until = Date.now() + 2 * HOUR;
        const { message } = await postMessage({
          text: {
            ru: 'Идут плановые работы. Вход снова будет доступен после {until}.',
            en: 'Planned maintenance until {until}.',
          },
          bases: [base],
          displayUntil: iso(until),
        });
        expect(message.id).toBeTruthy();

        const ru = await answer(`/startup-error/${base}`);
        const moscow = new Intl.DateTimeFormat('ru', {
          timeZone: 'Europe/Moscow',
          hour: 'numeric',
          minute: '2-digit',
        });
        expect(ru.body.userMessage).toContain('Идут плановые работы. Вход снова будет доступен после');
        expect(ru.body.userMessage).toContain(moscow.format(until));
        expect(Date.parse(ru.body.displayUntil ?? '')).toBe(Math.floor(until / 1000) * 1000);
        expect(ru.body.displayUntil).toMatch(/\+03:00$/);
        expect(ru.body.helpText).toBe('Дежурный администратор: +7 (495) 123-45-67');

        const en = await answer(`/startup-error/${base}.json?lang=en`);
        expect(en.body.userMessage).toMatch(/^Planned maintenance until /);
        expect(en.body.helpText).toBe('Duty administrator: +7 (495) 123-45-67');
        expect(en.response.headers.get('content-language')).toBe('en');

        const accept = await answer(`/startup-error/${base}`, {
          headers: { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' },
        });
        expect(accept.body.userMessage).toBe(en.body.userMessage);
        const latvian = await answer(`/startup-error/${base}`, { headers: { 'accept-language': 'lv' } });
        expect(latvian.body.userMessage).toBe(ru.body.userMessage);
        expect(latvian.response.headers.get('content-language')).toBe('ru');

        expect((await answer('/startup-error')).body.userMessage).toBeUndefined();
        expect((await answer(`/startup-error/${key('other')}`)).body.userMessage).toBeUndefined();
      });

      it('falls back to any text the message has when neither the asked nor the default language exists', async () => {
        const base = key('lv');
        await postMessage({ text: { lv: 'Notiek plānoti darbi.' }, bases: [base] });
        const { body, response } = await answer(`/startup-error/${base}?lang=en`);
        expect(body.userMessage).toBe('Notiek plānoti darbi.');
        expect(response.headers.get('content-language')).toBe('lv');
      });

      it('picks the most severe active message, then the newest', async () => {
        const base = key('sev');
        await postMessage({ text: { ru: 'Инфо' }, bases: [base], severity: 'info' });
        await postMessage({ text: { ru: 'Работы 1' }, bases: [base], severity: 'maintenance' });
        expect((await answer(`/startup-error/${base}`)).body.userMessage).toBe('Работы 1');
        await postMessage({ text: { ru: 'Авария' }, bases: [base], severity: 'outage' });
        await postMessage({ text: { ru: 'Работы 2' }, bases: [base], severity: 'maintenance' });
        expect((await answer(`/startup-error/${base}`)).body.userMessage).toBe('Авария');
      });

      it('does not show a message before it starts, and lists it as upcoming in /api/status', async () => {
        const base = key('soon');
        const { message } = await postMessage({
          text: { ru: 'Скоро работы', en: 'Maintenance soon' },
          bases: [base],
          startsAt: iso(Date.now() + HOUR),
          displayUntil: iso(Date.now() + 3 * HOUR),
        });
        expect((await answer(`/startup-error/${base}`)).body.userMessage).toBeUndefined();

        const response = await target.fetch('/api/status?lang=en', {
          headers: { origin: 'https://status.example' },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        const status = StatusResponse.parse(await response.json());
        expect(status.language).toBe('en');
        const entry = status.bases.find((b) => b.key === base);
        expect(entry?.state).toBe('ok');
        expect(entry?.active).toEqual([]);
        expect(entry?.upcoming.map((m) => [m.id, m.userMessage])).toEqual([[message.id, 'Maintenance soon']]);
        expect(status.bases.find((b) => b.key === 'buh')).toMatchObject({
          name: 'Бухгалтерия',
          helpURL: 'https://help.example.local/buh',
        });
      });

      it('refuses a POST body over 16 KB with 413 and accepts one of 16 KB', async () => {
        const big = await target.fetch('/startup-error/buh', { method: 'POST', body: 'x'.repeat(17 * 1024) });
        expect(big.status).toBe(413);
        await big.arrayBuffer();
        await answer('/startup-error/buh', { method: 'POST', body: 'x'.repeat(16 * 1024) });
      });

      it('never answers odd input with a 5xx', async () => {
        const invalidUtf8 = new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0x00, 0x7b]);
        const odd: [string, RequestInit][] = [
          [
            '/startup-error',
            { method: 'POST', body: invalidUtf8, headers: { 'content-type': 'application/json' } },
          ],
          [
            '/startup-error/buh',
            {
              method: 'POST',
              body: new Uint8Array(3000).map((_, i) => i % 256),
              headers: { 'content-type': 'application/octet-stream' },
            },
          ],
          [
            '/startup-error/buh',
            {
              method: 'POST',
              body: 'a=1&b=%ZZ',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            },
          ],
          // A two-byte character cut by the 4 KB capture limit.
          [
            '/startup-error/buh',
            {
              method: 'POST',
              body: `a${'я'.repeat(3000)}`,
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            },
          ],
          [
            '/startup-error/buh',
            { method: 'POST', body: '{"broken": ', headers: { 'content-type': 'application/json' } },
          ],
          [
            '/startup-error',
            { headers: { 'accept-language': `*;q=abc,,,;;;=,ru-;q=2,${'x'.repeat(4000)}` } },
          ],
          ['/startup-error', { headers: { 'accept-language': '\u00ff\u00fe;q=1, ;q=' } }],
          ['/startup-error?lang=%FF%FE', {}],
          [`/startup-error?lang=${'e'.repeat(500)}`, {}],
          ['/startup-error/%00%2F..%2F..', {}],
          [`/startup-error/${'k'.repeat(300)}`, {}],
          ['/startup-error/..%2f..%2fetc%2fpasswd.json', {}],
        ];
        for (const [path, init] of odd) {
          const response = await target.fetch(path, init);
          expect(response.status, `${init.method ?? 'GET'} ${path}`).toBe(200);
          expect(JSON.parse(await response.text())).toBeTypeOf('object');
        }
        for (const path of ['/api/admin/requests', '/api/admin/reports']) {
          const read = await target.fetch(path, {
            headers: { authorization: `Bearer ${target.adminToken}` },
          });
          expect(read.status, path).toBe(200);
          await read.json();
        }
        const adminOdd = await target.fetch('/api/admin/messages', {
          method: 'POST',
          headers: { authorization: `Bearer ${target.adminToken}`, 'content-type': 'application/json' },
          body: invalidUtf8,
        });
        expect(adminOdd.status).toBe(400);
      });
    });

    describe('admin API', () => {
      it('refuses a missing or wrong token with 401 and a Bearer challenge, and is not CORS-open', async () => {
        for (const authorization of [
          undefined,
          'Bearer wrong-token',
          'Basic YWRtaW46YWRtaW4=',
          `Bearer ${target.adminToken}x`,
        ]) {
          const response = await target.fetch('/api/admin/messages', {
            headers: { origin: 'https://evil.example', ...(authorization && { authorization }) },
          });
          expect(response.status, authorization).toBe(401);
          expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
          expect(response.headers.get('access-control-allow-origin')).toBeNull();
          const body = (await response.json()) as { message: string };
          expect(body.message).not.toContain(target.adminToken);
        }
        const ok = await admin('GET', '/api/admin/messages', undefined, { origin: 'https://evil.example' });
        expect(ok.status).toBe(200);
        expect(ok.headers.get('access-control-allow-origin')).toBeNull();
      });

      it('refuses invalid bodies with 400 and a plain-words problem per field', async () => {
        const response = await admin('POST', '/api/admin/messages', {
          text: { ru: '', 'not a tag!': 'x' },
          helpURL: 'javascript:alert(1)',
          bases: [],
          startsAt: '2026-11-23T10:00:00',
          displayUntil: 'tomorrow',
          severity: 'urgent',
          colour: 'red',
        });
        expect(response.status).toBe(400);
        const body = (await response.json()) as {
          error: string;
          message: string;
          problems: { path: string; message: string }[];
        };
        expect(body.error).toBe('validation');
        const paths = body.problems.map((p) => p.path);
        for (const path of ['text.ru', 'helpURL', 'startsAt', 'displayUntil', 'severity', 'colour']) {
          expect(paths, path).toContain(path);
        }
        expect(paths.some((p) => p.startsWith('bases'))).toBe(true);
        expect(body.problems.find((p) => p.path === 'startsAt')?.message).toMatch(/offset/);
        expect(body.problems.find((p) => p.path === 'helpURL')?.message).toMatch(/http/);
        expect(body.problems.find((p) => p.path === 'colour')?.message).toMatch(/not a known field/);
        expect(body.message).toMatch(/problems/);
      });

      it('refuses deadlines in the past or before the start, over-long texts, non-JSON and broken JSON', async () => {
        const past = await admin('POST', '/api/admin/messages', {
          text: { ru: 'x' },
          bases: ['*'],
          severity: 'info',
          displayUntil: iso(Date.now() - HOUR),
        });
        expect(past.status).toBe(400);
        expect(JSON.stringify(await past.json())).toMatch(/future/);

        const backwards = await admin('POST', '/api/admin/messages', {
          text: { ru: 'x' },
          bases: ['*'],
          severity: 'info',
          startsAt: iso(Date.now() + 3 * HOUR),
          displayUntil: iso(Date.now() + HOUR),
        });
        expect(backwards.status).toBe(400);
        expect(JSON.stringify(await backwards.json())).toMatch(/after startsAt/);

        const long = await admin('POST', '/api/admin/messages', {
          text: { ru: 'я'.repeat(2001) },
          bases: ['*'],
          severity: 'info',
          displayUntil: iso(Date.now() + HOUR),
        });
        expect(long.status).toBe(400);
        expect(JSON.stringify(await long.json())).toMatch(/2000/);

        const notJson = await target.fetch('/api/admin/messages', {
          method: 'POST',
          headers: { authorization: `Bearer ${target.adminToken}`, 'content-type': 'text/plain' },
          body: 'hello',
        });
        expect([400, 415]).toContain(notJson.status);
        expect(((await notJson.json()) as { message: string }).message).toMatch(/JSON/);

        const broken = await target.fetch('/api/admin/messages', {
          method: 'POST',
          headers: { authorization: `Bearer ${target.adminToken}`, 'content-type': 'application/json' },
          body: '{"text": {"ru": "x"},',
        });
        expect(broken.status).toBe(400);
        expect(((await broken.json()) as { message: string }).message).toMatch(/JSON/);
      });

      it('changes and deletes only with a current If-Match: 428 without, 412 stale (naming who and when)', async () => {
        const base = key('etag');
        const { message, etag } = await postMessage({ text: { ru: 'Первая редакция' }, bases: [base] });
        const path = `/api/admin/messages/${message.id}`;

        const read = await admin('GET', path);
        expect(read.status).toBe(200);
        expect(read.headers.get('etag')).toBe(etag);

        expect((await admin('PATCH', path, { text: { ru: 'Без условия' } })).status).toBe(428);
        expect((await admin('DELETE', path)).status).toBe(428);

        const patched = await admin('PATCH', path, { text: { ru: 'Вторая редакция' } }, { 'if-match': etag });
        expect(patched.status).toBe(200);
        const newEtag = patched.headers.get('etag') ?? '';
        expect(newEtag).not.toBe(etag);
        expect(await patched.json()).toMatchObject({
          text: { ru: 'Вторая редакция' },
          version: message.version + 1,
        });
        expect((await answer(`/startup-error/${base}`)).body.userMessage).toBe('Вторая редакция');

        const stale = await admin('PATCH', path, { text: { ru: 'Устаревшая правка' } }, { 'if-match': etag });
        expect(stale.status).toBe(412);
        const conflict = (await stale.json()) as {
          changedBy: string;
          changedAt: string;
          current: { text: { ru: string } };
          etag: string;
        };
        expect(conflict.changedBy).toBeTruthy();
        expect(Number.isNaN(Date.parse(conflict.changedAt))).toBe(false);
        expect(conflict.current.text.ru).toBe('Вторая редакция');
        expect(conflict.etag).toBe(newEtag);
        expect((await admin('DELETE', path, undefined, { 'if-match': etag })).status).toBe(412);

        const invalid = await admin('PATCH', path, { severity: 'loud' }, { 'if-match': newEtag });
        expect(invalid.status).toBe(400);

        expect((await admin('DELETE', path, undefined, { 'if-match': newEtag })).status).toBe(204);
        expect((await admin('GET', path)).status).toBe(404);
        expect((await answer(`/startup-error/${base}`)).body.userMessage).toBeUndefined();
      });

      it('ends a started message now with PATCH displayUntil=now; it stays listed, clients stop seeing it', async () => {
        const base = key('end');
        const { message, etag } = await postMessage({ text: { ru: 'Скоро закончим' }, bases: [base] });
        expect((await answer(`/startup-error/${base}`)).body.userMessage).toBe('Скоро закончим');
        const ended = await admin(
          'PATCH',
          `/api/admin/messages/${message.id}`,
          { displayUntil: iso(Date.now()) },
          { 'if-match': etag },
        );
        expect(ended.status, await ended.clone().text()).toBe(200);
        expect((await answer(`/startup-error/${base}`)).body.userMessage).toBeUndefined();
        const { messages } = (await (await admin('GET', '/api/admin/messages')).json()) as {
          messages: { id: string }[];
        };
        expect(messages.map((m) => m.id)).toContain(message.id);

        const future = await postMessage({
          text: { ru: 'Позже' },
          bases: [base],
          startsAt: iso(Date.now() + HOUR),
          displayUntil: iso(Date.now() + 2 * HOUR),
        });
        const refused = await admin(
          'PATCH',
          `/api/admin/messages/${future.message.id}`,
          { displayUntil: iso(Date.now() - HOUR) },
          { 'if-match': future.etag },
        );
        expect(refused.status).toBe(400);
      });

      it('lets exactly one of 50 parallel PATCHes with the same ETag win; the others get 412', async () => {
        const base = key('race');
        const { message, etag } = await postMessage({ text: { ru: 'Исходный текст' }, bases: [base] });
        const path = `/api/admin/messages/${message.id}`;
        const responses = await Promise.all(
          Array.from({ length: 50 }, (_, n) =>
            admin('PATCH', path, { text: { ru: `Правка ${n}` } }, { 'if-match': etag }),
          ),
        );
        const statuses = responses.map((r) => r.status);
        expect(statuses.filter((s) => s === 200)).toHaveLength(1);
        expect(statuses.filter((s) => s === 412)).toHaveLength(49);
        const winner = responses[statuses.indexOf(200)];
        const won = (await winner?.json()) as { text: { ru: string }; version: number };
        const now = (await (await admin('GET', path)).json()) as { text: { ru: string }; version: number };
        expect(now).toMatchObject({ text: won.text, version: message.version + 1 });
        expect((await answer(`/startup-error/${base}`)).body.userMessage).toBe(won.text.ru);
        const audit = (await (await admin('GET', '/api/admin/audit?limit=1000')).json()) as {
          entries: { target: string; action: string }[];
        };
        expect(audit.entries.filter((e) => e.target === message.id).map((e) => e.action)).toEqual([
          'message.update',
          'message.create',
        ]);
      });

      it('keeps an audit trail: who (token label), when, what, before and after', async () => {
        const base = key('audit');
        const { message, etag } = await postMessage({ text: { ru: 'До' }, bases: [base] });
        await admin(
          'PATCH',
          `/api/admin/messages/${message.id}`,
          { text: { ru: 'После' } },
          { 'if-match': etag },
        );
        const response = await admin('GET', '/api/admin/audit?limit=50');
        expect(response.status).toBe(200);
        const { entries } = (await response.json()) as {
          entries: {
            actor: string;
            at: string;
            action: string;
            target: string;
            before?: { text: unknown };
            after?: { text: unknown };
          }[];
        };
        const update = entries.find((e) => e.target === message.id && e.action === 'message.update');
        expect(update?.actor).toBeTruthy();
        expect(update?.actor).not.toContain(target.adminToken);
        expect(update?.before?.text).toEqual({ ru: 'До' });
        expect(update?.after?.text).toEqual({ ru: 'После' });
        expect(entries.some((e) => e.action === 'settings.update')).toBe(true);
      });

      it('shows settings with an ETag and refuses a stale PUT with 412', async () => {
        const read = await admin('GET', '/api/admin/settings');
        const settings = await read.json();
        const etag = read.headers.get('etag') ?? '';
        const same = await admin('PUT', '/api/admin/settings', settings, { 'if-match': etag });
        expect(same.status).toBe(200);
        const stale = await admin('PUT', '/api/admin/settings', settings, { 'if-match': etag });
        expect(stale.status).toBe(412);
        expect(await stale.json()).toMatchObject({ error: 'conflict', current: settings });
        const bad = await admin('PUT', '/api/admin/settings', {
          ...(settings as object),
          timeZone: 'Mars/Olympus',
        });
        expect(bad.status).toBe(400);
      });

      it('lists the ready-made message templates, as JSON', async () => {
        const response = await admin('GET', '/api/admin/templates');
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(await response.text()).toBe(JSON.stringify({ templates: MESSAGE_TEMPLATES }));
      });

      it('captures startup-error requests as received, without credentials', async () => {
        const base = key('cap');
        await answer(`/startup-error/${base}?client=thin&v=8.3.25`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: 'session=secret-cookie',
            authorization: 'Basic c2VjcmV0',
            'x-1c-test': 'yes',
          },
          body: JSON.stringify({ error: 'Ошибка соединения с сервером 1С' }),
        });
        const response = await admin('GET', '/api/admin/requests');
        expect(response.status).toBe(200);
        const { requests } = (await response.json()) as {
          requests: {
            method: string;
            path: string;
            query: string;
            headers: [string, string][];
            body?: string;
            at: string;
          }[];
        };
        expect(requests.length).toBeLessThanOrEqual(200);
        const captured = requests.find((r) => r.path === `/startup-error/${base}`);
        expect(captured).toMatchObject({
          method: 'POST',
          query: 'client=thin&v=8.3.25',
          body: '{"error":"Ошибка соединения с сервером 1С"}',
        });
        const names = captured?.headers.map(([name]) => name.toLowerCase()) ?? [];
        expect(names).toContain('x-1c-test');
        expect(names).not.toContain('cookie');
        expect(names).not.toContain('authorization');
        expect(JSON.stringify(requests)).not.toContain('secret-cookie');
      });

      it('counts POSTed login-error reports per base and per hour', async () => {
        const base = key('rep');
        for (let i = 0; i < 3; i++)
          await answer(`/startup-error/${base}`, { method: 'POST', body: `report ${i}` });
        await answer(`/startup-error/${base}`);
        const response = await admin('GET', '/api/admin/reports');
        expect(response.status).toBe(200);
        const reports = (await response.json()) as {
          perBase: Record<string, number>;
          perHour: { hour: string; baseKey: string; count: number }[];
          recent: { baseKey: string; body?: string }[];
        };
        expect(reports.perBase[base]).toBe(3);
        expect(reports.perHour.filter((h) => h.baseKey === base).reduce((n, h) => n + h.count, 0)).toBe(3);
        expect(reports.recent.filter((r) => r.baseKey === base).map((r) => r.body)).toEqual([
          'report 2',
          'report 1',
          'report 0',
        ]);
      });
    });

    describe('service endpoints', () => {
      it('answers /healthz and /openapi.json generated from the schemas', async () => {
        const health = await target.fetch('/healthz');
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: 'ok' });

        const openapi = await target.fetch('/openapi.json');
        expect(openapi.status).toBe(200);
        const text = await openapi.text();
        // The Worker bundle serves a document computed at build time: it must be this one, byte for byte.
        expect(text).toBe(JSON.stringify(buildOpenApi()));
        const document = JSON.parse(text) as {
          openapi: string;
          paths: Record<string, unknown>;
          components: { schemas: Record<string, { properties?: object }> };
        };
        expect(document.openapi).toMatch(/^3\./);
        expect(Object.keys(document.paths)).toEqual(
          expect.arrayContaining([
            '/startup-error',
            '/startup-error/{baseKey}',
            '/api/status',
            '/api/admin/messages/{id}',
            '/api/admin/settings',
          ]),
        );
        expect(Object.keys(document.components.schemas.MessageFields?.properties ?? {})).toEqual(
          expect.arrayContaining(['text', 'bases', 'displayUntil', 'severity', 'helpURL']),
        );
        // Saving a message answers with lint `warnings` next to it; both answers describe them.
        const withWarnings = {
          content: {
            'application/json': {
              schema: {
                allOf: [
                  { $ref: '#/components/schemas/Message' },
                  {
                    properties: {
                      warnings: { type: 'array', items: { $ref: '#/components/schemas/MessageLintWarning' } },
                    },
                    required: ['warnings'],
                  },
                ],
              },
            },
          },
        };
        const paths = document.paths as Record<
          string,
          Record<string, { responses: Record<string, unknown> }>
        >;
        expect(paths['/api/admin/messages']?.post?.responses['201']).toMatchObject(withWarnings);
        expect(paths['/api/admin/messages/{id}']?.patch?.responses['200']).toMatchObject(withWarnings);
        expect(document.components.schemas.MessageLintWarning).toMatchObject({
          properties: { code: { enum: expect.arrayContaining(['no-deadline', 'jargon']) } },
          required: expect.arrayContaining(['code', 'message', 'language']),
        });
      });
    });
  });
}
