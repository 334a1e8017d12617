// The startup-error hot path against the simplest thing administrators run today: nginx serving the
// same JSON bytes as a static file. Same client (wrk), same settings, runs alternated (A B A B…),
// one CPU each for the server under test and for wrk. Targets: ≥ 0.85× nginx's req/s, p99 ≤ 3 ms.
// A third server, bare node:http with the same bytes and headers, shows Node's own ceiling.
// Also prints the gzipped size of dist/worker/worker.mjs (target ≤ 100 KB).
//
// Usage: npm run bench:status
//   DURATION=10 CONNECTIONS=50 ROUNDS=2 WARMUP=2 NGINX_WORKERS=1 NGINX_ACCESS_LOG=0 (defaults)
//   SERVER_CPU=0 WRK_CPU=1 (taskset pinning; empty = no pinning)

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startBareTwin } from './lib/bare-twin.mjs';
import { pinned, serviceEnv, waitForOutput } from './lib/processes.mjs';
import { median } from './lib/statistics.mjs';
import { readWrkReport } from './lib/wrk-report.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const duration = Number(env.DURATION ?? 10);
const connections = Number(env.CONNECTIONS ?? 50);
const rounds = Number(env.ROUNDS ?? 2);
const warmup = Number(env.WARMUP ?? 2);
const nginxWorkers = Number(env.NGINX_WORKERS ?? 1);
/** 1 = log every request to a file, as Debian's default nginx.conf does; default off (nginx at its fastest). */
const nginxAccessLog = env.NGINX_ACCESS_LOG === '1';
const serverCpu = env.SERVER_CPU ?? '0';
const wrkCpu = env.WRK_CPU ?? '1';
const NGINX = '/usr/sbin/nginx';
const WRK = '/usr/bin/wrk';
const TOKEN = 'bench-admin-token-0123456789abcdef';
const BASE = 'buh';

async function startNodeServer(dataDir) {
  const [command, args] = pinned(serverCpu, process.execPath, ['dist/server.mjs']);
  const child = spawn(command, args, {
    cwd: repo,
    env: serviceEnv(dataDir, TOKEN),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, url] = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 'the Node server');
  return { child, url };
}

/** What an administrator posts during an outage: a message with a deadline for one base. */
async function postMessage(url) {
  const settings = await fetch(`${url}/api/admin/settings`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const put = await fetch(`${url}/api/admin/settings`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'if-match': settings.headers.get('etag') ?? '',
    },
    body: JSON.stringify({
      defaultLanguage: 'ru',
      timeZone: 'Europe/Moscow',
      helpText: { ru: 'Дежурный администратор: +7 (495) 123-45-67' },
      helpURL: 'https://help.example.local/1c',
      bases: { [BASE]: { name: 'Бухгалтерия' } },
    }),
  });
  if (put.status !== 200) throw new Error(`PUT settings: ${put.status} ${await put.text()}`);
  const response = await fetch(`${url}/api/admin/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      text: { ru: 'Идут плановые работы. Вход снова будет доступен после {until}.' },
      bases: [BASE],
      displayUntil: new Date(Date.now() + 6 * 3600_000).toISOString(),
      severity: 'maintenance',
    }),
  });
  if (response.status !== 201) throw new Error(`POST message: ${response.status} ${await response.text()}`);
}

async function startNginx(prefix, body) {
  const root = join(prefix, 'html', 'startup-error');
  await mkdir(root, { recursive: true });
  await mkdir(join(prefix, 'logs'), { recursive: true });
  await mkdir(join(prefix, 'tmp'), { recursive: true });
  await writeFile(join(root, BASE), body);
  // Find a free port by letting the kernel pick one, then hand it to nginx (it cannot listen on 0).
  const { createServer } = await import('node:net');
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  // The static variant of today: one JSON file, served as is.
  const conf = `daemon off;
master_process on;
worker_processes ${nginxWorkers};
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${nginxAccessLog ? `${prefix}/logs/access.log` : 'off'};
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${prefix}/tmp;
  proxy_temp_path ${prefix}/tmp;
  fastcgi_temp_path ${prefix}/tmp;
  uwsgi_temp_path ${prefix}/tmp;
  scgi_temp_path ${prefix}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/html;
    location /startup-error/ {
      default_type 'application/json; charset=utf-8';
      add_header Access-Control-Allow-Origin *;
    }
  }
}
`;
  await writeFile(join(prefix, 'nginx.conf'), conf);
  const [command, args] = pinned(serverCpu, NGINX, [
    '-p',
    prefix,
    '-c',
    join(prefix, 'nginx.conf'),
    '-e',
    join(prefix, 'logs', 'error.log'),
  ]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/startup-error/${BASE}`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { child, url };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = await readFile(join(prefix, 'logs', 'error.log'), 'utf8').catch(() => '');
  throw new Error(`nginx did not start:\n${log}`);
}

