// Bad input tried at random (fast-check), with the number of tries printed: admin API
// payloads, startup-error POST bodies, Accept-Language headers and ?lang=, and v8i CLI arguments.
// The v8i parser's own property (never throws, round-trips byte for byte) lives beside it in
// v8i-tools/src/syntax/round-trip.test.ts.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupErrorResponse } from '../contract/startup-error-response.ts';
import { createApp } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { silentLogger } from '../server/src/domain/logger.ts';
import { openNodeStore } from '../server/src/store/open-node-store.ts';
import type { Store } from '../server/src/store/store.ts';
import { captureIo } from '../v8i-tools/src/cli/capture-io.ts';
import { main } from '../v8i-tools/src/cli/main.ts';

const TOKEN = 'fuzz-admin-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const HOUR = 3_600_000;
const tried: Record<string, number> = {};
const count = (what: string) => {
  tried[what] = (tried[what] ?? 0) + 1;
};

let app: Hono;
let store: Store;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hardening-fuzz-'));
  // An in-memory database: the fuzzing is about the HTTP layer, not the disk (hardening-sqlite-store is).
  store = await openNodeStore({ dir, file: ':memory:', logger: silentLogger });
  app = createApp({
    store,
    verifyAdminToken: createTokenVerifier([{ label: 'fuzz', sha256: await sha256Hex(TOKEN) }]),
  });
});

afterAll(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  console.log(
    `hardening fuzz: ${Object.entries(tried)
      .map(([what, n]) => `${n} ${what}`)
      .join(', ')}`,
  );
});

