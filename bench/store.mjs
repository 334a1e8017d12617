// The SQL store and the isolated hot path, on the real Node server (dist/server.mjs, as `npm start`):
//  1. POST /api/admin/messages p50 with an empty store and with 10,000 messages + 10,000 audit
//     entries stored (target ≤ 10 ms), for a store of current messages and one of ended history;
//  2. /startup-error p99 while idle, under 4 admin write loops, and under an anonymous
//     `wrk -c8` on /api/status (target ≤ 2× idle), same server, same run. The probe asks at a
//     steady PROBE_RATE (as 1C clients do: now and then, not back to back) without waiting for
//     earlier answers, so a stalled server delays every request in flight, not the probe's clock;
//  3. /startup-error req/s against bare node:http answering the same bytes and headers (≥ 0.9×).
// Each figure is measured ROUNDS times; the median and the spread (min–max) are printed. The two
// cores are shared with other work: read the spread before the median.
//
// Usage: npm run build:server && npm run bench:store
//   ROUNDS=3 DURATION=8 POSTS=300 CONNECTIONS=50 PROBE_RATE=200 PARTS=1,2,3 (defaults); SERVER_CPU=0 LOAD_CPU=1 (pinning;
//   empty = no pinning). Needs wrk (/usr/bin/wrk).
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startBareTwin } from './lib/bare-twin.mjs';
import { cpuSeconds } from './lib/cpu-time.mjs';
import { background, pinned, serviceEnv, waitForOutput } from './lib/processes.mjs';
import { median, quantile } from './lib/statistics.mjs';
import { readWrkReport } from './lib/wrk-report.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const rounds = Number(env.ROUNDS ?? 3);
const duration = Number(env.DURATION ?? 8);
const posts = Number(env.POSTS ?? 300);
const connections = Number(env.CONNECTIONS ?? 50);
const probeRate = Number(env.PROBE_RATE ?? 200);
/** Which parts to run, e.g. PARTS=2 while working on the hot path. */
const parts = (env.PARTS ?? '1,2,3').split(',');
const serverCpu = env.SERVER_CPU ?? '0';
const loadCpu = env.LOAD_CPU ?? '1';
const WRK = '/usr/bin/wrk';
const TOKEN = 'bench-store-token-0123456789abcdef';
const HOUR = 3_600_000;
const BASES = Array.from({ length: 50 }, (_, i) => `base${String(i).padStart(2, '0')}`);
const run = promisify(execFile);

if (!existsSync(WRK)) {
  console.error('bench:store needs wrk (Debian: apt-get install wrk).');
  process.exit(2);
}
if (!existsSync(join(repo, 'dist', 'server.mjs'))) {
  console.error('bench:store runs dist/server.mjs: npm run build:server first.');
  process.exit(2);
}

/** A data file of the earlier JSON format: the service imports it at its first start (fast seeding). */
function seed({ current, ended }) {
  const now = Date.now();
  const messages = [];
  const iso = (t) => new Date(t).toISOString();
  for (let i = 0; i < current + ended; i++) {
    const isCurrent = i < current;
    const start = isCurrent ? now - HOUR + (i % 48) * HOUR : now - (i + 2) * 10 * 60_000;
    const end = isCurrent ? now + (i % 72) * HOUR + HOUR : start + 5 * 60_000;
    messages.push({
      id: `seed-${i}`,
      text: {
        ru: `Плановые работы ${i}. Вход снова будет доступен после {until}.`,
        en: `Planned maintenance ${i}.`,
      },
      bases: i % 10 === 0 ? ['*'] : [BASES[i % BASES.length]],
      startsAt: iso(start),
      displayUntil: iso(end),
      severity: ['maintenance', 'outage', 'info'][i % 3],
      createdAt: iso(start - HOUR),
      updatedAt: iso(start - HOUR),
      createdBy: 'bench',
      version: 1,
    });
  }
  const audit = messages
    .map((m) => ({
      id: `a-${m.id}`,
      at: m.createdAt,
      actor: 'bench',
      action: 'message.create',
      target: m.id,
      after: m,
    }))
    .reverse();
  const settings = {
    defaultLanguage: 'ru',
    timeZone: 'Europe/Moscow',
    helpText: { ru: 'Дежурный администратор: +7 (495) 123-45-67' },
    bases: Object.fromEntries(BASES.map((key) => [key, { name: `База ${key}` }])),
  };
  return { format: 1, revision: 1, settingsVersion: 1, settings, messages, audit };
}

