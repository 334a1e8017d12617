// Proxy mode against what administrators run today and against Node's own ceiling, same run:
//   - nginx `proxy_pass` with upstream keep-alive, as samples/nginx/1c-front-friendly-page.conf sets
//     it up (the usual front of a 1C web server, asking startup-help only when 1C fails);
//   - a minimal node:http streaming proxy with a keep-alive agent (what any Node proxy can reach);
//   - ours (`npm start` with UPSTREAM_URL) for a 27 KB script, and for an HTML navigation, where the
//     register-sw.js tag is injected (the minimal proxy passes that page as it is).
// Upstream: nginx serving the script and a small web-client page as static files. Every proxy runs
// pinned to the same CPU (PROXY_CPU); the upstream nginx and wrk share the other (OTHER_CPU).
// Targets: ours ≥ 0.9× the node:http proxy (req/s) for both paths, p99 ≤ 2× its p99.
//
// Usage: npm run bench:proxy
//   DURATION=8 CONNECTIONS=20 ROUNDS=3 WARMUP=2 (defaults); PROXY_CPU=0 OTHER_CPU=1 (empty = no pinning)
//   ONLY=navigation runs only the rows whose name contains it (the summary needs both of a pair)
//   PROFILE=1 writes a CPU profile of ours (node --cpu-prof) to a temporary folder it prints
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frontConfig } from '../test/proxy-nginx-front-config.ts';
import { cpuSeconds } from './lib/cpu-time.mjs';
import { freePort, pinned, serviceEnv, waitForOutput } from './lib/processes.mjs';
import { median } from './lib/statistics.mjs';
import { readWrkReport } from './lib/wrk-report.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const duration = Number(env.DURATION ?? 8);
const connections = Number(env.CONNECTIONS ?? 20);
const rounds = Number(env.ROUNDS ?? 3);
const warmup = Number(env.WARMUP ?? 2);
const proxyCpu = env.PROXY_CPU ?? '0';
const otherCpu = env.OTHER_CPU ?? '1';
const profile = env.PROFILE === '1';
const only = env.ONLY ?? '';
const NGINX = '/usr/sbin/nginx';
const WRK = '/usr/bin/wrk';
const TOKEN = 'bench-admin-token-0123456789abcdef';

const SCRIPT_PATH = '/buh/e1cib/scripts/app.js';
const PAGE_PATH = '/buh/ru_RU/';
const NAVIGATE = ['Sec-Fetch-Mode: navigate', 'Sec-Fetch-Dest: document', 'Accept: text/html'];

/** A 27 KB script of the web client's kind: text that compresses, served as it is (no gzip here). */
const SCRIPT = (() => {
  const lines = [];
  for (let i = 0; lines.join('\n').length < 27 * 1024; i++) {
    lines.push(
      `function e1c_${i}(a,b){return a.concat(b).map(function(x){return x*${i % 97}+"${'ф'.repeat(i % 7)}";});}`,
    );
  }
  return `${lines.join('\n').slice(0, 27 * 1024)}\n`;
})();
const PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>1С:Предприятие</title>' +
  '<link rel="stylesheet" href="e1cib/styles/main.css"></head>' +
  `<body><div id="app">${'<div class="row">Бухгалтерия предприятия</div>'.repeat(20)}</div>` +
  `<script src="e1cib/scripts/app.js"></script></body></html>`;

/** nginx in the foreground under `prefix`; `http(port)` is the inside of `http { }`, listening on `port`. */
async function startNginx(prefix, cpu, http, readyPath, port = undefined) {
  await mkdir(join(prefix, 'logs'), { recursive: true });
  await mkdir(join(prefix, 'tmp'), { recursive: true });
  port ??= await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${prefix}/tmp;`)
    .join(' ');
  await writeFile(
    join(prefix, 'nginx.conf'),
    `daemon off; master_process on; worker_processes 1; pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; ${temp}
${http(port)}
}
`,
  );
  const [command, args] = pinned(cpu, NGINX, [
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
    if (
      await fetch(`${url}${readyPath}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `nginx did not start:\n${await readFile(join(prefix, 'logs', 'error.log'), 'utf8').catch(() => '')}`,
  );
}

/** The 1C web server stand-in: the publication's page and script as static files. */
async function startUpstream(prefix) {
  const root = join(prefix, 'html');
  await mkdir(join(root, 'buh', 'ru_RU'), { recursive: true });
  await mkdir(join(root, 'buh', 'e1cib', 'scripts'), { recursive: true });
  await writeFile(join(root, 'buh', 'ru_RU', 'index.html'), PAGE);
  await writeFile(join(root, SCRIPT_PATH), SCRIPT);
  return startNginx(
    prefix,
    otherCpu,
    (port) => `server {
    listen 127.0.0.1:${port};
    root ${root};
    charset utf-8; charset_types text/html application/javascript;
    types { text/html html; application/javascript js; }
  }`,
    PAGE_PATH,
  );
}

