import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatusResponse } from '../contract/status.ts';
import { captureIo } from '../v8i-tools/src/cli/capture-io.ts';
import { main } from '../v8i-tools/src/cli/main.ts';
import { windowsTree } from './v8i-windows-tree.ts';

// PowerShell does not run here, so the samples' v8i command lines are taken out of the scripts (the
// `$V8iArguments = @(…)` array, with the scripts' parameter defaults) and run as the scripts would run
// them: in-process, on a fake Windows machine, against a stand-in for the service.

const samples = join(import.meta.dirname, '../samples');
const script = (name: string) => readFile(join(samples, 'windows', name), 'utf8');

/** The v8i arguments a script passes, with `$Name` replaced by the default of its parameter. */
function v8iArguments(source: string): string[] {
  const defaults = new Map([...source.matchAll(/\$(\w+) = '([^']*)'/g)].map((m) => [m[1], m[2]]));
  const list = /\$V8iArguments = @\(([^)]*)\)/.exec(source)?.[1];
  if (list === undefined) throw new Error('no $V8iArguments = @(…) in the script');
  return list.split(',').map((item) => {
    const text = item.trim();
    if (text.startsWith("'")) return text.slice(1, -1);
    const value = defaults.get(text.slice(1));
    if (value === undefined) throw new Error(`${text} has no default in the script`);
    return value;
  });
}

const status: StatusResponse = {
  generatedAt: '2026-11-23T14:00:00+03:00',
  language: 'ru',
  timeZone: 'Europe/Moscow',
  bases: [
    {
      key: '*',
      name: 'Все базы',
      state: 'ok',
      active: [],
      upcoming: [],
      helpText: 'Дежурный администратор: +7 (495) 123-45-67',
      helpURL: 'https://help.example.local/1c',
    },
  ],
};

let root: string;
let tree: ReturnType<typeof windowsTree>;
const asked: string[] = [];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'v8i-win-samples-'));
  await cp(join(samples, 'profiles'), join(root, 'C/Users'), { recursive: true });
  await mkdir(join(root, 'UNC/fs.corp.local/1c$'), { recursive: true });
  await cp(join(samples, 'shared/common-bases.v8i'), join(root, 'UNC/fs.corp.local/1c$/common-bases.v8i'));
  tree = windowsTree(root);
  asked.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function runAs(user: string, argv: string[]) {
  const io = captureIo({
    cwd: `C:\\Users\\${user}`,
    platform: 'win32',
    fs: tree,
    env: {
      APPDATA: `C:\\Users\\${user}\\AppData\\Roaming`,
      USERNAME: user,
      ALLUSERSPROFILE: 'C:\\ProgramData',
    },
    fetch: async (url) => {
      asked.push(String(url));
      return Response.json(status);
    },
  });
  const code = await main(argv, io);
  return { code, err: io.err() };
}

describe('samples/windows', () => {
  it('v8i-logon.ps1: syncs only the user’s own list, with a short service timeout and a bounded wait', async () => {
    const source = await script('v8i-logon.ps1');
    const argv = v8iArguments(source);
    expect(argv).toEqual([
      'sync',
      '--discover',
      '--lists',
      'user',
      '--from',
      'https://help.example.local',
      '--timeout',
      '5',
    ]);
    const { code, err } = await runAs('petrova', argv);
    expect([code, err]).toEqual([0, 'changed 1 of 1 file (1 base)\n']);
    expect(asked).toEqual(['https://help.example.local/api/status']);
    const list = await readFile(
      tree.hostPath('C:\\Users\\petrova\\AppData\\Roaming\\1C\\1CEStart\\ibases.v8i'),
      'utf8',
    );
    expect(list).toContain('StartupErrorHelpText=Дежурный администратор: +7 (495) 123-45-67');
    // The shared list named by ivanov's 1CEStart.cfg is left to the scheduled task.
    expect(await readFile(tree.hostPath('\\\\fs.corp.local\\1c$\\common-bases.v8i'), 'utf8')).not.toContain(
      'StartupError',
    );
    expect(Number(/\[int\]\$MaxSeconds = (\d+)/.exec(source)?.[1])).toBeLessThanOrEqual(10);
    expect(source).toContain('$process.WaitForExit($MaxSeconds * 1000)');
    expect(source).toContain("Join-Path $env:LOCALAPPDATA 'startup-help'");
    expect(source.trimEnd().endsWith('exit 0')).toBe(true);
  });

  it('update-shared-list.ps1: updates the shared list on the share, keeping a backup', async () => {
    const argv = v8iArguments(await script('update-shared-list.ps1'));
    expect(argv[1]).toBe('\\\\fs.corp.local\\1c$\\common-bases.v8i');
    const { code, err } = await runAs('svc-startup-help', argv);
    expect([code, err]).toEqual([0, 'changed 1 of 1 file (2 bases)\n']);
    const shared = tree.hostPath('\\\\fs.corp.local\\1c$\\common-bases.v8i');
    expect(await readFile(shared, 'utf8')).toContain('StartupErrorHelpURL=https://help.example.local/1c');
    expect(await readFile(`${shared}.bak`)).toEqual(await readFile(join(samples, 'shared/common-bases.v8i')));
  });

  it('register-update-task.ps1 runs the update script it sits beside', async () => {
    const source = await script('register-update-task.ps1');
    expect(source).toContain("'C:\\Program Files\\startup-help\\update-shared-list.ps1'");
    expect(source).toContain('-RepetitionInterval (New-TimeSpan -Minutes 15)');
  });
});
