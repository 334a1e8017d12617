import { execFile } from 'node:child_process';
import {
  chmod,
  chown,
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `--dry-run` must tell exactly what the real run then does. Both run the shipped file on the same
// tree, which holds every kind of refusal: a read-only list, a list we may read but not change, a
// folder we may not create files in, a Windows-1251 list and a list with a key written twice.
// Rights only bind a user without privileges, so as root the runs happen as "nobody".

const repo = join(import.meta.dirname, '..');
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let root: string;
let tree: string;
let bin: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'v8i-dry-'));
  await chmod(root, 0o755);
  bin = join(root, 'v8i.mjs');
  await copyFile(join(repo, 'dist/v8i.mjs'), bin);
  tree = join(root, 'tree');
  await cp(join(repo, 'samples'), tree, { recursive: true });
  await writeFile(
    join(tree, 'cp1251.v8i'),
    Buffer.from('[\xc1\xf3\xf5]\r\nConnect=File="C:\\1C";\r\n', 'latin1'),
  );
  await writeFile(
    join(tree, 'twice.v8i'),
    '[A]\r\nConnect=File="C:\\A";\r\nStartupErrorHelpText=1\r\nStartupErrorHelpText=2\r\n',
  );
  await mkdir(join(tree, 'locked'));
  await copyFile(join(repo, 'samples/ibases.v8i'), join(tree, 'locked/ibases.v8i'));
  if (asRoot) await chownTree(tree, NOBODY);
  await chmod(join(tree, 'shared/common-bases.v8i'), 0o444);
  // Writable by the group, not by its owner: the mode has a write bit, yet we may not open it for writing.
  await chmod(join(tree, 'profiles/petrova/AppData/Roaming/1C/1CEStart/ibases.v8i'), 0o464);
  await chmod(join(tree, 'locked'), 0o555);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function chownTree(path: string, id: number): Promise<void> {
  await chown(path, id, id);
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    await chown(join(entry.parentPath, entry.name), id, id);
  }
}

function v8i(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: tree, env: { PATH: '/usr/bin:/bin' }, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

type Report = {
  dryRun: boolean;
  summary: unknown;
  files: { path: string; diff?: string; backup?: string }[];
};
/** A dry run shows diffs and makes no backups; everything else must match. */
const comparable = (report: Report) => ({
  summary: report.summary,
  files: report.files.map(({ diff: _diff, backup: _backup, ...file }) => file),
});

describe('--dry-run reports what the real run does', () => {
  it('the same files change and the same files fail, for the same reasons', async () => {
    const args = ['set', '.', '--help-text', 'Дежурный администратор: +7 (495) 123-45-67', '--backup'];
    const dry = await v8i([...args, '--dry-run', '--json']);
    const real = await v8i([...args, '--json']);
    expect(dry.code).toBe(1);
    expect(real.code).toBe(1);
    const dryReport = JSON.parse(dry.out) as Report;
    const realReport = JSON.parse(real.out) as Report;
    expect([dryReport.dryRun, realReport.dryRun]).toEqual([true, false]);
    expect(comparable(dryReport)).toEqual(comparable(realReport));
    // Each kind of refusal is there, so the comparison covers it.
    const failures = Object.fromEntries(
      realReport.files.flatMap((f) => {
        const error = (f as { error?: { code: string; message: string } }).error;
        return error ? [[f.path, `${error.code}: ${error.message}`]] : [];
      }),
    );
    expect(failures).toEqual({
      'cp1251.v8i': expect.stringMatching(/^invalid-utf8: invalid UTF-8 at byte 1 \(line 1\)/),
      'locked/ibases.v8i': expect.stringMatching(
        /^no-permission: no permission to create files in its folder \(EACCES\)/,
      ),
      'profiles/petrova/AppData/Roaming/1C/1CEStart/ibases.v8i':
        'no-permission: no permission to change this file (EACCES)',
      'shared/common-bases.v8i': 'read-only: file is read-only',
      'twice.v8i': expect.stringMatching(/^duplicate-key: \[A\] has StartupErrorHelpText twice/),
    });
    expect(realReport.summary).toMatchObject({ changed: 5, failed: 5 });
  });

  it('and in words: the summaries differ only in the verb', async () => {
    // After the run above: the lists that were refused have no keys to remove, three still fail.
    const args = ['unset', '.'];
    const dry = await v8i([...args, '--dry-run']);
    const real = await v8i(args);
    const summary = (err: string) => err.trim().split('\n').at(-1);
    expect(summary(dry.err)).toBe(
      'would change 5 of 10 files (12 bases); 3 failed; nothing written (dry run)',
    );
    expect(summary(real.err)).toBe('changed 5 of 10 files (12 bases); 3 failed');
    const errorsOf = (err: string) => err.split('\n').filter((line) => line.startsWith('✖'));
    expect(errorsOf(dry.err)).toEqual(errorsOf(real.err));
    expect(errorsOf(real.err)).toHaveLength(3);
    expect(await readFile(join(tree, 'shared/common-bases.v8i'), 'utf8')).not.toContain('StartupError');
  });
});