/**
 * What administrators run: nginx proxying the 1C web server with keep-alive — here exactly
 * samples/nginx/1c-front-friendly-page.conf, which asks startup-help only when 1C fails (never here).
 */
async function startNginxFront(prefix, upstream) {
  const config = (port) => frontConfig({ port, onec: new URL(upstream).host, startupHelp: '127.0.0.1:9' });
  const port = await freePort();
  const text = await config(port);
  return startNginx(prefix, proxyCpu, () => text, PAGE_PATH, port);
}

/** Node's ceiling for a proxy: node:http in both directions, a keep-alive agent, bodies piped. */
async function startNodeProxy(upstream) {
  const { hostname, port } = new URL(upstream);
  const code = `
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
http.createServer((req, res) => {
  const up = http.request({ host: ${JSON.stringify(hostname)}, port: ${port}, method: req.method, path: req.url, headers: req.headers, agent }, (u) => {
    res.writeHead(u.statusCode, u.rawHeaders);
    u.pipe(res);
  });
  up.on('error', () => { res.writeHead(502); res.end(); });
  req.pipe(up);
}).listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });`;
  const [command, args] = pinned(proxyCpu, process.execPath, ['-e', code]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const [, listening] = await waitForOutput(child, /port (\d+)/, 'the node:http proxy');
  return { child, url: `http://127.0.0.1:${listening}` };
}

/** `npm start` with UPSTREAM_URL: dist/server.mjs (built if stale) with the kit beside it. */
async function startOurs(dataDir, upstream, profileDir) {
  // The kit proxy mode serves (dist/client-sw/default/); `sw` builds it, and only without --if-stale.
  if (!existsSync(join(repo, 'dist', 'client-sw', 'default', 'sw.js'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', 'sw'], { cwd: repo, stdio: 'ignore' });
  }
  execFileSync(process.execPath, ['scripts/build.mjs', 'server', '--if-stale'], {
    cwd: repo,
    stdio: 'ignore',
  });
  const [command, args] = pinned(proxyCpu, process.execPath, [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    'dist/server.mjs',
  ]);
  const child = spawn(command, args, {
    cwd: repo,
    env: serviceEnv(dataDir, TOKEN, { UPSTREAM_URL: upstream }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, url] = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 'the service');
  return { child, url };
}

function runWrk(url, seconds, headers = [], pid = undefined) {
  const cpuBefore = pid === undefined ? 0 : cpuSeconds(pid);
  const [command, args] = pinned(otherCpu, WRK, [
    '-t1',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    ...headers.flatMap((header) => ['-H', header]),
    url,
  ]);
  const out = execFileSync(command, args, { encoding: 'utf8' });
  const cpu = pid === undefined ? Number.NaN : cpuSeconds(pid) - cpuBefore;
  const { requests, rps, p50, p99, errorAnswers, socketErrors } = readWrkReport(out);
  if (errorAnswers > 0 || socketErrors) throw new Error(`wrk saw errors against ${url}:\n${out}`);
  // CPU time per request: what the proxy itself costs, less disturbed by other work on shared cores.
  return { rps, p50, p99, cpuUs: (cpu * 1e6) / requests };
}

const spread = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
const fmt = (r) =>
  `${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms`;

/**
 * Checks every path gives the expected bytes before anything is timed. node:http, not fetch: fetch
 * would turn `Sec-Fetch-Mode: navigate` into `cors`, and the page would not count as a navigation.
 */
function check(url, path, headers, expected) {
  return new Promise((resolve, reject) => {
    const request = get(
      `${url}${path}`,
      { headers: Object.fromEntries(headers.map((h) => h.split(': '))) },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode === 200 && expected(body)) resolve();
          else
            reject(
              new Error(`${url}${path}: unexpected answer ${response.statusCode}\n${body.slice(0, 300)}`),
            );
        });
      },
    );
    request.on('error', reject);
  });
}

