import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOrigin, startFakeOrigin } from './proxy-fake-origin.ts';
import { rawRequest } from './proxy-http-client.ts';
import { PROXY_ADMIN_TOKEN, publishMessage, startEntry } from './proxy-service-fixture.ts';

/**
 * Absolute links come from configuration, never from the request's Host: a client sending
 * `Host: evil.example` (or a forged X-Forwarded-Host, even with TRUST_PROXY) must not see that name
 * in the proxy's rewritten Location, the kit's statusURL, the friendly page or the feed.
 */
const EVIL = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
const NAVIGATE = { 'sec-fetch-mode': 'navigate', accept: 'text/html' };

describe('PUBLIC_URL: absolute links never come from the Host header (npm start, proxy mode)', () => {
  let origin: FakeOrigin;
  const dirs: string[] = [];
  const services: Awaited<ReturnType<typeof startEntry>>[] = [];

  const start = async (env: Record<string, string>) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'startup-help-public-url-'));
    dirs.push(dataDir);
    const service = await startEntry({
      DATA_DIR: dataDir,
      ADMIN_TOKEN: PROXY_ADMIN_TOKEN,
      UPSTREAM_URL: origin.url,
      TRUST_PROXY: '1',
      ...env,
    });
    services.push(service);
    await publishMessage(service.url);
    return service;
  };

  /** Location of the origin's absolute redirect, the kit's statusURL, the friendly page and the feed. */
  async function linksFor(url: string) {
    const redirect = await rawRequest(`${url}/buh`, { headers: { ...EVIL, ...NAVIGATE } });
    const config = await rawRequest(`${url}/buh/startup-help.config.json`, { headers: EVIL });
    const feed = await rawRequest(`${url}/feed.atom`, { headers: EVIL });
    await origin.setMode('refuse');
    const page = await rawRequest(`${url}/buh/ru_RU/`, { headers: { ...EVIL, ...NAVIGATE } });
    await origin.setMode('ok');
    return {
      location: redirect.headers.get('location'),
      statusURL: ((await config.json()) as { statusURL: string }).statusURL,
      feed: await feed.text(),
      page: `${page.headers.get('content-security-policy')}\n${await page.text()}`,
    };
  }

  beforeAll(async () => {
    origin = await startFakeOrigin();
  });
  afterAll(async () => {
    for (const service of services) {
      const exited = new Promise((resolve) => service.child.once('exit', resolve));
      service.child.kill('SIGTERM');
      await exited;
    }
    await origin?.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('with PUBLIC_URL, every absolute link names it', async () => {
    const service = await start({ PUBLIC_URL: 'https://1c.example.com/' });
    const links = await linksFor(service.url);
    expect(links.location).toBe('https://1c.example.com/buh/ru_RU/');
    expect(links.statusURL).toBe('https://1c.example.com/startup-error/buh');
    expect(links.feed).toContain('<id>https://1c.example.com/feed.atom</id>');
    expect(links.feed).toContain('href="https://1c.example.com/status?lang=');
    expect(links.page).toContain('https://1c.example.com/startup-error/buh');
    for (const text of Object.values(links)) expect(text).not.toContain('evil.example');
  });

  it('without it, a redirect becomes a path and the rest name the listening address (with a warning)', async () => {
    const service = await start({});
    const links = await linksFor(service.url);
    expect(service.output()).toMatch(/PUBLIC_URL is not set: .* Set PUBLIC_URL to the address users open/);
    expect(links.location).toBe('/buh/ru_RU/');
    expect(links.statusURL).toBe(`${service.url}/startup-error/buh`);
    expect(links.feed).toContain(`<id>${service.url}/feed.atom</id>`);
    expect(links.page).toContain(`${service.url}/startup-error/buh`);
    for (const text of Object.values(links)) expect(text).not.toContain('evil.example');
  });

  it('a PUBLIC_URL that is not an origin stops the start and says what to write', async () => {
    const error = await start({ PUBLIC_URL: 'https://1c.example.com/buh/' }).then(
      () => new Error('started'),
      (e: Error) => e,
    );
    expect(error.message).toMatch(/exited with 1/);
    expect(error.message).toMatch(/PUBLIC_URL "https:\/\/1c.example.com\/buh\/" must be an origin only/);
  });
});
