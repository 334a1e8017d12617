import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupErrorResponse } from '../contract/startup-error-response.ts';
import * as z from '../contract/zod.ts';
import { type RunningNginx, startNginx } from './nginx.ts';

const SAMPLES = join(import.meta.dirname, '..', 'samples');

describe('samples/startup-error', () => {
  it('holds only valid answers: UTF-8 without BOM, the wire schema and no other field', async () => {
    const files = (await readdir(join(SAMPLES, 'startup-error'))).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const bytes = await readFile(join(SAMPLES, 'startup-error', file));
      expect(bytes[0], file).toBe(0x7b);
      const body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      expect(z.strictObject(StartupErrorResponse.shape).parse(body), file).toEqual(body);
      if (body.userMessage) expect(body.userMessage.length, file).toBeLessThanOrEqual(300);
    }
  });
});

describe('samples/nginx/startup-error-static.conf (the static variant)', () => {
  let dir: string;
  let nginx: RunningNginx | undefined;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'static-nginx-'));
    // nginx workers run as an unprivileged user when the master is root: let them read the files.
    await chmod(dir, 0o755);
    const www = join(dir, 'www');
    await mkdir(www);
    await copyFile(join(SAMPLES, 'startup-error', 'maintenance.json'), join(www, 'startup-error.json'));
    await copyFile(join(SAMPLES, 'startup-error', 'help-only.json'), join(www, 'buh.json'));
    const snippet = (await readFile(join(SAMPLES, 'nginx', 'startup-error-static.conf'), 'utf8')).replaceAll(
      '/var/www/startup-error',
      www,
    );
    await writeFile(join(dir, 'snippet.conf'), snippet);
    nginx = await startNginx(dir, `include ${dir}/snippet.conf;`, '/startup-error');
    url = nginx.url;
  });

  afterAll(async () => {
    nginx?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers GET, POST and HEAD with the JSON file, CORS open; a base without a file gets the common one', async () => {
    const maintenance = JSON.parse(
      await readFile(join(SAMPLES, 'startup-error', 'maintenance.json'), 'utf8'),
    );
    const helpOnly = JSON.parse(await readFile(join(SAMPLES, 'startup-error', 'help-only.json'), 'utf8'));
    for (const [path, method, expected] of [
      ['/startup-error', 'GET', maintenance],
      ['/startup-error', 'POST', maintenance],
      ['/startup-error/buh', 'POST', helpOnly],
      ['/startup-error/buh.json', 'GET', helpOnly],
      ['/startup-error/zup?x=1', 'POST', maintenance],
    ] as const) {
      const response = await fetch(`${url}${path}`, { method, ...(method === 'POST' && { body: 'report' }) });
      expect(response.status, `${method} ${path}`).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.json()).toEqual(expected);
    }
    const head = await fetch(`${url}/startup-error`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const big = await fetch(`${url}/startup-error`, { method: 'POST', body: 'x'.repeat(17 * 1024) });
    expect(big.status).toBe(413);
  });
});
