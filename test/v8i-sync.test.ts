import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StatusResponse } from '../contract/status.ts';
import { captureIo } from '../v8i-tools/src/cli/capture-io.ts';
import { main } from '../v8i-tools/src/cli/main.ts';

const repo = join(import.meta.dirname, '..');

function status(lang: string): StatusResponse {
  const ru = lang === 'ru';
  const base = (key: string, name: string, helpText?: string, helpURL?: string) => ({
    key,
    name,
    state: 'ok' as const,
    active: [],
    upcoming: [],
    ...(helpText ? { helpText } : {}),
    ...(helpURL ? { helpURL } : {}),
  });
  return {
    generatedAt: '2026-11-23T14:00:00+03:00',
    language: lang,
    timeZone: 'Europe/Moscow',
    bases: [
      base(
        '*',
        'All bases',
        ru ? 'Дежурный администратор: +7 (495) 123-45-67' : 'On-call admin: +7 (495) 123-45-67',
        'https://help.corp.local/1c',
      ),
      base('buh', 'бухгалтерия предприятия (корп)', ru ? 'Бухгалтерия: доб. 101' : 'Accounting: ext. 101'),
      base('zup', 'HR', ru ? 'Кадры: доб. 102' : 'HR: ext. 102', 'https://help.corp.local/1c/zup'),
    ],
  };
}

/** A stand-in for the real service: only GET /api/status, plus two ways of not being our service. */
const app = new Hono()
  .get('/api/status', (c) => c.json(status(c.req.query('lang') ?? 'ru')))
  .get('/other/api/status', (c) => c.json({ hello: 'world' }))
  .get('/html/api/status', (c) => c.html('<h1>It works!</h1>'));

let origin: string;
let server: ReturnType<typeof serve>;
let closedOrigin: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  // A port that was just free: nothing listens there.
  const probe = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => probe.once('listening', resolve));
  closedOrigin = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'v8i-sync-'));
  await cp(join(repo, 'samples'), dir, { recursive: true });
  return () => rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const io = captureIo({ cwd: dir });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}
async function helpOf(file: string) {
  const { out } = await run(['get', file, '--json']);
  return Object.fromEntries(
    JSON.parse(out).files[0].bases.map((b: { name: string; values: Record<string, string | null> }) => [
      b.name,
      [b.values.StartupErrorHelpText, b.values.StartupErrorHelpURL],
    ]),
  );
}

describe('v8i sync --from', () => {
  it('fills each base by name (ignoring case), by --map, else the * defaults, in the asked language', async () => {
    await writeFile(join(dir, 'map.csv'), 'base,baseKey\r\nЗарплата и управление персоналом,zup\r\n');
    const { code, err } = await run([
      'sync',
      'ibases.v8i',
      '--from',
      `${origin}/`,
      '--map',
      'map.csv',
      '--lang',
      'en',
    ]);
    expect([code, err]).toEqual([0, 'changed 1 of 1 file (4 bases)\n']);
    expect(await helpOf('ibases.v8i')).toEqual({
      'Бухгалтерия предприятия (КОРП)': ['Accounting: ext. 101', 'https://help.corp.local/1c'],
      'Бухгалтерия — филиал Рига': ['On-call admin: +7 (495) 123-45-67', 'https://help.corp.local/1c'],
      'Зарплата и управление персоналом': ['HR: ext. 102', 'https://help.corp.local/1c/zup'],
      'Демо: Управление торговлей [копия]': [
        'On-call admin: +7 (495) 123-45-67',
        'https://help.corp.local/1c',
      ],
    });
    const again = await run(['sync', 'ibases.v8i', '--from', origin, '--map', 'map.csv', '--lang', 'en']);
    expect(again.err).toBe('changed 0 of 1 file (0 bases)\n');
  });

  it('has the same dry-run safety as set', async () => {
    const before = await readFile(join(dir, 'ibases.v8i'));
    const { code, out } = await run(['sync', '.', '--from', origin, '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain('+StartupErrorHelpText=Бухгалтерия: доб. 101');
    expect(await readFile(join(dir, 'ibases.v8i'))).toEqual(before);
  });

  it('says clearly when the service cannot be reached or is not ours, and changes nothing', async () => {
    const before = await readFile(join(dir, 'ibases.v8i'));
    const down = await run(['sync', 'ibases.v8i', '--from', closedOrigin]);
    expect(down.code).toBe(1);
    expect(down.err).toContain(
      `v8i sync: cannot reach the service at ${closedOrigin} (ECONNREFUSED); nothing was changed`,
    );
    const notFound = await run(['sync', 'ibases.v8i', '--from', `${origin}/nothing`]);
    expect(notFound.err).toContain('/nothing/api/status answered HTTP 404');
    const wrongJson = await run(['sync', 'ibases.v8i', '--from', `${origin}/other`]);
    expect(wrongJson.err).toContain(
      'answered JSON that is not a startup-help status (generatedAt is required)',
    );
    const html = await run(['sync', 'ibases.v8i', '--from', `${origin}/html`]);
    expect(html.err).toContain('did not answer with JSON, so it is not a startup-help service');
    expect([notFound.code, wrongJson.code, html.code]).toEqual([1, 1, 1]);
    expect(await readFile(join(dir, 'ibases.v8i'))).toEqual(before);
  });

  it('gives up after --timeout seconds when the service does not answer, and changes nothing', async () => {
    // Accepts the connection and never answers, like a service stuck behind a firewall rule.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentOrigin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const before = await readFile(join(dir, 'ibases.v8i'));
      const { code, err } = await run(['sync', 'ibases.v8i', '--from', silentOrigin, '--timeout', '1']);
      expect(code).toBe(1);
      expect(err).toContain(
        `cannot reach the service at ${silentOrigin} (no answer within 1 s); nothing was changed`,
      );
      expect(await readFile(join(dir, 'ibases.v8i'))).toEqual(before);
      expect((await run(['sync', '.', '--from', origin, '--timeout', '0'])).code).toBe(2);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses a map naming a base key the service does not know (exit 2)', async () => {
    await writeFile(join(dir, 'map.json'), '{ "Склад": "sklad" }');
    const { code, err } = await run(['sync', '.', '--from', origin, '--map', 'map.json']);
    expect(code).toBe(2);
    expect(err).toContain('the map names base keys the service does not know: sklad (known: *, buh, zup)');
  });

  it('works from the built single file too', async () => {
    const result = await new Promise<{ code: number; err: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(repo, 'dist/v8i.mjs'), 'sync', 'shared', '--from', origin, '--lang', 'ru'],
        { cwd: dir },
        (error, _out, err) => resolve({ code: error ? Number(error.code) : 0, err }),
      );
    });
    expect(result).toEqual({ code: 0, err: 'changed 1 of 1 file (2 bases)\n' });
    expect(await readFile(join(dir, 'shared/common-bases.v8i'), 'utf8')).toContain(
      'StartupErrorHelpText=Дежурный администратор: +7 (495) 123-45-67\nStartupErrorHelpURL=https://help.corp.local/1c\n',
    );
  });
});