function runWrk(url, seconds) {
  const [command, args] = pinned(wrkCpu, WRK, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url]);
  const out = execFileSync(command, args, { encoding: 'utf8' });
  const { rps, p50, p99, errorAnswers, socketErrors } = readWrkReport(out);
  if (errorAnswers > 0 || socketErrors) throw new Error(`wrk saw errors against ${url}:\n${out}`);
  return { rps, p50, p99 };
}

const fmt = (r) =>
  `${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms`;

const workDir = await mkdtemp(join(tmpdir(), 'bench-status-'));
// nginx workers drop root for "nobody": they must be able to read the file.
await chmod(workDir, 0o755);
const children = [];
try {
  const node = await startNodeServer(join(workDir, 'data'));
  children.push(node.child);
  await postMessage(node.url);
  const target = `${node.url}/startup-error/${BASE}`;
  const first = await fetch(target);
  const body = Buffer.from(await first.arrayBuffer());
  if (!body.toString('utf8').includes('userMessage')) throw new Error(`no message in the answer: ${body}`);
  const nginx = await startNginx(join(workDir, 'nginx'), body);
  children.push(nginx.child);
  const reference = `${nginx.url}/startup-error/${BASE}`;
  const same = Buffer.from(await (await fetch(reference)).arrayBuffer());
  if (!same.equals(body)) throw new Error('nginx does not serve the same bytes');
  const bare = await startBareTwin({ cpu: serverCpu, headers: Object.fromEntries(first.headers), body });
  children.push(bare.child);
  const ceiling = `${bare.url}/startup-error/${BASE}`;

  console.log(
    `startup-error hot path vs ${spawnSync(NGINX, ['-v'], { encoding: 'utf8' })
      .stderr.trim()
      .replace(/^nginx version: /, '')} (static file)`,
  );
  console.log(
    `  body ${body.length} bytes; wrk -t1 -c${connections} -d${duration}s, ${rounds} alternated rounds after ${warmup} s warm-up each; nginx worker_processes ${nginxWorkers}, access log ${nginxAccessLog ? 'on' : 'off'}; server CPU ${serverCpu || 'any'}, wrk CPU ${wrkCpu || 'any'}`,
  );
  console.log(
    `  node ${process.version}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  runWrk(reference, warmup);
  runWrk(target, warmup);
  runWrk(ceiling, warmup);
  const results = { nginx: [], ours: [], bare: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const [name, url] of [
      ['nginx', reference],
      ['ours', target],
      ['bare', ceiling],
    ]) {
      const result = runWrk(url, duration);
      results[name].push(result);
      console.log(`  round ${round} ${name.padEnd(5)} ${fmt(result)}`);
    }
  }
  const summary = (list) => ({
    rps: median(list.map((r) => r.rps)),
    p50: median(list.map((r) => r.p50)),
    p99: median(list.map((r) => r.p99)),
  });
  const n = summary(results.nginx);
  const o = summary(results.ours);
  const b = summary(results.bare);
  const ratio = o.rps / n.rps;
  console.log(`  median nginx ${fmt(n)}`);
  console.log(`  median ours  ${fmt(o)}`);
  console.log(`  median bare  ${fmt(b)}   (node:http, same bytes and headers, no framework: Node's ceiling)`);
  console.log(
    `  ratio ours/nginx ${ratio.toFixed(2)}× (target ≥ 0.85×): ${ratio >= 0.85 ? 'met' : 'MISSED'}`,
  );
  console.log(`  ours p99 ${o.p99.toFixed(2)} ms (target ≤ 3 ms): ${o.p99 <= 3 ? 'met' : 'MISSED'}`);
  console.log(
    `  bare node:http / nginx ${(b.rps / n.rps).toFixed(2)}×; ours / bare node:http ${(o.rps / b.rps).toFixed(2)}× (the framework's share)`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await rm(workDir, { recursive: true, force: true }).catch(() => {});
}

const bundle = join(repo, 'dist', 'worker', 'worker.mjs');
if (existsSync(bundle)) {
  const raw = readFileSync(bundle);
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(
    `dist/worker/worker.mjs: ${(raw.length / 1024).toFixed(1)} KB, gzipped ${(gz / 1024).toFixed(1)} KB (target ≤ 100 KB): ${gz <= 100 * 1024 ? 'met' : 'MISSED'}`,
  );
} else {
  console.log('dist/worker/worker.mjs: not built (npm run build:worker)');
}