async function startServer(dataDir, data) {
  await mkdir(dataDir, { recursive: true });
  if (data) await writeFile(join(dataDir, 'startup-help.json'), JSON.stringify(data));
  const [command, args] = pinned(serverCpu, process.execPath, ['dist/server.mjs']);
  const child = spawn(command, args, {
    cwd: repo,
    env: serviceEnv(dataDir, TOKEN),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const [, url] = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 'the Node server');
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Every process this script started and has not stopped yet: all of them go when it ends. */
const children = new Set();

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** One HTTP request on a kept-alive connection; resolves with status, headers, body and milliseconds. */
function call(url, path, { method = 'GET', headers = {}, body } = {}) {
  const target = new URL(path, url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(target, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
          ms: performance.now() - started,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
let posted = 0;
const newMessage = () =>
  JSON.stringify({
    text: { ru: `Сообщение из бенчмарка ${posted++}. Вход снова будет доступен после {until}.` },
    bases: [BASES[posted % BASES.length]],
    displayUntil: new Date(Date.now() + 2 * HOUR).toISOString(),
    severity: 'maintenance',
  });

async function postOnce(url) {
  const answer = await call(url, '/api/admin/messages', {
    method: 'POST',
    headers: admin,
    body: newMessage(),
  });
  if (answer.status !== 201) throw new Error(`POST: ${answer.status} ${answer.body}`);
  return answer;
}

const spread = (values, digits = 2) =>
  `median ${median(values).toFixed(digits)} (min ${Math.min(...values).toFixed(digits)}, max ${Math.max(...values).toFixed(digits)})`;

async function wrk(url, { seconds, conns, cpu = loadCpu, load = false }) {
  const started = pinned(cpu, WRK, ['-t1', `-c${conns}`, `-d${seconds}s`, '--latency', url]);
  const [command, args] = load ? background(started) : started;
  const { stdout } = await run(command, args, { encoding: 'utf8' });
  const { rps, p50, p99, errorAnswers, timeouts } = readWrkReport(stdout);
  if (errorAnswers > 0) throw new Error(`wrk saw error answers from ${url}:\n${stdout}`);
  if (timeouts > 0) console.log(`    (wrk: ${timeouts} requests to ${new URL(url).pathname} took over 2 s)`);
  return { rps, p50, p99 };
}

/** Part 1: p50 of sequential POSTs, `posts` of them after 20 to warm up. */
async function postLatency(workDir, label, data) {
  const p50s = [];
  const p99s = [];
  for (let round = 0; round < rounds; round++) {
    const server = await startServer(join(workDir, `post-${label.replace(/\W+/g, '-')}-${round}`), data);
    for (let i = 0; i < 20; i++) await postOnce(server.url);
    const times = [];
    for (let i = 0; i < posts; i++) times.push((await postOnce(server.url)).ms);
    p50s.push(median(times));
    p99s.push(quantile(times, 0.99));
    await server.stop();
  }
  console.log(`  ${label.padEnd(46)} p50 ${spread(p50s)} ms; p99 ${spread(p99s)} ms`);
  return median(p50s);
}

/** Part 1: POST p50 with an empty store, 10,000 current messages, 10,000 ended ones. */
async function writeCost(workDir) {
  console.log(`1. POST /api/admin/messages, ${posts} in a row (target p50 ≤ 10 ms)`);
  const empty = await postLatency(workDir, 'empty store', undefined);
  const current = await postLatency(
    workDir,
    '10,000 current messages + 10,000 audit',
    seed({ current: 10_000, ended: 0 }),
  );
  const history = await postLatency(
    workDir,
    '10,000 ended messages + 10,000 audit',
    seed({ current: 0, ended: 10_000 }),
  );
  console.log(
    `  p50 with 10,000 stored / empty: current ${(current / empty).toFixed(2)}×, history ${(history / empty).toFixed(2)}×`,
  );
}

/** `count` administrators in a loop: create a message, change it, delete it. */
function writeLoops(url, count) {
  let running = true;
  let writes = 0;
  const loop = async () => {
    while (running) {
      const created = JSON.parse((await postOnce(url)).body);
      const patched = await call(url, `/api/admin/messages/${created.id}`, {
        method: 'PATCH',
        headers: { ...admin, 'if-match': `"m${created.version}"` },
        body: JSON.stringify({ severity: 'outage' }),
      });
      await call(url, `/api/admin/messages/${created.id}`, {
        method: 'DELETE',
        headers: { ...admin, 'if-match': patched.headers.etag },
      });
      writes += 3;
    }
  };
  const loops = Array.from({ length: count }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return writes;
    },
  };
}

/**
 * The write loops in a process of their own, pinned like the other load generators, so that they
 * compete with the server only through the server.
 */
async function adminsElsewhere(url, count) {
  const [command, args] = background(
    pinned(loadCpu, process.execPath, [fileURLToPath(import.meta.url), '--write-loops', url, String(count)]),
  );
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  await waitForOutput(child, /looping/, 'the write loops');
  return {
    stop: async () => {
      const done = waitForOutput(child, /writes (\d+)/, 'the write loops');
      child.kill('SIGTERM');
      return Number((await done)[1]);
    },
  };
}

/**
 * A 1C client's view: GET `url` `rate` times a second for `seconds`, each request sent on time
 * whether or not earlier ones were answered, and timed from when it was sent (the probe's own timer
 * jitter is not the server's). Resolves with the latencies in ms.
 */
async function pacedProbe(url, rate, seconds) {
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 8 });
  const interval = 1000 / rate;
  const count = Math.round(rate * seconds);
  const started = performance.now();
  const latencies = [];
  const requests = [];
  for (let i = 0; i < count; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    requests.push(
      new Promise((resolve, reject) => {
        const sent = performance.now();
        const req = request(url, { agent: probeAgent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) reject(new Error(`probe: ${res.statusCode} from ${url}`));
            latencies.push(performance.now() - sent);
            resolve();
          });
        });
        req.on('error', reject);
        req.end();
      }),
    );
  }
  await Promise.all(requests);
  probeAgent.destroy();
  return latencies;
}

