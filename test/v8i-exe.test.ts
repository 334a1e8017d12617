import { execFile, execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peFacts, peResource } from './v8i-pe-resource.ts';

// The single executables from `npm run build:exe`. Built here only when missing or made from another
// bundle (dist/v8i-exe.json), since each is ~100 MB and takes a while. The Linux one runs with an
// empty environment — no Node, no PATH. The Windows one cannot run here: it is checked to be a 64-bit
// console PE that carries the same SEA blob the Linux one runs, with Node's fuse set.

const repo = join(import.meta.dirname, '..');
const linux = join(repo, 'dist/v8i-linux-x64');
const windows = join(repo, 'dist/v8i-win-x64.exe');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

let dir: string;
let version: string;
beforeAll(async () => {
  execFileSync(process.execPath, [join(repo, 'scripts/build-exe.mjs'), '--if-stale'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  version = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')).version;
  dir = await mkdtemp(join(tmpdir(), 'v8i-exe-'));
  await cp(join(repo, 'samples'), dir, { recursive: true });
}, 600_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function exe(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(linux, args, { cwd: dir, env }, (error, out, err) =>
      resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

describe('dist/v8i-linux-x64', () => {
  it('runs with an empty environment (no Node, no PATH) and prints its version', async () => {
    expect(await exe(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('set, then unset: the samples come back byte for byte', async () => {
    const files = ['ibases.v8i', 'ibases-utf16.v8i', 'shared/common-bases.v8i'];
    const before = await Promise.all(files.map((f) => readFile(join(dir, f))));
    const set = await exe(['set', '.', '--help-text', 'Дежурный администратор: +7 (495) 123-45-67']);
    expect([set.code, set.err]).toEqual([0, 'changed 7 of 7 files (15 bases)\n']);
    expect(await readFile(join(dir, 'ibases-utf16.v8i'))).not.toEqual(before[1]);
    const unset = await exe(['unset', '.', '--help-text']);
    expect(unset.code).toBe(0);
    expect(await Promise.all(files.map((f) => readFile(join(dir, f))))).toEqual(before);
  });

  it('--discover finds the lists 1C reads for the user it runs as (only HOME set)', async () => {
    const home = join(dir, 'home/ivanov');
    const launcher = join(home, '.1C/1cestart');
    await mkdir(launcher, { recursive: true });
    await copyFile(join(dir, 'ibases.v8i'), join(launcher, 'ibases.v8i'));
    const shared = join(dir, 'shared/common-bases.v8i');
    await writeFile(
      join(launcher, '1cestart.cfg'),
      Buffer.from(`\uFEFFCommonInfoBases=${shared}\r\nUseHWLicenses=0\r\n`, 'utf16le'),
    );
    const located = await exe(['locate', '--json'], { HOME: home });
    expect(
      JSON.parse(located.out).files.map((f: { role: string; path: string }) => [f.role, f.path]),
    ).toEqual([
      ['user-list', join(launcher, 'ibases.v8i')],
      ['user-config', join(launcher, '1cestart.cfg')],
      ['shared-list', shared],
    ]);
    const set = await exe(['set', '--discover', '--help-url', 'https://help.corp.local/1c'], { HOME: home });
    expect([set.code, set.err]).toEqual([0, 'changed 2 of 2 files (6 bases)\n']);
    expect(await readFile(shared, 'utf8')).toContain('StartupErrorHelpURL=https://help.corp.local/1c');
  });
});

describe('dist/v8i-win-x64.exe', () => {
  it('is a 64-bit console PE, unsigned, carrying the blob the Linux executable runs', async () => {
    const pe = await readFile(windows);
    expect(peFacts(pe)).toEqual({ machine: 0x8664, subsystem: 3, signatureSize: 0 });
    const blob = await readFile(join(repo, 'dist/exe-build/v8i.blob'));
    const resource = peResource(pe, 10, 'NODE_SEA_BLOB');
    expect(resource?.length).toBe(blob.length);
    expect(resource?.equals(blob)).toBe(true);
    expect(pe.includes(`${SEA_FUSE}:1`)).toBe(true);
    const elf = await readFile(linux);
    expect(elf.includes(blob)).toBe(true);
    expect(elf.includes(`${SEA_FUSE}:1`)).toBe(true);
    // The blob holds the CLI itself: its help text is in it, as the bundle wrote it.
    expect(blob.includes('StartupErrorHelpText / StartupErrorHelpURL in 1C base lists')).toBe(true);
  });
});
