import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineHttpContract } from './http-contract.ts';

const ROOT = join(import.meta.dirname, '..');

interface NodeServer {
  url: string;
  /** The token printed at first start (undefined on later starts). */
  token: string | undefined;
  output: () => string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** `npm start` as a user runs it, on an ephemeral port; resolves once it prints where it listens. */
function startNodeServer(dataDir: string, env: Record<string, string> = {}): Promise<NodeServer> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.then(() => running.delete(child));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!listening?.[1]) return;
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (more: Buffer) => {
        output += more.toString();
      });
      resolve({
        url: listening[1],
        token: /shown once[^\n]*\n\s*\n\s+(\S+)/.exec(output)?.[1],
        output: () => output,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)));
  });
}

/** Runs the entry expecting it to refuse to start; resolves with its exit code and output. */
function runUntilExit(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve({ code, output });
    }),
  );
}

defineHttpContract('the real Node server over HTTP', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'server-node-'));
  const server = await startNodeServer(dataDir);
  if (!server.token) throw new Error(`no admin token printed at first start:\n${server.output()}`);
  return {
    fetch: (path, init) => fetch(`${server.url}${path}`, init),
    adminToken: server.token,
    close: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('the Node server process', () => {
  it('prints its URLs and a generated token once, keeps only its hash, and keeps all data across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'server-node-'));
    const first = await startNodeServer(dataDir);
    const token = first.token ?? '';
    expect(token.length).toBeGreaterThanOrEqual(40);
    for (const path of ['/startup-error/', '/api/status', '/status', '/admin']) {
      expect(first.output()).toContain(`${first.url}${path}`);
    }
    const saved = await readFile(join(dataDir, 'admin-token.json'), 'utf8');
    expect(saved).not.toContain(token);
    expect(saved).toMatch(/"sha256": "[0-9a-f]{64}"/);

    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const posts = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        fetch(`${first.url}/api/admin/messages`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            text: { ru: `Сообщение ${n}` },
            bases: [`b${n}`],
            displayUntil: new Date(Date.now() + 3_600_000).toISOString(),
            severity: 'maintenance',
          }),
        }),
      ),
    );
    expect(posts.map((p) => p.status)).toEqual([201, 201, 201, 201, 201]);
    const settings = await fetch(`${first.url}/api/admin/settings`, { headers: auth });
    const put = await fetch(`${first.url}/api/admin/settings`, {
      method: 'PUT',
      headers: { ...auth, 'if-match': settings.headers.get('etag') ?? '' },
      body: JSON.stringify({
        defaultLanguage: 'lv',
        timeZone: 'Europe/Riga',
        bases: { b1: { name: 'Grāmatvedība' } },
      }),
    });
    expect(put.status).toBe(200);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('stopped');

    const second = await startNodeServer(dataDir);
    expect(second.token).toBeUndefined();
    expect(second.output()).toMatch(/only its hash is kept/);
    expect(second.output()).not.toContain(token);
    const messages = (await (await fetch(`${second.url}/api/admin/messages`, { headers: auth })).json()) as {
      messages: { text: { ru: string } }[];
    };
    expect(messages.messages.map((m) => m.text.ru).sort()).toEqual(
      [0, 1, 2, 3, 4].map((n) => `Сообщение ${n}`),
    );
    const answer = (await (await fetch(`${second.url}/startup-error/b3`)).json()) as { userMessage?: string };
    expect(answer.userMessage).toBe('Сообщение 3');
    expect(await (await fetch(`${second.url}/api/admin/settings`, { headers: auth })).json()).toMatchObject({
      defaultLanguage: 'lv',
      timeZone: 'Europe/Riga',
    });
    expect(await second.stop('SIGINT')).toBe(0);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes writes in flight on SIGTERM: every write answered 201 is there after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'server-node-'));
    const server = await startNodeServer(dataDir, { ADMIN_TOKEN: 'ops:fixed-token-for-this-test' });
    expect(server.output()).toContain('from ADMIN_TOKEN');
    expect(server.output()).not.toContain('fixed-token-for-this-test');
    const auth = { authorization: 'Bearer fixed-token-for-this-test', 'content-type': 'application/json' };
    const post = (n: number) =>
      fetch(`${server.url}/api/admin/messages`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          text: { en: `Write ${n}` },
          bases: ['*'],
          displayUntil: new Date(Date.now() + 3_600_000).toISOString(),
          severity: 'info',
        }),
      })
        .then(async (r) => (r.status === 201 ? `Write ${n}` : undefined))
        .catch(() => undefined);
    const first = await post(0);
    const inFlight = Array.from({ length: 20 }, (_, n) => post(n + 1));
    const exit = server.stop('SIGTERM');
    const answered = [first, ...(await Promise.all(inFlight))].filter(Boolean);
    expect(await exit).toBe(0);

    const again = await startNodeServer(dataDir, { ADMIN_TOKEN: 'ops:fixed-token-for-this-test' });
    const { messages } = (await (
      await fetch(`${again.url}/api/admin/messages`, { headers: auth })
    ).json()) as {
      messages: { text: { en: string }; createdBy: string }[];
    };
    expect(messages.map((m) => m.text.en)).toEqual(expect.arrayContaining(answered as string[]));
    expect(messages[0]?.createdBy).toBe('ops');
    await again.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to start on a damaged data file, says why, and leaves the file as it was', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'server-node-'));
    const damaged = '{"format": 1, "messages": [';
    await writeFile(join(dataDir, 'startup-help.json'), damaged);
    const { code, output } = await runUntilExit(dataDir);
    expect(code).toBe(1);
    expect(output).toMatch(/startup-help\.json is damaged/);
    expect(output).toMatch(/will not start/);
    expect(output).not.toMatch(/listening/);
    expect(await readFile(join(dataDir, 'startup-help.json'), 'utf8')).toBe(damaged);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to start on an ADMIN_TOKEN no administrator could use, naming the entry and why', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'server-node-'));
    const long = 'long-enough-token-0123456789';
    const cases: [string, RegExp][] = [
      ['x', /ADMIN_TOKEN entry 1 has a token of 1 characters; use at least 24/],
      ['alice:', /ADMIN_TOKEN entry 1 \("alice"\) has no token/],
      [`alice:tok with space${long}`, /entry 1 \("alice"\) has whitespace in its token/],
      [`alice:${long},bob:${long}`, /entry 2 \("bob"\) has the same token as "alice"/],
    ];
    for (const [value, expected] of cases) {
      const { code, output } = await runUntilExit(dataDir, { ADMIN_TOKEN: value });
      expect(code, value).toBe(1);
      expect(output, value).toMatch(expected);
      expect(output, value).not.toMatch(/listening/);
      expect(output, value).not.toContain(long);
    }
    await rm(dataDir, { recursive: true, force: true });
  });
});