/**
 * The paced probe in a process of its own on the load CPU, at normal priority: p99 in ms.
 * PROBE_RATE=0: one connection back to back instead (wrk -c1; the server's core is then never idle).
 */
async function probeElsewhere(url) {
  if (probeRate === 0) return (await wrk(url, { seconds: duration, conns: 1 })).p99;
  const [command, args] = pinned(loadCpu, process.execPath, [
    fileURLToPath(import.meta.url),
    '--probe',
    url,
    String(probeRate),
    String(duration),
  ]);
  const { stdout } = await run(command, args, { encoding: 'utf8' });
  return JSON.parse(stdout).p99;
}

/** Part 2: /startup-error p99 as a 1C client sees it, with and without other load. */
async function isolation(workDir) {
  const server = await startServer(join(workDir, 'isolation'), seed({ current: 50, ended: 2000 }));
  const probe = `${server.url}/startup-error/base07`;
  const status = `${server.url}/api/status`;
  // Warm every path measured (first compiles, first formats), so no round pays for them.
  await wrk(probe, { seconds: 2, conns: 1 });
  await wrk(status, { seconds: 2, conns: 8 });
  const warmLoops = await adminsElsewhere(server.url, 4);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await warmLoops.stop();
  const bare = await bareTwin(server.url, '/startup-error/base07');
  const results = { bare: [], idle: [], writes: [], status: [] };
  let writesPerSecond = [];
  let statusRps = [];
  for (let round = 0; round < rounds; round++) {
    results.bare.push(await probeElsewhere(bare.url));
    results.idle.push(await probeElsewhere(probe));
    const loops = await adminsElsewhere(server.url, 4);
    results.writes.push(await probeElsewhere(probe));
    writesPerSecond = [...writesPerSecond, (await loops.stop()) / duration];
    const crowd = wrk(status, { seconds: duration + 1, conns: 8, load: true });
    results.status.push(await probeElsewhere(probe));
    statusRps = [...statusRps, (await crowd).rps];
  }
  bare.stop();
  await server.stop();
  const idle = median(results.idle);
  // What this machine adds to any answer (timer wake-ups, other work on the cores): the floor.
  console.log(`  bare node:http, same bytes (the machine's floor)  p99 ${spread(results.bare)} ms`);
  console.log(`  idle                                            p99 ${spread(results.idle)} ms`);
  console.log(
    `  4 admin write loops (${median(writesPerSecond).toFixed(0)} writes/s)`.padEnd(50) +
      `p99 ${spread(results.writes)} ms → ${(median(results.writes) / idle).toFixed(2)}× idle (target ≤ 2×)`,
  );
  console.log(
    `  wrk -c8 on /api/status (${median(statusRps).toFixed(0)} req/s)`.padEnd(50) +
      `p99 ${spread(results.status)} ms → ${(median(results.status) / idle).toFixed(2)}× idle (target ≤ 2×)`,
  );
}