const workDir = await mkdtemp(join(tmpdir(), 'bench-proxy-'));
await chmod(workDir, 0o755); // nginx workers drop to "nobody" and must read the files
const children = [];
try {
  const upstream = await startUpstream(join(workDir, 'upstream'));
  children.push(upstream.child);
  const nginxProxy = await startNginxFront(join(workDir, 'front'), upstream.url);
  children.push(nginxProxy.child);
  const nodeProxy = await startNodeProxy(upstream.url);
  children.push(nodeProxy.child);
  const profileDir = profile ? await mkdtemp(join(tmpdir(), 'bench-proxy-profile-')) : undefined;
  if (profileDir) console.log(`  CPU profile of ours: ${profileDir} (written when it stops)`);
  const ours = await startOurs(join(workDir, 'data'), upstream.url, profileDir);
  children.push(ours.child);

  const injected = (body) => body.includes('/buh/register-sw.js') && body.includes('Бухгалтерия');
  for (const { url } of [nginxProxy, nodeProxy, ours])
    await check(url, SCRIPT_PATH, [], (body) => body === SCRIPT);
  await check(ours.url, PAGE_PATH, NAVIGATE, injected);
  await check(nodeProxy.url, PAGE_PATH, NAVIGATE, (body) => body === PAGE);

  const rows = [
    ['nginx front (sample conf), script', nginxProxy, SCRIPT_PATH, []],
    ['node:http proxy, script', nodeProxy, SCRIPT_PATH, []],
    ['ours, script', ours, SCRIPT_PATH, []],
    ['node:http proxy, HTML navigation', nodeProxy, PAGE_PATH, NAVIGATE],
    ['ours, HTML navigation (injected)', ours, PAGE_PATH, NAVIGATE],
  ].filter(([name]) => name.includes(only));
  const nginxVersion = spawnSync(NGINX, ['-v'], { encoding: 'utf8' })
    .stderr.trim()
    .replace(/^nginx version: /, '');
  console.log(
    `proxy mode vs ${nginxVersion} proxy_pass and a minimal node:http proxy (upstream: nginx, static files)`,
  );
  console.log(
    `  script ${SCRIPT.length} bytes, page ${Buffer.byteLength(PAGE)} bytes; wrk -t1 -c${connections} -d${duration}s, ${rounds} alternated rounds after ${warmup} s warm-up; proxies on CPU ${proxyCpu || 'any'}, upstream and wrk on CPU ${otherCpu || 'any'}`,
  );
  console.log(
    `  node ${process.version}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  for (const [, server, path, headers] of rows) runWrk(`${server.url}${path}`, warmup, headers);
  const results = new Map(rows.map(([name]) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const [name, server, path, headers] of rows) {
      const result = runWrk(`${server.url}${path}`, duration, headers, server.child.pid);
      results.get(name).push(result);
      console.log(`  round ${round}  ${name.padEnd(36)} ${fmt(result)}`);
    }
  }
  const summary = (name) => {
    const list = results.get(name);
    return {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      cpuUs: median(list.map((r) => r.cpuUs)),
      rpsSpread: spread(list.map((r) => r.rps)),
    };
  };
  console.log('  median of the rounds (min–max req/s):');
  for (const [name] of rows) {
    const s = summary(name);
    console.log(`    ${name.padEnd(36)} ${fmt(s)}   (${s.rpsSpread})`);
  }
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const ran = (name) => results.has(name);
  const nginxName = 'nginx front (sample conf), script';
  // Ratios are taken round by round (ours right after its reference, under the same load), then
  // their median and spread: steadier than a ratio of medians when other work comes and goes.
  const perRound = (oursName, refName, field) =>
    results.get(oursName).map((o, round) => o[field] / results.get(refName)[round][field]);
  const range = (values) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  for (const [oursName, refName] of [
    ['ours, script', 'node:http proxy, script'],
    ['ours, HTML navigation (injected)', 'node:http proxy, HTML navigation'],
  ]) {
    if (!ran(oursName) || !ran(refName)) continue;
    const rps = perRound(oursName, refName, 'rps');
    const p99 = perRound(oursName, refName, 'p99');
    const cpu = perRound(oursName, refName, 'cpuUs');
    const versusNginx = ran(nginxName)
      ? `, ${(summary(oursName).rps / summary(nginxName).rps).toFixed(2)}× nginx`
      : '';
    console.log(`  ${oursName} vs the node:http proxy, per round (median, min–max):`);
    console.log(
      `    req/s ${median(rps).toFixed(2)}× (${range(rps)}; target ≥ 0.9×: ${verdict(median(rps) >= 0.9)})${versusNginx}`,
    );
    console.log(
      `    p99 ${median(p99).toFixed(2)}× (${range(p99)}; target ≤ 2×: ${verdict(median(p99) <= 2)})`,
    );
    console.log(
      `    CPU per request ${median(cpu).toFixed(2)}× (${range(cpu)}): ${(1 / median(cpu)).toFixed(2)}× its throughput on a core of its own`,
    );
  }
  if (ran(nginxName) && ran('node:http proxy, script')) {
    const ratio = summary('node:http proxy, script').rps / summary(nginxName).rps;
    console.log(`  node:http proxy / nginx (script): ${ratio.toFixed(2)}× (Node's own share of the gap)`);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await rm(workDir, { recursive: true, force: true }).catch(() => {});
}
