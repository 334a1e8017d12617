import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** The service side of the proxy suites: an admin token, and the message the friendly page must show. */
export const PROXY_ADMIN_TOKEN = 'proxy-admin-token-0123456789';

/** Besides the message, the friendly page for `/buh/…` names the base and says whom to call. */
export const PROXY_PAGE_SHOWS = {
  ru: ['Не удаётся подключиться к Бухгалтерия', 'Дежурный администратор: +7 (495) 123-45-67'],
  en: ['Cannot connect to Бухгалтерия', 'On-call administrator: +7 (495) 123-45-67'],
};

/** What `/buh/startup-help.config.json` takes from the settings `publishMessage` writes. */
export const PROXY_KIT_CONFIG = {
  baseName: 'Бухгалтерия',
  defaultLanguage: 'ru',
  helpText: {
    ru: 'Дежурный администратор: +7 (495) 123-45-67',
    en: 'On-call administrator: +7 (495) 123-45-67',
  },
};

export const PROXY_MESSAGE = {
  ru: 'Идут плановые работы в 1С. Вход снова будет доступен после 14:00 (МСК).',
  en: 'Planned maintenance of 1C is under way. You can log in again after 14:00 (Moscow time).',
};

/** Publishes the message every base shows, and names the base `buh`, through the admin API. */
export async function publishMessage(url: string): Promise<void> {
  const auth = { authorization: `Bearer ${PROXY_ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const settings = await fetch(`${url}/api/admin/settings`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({
      defaultLanguage: 'ru',
      timeZone: 'Europe/Moscow',
      helpText: PROXY_KIT_CONFIG.helpText,
      bases: { buh: { name: PROXY_KIT_CONFIG.baseName } },
    }),
  });
  if (!settings.ok) throw new Error(`PUT settings: ${settings.status} ${await settings.text()}`);
  const message = await fetch(`${url}/api/admin/messages`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      text: PROXY_MESSAGE,
      bases: ['*'],
      displayUntil: new Date(Date.now() + 24 * 3600_000).toISOString(),
      severity: 'maintenance',
    }),
  });
  if (!message.ok) throw new Error(`POST message: ${message.status} ${await message.text()}`);
}

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** `npm start` as an administrator runs it (in proxy mode when `UPSTREAM_URL` is set); resolves with its URL once listening. */
export function startEntry(
  env: Record<string, string>,
): Promise<{ url: string; output: () => string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening?.[1] && (!env.UPSTREAM_URL || /proxy mode/.test(output)))
        resolve({ url: listening[1], output: () => output, child });
    });
    child.once('exit', (code) => {
      running.delete(child);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
}

/**
 * The kit in dist/client-sw/default/. register-sw.js is built deterministically and compared byte for byte;
 * sw.js and offline.html carry a build time (offline.html's fallback state, and so the precache
 * revision), and other test runs sharing dist/ may rebuild them meanwhile, so they are recognised by
 * what makes them the kit.
 */
export async function builtKit(): Promise<
  Record<'sw.js' | 'register-sw.js' | 'offline.html', string | RegExp>
> {
  return {
    'register-sw.js': await readFile(join(ROOT, 'dist', 'client-sw', 'default', 'register-sw.js'), 'utf8'),
    'sw.js': /"url":"offline\.html"\},\{"revision":"[0-9a-f]+","url":"startup-help\.config\.json"/,
    'offline.html': /<script type="application\/json" id="startup-help-state">/,
  };
}
