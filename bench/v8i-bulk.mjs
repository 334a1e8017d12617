// Bulk benchmark for `v8i set`. Prints ratios against references measured in the same run:
//   1. v8i set over 10,000 generated .v8i files (~3 KB, 10 bases each) vs a plain Node
//      read-then-write of the same files (same parallelism, no fsync, no checks). Target: ≤ 2.5×.
//   2. If crudini is installed: a crudini loop on 200 of the files (one `crudini --merge` per file,
//      its fastest form) vs v8i's time per file. Target: ≥ 100× faster per file.
// Usage: npm run bench:v8i   (FILES=2000 to try a smaller tree)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = Number(process.env.FILES ?? 10_000);
const crudiniFiles = 200;
const jobs = Number(process.env.JOBS ?? 16);
const text = 'Дежурный администратор: +7 (495) 123-45-67';
const url = 'https://help.corp.local/1c';

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
    if (i % 100 === 0) await mkdir(join(root, `user${Math.floor(i / 100)}`), { recursive: true });
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

async function plainReadWrite(paths) {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const bytes = await readFile(path);
      await writeFile(path, bytes);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

function time(fn) {
  const started = performance.now();
  const result = fn();
  return result instanceof Promise
    ? result.then(() => performance.now() - started)
    : Promise.resolve(performance.now() - started);
}

const dist = join(repo, 'dist/v8i.mjs');
if (!existsSync(dist))
  execFileSync(process.execPath, [join(repo, 'scripts/build.mjs'), 'v8i'], { stdio: 'inherit' });

const root = await mkdtemp(join(tmpdir(), 'v8i-bench-'));
const tree = join(root, 'profiles');
try {
  await generate(tree);
  const paths = await listFiles(tree);
  const size = (await readFile(paths[0])).length;
  console.log(`generated ${paths.length.toLocaleString('en-US')} files of ~${size} bytes, 10 bases each`);

  // The reference runs before and after v8i and is averaged: the machine's load drifts during a run.
  const plainBeforeMs = await time(() => plainReadWrite(paths));
  const v8iMs = await time(() => {
    const run = spawnSync(
      process.execPath,
      [dist, 'set', tree, '--help-text', text, '--help-url', url, '--jobs', String(jobs)],
      {
        encoding: 'utf8',
      },
    );
    if (run.status !== 0) throw new Error(`v8i set failed: ${run.stderr}`);
    console.log(`v8i: ${run.stderr.trim()}`);
  });
  const plainAfterMs = await time(() => plainReadWrite(paths));
  const plainMs = (plainBeforeMs + plainAfterMs) / 2;
  const unchangedMs = await time(() => {
    spawnSync(process.execPath, [dist, 'set', tree, '--help-text', text, '--help-url', url], {
      encoding: 'utf8',
    });
  });
  console.log(
    `plain Node read-then-write: ${plainMs.toFixed(0)} ms (mean of ${plainBeforeMs.toFixed(0)} before and ${plainAfterMs.toFixed(0)} after)`,
  );
  console.log(`v8i set (parse, edit, temp file, fsync, re-check, rename): ${v8iMs.toFixed(0)} ms`);
  console.log(`v8i set again (nothing to change, no writes): ${unchangedMs.toFixed(0)} ms`);
  console.log(`ratio v8i / plain: ${(v8iMs / plainMs).toFixed(2)}× (target ≤ 2.5×)`);

  const crudini = spawnSync('crudini', ['--version']).status === 0;
  if (crudini) {
    await generate(tree);
    const sample = (await listFiles(tree)).slice(0, crudiniFiles);
    const patch = Array.from({ length: 10 }, (_, b) => b)
      .map(
        (b) =>
          `[Бухгалтерия предприятия ${b} (профиль N)]\nStartupErrorHelpText=${text}\nStartupErrorHelpURL=${url}\n`,
      )
      .join('');
    const crudiniMs = await time(() => {
      for (const [n, path] of sample.entries()) {
        const own = patch.replaceAll('(профиль N)', `(профиль ${n})`);
        spawnSync('crudini', ['--merge', '--ini-options=nospace', path], { input: own });
      }
    });
    const perFileCrudini = crudiniMs / sample.length;
    const perFileV8i = v8iMs / paths.length;
    console.log(
      `crudini --merge on ${sample.length} files: ${crudiniMs.toFixed(0)} ms (${perFileCrudini.toFixed(2)} ms/file)`,
    );
    console.log(
      `v8i: ${perFileV8i.toFixed(3)} ms/file → ${(perFileCrudini / perFileV8i).toFixed(0)}× faster per file (target ≥ 100×)`,
    );
  } else {
    console.log('crudini not installed: skipped the crudini comparison');
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
