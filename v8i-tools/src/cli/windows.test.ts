import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { windowsTree } from '../../../test/v8i-windows-tree.ts';
import { encodeText } from '../fs/encoding.ts';
import { captureIo } from './capture-io.ts';
import { main } from './main.ts';

// The CLI as it runs on a Windows admin box: Windows path rules, a C: drive with three profiles and
// the all-users settings, and a share \\fs.corp.local\1c$ with the common list — laid out in a temp
// folder by windowsTree, so the real file code runs underneath.
const samples = join(import.meta.dirname, '../../../samples');
const TEXT = 'Дежурный администратор: +7 (495) 123-45-67';
const profile = (user: string) => `C:\\Users\\${user}\\AppData\\Roaming\\1C\\1CEStart`;

let root: string;
let tree: ReturnType<typeof windowsTree>;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'v8i-windows-'));
  await cp(join(samples, 'profiles'), join(root, 'C/Users'), { recursive: true });
  await mkdir(join(root, 'C/Users/Public/Documents'), { recursive: true });
  await mkdir(join(root, 'C/ProgramData/1C/1CEStart'), { recursive: true });
  await cp(join(samples, 'shared/1CEStart.cfg'), join(root, 'C/ProgramData/1C/1CEStart/1CEStart.cfg'));
  await mkdir(join(root, 'UNC/fs.corp.local/1c$'), { recursive: true });
  await cp(join(samples, 'shared/common-bases.v8i'), join(root, 'UNC/fs.corp.local/1c$/common-bases.v8i'));
  tree = windowsTree(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = captureIo({
    cwd: 'C:\\Users\\admin',
    platform: 'win32',
    fs: tree,
    env: { ALLUSERSPROFILE: 'C:\\ProgramData', ...env },
  });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}
const hostText = (windowsPath: string) => readFile(tree.hostPath(windowsPath), 'utf8');

