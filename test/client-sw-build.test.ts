// The shipped kit (dist/client-sw/default/, built by the global setup), kits per publication, and the
// build's refusal of a bad config.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const KIT = join(ROOT, 'dist', 'client-sw', 'default');
const run = promisify(execFile);

describe('npm run build:sw output', () => {
  it('precaches offline.html and the config with content revisions', async () => {
    const sw = await readFile(join(KIT, 'sw.js'), 'utf8');
    for (const file of ['offline.html', 'startup-help.config.json']) {
      const md5 = createHash('md5')
        .update(await readFile(join(KIT, file)))
        .digest('hex');
      expect(sw).toContain(`{"revision":"${md5}","url":"${file}"}`);
    }
    expect(sw).not.toContain('self.__WB_MANIFEST');
  });

  it('writes a complete, valid config and an offline page with a strict CSP', async () => {
    const config = JSON.parse(await readFile(join(KIT, 'startup-help.config.json'), 'utf8'));
    expect(config).toMatchObject({ networkTimeoutSeconds: 10, fallbackStatuses: [502, 503, 504] });
    const page = await readFile(join(KIT, 'offline.html'), 'utf8');
    expect(page).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/,
    );
    // Nothing is loaded from anywhere: the icon is a data: URL.
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)="(?!data:)/);
  });

  it('keeps what the web client page loads small', async () => {
    // register-sw.js is the one script added to every page of the web client.
    expect((await stat(join(KIT, 'register-sw.js'))).size).toBeLessThan(16 * 1024);
    expect((await stat(join(KIT, 'offline.html'))).size).toBeLessThan(32 * 1024);
  });

  it('refuses a wrong config with what, where and how to fix, before touching dist/', async () => {
    const before = (await stat(join(KIT, 'sw.js'))).mtimeMs;
    const failure = await run(
      process.execPath,
      [
        'scripts/build.mjs',
        'sw',
        '--name=default',
        '--status-url=ftp://status.local/x',
        '--network-timeout-seconds=soon',
      ],
      { cwd: ROOT },
    ).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain(
      'statusURL must be an absolute http:// or https:// URL (got "ftp://status.local/x")',
    );
    expect(failure?.stderr).toContain('networkTimeoutSeconds must be a number (got "soon")');
    expect(failure?.stderr).toContain('docs/web-client.md');
    expect((await stat(join(KIT, 'sw.js'))).mtimeMs).toBe(before);
  });

  it('builds one kit per publication and never replaces a configured kit with a blank one', async () => {
    const kits = await mkdtemp(join(tmpdir(), 'startup-help-kits-'));
    const build = (...args: string[]) =>
      run(process.execPath, ['scripts/build.mjs', 'sw', `--kits-dir=${kits}`, ...args], { cwd: ROOT });
    try {
      await build(
        '--name=buh',
        '--status-url=https://status.example/startup-error/buh',
        '--base-name=Бухгалтерия',
      );
      await build(
        '--name=zup',
        '--status-url=https://status.example/startup-error/zup',
        '--time-zone=Europe/Riga',
      );
      const config = (name: string) =>
        readFile(join(kits, name, 'startup-help.config.json'), 'utf8').then(JSON.parse);
      // An administrator edits one kit's saved config by hand; a later full build keeps that too.
      await writeFile(
        join(kits, 'zup', 'startup-help.config.json'),
        JSON.stringify({ ...(await config('zup')), baseName: 'Зарплата' }),
      );
      await build();
      expect((await readdir(kits)).sort()).toEqual(['buh', 'default', 'zup']);
      expect(await config('buh')).toMatchObject({
        statusURL: 'https://status.example/startup-error/buh',
        baseName: 'Бухгалтерия',
      });
      expect(await config('zup')).toMatchObject({ baseName: 'Зарплата', timeZone: 'Europe/Riga' });
      expect((await config('default')).statusURL).toBeUndefined();
      // Each kit's worker precaches its own config.
      const sw = await readFile(join(kits, 'zup', 'sw.js'), 'utf8');
      const md5 = createHash('md5')
        .update(await readFile(join(kits, 'zup', 'startup-help.config.json')))
        .digest('hex');
      expect(sw).toContain(`{"revision":"${md5}","url":"startup-help.config.json"}`);

      const unnamed = await build('--status-url=https://status.example/startup-error/x').then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(unnamed?.code).toBe(2);
      expect(unnamed?.stderr).toContain('--status-url names no web publication, so nothing was built');
    } finally {
      await rm(kits, { recursive: true, force: true });
    }
  });
});
