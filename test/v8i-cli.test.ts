import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const TEXT = 'Дежурный администратор: +7 (495) 123-45-67';
const URL_ = 'https://help.corp.local/1c';

/** The pinned Node, plus the system's own Node 20+ if there is one: the file must run on both. */
function nodes(): string[] {
  const found = [process.execPath];
  for (const candidate of ['/usr/local/bin/node', '/usr/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    const major = Number(version.slice(1).split('.')[0]);
    if (
      major >= 20 &&
      !found.some((n) => execFileSync(n, ['--version'], { encoding: 'utf8' }).trim() === version)
    ) {
      found.push(candidate);
    }
  }
  return found;
}

let bin: string;
let root: string;
beforeAll(async () => {
  // A temp dir with the single file and no node_modules anywhere above it.
  root = await mkdtemp(join(tmpdir(), 'v8i-dist-'));
  bin = join(root, 'v8i.mjs');
  await copyFile(join(repo, 'dist/v8i.mjs'), bin);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function v8i(
  node: string,
  cwd: string,
  args: string[],
  extra: { env?: NodeJS.ProcessEnv; preload?: string } = {},
) {
  const argv = [...(extra.preload ? ['--import', extra.preload] : []), bin, ...args];
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(node, argv, { cwd, env: { PATH: '/usr/bin:/bin', ...extra.env } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

for (const node of nodes()) {
  describe(`dist/v8i.mjs on ${node}`, () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'v8i-samples-'));
      await cp(join(repo, 'samples'), dir, { recursive: true });
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('is an executable with a node shebang and prints its version', async () => {
      const head = (await readFile(bin, 'utf8')).slice(0, 20);
      expect(head.startsWith('#!/usr/bin/env node\n')).toBe(true);
      expect((await stat(join(repo, 'dist/v8i.mjs'))).mode & 0o111).not.toBe(0);
      const { code, out } = await v8i(node, dir, ['--version']);
      expect([code, out]).toEqual([
        0,
        `${JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')).version}\n`,
      ]);
    });

    it('dry-run, set → get, set twice, unset: bytes and mtimes as promised', async () => {
      const originals = await readFile(join(dir, 'ibases.v8i'));
      const utf16 = await readFile(join(dir, 'ibases-utf16.v8i'));

      const dry = await v8i(node, dir, ['set', '.', '--help-text', TEXT, '--help-url', URL_, '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.out).toContain(`+StartupErrorHelpURL=${URL_}`);
      expect(await readFile(join(dir, 'ibases.v8i'))).toEqual(originals);

      const set = await v8i(node, dir, ['set', '.', '--help-text', TEXT, '--help-url', URL_]);
      expect([set.code, set.err]).toEqual([0, 'changed 7 of 7 files (15 bases)\n']);
      const get = await v8i(node, dir, ['get', 'ibases-utf16.v8i', '--json']);
      expect(JSON.parse(get.out).files[0].bases[0].values).toEqual({
        StartupErrorHelpText: TEXT,
        StartupErrorHelpURL: URL_,
      });

      const before = await stat(join(dir, 'ibases.v8i'));
      const again = await v8i(node, dir, ['set', '.', '--help-text', TEXT, '--help-url', URL_, '--json']);
      expect(JSON.parse(again.out).summary).toMatchObject({ changed: 0, unchanged: 7, failed: 0 });
      const after = await stat(join(dir, 'ibases.v8i'));
      expect([after.mtimeMs, after.ino]).toEqual([before.mtimeMs, before.ino]);

      expect((await v8i(node, dir, ['unset', '.'])).code).toBe(0);
      expect(await readFile(join(dir, 'ibases.v8i'))).toEqual(originals);
      expect(await readFile(join(dir, 'ibases-utf16.v8i'))).toEqual(utf16);
    });

    it('invalid UTF-8 and a read-only file: documented errors, files unchanged, exit 1', async () => {
      const bad = Buffer.from('[\xc1\xf3\xf5]\r\nConnect=File="C:\\1C";\r\n', 'latin1');
      await writeFile(join(dir, 'cp1251.v8i'), bad);
      const locked = join(dir, 'shared/common-bases.v8i');
      const lockedBytes = await readFile(locked);
      await chmod(locked, 0o444);
      const { code, err } = await v8i(node, dir, ['set', '.', '--help-text', 'Звоните 01']);
      expect(code).toBe(1);
      expect(err).toContain('cp1251.v8i: invalid UTF-8 at byte 1 (line 1)');
      expect(err).toContain('shared/common-bases.v8i: file is read-only [read-only]');
      expect(err).toContain('changed 6 of 8 files (13 bases); 2 failed');
      expect(await readFile(join(dir, 'cp1251.v8i'))).toEqual(bad);
      expect(await readFile(locked)).toEqual(lockedBytes);
      await chmod(locked, 0o644);
      await rm(join(dir, 'cp1251.v8i'));
    });

    it('a file edited by someone else between our read and our write keeps their content, exit 1', async () => {
      const target = join(dir, 'profiles/petrova/AppData/Roaming/1C/1CEStart/ibases.v8i');
      const theirs = '\uFEFF[Их база]\r\nConnect=File="D:\\their";\r\n';
      const { code, err } = await v8i(node, dir, ['set', 'profiles', '--help-text', 'Звоните 02'], {
        preload: join(repo, 'test/v8i-edit-hook.mjs'),
        env: { V8I_TEST_EDIT_PATH: target, V8I_TEST_EDIT_CONTENT: theirs },
      });
      expect(code).toBe(1);
      expect(err).toContain(
        'petrova/AppData/Roaming/1C/1CEStart/ibases.v8i: changed by someone else while editing; run again [changed-meanwhile]',
      );
      expect(err).toContain('changed 2 of 3 files (5 bases); 1 failed');
      expect(await readFile(target, 'utf8')).toBe(theirs);
      expect(await readdir(join(dir, 'profiles/petrova/AppData/Roaming/1C/1CEStart'))).toEqual([
        'ibases.v8i',
      ]);
    });

    it('a usage error exits 2', async () => {
      const { code, err } = await v8i(node, dir, ['set', '.', '--help-url', 'ftp://x']);
      expect(code).toBe(2);
      expect(err).toContain('Run "v8i set --help" for examples.');
    });
  });
}

describe('npm run v8i (the TypeScript sources on the pinned Node, no build)', () => {
  it('runs a command with Node stripping the types', async () => {
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(repo, 'v8i-tools/bin/v8i.ts'), 'get', join(repo, 'samples/ibases-with-help.v8i'), '--json'],
        { env: { PATH: '/usr/bin:/bin' } },
        (error, out) => resolve({ code: error ? Number(error.code) : 0, out }),
      );
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).files[0].bases.length).toBeGreaterThan(0);
  });
});
