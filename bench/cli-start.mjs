// Cold start of the shipped CLI against the cheapest Node start there is: `dist/v8i.mjs --version`
// vs `node -e ''`, same node binary, runs alternated, median wall time. Target: ≤ 1.5×.
// Also printed, for context only: an empty ES module file (the floor for any CLI shipped as a .mjs)
// and `--help`. Every run is a new process with no V8 compile cache: v8i does not enable one, and
// NODE_COMPILE_CACHE is removed from the children's environment so a caller's setting cannot help.
// Usage: npm run bench:cli   (RUNS=30 by default; build first: npm run build:v8i)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/statistics.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repo, 'dist', 'v8i.mjs');
const runs = Number(process.env.RUNS ?? 30);
if (!existsSync(cli)) {
  console.error('dist/v8i.mjs is missing: run "npm run build:v8i" first.');
  process.exit(1);
}

const env = { ...process.env };
delete env.NODE_COMPILE_CACHE;
const scratch = mkdtempSync(join(tmpdir(), 'cli-start-'));
const emptyModule = join(scratch, 'empty.mjs');
writeFileSync(emptyModule, '');
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Wall time of one process start to exit, in ms; fails loudly if the command fails. */
function timeRun(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const version = timeRun([cli, '--version']).stdout.trim();
// Warm the page cache for both, so neither pays for the first disk read.
for (let i = 0; i < 3; i++) {
  timeRun(['-e', '']);
  timeRun([cli, '--version']);
}
const bare = [];
const ours = [];
const empty = [];
const help = [];
for (let i = 0; i < runs; i++) {
  bare.push(timeRun(['-e', '']).ms);
  ours.push(timeRun([cli, '--version']).ms);
  empty.push(timeRun([emptyModule]).ms);
  help.push(timeRun([cli, '--help']).ms);
}
const b = median(bare);
const o = median(ours);
const ratio = o / b;
const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`CLI cold start: dist/v8i.mjs --version (${version}) vs node -e ''`);
console.log(`  node ${process.version}, ${runs} alternated runs each, load average ${loadAverage}`);
console.log(`  dist/v8i.mjs           ${Math.round(statSync(cli).size / 1024)} KB`);
console.log(`  node -e ''             median ${b.toFixed(1)} ms`);
console.log(
  `  node empty.mjs         median ${median(empty).toFixed(1)} ms  (${(median(empty) / b).toFixed(2)}×)`,
);
console.log(
  `  v8i --help             median ${median(help).toFixed(1)} ms  (${(median(help) / b).toFixed(2)}×)`,
);
console.log(`  v8i --version          median ${o.toFixed(1)} ms`);
console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ 1.5×): ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
