// Bulk benchmark for `v8i set`. Prints ratios against references measured in the same run:
//   1. v8i set (dist/v8i.mjs, a new process each time) over FILES generated lists (~3.4 KB, 10 bases
//      each, BOM + CRLF) vs a careful plain editor doing the same safe write without understanding
//      the file (bench/careful-editor.mjs, also a new process that finds the files itself: read,
//      write a temp file next to it, fsync, rename) — same parallelism. Target: ≤ 1.5×.
//      ROUNDS rounds, the order alternating; each round's ratio is printed, then the median and spread.
//   2. For the earlier figure: v8i vs a plain read-then-write in place (no temp file, no fsync, no checks).
//   3. If crudini is installed: one `crudini --merge` per file on 200 files vs v8i's time per file.
// Usage: npm run bench:v8i   (FILES=3000 ROUNDS=3 JOBS=16 by default; V8I_BIN=other/v8i.mjs compares
// another build, e.g. an older one; dist/v8i.mjs is built when missing)
process.env.UV_THREADPOOL_SIZE ??= '32'; // as v8i sets it for itself, so both sides get the same pool

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/statistics.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = Number(process.env.FILES ?? 3000);
const rounds = Number(process.env.ROUNDS ?? 3);
const jobs = Number(process.env.JOBS ?? 16);
const crudiniFiles = 200;
const url = 'https://help.corp.local/1c';
const textFor = (round) => `Дежурный администратор: +7 (495) 123-45-${String(60 + round).padStart(2, '0')}`;

function baseList(n) {
  const lines = [];
  for (let b = 0; b < 10; b++) {
    const id = `${String(n).padStart(8, '0')}-0000-4000-8000-${String(b).padStart(12, '0')}`;
    lines.push(
      `[Бухгалтерия предприятия ${b} (профиль ${n})]`,
      `Connect=Srvr="srv1c-${b}.corp.local";Ref="buh_${b}";`,
      `ID=${id}`,
      `OrderInList=${b * 16384}`,
      `Folder=/Бухгалтерия/Отдел ${b % 3}`,
      `OrderInTree=${b * 16384}`,
      'External=0',
      'ClientConnectionSpeed=Normal',
      'App=Auto',
      'WA=1',
      'Version=8.3',
      'DefaultApp=ThinClient',
      '',
    );
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

async function generate(root) {
  await rm(root, { recursive: true, force: true });
  for (let i = 0; i < files; i++) {
    const dir = join(root, `user${Math.floor(i / 100)}`, `p${i % 100}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'ibases.v8i'), baseList(i));
  }
}

async function listFiles(root) {
  const out = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.v8i')) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

async function pool(paths, task) {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) await task(paths[next++]);
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

/** The earlier reference: overwrite in place, no temp file, no fsync. */
function plainReadWrite(paths) {
  return pool(paths, async (path) => writeFile(path, await readFile(path)));
}

async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Runs a program on the same Node to its end; resolves with its stderr. */
function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('close', (code) =>
      code === 0 ? resolve(err.trim()) : reject(new Error(`${args.join(' ')} failed: ${err}`)),
    );
  });
}

const v8iSet = (tree, text) =>
  run([dist, 'set', tree, '--help-text', text, '--help-url', url, '--jobs', String(jobs)]);
const carefulEditor = (tree) => run([join(repo, 'bench/careful-editor.mjs'), tree, String(jobs)]);

const ms = (value) => `${value.toFixed(0)} ms`;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const dist = process.env.V8I_BIN ?? join(repo, 'dist/v8i.mjs');
if (!existsSync(dist))
  execFileSync(process.execPath, [join(repo, 'scripts/build.mjs'), 'v8i'], { stdio: 'inherit' });

const root = await mkdtemp(join(tmpdir(), 'v8i-bench-'));
const tree = join(root, 'profiles');
try {
  await generate(tree);
  const paths = await listFiles(tree);
  const size = (await readFile(paths[0])).length;
  console.log(
    `${paths.length.toLocaleString('en-US')} lists of ~${size} bytes, 10 bases each; ${jobs} in parallel; node ${process.version}; load average ${loadAverage()}`,
  );

  const careful = [];
  const ours = [];
  const plain = [];
  for (let round = 0; round < rounds; round++) {
    const runOurs = async () => {
      let summary = '';
      ours.push(
        await time(async () => {
          summary = await v8iSet(tree, textFor(round));
        }),
      );
      return summary;
    };
    const runCareful = async () => careful.push(await time(() => carefulEditor(tree)));
    let summary;
    if (round % 2 === 0) {
      await runCareful();
      summary = await runOurs();
    } else {
      summary = await runOurs();
      await runCareful();
    }
    plain.push(await time(() => plainReadWrite(paths)));
    console.log(
      `round ${round + 1}: careful editor ${ms(careful[round])}, v8i set ${ms(ours[round])} (${summary}) → ${(ours[round] / careful[round]).toFixed(2)}×; plain read-then-write ${ms(plain[round])}`,
    );
  }
  const ratios = ours.map((o, i) => o / careful[i]);
  const unchanged = await time(() => v8iSet(tree, textFor(rounds - 1)));
  console.log(`v8i set again with nothing to change (reads and parses, writes nothing): ${ms(unchanged)}`);
  console.log(
    `ratio v8i / careful editor: median ${median(ratios).toFixed(2)}× (spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×), target ≤ 1.5×: ${median(ratios) <= 1.5 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `ratio v8i / plain read-then-write (the earlier reference): median ${median(ours.map((o, i) => o / plain[i])).toFixed(2)}×`,
  );

  if (spawnSync('crudini', ['--version']).status === 0) {
    const sample = paths.slice(0, crudiniFiles);
    const patch = Array.from({ length: 10 }, (_, b) => b)
      .map(
        (b) =>
          `[Бухгалтерия предприятия ${b} (профиль N)]\nStartupErrorHelpText=${textFor(99)}\nStartupErrorHelpURL=${url}\n`,
      )
      .join('');
    const crudiniMs = await time(async () => {
      for (const [n, path] of sample.entries()) {
        spawnSync('crudini', ['--merge', '--ini-options=nospace', path], {
          input: patch.replaceAll('(профиль N)', `(профиль ${n})`),
        });
      }
    });
    const perFileCrudini = crudiniMs / sample.length;
    const perFileV8i = median(ours) / paths.length;
    console.log(
      `crudini --merge on ${sample.length} files: ${perFileCrudini.toFixed(2)} ms/file; v8i ${perFileV8i.toFixed(3)} ms/file → ${(perFileCrudini / perFileV8i).toFixed(0)}× faster per file (target ≥ 100×)`,
    );
  } else {
    console.log('crudini not installed: skipped the crudini comparison');
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
