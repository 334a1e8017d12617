import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { silentLogger } from '../server/src/domain/logger.ts';
import { openNodeStore } from '../server/src/store/open-node-store.ts';
import { captureIo } from '../v8i-tools/src/cli/capture-io.ts';
import { main } from '../v8i-tools/src/cli/main.ts';

// One source of truth: the help an administrator saves in the service's settings is what
// `v8i sync` writes into the base lists, so the thin client's offline fallback says the same.
const repo = join(import.meta.dirname, '..');
const TOKEN = 'sync-e2e-admin-token-0123456789';
const IVANOV = 'profiles/ivanov/AppData/Roaming/1C/1CEStart/ibases.v8i';
const SIDOROV = 'profiles/sidorov/AppData/Roaming/1C/1CEStart/ibases.v8i';

let origin: string;
let server: ReturnType<typeof serve>;
let dataDir: string;
let work: string;
let closeStore: () => Promise<void>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sync-service-data-'));
  work = await mkdtemp(join(tmpdir(), 'sync-service-lists-'));
  await cp(join(repo, 'samples'), work, { recursive: true });
  const store = await openNodeStore({ dir: dataDir, logger: silentLogger });
  closeStore = () => store.close();
  const app = createApp({
    store,
    verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]),
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  const settings = {
    defaultLanguage: 'ru',
    timeZone: 'Europe/Moscow',
    helpText: {
      ru: 'Дежурный администратор: +7 (495) 123-45-67',
      en: 'On-call administrator: +7 495 123-45-67',
    },
    helpURL: 'https://help.example.local/1c',
    bases: {
      zup: {
        name: 'Зарплата и управление персоналом',
        helpText: { ru: 'Отдел кадров: доб. 102', en: 'HR: ext. 102' },
        helpURL: 'https://help.example.local/1c/zup',
      },
    },
  };
  const put = await fetch(`${origin}/api/admin/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  expect(put.status, await put.clone().text()).toBe(200);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeStore();
  await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

async function v8i(argv: string[]) {
  const io = captureIo({ cwd: work });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('v8i sync against the real startup-help service', () => {
  it('writes the per-base help to the matching base and the defaults to the others', async () => {
    const before = await readFile(join(work, IVANOV));
    const synced = await v8i(['sync', 'profiles', '--from', origin]);
    expect(synced.err).toMatch(/changed 3 of 3 files/);
    expect(synced.code).toBe(0);

    const ivanov = await readFile(join(work, IVANOV), 'utf8');
    // The base the settings name gets its own help; every other base gets the service defaults.
    expect(ivanov).toContain(
      '[Зарплата и управление персоналом]\r\nConnect=ws="https://1c.corp.local/zup";\r\n',
    );
    const zupSection = ivanov.slice(ivanov.indexOf('[Зарплата и управление персоналом]'));
    expect(zupSection).toMatch(/StartupErrorHelpText=Отдел кадров: доб\. 102\r\n/);
    expect(zupSection).toMatch(/StartupErrorHelpURL=https:\/\/help\.example\.local\/1c\/zup\r\n/);
    const buhSection = ivanov.slice(
      ivanov.indexOf('[Бухгалтерия предприятия (КОРП)]'),
      ivanov.indexOf('[Бухгалтерия — филиал Рига]'),
    );
    expect(buhSection).toContain('StartupErrorHelpText=Дежурный администратор: +7 (495) 123-45-67\r\n');
    expect(buhSection).toContain('StartupErrorHelpURL=https://help.example.local/1c\r\n');
    // Lossless: the BOM and everything that was there before survive.
    expect(ivanov.charCodeAt(0)).toBe(0xfeff);
    expect(ivanov).toContain(
      'AdditionalParameters=/UC"код;доступа#1" /DisableStartupMessages /N"Иванов И.И."',
    );
    expect(Buffer.from(ivanov).length).toBeGreaterThan(before.length);

    const sidorov = await readFile(join(work, SIDOROV), 'utf8');
    expect(sidorov).toContain('StartupErrorHelpText=Отдел кадров: доб. 102\n');
  });

  it('reports unchanged on a second run and follows --lang', async () => {
    const again = await v8i(['sync', 'profiles', '--from', origin]);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/changed 0 of 3 files/);

    const english = await v8i(['sync', SIDOROV, '--from', origin, '--lang', 'en']);
    expect(english.code).toBe(0);
    expect(await readFile(join(work, SIDOROV), 'utf8')).toContain('StartupErrorHelpText=HR: ext. 102\n');
  });
});