/** What every answer must be, whatever was sent: not a 5xx, JSON with a message when refused. */
async function expectHandled(response: Response, what: string): Promise<unknown> {
  expect(response.status, what).toBeLessThan(500);
  const text = await response.text();
  if (response.status >= 400 && response.status !== 404) {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    expect(typeof body.message, what).toBe('string');
    expect((body.message as string).length, what).toBeGreaterThan(10);
  }
  return text ? JSON.parse(text) : undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();
const languageKey = fc.constantFrom('ru', 'en', 'lv', 'en-GB', 'x!', '', 'zz-ZZZZ', '__proto__', 'RU');
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constant('я'.repeat(2001)), fc.constant('{until}'));
const localized = fc.oneof(fc.dictionary(languageKey, text, { maxKeys: 3 }), fc.jsonValue({ maxDepth: 2 }));
const time = fc.oneof(
  fc.integer({ min: -10 * HOUR, max: 48 * HOUR }).map((offset) => iso(Date.now() + offset)),
  fc.constantFrom(
    '2026-11-23T10:00:00',
    'tomorrow',
    '2026-13-45T99:00:00+03:00',
    '',
    '2026-11-23T10:00:00+25:00',
  ),
  fc.jsonValue({ maxDepth: 1 }),
);
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', 'ftp://x', 'https://', '//evil.example', 'http://[::1', ''),
  fc.string({ maxLength: 20 }),
);
const baseKeyText = fc.oneof(
  fc.constantFrom('*', 'buh', 'zup', '__proto__', 'constructor', '../etc', 'a/b', 'Бух', ''),
  fc.string({ maxLength: 70 }),
);
const messageFields = fc.record(
  {
    text: localized,
    helpText: fc.oneof(localized, fc.constant(null)),
    helpURL: fc.oneof(url, fc.constant(null)),
    bases: fc.oneof(fc.array(baseKeyText, { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
    startsAt: time,
    displayUntil: time,
    timeZone: fc.oneof(fc.constantFrom('Europe/Riga', 'Mars/Olympus', 'UTC', ''), fc.constant(null)),
    severity: fc.oneof(
      fc.constantFrom('outage', 'maintenance', 'info', 'urgent', ''),
      fc.jsonValue({ maxDepth: 0 }),
    ),
    colour: fc.string(),
  },
  { requiredKeys: [] },
);
/** A body as sent: usually JSON of the record above, sometimes any JSON, sometimes not JSON at all. */
const adminBody = fc.oneof(
  { weight: 6, arbitrary: messageFields.map((fields) => JSON.stringify(fields)) },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{"text":', '\uFEFF{}', 'null', '[]', '{"__proto__":{"x":1}}', ''),
  },
);

describe('admin API payloads', () => {
  it('never answers a 5xx; refusals are 400/412/415/428 with a message, and the service keeps answering', async () => {
    const created = await app.request('/api/admin/messages', {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({
        text: { ru: 'Исходное' },
        bases: ['buh'],
        displayUntil: iso(Date.now() + 2 * HOUR),
        severity: 'info',
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    let etag = created.headers.get('etag') ?? '';

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PATCH'),
        adminBody,
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
        ),
        async (method, body, contentType) => {
          count('admin message payloads');
          const path = method === 'POST' ? '/api/admin/messages' : `/api/admin/messages/${id}`;
          const response = await app.request(path, {
            method,
            headers: {
              ...AUTH,
              'content-type': contentType,
              ...(method === 'PATCH' && { 'if-match': etag }),
            },
            body,
          });
          const status = response.status;
          await expectHandled(response.clone(), `${method} ${body}`);
          expect([200, 201, 400, 412, 415], `${method} ${body}`).toContain(status);
          if (status === 200 && method === 'PATCH') etag = response.headers.get('etag') ?? etag;
        },
      ),
      { numRuns: 400 },
    );

    const settingsBody = fc.oneof(
      fc
        .record(
          {
            defaultLanguage: fc.oneof(languageKey, fc.jsonValue({ maxDepth: 0 })),
            timeZone: fc.constantFrom('Europe/Moscow', 'Asia/Kolkata', 'Mars/Olympus', '', 'UTC'),
            helpText: localized,
            helpURL: url,
            bases: fc.oneof(
              fc
                .array(
                  fc.tuple(
                    baseKeyText,
                    fc.record(
                      { name: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('  ')), helpURL: url },
                      {
                        requiredKeys: ['name'],
                      },
                    ),
                  ),
                  { maxLength: 4 },
                )
                .map((entries) => Object.fromEntries(entries)),
              fc.jsonValue({ maxDepth: 1 }),
            ),
          },
          { requiredKeys: [] },
        )
        .map((settings) => JSON.stringify(settings)),
      fc.jsonValue().map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(settingsBody, baseKeyText, async (body, probe) => {
        count('settings payloads');
        const response = await app.request('/api/admin/settings', { method: 'PUT', headers: AUTH, body });
        await expectHandled(response, `PUT settings ${body}`);
        expect([200, 400], `PUT settings ${body}`).toContain(response.status);
        // Whatever settings were accepted, the hot path and the public pages keep working.
        for (const path of [`/startup-error/${encodeURIComponent(probe)}`, '/startup-error', '/api/status']) {
          const answer = await app.request(path);
          expect(answer.status, `${path} after ${body}`).toBe(200);
          await answer.json();
        }
        expect((await app.request('/status')).status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});

describe('startup-error POST bodies', () => {
  const LIMIT = 16 * 1024;
  const invalidUtf8 = fc
    .array(fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.integer({ min: 0, max: 0x7f })), {
      maxLength: 300,
    })
    .map((bytes) => new Uint8Array(bytes));
  const nearLimit = fc
    .integer({ min: LIMIT - 4, max: LIMIT + 4 })
    .map((size) => new Uint8Array(size).fill(0x7b));
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    invalidUtf8,
    nearLimit,
    fc.string().map((s) => new TextEncoder().encode(s)),
    fc.jsonValue().map((value) => new TextEncoder().encode(JSON.stringify(value))),
  );
  const contentType = fc.constantFrom(
    undefined,
    'application/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/plain; charset=windows-1251',
    'application/octet-stream',
    ';;;',
  );

  it('answers 200 with the same JSON up to 16 KB and 413 beyond, whatever the bytes', async () => {
    const expected = await (await app.request('/startup-error/buh')).text();
    await fc.assert(
      fc.asyncProperty(body, contentType, async (bytes, type) => {
        count('startup-error POST bodies');
        const response = await app.request('/startup-error/buh', {
          method: 'POST',
          body: bytes,
          ...(type && { headers: { 'content-type': type } }),
        });
        if (bytes.length > LIMIT) {
          expect(response.status).toBe(413);
          await response.arrayBuffer();
        } else {
          expect(response.status).toBe(200);
          expect(await response.text()).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
    const exact = await app.request('/startup-error/buh', {
      method: 'POST',
      body: new Uint8Array(LIMIT + 1),
    });
    expect(exact.status).toBe(413);
  });
});

describe('language negotiation input', () => {
  const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)) });
  const piece = fc.oneof(
    fc.constantFrom(
      'ru',
      'en',
      'lv',
      'en-GB',
      '*',
      ';q=',
      ';q=0.5',
      ';q=abc',
      ';q=2',
      ',',
      ' ',
      '-',
      '--',
      'q',
      '=',
      ';',
    ),
    latin1,
  );
  const acceptLanguage = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
  const langQuery = fc
    .uint8Array({ maxLength: 12 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));

  it('always answers 200 with valid JSON in a language the data has', async () => {
    const put = await app.request('/api/admin/settings', {
      method: 'PUT',
      headers: AUTH,
      body: JSON.stringify({
        defaultLanguage: 'ru',
        timeZone: 'Europe/Moscow',
        helpText: { ru: 'Звоните', en: 'Call us', lv: 'Zvaniet' },
        bases: {},
      }),
    });
    expect(put.status).toBe(200);
    await fc.assert(
      fc.asyncProperty(acceptLanguage, fc.option(langQuery), async (header, query) => {
        count('Accept-Language / ?lang= values');
        const response = await app.request(`/startup-error/lang${query === null ? '' : `?lang=${query}`}`, {
          headers: { 'accept-language': header },
        });
        expect(response.status, `${header} ${query}`).toBe(200);
        expect(['ru', 'en', 'lv']).toContain(response.headers.get('content-language'));
        const answer = StartupErrorResponse.parse(await response.json());
        expect(['Звоните', 'Call us', 'Zvaniet']).toContain(answer.helpText);
        const status = await app.request('/api/status', { headers: { 'accept-language': header } });
        expect(status.status).toBe(200);
      }),
      { numRuns: 300 },
    );
  });
});

describe('v8i CLI arguments', () => {
  let samples: string;
  beforeAll(async () => {
    samples = await mkdtemp(join(tmpdir(), 'hardening-fuzz-v8i-'));
    await cp(join(import.meta.dirname, '..', 'samples'), samples, { recursive: true });
  });
  afterAll(async () => {
    await rm(samples, { recursive: true, force: true });
  });

  const word = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.constantFrom(
        'list',
        'get',
        'set',
        'unset',
        'apply',
        'sync',
        'check',
        'help',
        '--help',
        '-h',
        '--version',
        '--dry-run',
        '--json',
        '--backup',
        '--help-text',
        '--help-url',
        '--base',
        '--match',
        '--folder',
        '--connect',
        '--id',
        '--from',
        '--map',
        '--lang',
        '--',
        '-',
        '--=',
        '--help-text=',
        '.',
        'ibases.v8i',
        'plans/help.csv',
        'plans/help.json',
        'plans/sync-map.json',
        'no-such-file.v8i',
        '*',
        'Бух*',
        'https://help.example.local',
        'http://127.0.0.1:1',
      ),
    },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  );

  it('main(argv) never throws and exits 0, 1 or 2, whatever the arguments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (argv) => {
        count('v8i argument lists');
        const io = captureIo({
          cwd: samples,
          // No network: a sync gets a refused connection, as it would offline.
          fetch: async () => {
            throw new TypeError('fetch failed (network is off in this test)');
          },
        });
        const code = await main(argv, io);
        expect([0, 1, 2], JSON.stringify(argv)).toContain(code);
        // A usage error says what to do (on stderr, or the help on stdout for a bare `v8i`).
        if (code === 2) expect((io.err() + io.out()).length, JSON.stringify(argv)).toBeGreaterThan(0);
        expect(io.err(), JSON.stringify(argv)).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }),
      { numRuns: 300 },
    );
  });
});
