import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../fs/node-file-system.ts';
import { captureIo } from './capture-io.ts';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

const samples = join(import.meta.dirname, '../../../samples');
const TEXT = 'Дежурный администратор: +7 (495) 123-45-67';
const URL_ = 'https://help.corp.local/1c';
/** Sample files without StartupError keys: unset after set must give their bytes back. */
const withoutKeys = [
  'ibases.v8i',
  'ibases-utf16.v8i',
  'shared/common-bases.v8i',
  'profiles/ivanov/AppData/Roaming/1C/1CEStart/ibases.v8i',
  'profiles/sidorov/AppData/Roaming/1C/1CEStart/ibases.v8i',
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'v8i-cli-'));
  await cp(samples, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], overrides: Partial<CliIo> & { tty?: boolean } = {}) {
  const io = captureIo({ cwd: dir, ...overrides });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}
const bytes = (path: string) => readFile(join(dir, path));

describe('v8i in-process', () => {
  it('dry-run prints a diff and leaves every byte as it was', async () => {
    const before = await Promise.all(withoutKeys.map(bytes));
    const { code, out, err } = await run(['set', '.', '--help-text', TEXT, '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain(`+StartupErrorHelpText=${TEXT}`);
    expect(out).toContain('--- a/ibases.v8i');
    expect(out).not.toContain('\u001b[');
    expect(err).toContain('would change 7 of 7 files (15 bases); nothing written (dry run)');
    expect(await Promise.all(withoutKeys.map(bytes))).toEqual(before);
  });

  it('colours the diff on a TTY unless NO_COLOR is set', async () => {
    expect((await run(['set', 'ibases.v8i', '--help-text', 'x', '-n'], { tty: true })).out).toContain(
      '\u001b[32m+',
    );
    const plain = await run(['set', 'ibases.v8i', '--help-text', 'x', '-n'], {
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(plain.out).not.toContain('\u001b[');
  });

  it('set → get shows the values; a second set is unchanged and does not rewrite', async () => {
    const first = await run(['set', '.', '--help-text', TEXT, '--help-url', URL_]);
    expect(first.code).toBe(0);
    expect(first.err).toContain('changed 7 of 7 files (15 bases)');
    const got = await run(['get', 'ibases.v8i', '--base', 'Зарплата и управление персоналом', '--json']);
    expect(JSON.parse(got.out).files[0].bases).toEqual([
      {
        name: 'Зарплата и управление персоналом',
        id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
        values: { StartupErrorHelpText: TEXT, StartupErrorHelpURL: URL_ },
      },
    ]);
    const human = await run(['get', 'ibases-utf16.v8i']);
    expect(human.out).toContain(`    StartupErrorHelpText=${TEXT}\n`);

    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(join(dir, 'ibases.v8i'), old, old);
    const second = await run(['set', '.', '--help-text', TEXT, '--help-url', URL_, '--json']);
    const report = JSON.parse(second.out);
    expect(report.summary).toMatchObject({ files: 7, changed: 0, unchanged: 7, failed: 0 });
    expect((await stat(join(dir, 'ibases.v8i'))).mtime).toEqual(old);
  });

  it('unset after set restores the original bytes of files that had no keys', async () => {
    const before = await Promise.all(withoutKeys.map(bytes));
    expect((await run(['set', '.', '--help-text', TEXT, '--help-url', URL_])).code).toBe(0);
    expect(await bytes('ibases.v8i')).not.toEqual(before[0]);
    expect((await run(['unset', '.'])).code).toBe(0);
    expect(await Promise.all(withoutKeys.map(bytes))).toEqual(before);
  });

  it('invalid UTF-8: documented error, that file unchanged, the others done, exit 1', async () => {
    const bad = Buffer.concat([Buffer.from('[\xc1\xf3\xf5]\r\nConnect=File="C:\\1C";\r\n', 'latin1')]);
    await writeFile(join(dir, 'cp1251.v8i'), bad);
    const { code, err } = await run(['set', '.', '--help-text', TEXT]);
    expect(code).toBe(1);
    expect(err).toContain(
      'cp1251.v8i: invalid UTF-8 at byte 1 (line 1); the file is probably in Windows-1251 [invalid-utf8]',
    );
    expect(err).toContain('→ re-save it as UTF-8');
    expect(err).toContain('changed 7 of 8 files (15 bases); 1 failed');
    expect(await bytes('cp1251.v8i')).toEqual(bad);
  });

  it('a read-only file is refused (even for root), unchanged, exit 1', async () => {
    const path = join(dir, 'ibases.v8i');
    const before = await bytes('ibases.v8i');
    await chmod(path, 0o444);
    const { code, err } = await run(['set', 'ibases.v8i', '--help-text', TEXT]);
    expect(code).toBe(1);
    expect(err).toContain('ibases.v8i: file is read-only [read-only]');
    expect(err).toContain('make it writable');
    expect(await bytes('ibases.v8i')).toEqual(before);
    expect((await stat(path)).mode & 0o777).toBe(0o444);
  });

  it('a file edited by someone else mid-run keeps their content and fails, exit 1', async () => {
    const theirs = '[Их база]\r\nConnect=File="D:\\their";\r\n';
    const fs = {
      ...nodeFileSystem,
      async readFile(path: string) {
        const snapshot = await nodeFileSystem.readFile(path);
        if (path.endsWith('ivanov/AppData/Roaming/1C/1CEStart/ibases.v8i')) await writeFile(path, theirs);
        return snapshot;
      },
    };
    const { code, err } = await run(['set', 'profiles', '--help-text', TEXT], { fs });
    expect(code).toBe(1);
    expect(err).toContain('ibases.v8i: changed by someone else while editing; run again [changed-meanwhile]');
    expect(err).toContain('changed 2 of 3 files (2 bases); 1 failed');
    expect(await readFile(join(dir, 'profiles/ivanov/AppData/Roaming/1C/1CEStart/ibases.v8i'), 'utf8')).toBe(
      theirs,
    );
    const leftovers = (await import('node:fs')).readdirSync(
      join(dir, 'profiles/ivanov/AppData/Roaming/1C/1CEStart'),
    );
    expect(leftovers).toEqual(['1CEStart.cfg', 'ibases.v8i']);
  });

  it('a file removed mid-run is reported, and nothing is written in its place', async () => {
    const fs = {
      ...nodeFileSystem,
      async readFile(path: string) {
        const snapshot = await nodeFileSystem.readFile(path);
        await rm(path);
        return snapshot;
      },
    };
    const { code, err } = await run(['set', 'ibases.v8i', '--help-text', TEXT], { fs });
    expect(code).toBe(1);
    expect(err).toContain('ibases.v8i: removed or renamed by someone else while editing; nothing written');
    expect((await import('node:fs')).readdirSync(dir)).not.toContain('ibases.v8i');
  });

  it('--backup keeps NAME.bak and never overwrites an older one', async () => {
    const original = await bytes('ibases.v8i');
    await run(['set', 'ibases.v8i', '--help-text', 'one', '--backup']);
    const afterFirst = await bytes('ibases.v8i');
    const { code, out } = await run(['set', 'ibases.v8i', '--help-text', 'two', '--backup', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).files[0].backup).toContain('ibases.v8i.2026-11-23T11-00-00Z.bak');
    expect(await bytes('ibases.v8i.bak')).toEqual(original);
    expect(await bytes('ibases.v8i.2026-11-23T11-00-00Z.bak')).toEqual(afterFirst);
  });

  it('edits the target of a symlinked list and keeps the link', async () => {
    const { symlink, lstat: linkStat } = await import('node:fs/promises');
    await symlink(join(dir, 'ibases.v8i'), join(dir, 'link.v8i'));
    expect((await run(['set', 'link.v8i', '--help-text', TEXT])).code).toBe(0);
    expect((await linkStat(join(dir, 'link.v8i'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'ibases.v8i'), 'utf8')).toContain(`StartupErrorHelpText=${TEXT}`);
  });

  it('keeps the file mode', async () => {
    await chmod(join(dir, 'ibases.v8i'), 0o640);
    await run(['set', 'ibases.v8i', '--help-text', TEXT]);
    expect((await stat(join(dir, 'ibases.v8i'))).mode & 0o777).toBe(0o640);
  });

  it('refuses an ambiguous --base in that file only, naming both IDs', async () => {
    await writeFile(join(dir, 'twice.v8i'), '[ЗУП]\r\nConnect=a\r\nID=1\r\n[ЗУП]\r\nConnect=b\r\nID=2\r\n');
    const { code, err } = await run(['set', 'twice.v8i', 'ibases.v8i', '--base', 'ЗУП', '--help-text', 'x']);
    expect(code).toBe(1);
    expect(err).toContain('twice.v8i: --base "ЗУП" matches 2 bases (IDs 1, 2) [ambiguous-base]');
    expect(await readFile(join(dir, 'twice.v8i'), 'utf8')).not.toContain('StartupError');
  });

  it('combines selectors with AND and touches only the picked bases', async () => {
    const { code, out } = await run([
      'set',
      'ibases.v8i',
      '--match',
      'бух*',
      '--connect',
      'RIGA',
      '--help-text',
      'x',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).files[0]).toMatchObject({ status: 'changed', bases: 1 });
    const byFolder = await run([
      'get',
      'ibases.v8i',
      '--folder',
      '/Архив',
      '--id',
      '{2E3F4A5B-6C7D-4E8F-9A0B-1C2D3E4F5A6B}',
      '--json',
    ]);
    expect(JSON.parse(byFolder.out).files[0].bases.map((b: { name: string }) => b.name)).toEqual([
      'Демо: Управление торговлей [копия]',
    ]);
    const none = await run(['set', 'ibases.v8i', '--base', 'Нет такой', '--help-text', 'x']);
    expect(none.err).toContain('note: no base in these files matched the selectors');
  });

  it('applies a plan by name, ID and *', async () => {
    const { code } = await run(['apply', 'ibases.v8i', '--plan', 'plans/help.json']);
    expect(code).toBe(0);
    const got = JSON.parse((await run(['get', 'ibases.v8i', '--json'])).out).files[0].bases;
    expect(got.map((b: { values: Record<string, string> }) => b.values.StartupErrorHelpText)).toEqual([
      'Дежурный администратор: +7 (495) 123-45-67',
      'Rīgas birojs: +371 6700 0000',
      'Расчётный отдел: +7 (495) 123-45-70, доб. 2',
      'Дежурный администратор: +7 (495) 123-45-67',
    ]);
    const csv = await run(['apply', 'ibases.v8i', '--plan', 'plans/help.csv', '-n']);
    expect(csv.out).toContain('+StartupErrorHelpText=Расчётный отдел; доб. 2');
  });

  it('apply names the plan rows that reached no base (a misspelt name), and still applies the rest', async () => {
    await writeFile(
      join(dir, 'typo.csv'),
      'base,helpText\n*,общий\nЗарплата и управление персонало,опечатка\nБухгалтерия — филиал Рига,Рига\n',
    );
    const { code, err } = await run(['apply', 'ibases.v8i', '--plan', 'typo.csv']);
    expect(code).toBe(0);
    expect(err).toContain(
      'note: no selected base in these files matched plan row 2 (base "Зарплата и управление персонало");',
    );
    expect(err).not.toContain('row 1');
    expect(err).not.toContain('row 3');
    const got = JSON.parse((await run(['get', 'ibases.v8i', '--json'])).out).files[0].bases;
    expect(got.map((b: { values: Record<string, string> }) => b.values.StartupErrorHelpText)).toEqual([
      'общий',
      'Рига',
      'общий',
      'общий',
    ]);
    const json = await run(['apply', 'ibases.v8i', '--plan', 'typo.csv', '--json']);
    expect(json.err).toBe('');
  });

  it('check reports diagnostics and exits 1 on errors', async () => {
    expect((await run(['check', '.'])).code).toBe(0);
    await writeFile(join(dir, 'dup.v8i'), '[A]\nConnect=a\nID=1\nID=2\n');
    const { code, out } = await run(['check', '.']);
    expect(code).toBe(1);
    expect(out).toContain(
      'dup.v8i:4: error key "ID" appears twice in [A] (first on line 3); remove one of them [duplicate-key]',
    );
  });

  it('usage errors exit 2 and say how to fix them', async () => {
    const multiLine = await run(['set', '.', '--help-text', 'a\nb']);
    expect(multiLine.code).toBe(2);
    expect(multiLine.err).toContain('--help-text must be one line');
    const url = await run(['set', '.', '--help-url', 'javascript:alert(1)']);
    expect([url.code, url.err.includes('absolute http:// or https://')]).toEqual([2, true]);
    const typo = await run(['set', '.', '--bse', 'x', '--help-text', 'x']);
    expect([typo.code, typo.err.includes('unknown option --bse (did you mean --base?)')]).toEqual([2, true]);
    expect((await run(['set', '--help-text', 'x'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    for (const inherited of ['--toString', '--constructor', '--__proto__', '--hasOwnProperty=x']) {
      const odd = await run(['set', '.', inherited, '--help-text', 'x']);
      expect([inherited, odd.code, odd.err.includes(`unknown option ${inherited}`)]).toEqual([
        inherited,
        2,
        true,
      ]);
    }
    expect((await run(['set', '.', '--help-text', 'x', '--jobs', '0'])).code).toBe(2);
  });

  it('a plan that cannot be read: says which and why, changes nothing, exit 1', async () => {
    const before = await bytes('ibases.v8i');
    const { code, err } = await run(['apply', 'ibases.v8i', '--plan', 'plans/nope.csv']);
    expect(code).toBe(1);
    expect(err).toContain(
      'v8i apply: cannot read the plan plans/nope.csv: file not found; nothing was changed',
    );
    expect(await bytes('ibases.v8i')).toEqual(before);
  });

  it('a path that matches nothing is a failed entry, not a crash', async () => {
    const { code, err } = await run(['set', 'nowhere', 'ibases.v8i', '--help-text', 'x']);
    expect(code).toBe(1);
    expect(err).toContain('✖ nowhere: no such file or folder [not-found]');
    expect(err).toContain('changed 1 of 2 files (4 bases); 1 failed');
    const pattern = await run(['get', 'profiles/*/nothing-here']);
    expect(pattern.err).toContain('✖ profiles/*/nothing-here: nothing matches this pattern [not-found]');
    const base = await run(['get', 'nowhere/*/x']);
    expect(base.err).toContain('✖ nowhere/*/x: no such folder: nowhere [not-found]');
  });

  it('an existing folder without lists says so, apart from a missing path', async () => {
    await mkdir(join(dir, 'empty/inner'), { recursive: true });
    await writeFile(join(dir, 'empty/inner/notes.txt'), 'not a list');
    const { code, err } = await run(['set', 'empty', 'missing', '--help-text', 'x', '--json']);
    expect(code).toBe(1);
    const errors = JSON.parse(
      (await run(['set', 'empty', 'missing', '--help-text', 'x', '--json'])).out,
    ).files;
    expect(
      errors.map((f: { path: string; error: { code: string; message: string } }) => [
        f.path,
        f.error.code,
        f.error.message,
      ]),
    ).toEqual([
      ['empty', 'no-lists', 'no .v8i files in empty'],
      ['missing', 'not-found', 'no such file or folder'],
    ]);
    expect(err).toBe('');
    const human = await run(['list', 'empty']);
    expect(human.err).toContain('✖ no .v8i files in empty [no-lists]');
    const folders = await run(['list', 'empty/*']);
    expect(folders.err).toContain('✖ no .v8i files in the folder matching empty/* [no-lists]');
  });

  it('globs and folders find *.v8i in any case; list shows encodings', async () => {
    await cp(join(dir, 'ibases.v8i'), join(dir, 'profiles/UPPER.V8I'));
    const { out } = await run(['list', 'profiles', 'ibases-*.v8i', '--json']);
    const paths = JSON.parse(out).files.map(
      (f: { path: string; encoding: string }) => `${f.path} ${f.encoding}`,
    );
    expect(paths).toEqual([
      'ibases-utf16.v8i utf-16le with BOM',
      'ibases-with-help.v8i utf-8 with BOM',
      'profiles/UPPER.V8I utf-8 with BOM',
      'profiles/ivanov/AppData/Roaming/1C/1CEStart/ibases.v8i utf-8 with BOM',
      'profiles/petrova/AppData/Roaming/1C/1CEStart/ibases.v8i utf-8 with BOM',
      'profiles/sidorov/AppData/Roaming/1C/1CEStart/ibases.v8i utf-8',
    ]);
    const folders = await run(['list', `${dir}/profiles/*/appdata/roaming/1c/1cestart`, '--json']);
    expect(JSON.parse(folders.out).files.map((f: { path: string }) => f.path)).toEqual(
      ['ivanov', 'petrova', 'sidorov'].map(
        (user) => `${dir}/profiles/${user}/AppData/Roaming/1C/1CEStart/ibases.v8i`,
      ),
    );
  });

  it('shows a progress bar only on a TTY with more than 20 files, never with --json', async () => {
    for (let i = 0; i < 21; i++) await cp(join(dir, 'ibases.v8i'), join(dir, `many/${i}.v8i`));
    expect((await run(['get', 'many'], { tty: true })).err).toContain('/21 files');
    expect((await run(['get', 'many', '--json'], { tty: true })).err).not.toContain('files');
    expect((await run(['get', 'many'])).err).not.toContain('/21 files');
    await rm(join(dir, 'many/0.v8i'));
    expect((await run(['get', 'many'], { tty: true })).err).not.toContain('/20 files');
  });

  it('has --help with examples for every command, and --version', async () => {
    for (const command of ['locate', 'list', 'get', 'set', 'unset', 'apply', 'sync', 'check']) {
      const { code, out } = await run([command, '--help']);
      expect([command, code]).toEqual([command, 0]);
      expect(out).toContain(`Usage: v8i ${command}`);
      expect(out).toContain('Examples:');
    }
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