/** Bare node:http on the server's CPU answering what the service answered to `path`. */
async function bareTwin(serverURL, path) {
  const first = await call(serverURL, path);
  const { child, url } = await startBareTwin({ cpu: serverCpu, headers: first.headers, body: first.body });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return { url: `${url}${path}`, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

/** Part 3: req/s of /startup-error against bare node:http with the same bytes and headers. */
async function throughput(workDir) {
  const server = await startServer(join(workDir, 'throughput'), seed({ current: 50, ended: 2000 }));
  const target = `${server.url}/startup-error/base07`;
  const bare = await bareTwin(server.url, '/startup-error/base07');
  await wrk(target, { seconds: 2, conns: connections });
  await wrk(bare.url, { seconds: 2, conns: connections });
  const ratios = [];
  const cpuRatios = [];
  /** wrk against `url`, with the CPU time per request of the process `pid` serving it. */
  const measured = async (url, pid) => {
    const before = cpuSeconds(pid);
    const result = await wrk(url, { seconds: duration, conns: connections });
    return { ...result, cpu: (cpuSeconds(pid) - before) / (result.rps * duration) };
  };
  for (let round = 0; round < rounds; round++) {
    const ours = await measured(target, server.pid);
    const reference = await measured(bare.url, bare.pid);
    ratios.push(ours.rps / reference.rps);
    cpuRatios.push(ours.cpu / reference.cpu);
    const µs = (seconds) => (seconds * 1e6).toFixed(1);
    console.log(
      `  round ${round + 1}: ours ${ours.rps.toFixed(0)} req/s (${µs(ours.cpu)} µs CPU each), bare node:http ${reference.rps.toFixed(0)} req/s (${µs(reference.cpu)} µs) → ${(ours.rps / reference.rps).toFixed(2)}×`,
    );
  }
  console.log(`  ours / bare node:http ${spread(ratios)}× (target ≥ 0.9×)`);
  console.log(`  CPU per request, ours / bare node:http ${spread(cpuRatios)}× (≤ 1.11× is ≥ 0.9× the rate)`);
  bare.stop();
  await server.stop();
}

if (process.argv[2] === '--probe') {
  const [url, rate, seconds] = process.argv.slice(3);
  const latencies = await pacedProbe(url, Number(rate), Number(seconds));
  console.log(JSON.stringify({ p50: median(latencies), p99: quantile(latencies, 0.99) }));
  process.exit(0);
}

if (process.argv[2] === '--write-loops') {
  const loops = writeLoops(process.argv[3], Number(process.argv[4]));
  console.log('looping');
  process.once('SIGTERM', async () => {
    console.log(`writes ${await loops.stop()}`);
    process.exit(0);
  });
  await new Promise(() => {});
}

const workDir = await mkdtemp(join(tmpdir(), 'bench-store-'));
try {
  console.log(
    `bench:store — node ${process.version}, ${rounds} rounds, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}, server CPU ${serverCpu || 'any'}, load CPU ${loadCpu || 'any'}`,
  );
  if (parts.includes('1')) await writeCost(workDir);
  if (parts.includes('2')) {
    console.log(
      `2. /startup-error p99, ${probeRate ? `${probeRate} requests/s, each timed from when it was sent` : 'one connection back to back'} (50 bases, 50 current + 2,000 ended messages)`,
    );
    await isolation(workDir);
  }
  if (parts.includes('3')) {
    console.log(`3. /startup-error throughput, wrk -c${connections}, ${duration} s per run`);
    await throughput(workDir);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  agent.destroy();
  await rm(workDir, { recursive: true, force: true }).catch(() => {});
}
