import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTcpConnect } from './node-tcp-connect.ts';
import { createProbe } from './probe.ts';

let web: Server;
let webPort = 0;
const tcp = createTcpServer((socket) => socket.end());
let tcpPort = 0;
let closedPort = 0;

beforeAll(async () => {
  web = createHttpServer((req, res) => {
    if (req.url === '/login') return void res.writeHead(302, { location: '/buh/ru_RU/e1cib/login' }).end();
    if (req.url === '/broken') return void res.writeHead(503).end('down');
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 3_000).unref();
    if (req.url === '/forbidden') return void res.writeHead(403).end();
    res.end('<html>1C</html>');
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webPort = (web.address() as AddressInfo).port;
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  tcpPort = (tcp.address() as AddressInfo).port;
  const spare = createTcpServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise((resolve) => spare.close(resolve));
});

afterAll(async () => {
  web.closeAllConnections();
  await new Promise((resolve) => web.close(resolve));
  await new Promise((resolve) => tcp.close(resolve));
});

const probe = createProbe({ fetch, tcpConnect: nodeTcpConnect });
const http = (path: string, timeoutSeconds = 2) =>
  probe({ kind: 'http', target: `http://127.0.0.1:${webPort}${path}`, timeoutSeconds });

describe('probes', () => {
  it('http: any answer below 500 is up, a redirect is not followed', async () => {
    expect(await http('/buh/ru_RU/')).toMatchObject({ ok: true });
    expect(await http('/login')).toMatchObject({ ok: true });
    expect(await http('/forbidden')).toMatchObject({ ok: true });
  });

  it('http: a 5xx, no answer within the timeout, or nothing listening is down, with why', async () => {
    expect(await http('/broken')).toMatchObject({ ok: false, problem: 'HTTP 503' });
    const slow = await http('/slow', 1);
    expect(slow).toMatchObject({ ok: false, problem: 'no answer within 1 s' });
    expect(slow.ms).toBeLessThan(2_500);
    const refused = await probe({
      kind: 'http',
      target: `http://127.0.0.1:${closedPort}/`,
      timeoutSeconds: 2,
    });
    expect(refused).toMatchObject({ ok: false, problem: 'connection refused: nothing listens on that port' });
  });

  it('tcp: up when the connection opens, down when refused', async () => {
    expect(await probe({ kind: 'tcp', target: `127.0.0.1:${tcpPort}`, timeoutSeconds: 2 })).toMatchObject({
      ok: true,
    });
    expect(await probe({ kind: 'tcp', target: `127.0.0.1:${closedPort}`, timeoutSeconds: 2 })).toMatchObject({
      ok: false,
      problem: 'connection refused: nothing listens on that port',
    });
  });

  it('tcp: bounded by the timeout when the connection neither opens nor fails', async () => {
    const hanging = createProbe({ fetch, tcpConnect: () => new Promise(() => undefined) });
    const result = await hanging({ kind: 'tcp', target: 'srv.example:1540', timeoutSeconds: 1 });
    expect(result).toMatchObject({ ok: false, problem: 'no answer within 1 s' });
  });
});
