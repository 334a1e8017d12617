// Cold start of the shipped CLI against the cheapest Node start there is: `dist/v8i.mjs --version`
// vs `node -e ''`, same node binary, runs alternated, median wall time. Target: ≤ 1.5×.
// Usage: npm run bench:cli   (RUNS=30 by default; build first: npm run build:v8i)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repo, 'dist', 'v8i.mjs');
const runs = Number(process.env.RUNS ?? 30);
if (!existsSync(cli)) {
  console.error('dist/v8i.mjs is missing: run "npm run build:v8i" first.');
  process.exit(1);
}

/** Wall time of one process start to exit, in ms; fails loudly if the command fails. */
function timeRun(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const version = timeRun([cli, '--version']).stdout.trim();
// Warm the page cache for both, so neither pays for the first disk read.
for (let i = 0; i < 3; i++) {
  timeRun(['-e', '']);
  timeRun([cli, '--version']);
}
const bare = [];
const ours = [];
for (let i = 0; i < runs; i++) {
  bare.push(timeRun(['-e', '']).ms);
  ours.push(timeRun([cli, '--version']).ms);
}
const b = median(bare);
const o = median(ours);
const ratio = o / b;
console.log(`CLI cold start: dist/v8i.mjs --version (${version}) vs node -e ''`);
console.log(
  `  node ${process.version}, ${runs} alternated runs each, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
console.log(`  node -e ''             median ${b.toFixed(1)} ms`);
console.log(`  v8i --version          median ${o.toFixed(1)} ms`);
console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ 1.5×): ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
