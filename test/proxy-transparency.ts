import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, type EchoOrigin, startEchoOrigin } from './proxy-echo-origin.ts';
import type { ProxyTarget, ProxyTargetOptions } from './proxy-suite.ts';

/**
 * Transparency: requests with unusual but legal headers go through the proxy to an origin that
 * records the bytes it receives and answers with heads written byte for byte. The only differences
 * allowed are hop-by-hop headers and the documented X-Forwarded-* additions (docs/proxy.md), plus,
 * on Workers, what the platform itself does to every header list (see `runtime`).
 */
export type Runtime =
  /** node:http both ways: names keep their case, repeats stay separate, nothing is added. */
  | 'node'
  /**
   * Workers' Headers: the platform writes names in its own case (`Cookie`, `x-odd-case`), joins
   * repeats with ", " (Set-Cookie apart), marks subrequests with `CF-Worker`, and asks the origin
   * for gzip itself (`Accept-Encoding: gzip`), which its `fetch` then decodes.
   */
  | 'workers';

interface RawAnswer {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/** Sends exactly `headers` (case, order, repeats, raw bytes) and returns the answer as it came. */
function send(url: string, headers: [string, string][]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: headers.flat(), setHost: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          pairs.push([res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string]);
        }
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);
const endToEnd = (headers: [string, string][]) =>
  headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()));

/** A header list as Workers' Headers keep it: lower-case names, repeats joined, Set-Cookie apart, sorted. */
function asWorkersHeaders(headers: [string, string][]): [string, string][] {
  const joined = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    joined.set(lower, [...(joined.get(lower) ?? []), value]);
  }
  const list = [...joined].flatMap(([name, values]): [string, string][] =>
    name === 'set-cookie' ? values.map((value) => [name, value]) : [[name, values.join(', ')]],
  );
  return list.sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
}

export function defineTransparencySuite(
  name: string,
  runtime: Runtime,
  start: (options: ProxyTargetOptions) => Promise<ProxyTarget>,
) {
  describe(`proxy mode is transparent: ${name}`, () => {
    let origin: EchoOrigin;
    let target: ProxyTarget;
    let host: string;

    beforeAll(async () => {
      origin = await startEchoOrigin();
      target = await start({ upstreamURL: origin.url, timeoutMs: 5000 });
      host = new URL(target.url).host;
    });
    afterAll(async () => {
      await target?.close();
      await origin?.close();
    });

    /** Node: exactly as listed. Workers: compared as Workers' Headers keep them. */
    const same = (arrived: [string, string][], expected: [string, string][]) =>
      runtime === 'node'
        ? expect(arrived).toEqual(expected)
        : expect(asWorkersHeaders(arrived)).toEqual(asWorkersHeaders(expected));

    it('request headers reach the 1C server as the browser sent them, plus X-Forwarded-*', async () => {
      const sent: [string, string][] = [
        ['Host', host],
        ['Sec-Fetch-Mode', 'navigate'],
        ['Sec-Fetch-Dest', 'document'],
        ['Sec-Fetch-Site', 'none'],
        ['Sec-Fetch-User', '?1'],
        ['X-Odd-Case', 'MiXeD'],
        ['x-dup', '1'],
        ['X-Dup', '2'],
        ['X-Raw', bytes('Отчёт №1')],
        ['Cookie', 'ibsession=1; lang=ru'],
      ];
      // No Accept, User-Agent, Accept-Language or Accept-Encoding: none may appear on the way.
      const answer = await send(`${target.url}/buh/echo?x=%D0%AF&y`, sent);
      expect(answer.status).toBe(200);
      const seen = origin.received.at(-1);
      expect(seen?.line).toBe('GET /buh/echo?x=%D0%AF&y HTTP/1.1');
      const expected: [string, string][] = [
        ['Host', new URL(origin.url).host],
        ...sent.slice(1),
        ['X-Forwarded-For', '127.0.0.1'],
        ['X-Forwarded-Proto', 'http'],
        ['X-Forwarded-Host', host],
      ];
      let arrived = endToEnd(seen?.headers ?? []);
      if (runtime === 'workers') {
        expected.push(['Accept-Encoding', 'gzip']);
        expect(arrived.find(([n]) => n.toLowerCase() === 'cf-worker')).toBeDefined();
        arrived = arrived.filter(([n]) => n.toLowerCase() !== 'cf-worker');
      }
      same(arrived, expected);
    });

    it('response headers reach the browser as the 1C server sent them: nothing added, nothing merged', async () => {
      const answer = await send(`${target.url}/buh/odd`, [['Host', host]]);
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toBe('hello');
      const expected: [string, string][] = [
        ['X-Odd-Case', 'MiXeD'],
        ['x-dup', '1'],
        ['X-Dup', '2'],
        ['Set-Cookie', 'a=1; Path=/'],
        ['Set-Cookie', 'b=2; Path=/'],
        ['Content-Length', '5'],
      ];
      same(endToEnd(answer.headers), expected);
    });

    it('a page without Content-Type stays without one, and a navigation to it is left as it is', async () => {
      const answer = await send(`${target.url}/buh/no-type`, [
        ['Host', host],
        ['Sec-Fetch-Mode', 'navigate'],
      ]);
      expect(answer.headers.find(([name]) => name.toLowerCase() === 'content-type')).toBeUndefined();
      expect(answer.body.toString()).toBe('<html><head></head></html>');
    });

    it('a Location with raw UTF-8 keeps its bytes; only the origin part is replaced', async () => {
      const answer = await send(`${target.url}/buh/redirect`, [['Host', host]]);
      expect(answer.status).toBe(302);
      const location = answer.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
      expect(Buffer.from(location ?? '', 'latin1').toString('utf8')).toBe(
        `${target.publicURL ?? ''}/buh/Отчёт?q=да`,
      );
    });

    it('a WebSocket passes through: text and binary messages come back from the 1C side', async () => {
      const socket = new WebSocket(`${target.url.replace(/^http/, 'ws')}/buh/e1cib/ws`);
      socket.binaryType = 'arraybuffer';
      const messages: (string | ArrayBuffer)[] = [];
      const closed = new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        socket.addEventListener('open', () => resolve());
        socket.addEventListener('error', () => reject(new Error('the WebSocket did not open')));
      });
      const twoBack = new Promise<void>((resolve) =>
        socket.addEventListener('message', (event) => {
          messages.push(event.data as string | ArrayBuffer);
          if (messages.length === 2) resolve();
        }),
      );
      socket.send('привет, 1С');
      socket.send(new Uint8Array([0, 1, 2, 255]));
      await twoBack;
      expect(messages[0]).toBe('привет, 1С');
      expect([...new Uint8Array(messages[1] as ArrayBuffer)]).toEqual([0, 1, 2, 255]);
      socket.close();
      await closed;
      const handshake = origin.received.at(-1);
      expect(handshake?.line).toBe('GET /buh/e1cib/ws HTTP/1.1');
      expect(handshake?.headers.find(([n]) => n.toLowerCase() === 'upgrade')?.[1]).toBe('websocket');
    });
  });
}
