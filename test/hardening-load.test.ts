// An outage herd on the real Node server: thousands of simulated 1C clients — each on a new
// connection, POSTing a small login-error report — hit /startup-error/buh, 64 at a time, while a
// colleague's client reads another base and an administrator changes that base's message. 0 errors;
// latencies, rate and memory are printed (not asserted: two shared cores); report storage stays
// capped; the other base is unaffected. HERD=5000 for a bigger herd.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftovers, type NodeServerProcess, startNodeServer } from './hardening-node-server.ts';

const TOKEN = 'load-admin-token-0123456789abcdef';
const HERD = Number(process.env.HERD ?? 2500);
const CONCURRENCY = 64;
const REPORT = JSON.stringify({
  error: 'Ошибка соединения с сервером 1С:Предприятия',
  client: 'thin 8.3.25',
});

let server: NodeServerProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hardening-load-'));
  server = await startNodeServer(dataDir, { env: { ADMIN_TOKEN: `ops:${TOKEN}`, LOG_LEVEL: 'warn' } });
});

afterAll(async () => {
  await server?.stop();
  killLeftovers();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

/** One 1C client: a fresh TCP connection, one POST, the connection closed. */
function herdRequest(url: URL): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: '/startup-error/buh',
        method: 'POST',
        agent: false,
        headers: {
          connection: 'close',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(REPORT),
          'user-agent': '1CV8C',
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(REPORT);
  });
}

const rssMB = (pid: number | undefined) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

describe('an outage herd on loopback', () => {
  it('answers every client, keeps report storage capped, and leaves other bases unaffected', async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const outage = 'Сервер 1С недоступен. Восстановим к {until}.';
    expect(
      (
        await admin('POST', '/api/admin/messages', {
          text: { ru: outage },
          bases: ['buh'],
          severity: 'outage',
          displayUntil: until,
        })
      ).status,
    ).toBe(201);
    const zupBefore = 'ЗУП работает в обычном режиме.';
    const zupAfter = 'ЗУП: плановые работы в 20:00.';
    expect(
      (
        await admin('POST', '/api/admin/messages', {
          text: { ru: zupBefore },
          bases: ['zup'],
          severity: 'info',
          displayUntil: until,
        })
      ).status,
    ).toBe(201);
    const expectedBuh = await (await fetch(`${server.url}/startup-error/buh`)).text();
    expect(JSON.parse(expectedBuh).userMessage).toMatch(/^Сервер 1С недоступен/);

    const url = new URL(server.url);
    const rssBefore = rssMB(server.child.pid);
    const latencies: number[] = [];
    const failures: string[] = [];
    let sent = 0;
    let halfway: () => void = () => {};
    const half = new Promise<void>((resolve) => {
      halfway = resolve;
    });
    const herdStarted = performance.now();

    // The herd: CONCURRENCY clients, each opening a new connection per report, HERD reports in all.
    const herd = Array.from({ length: CONCURRENCY }, async () => {
      while (sent < HERD) {
        if (++sent === HERD / 2) halfway();
        const started = performance.now();
        try {
          const { status, body } = await herdRequest(url);
          latencies.push(performance.now() - started);
          if (status !== 200 || body !== expectedBuh) failures.push(`${status} ${body.slice(0, 80)}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    });

    // Meanwhile: someone on another base keeps asking, and an admin changes that base's message.
    const zupSeen: string[] = [];
    let herdDone = false;
    const zupClient = (async () => {
      while (!herdDone) {
        const answer = (await (await fetch(`${server.url}/startup-error/zup`)).json()) as {
          userMessage?: string;
        };
        zupSeen.push(answer.userMessage ?? '(none)');
      }
    })();
    await half;
    const change = await admin('POST', '/api/admin/messages', {
      text: { ru: zupAfter },
      bases: ['zup'],
      severity: 'maintenance',
      displayUntil: until,
    });
    expect(change.status).toBe(201);

    await Promise.all(herd);
    const seconds = (performance.now() - herdStarted) / 1000;
    herdDone = true;
    await zupClient;
    const rssAfter = rssMB(server.child.pid);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `hardening load: ${latencies.length} reports in ${seconds.toFixed(1)} s from ${CONCURRENCY} concurrent clients, new connection each ` +
        `(${Math.round(latencies.length / seconds)}/s), ${failures.length} errors; latency p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms (client and server share 2 cores); ` +
        `server RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB; other base: ${zupSeen.length} reads`,
    );

    expect(failures.slice(0, 5)).toEqual([]);
    expect(latencies).toHaveLength(HERD);

    // Report storage is capped: all counted, only the last 1,000 kept, captured requests at 200.
    const reports = (await (await admin('GET', '/api/admin/reports')).json()) as {
      total: number;
      perBase: Record<string, number>;
      recent: unknown[];
    };
    expect(reports.total).toBe(latencies.length);
    expect(reports.perBase.buh).toBe(latencies.length);
    expect(reports.recent).toHaveLength(Math.min(1000, latencies.length));
    const captured = (await (await admin('GET', '/api/admin/requests')).json()) as { requests: unknown[] };
    expect(captured.requests).toHaveLength(200);
    // The caps above are what bound memory; RSS (printed) only gets a sanity ceiling, since V8 grows
    // its heap lazily under load and a few MB of kept reports would not show in it anyway.
    expect(rssAfter - rssBefore).toBeLessThan(256);

    // The other base only ever saw its own messages: the old one, then the admin's change.
    expect(zupSeen.length).toBeGreaterThan(0);
    expect(new Set(zupSeen)).toEqual(new Set(zupSeen.filter((m) => m === zupBefore || m === zupAfter)));
    const firstAfter = zupSeen.indexOf(zupAfter);
    expect(firstAfter).toBeGreaterThanOrEqual(0);
    expect(new Set(zupSeen.slice(firstAfter))).toEqual(new Set([zupAfter]));
    expect(JSON.parse(await (await fetch(`${server.url}/startup-error/buh`)).text())).toEqual(
      JSON.parse(expectedBuh),
    );
  });
});