describe('v8i on Windows paths', () => {
  it('expands C:\\Users\\*\\AppData\\Roaming\\1C\\1CEStart as typed in cmd.exe, any letter case', async () => {
    for (const typed of [profile('*'), profile('*').toLowerCase(), profile('*').replaceAll('\\', '/')]) {
      const { code, out } = await run(['list', typed, '--json']);
      expect(code).toBe(0);
      const paths = JSON.parse(out).files.map((f: { path: string }) => f.path);
      expect(paths.map((p: string) => p.toLowerCase())).toEqual(
        ['ivanov', 'petrova', 'sidorov'].map((u) => `${profile(u)}\\ibases.v8i`.toLowerCase()),
      );
    }
  });

  it('sets help in every profile and the list on the share, and shows Windows paths', async () => {
    const shared = '\\\\fs.corp.local\\1c$\\common-bases.v8i';
    const { code, err } = await run(['set', profile('*'), shared, '--help-text', TEXT, '--json']);
    expect([code, err]).toEqual([0, '']);
    expect(await hostText(`${profile('petrova')}\\ibases.v8i`)).toContain(`StartupErrorHelpText=${TEXT}`);
    expect(await hostText(shared)).toContain(`StartupErrorHelpText=${TEXT}`);
    const patterned = await run(['get', '\\\\fs.corp.local\\1c$\\*.v8i', `${profile('ivanov')}\\ib*.v8i`]);
    expect(patterned.out).toContain('\\\\fs.corp.local\\1c$\\common-bases.v8i\n');
    expect(patterned.out).toContain(`${profile('ivanov')}\\ibases.v8i\n`);
  });

  it('finds paths relative to the working folder and names with brackets, braces and parentheses', async () => {
    const odd = 'C:\\Lists (old)\\[2019] {archive}';
    await mkdir(tree.hostPath(odd), { recursive: true });
    await cp(join(samples, 'ibases.v8i'), join(tree.hostPath(odd), 'ibases.v8i'));
    const { out } = await run(['list', '..\\ivanov\\AppData', `${odd}\\*.v8i`, 'C:\\Lists (old)', '--json']);
    expect(JSON.parse(out).files.map((f: { path: string }) => f.path)).toEqual([
      '..\\ivanov\\AppData\\Roaming\\1C\\1CEStart\\ibases.v8i',
      'C:\\Lists (old)\\[2019] {archive}\\ibases.v8i',
    ]);
  });

  it('says what is wrong with a path: missing, empty, or quoted the way cmd.exe does not unquote', async () => {
    const { code, err } = await run([
      'get',
      'C:\\Users\\Public',
      'D:\\nowhere',
      `'${profile('*')}'`,
      'C:\\Users\\*\\Desktop',
    ]);
    expect(code).toBe(1);
    expect(err).toContain('✖ no .v8i files in C:\\Users\\Public [no-lists]');
    expect(err).toContain('✖ D:\\nowhere: no such file or folder [not-found]');
    expect(err).toContain(
      `cmd.exe does not treat ' as a quote: write "${profile('*')}" (double quotes) instead`,
    );
    expect(err).toContain('✖ C:\\Users\\*\\Desktop: nothing matches this pattern [not-found]');
  });

  it('refuses a file with the Read-only attribute, in a dry run as in the real run', async () => {
    const file = `${profile('sidorov')}\\ibases.v8i`;
    await chmod(tree.hostPath(file), 0o444);
    for (const dry of [['--dry-run'], []]) {
      const { code, err } = await run(['set', profile('*'), '--help-text', TEXT, ...dry]);
      expect(code).toBe(1);
      expect(err).toContain(`✖ ${file}: file is read-only [read-only]`);
      expect(err).toContain(`${dry.length ? 'would change' : 'changed'} 2 of 3 files (5 bases); 1 failed`);
    }
  });

  it('locate: the current user’s list and settings, the all-users settings and the shared lists they name', async () => {
    await writeFile(
      tree.hostPath('\\\\fs.corp.local\\1c$\\1cescmn.cfg'),
      encodeText('CommonInfoBases=\\\\fs.corp.local\\1c$\\accounting.v8i\r\n', {
        name: 'utf-16le',
        bom: true,
      }),
    );
    await chmod(tree.hostPath('\\\\fs.corp.local\\1c$\\common-bases.v8i'), 0o444);
    const env = { APPDATA: 'C:\\Users\\ivanov\\AppData\\Roaming', USERNAME: 'ivanov' };
    const { code, out } = await run(['locate', '--json'], env);
    expect(code).toBe(0);
    const files = JSON.parse(out).files.map(
      (f: {
        role: string;
        path: string;
        exists: boolean;
        writable: boolean;
        namedBy: { line: number }[];
      }) => [f.role, f.path, f.exists, f.writable, f.namedBy.map((by) => by.line)],
    );
    expect(files).toEqual([
      ['user-list', `${profile('ivanov')}\\ibases.v8i`, true, true, []],
      ['user-config', `${profile('ivanov')}\\1CEStart.cfg`, true, true, []],
      ['all-users-config', 'C:\\ProgramData\\1C\\1CEStart\\1CEStart.cfg', true, true, []],
      ['shared-config', '\\\\fs.corp.local\\1c$\\1cescmn.cfg', true, true, [3]],
      ['shared-list', '\\\\fs.corp.local\\1c$\\common-bases.v8i', true, false, [2, 1]],
      ['shared-list', '\\\\fs.corp.local\\1c$\\accounting.v8i', false, false, [1]],
    ]);
    const human = await run(['locate'], env);
    expect(human.out).toContain('user ivanov\n');
    expect(human.out).toContain(
      'shared list \\\\fs.corp.local\\1c$\\common-bases.v8i  read-only for you: file is read-only\n',
    );
    expect(human.out).toContain(`named by CommonInfoBases= in ${profile('ivanov')}\\1CEStart.cfg, line 2`);
  });

  it('locate --users C:\\Users: every profile with a 1C folder, the others named', async () => {
    const { out } = await run(['locate', '--users', 'C:\\Users', '--json']);
    const report = JSON.parse(out);
    expect(
      report.files
        .filter((f: { role: string }) => f.role === 'user-list')
        .map((f: { user: string }) => f.user),
    ).toEqual(['ivanov', 'petrova', 'sidorov']);
    expect(report.profilesWithout1C).toEqual(['Public']);
  });

  it('--discover / --users stand in for paths; --lists picks the users’ or the shared lists', async () => {
    const env = { APPDATA: 'C:\\Users\\petrova\\AppData\\Roaming' };
    const own = await run(['set', '--discover', '--lists', 'user', '--help-text', TEXT, '--json'], env);
    expect(JSON.parse(own.out).files.map((f: { path: string }) => f.path)).toEqual([
      `${profile('petrova')}\\ibases.v8i`,
    ]);
    const all = await run(['get', '--users', 'C:\\Users', '--json']);
    expect(JSON.parse(all.out).files.map((f: { path: string }) => f.path)).toEqual([
      `${profile('ivanov')}\\ibases.v8i`,
      `${profile('petrova')}\\ibases.v8i`,
      `${profile('sidorov')}\\ibases.v8i`,
      '\\\\fs.corp.local\\1c$\\common-bases.v8i',
    ]);
    const shared = await run(['unset', '--users', 'C:\\Users', '--lists', 'shared', '--json']);
    expect(JSON.parse(shared.out).files.map((f: { path: string }) => f.path)).toEqual([
      '\\\\fs.corp.local\\1c$\\common-bases.v8i',
    ]);
    // A user who never started 1C has a launcher folder but no list yet: a note, not a failure.
    await mkdir(tree.hostPath(profile('newcomer')), { recursive: true });
    const fresh = await run(['set', '--users', 'C:\\Users', '--lists', 'user', '--help-text', TEXT]);
    expect(fresh.code).toBe(0);
    expect(fresh.err).toContain(
      `note: newcomer: ${profile('newcomer')}\\ibases.v8i is not there (1C creates it on the first start); skipped\n`,
    );
    expect(fresh.err).toContain('changed 2 of 3 files (5 bases)');
  });
});
