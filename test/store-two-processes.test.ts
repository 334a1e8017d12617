// Two `npm start` processes on one DATA_DIR (two services behind a load balancer, or a second start
// by mistake): no acknowledged write is lost, optimistic locking holds across processes, and each
// process serves what the other wrote.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killLeftovers, type NodeServerProcess, startNodeServer } from './hardening-node-server.ts';

const TOKEN = 'two-processes-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

let dataDir = '';
afterAll(async () => {
  killLeftovers();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Every request checks for the other process's writes: what it serves is deterministic. */
const start = (env: Record<string, string> = {}) =>
  startNodeServer(dataDir, { env: { ADMIN_TOKEN: TOKEN, SNAPSHOT_MAX_AGE_MS: '0', ...env } });

async function post(server: NodeServerProcess, text: string): Promise<Response> {
  return fetch(`${server.url}/api/admin/messages`, {
    method: 'POST',
    headers: AUTH,
    body: JSON.stringify({
      text: { en: text },
      bases: ['*'],
      displayUntil: new Date(Date.now() + 3_600_000).toISOString(),
      severity: 'maintenance',
    }),
  });
}

async function listed(server: NodeServerProcess): Promise<string[]> {
  const answer = await fetch(`${server.url}/api/admin/messages`, { headers: AUTH });
  const { messages } = (await answer.json()) as { messages: { text: { en: string } }[] };
  return messages.map((m) => m.text.en).sort();
}

async function shown(server: NodeServerProcess): Promise<string[]> {
  const status = (await (await fetch(`${server.url}/api/status?lang=en`)).json()) as {
    bases: { key: string; active: { userMessage: string }[] }[];
  };
  return (status.bases.find((b) => b.key === '*')?.active ?? []).map((m) => m.userMessage).sort();
}

describe('two npm start processes on one DATA_DIR', () => {
  it('keeps a POST to each across a restart of both, and each serves the other’s message', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'two-processes-'));
    let [a, b] = await Promise.all([start(), start()]);
    expect((await post(a, 'Written through A')).status).toBe(201);
    expect((await post(b, 'Written through B')).status).toBe(201);
    expect(await shown(a)).toEqual(['Written through A', 'Written through B']);
    expect(await shown(b)).toEqual(['Written through A', 'Written through B']);

    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
    [a, b] = await Promise.all([start(), start()]);
    expect(await listed(a)).toEqual(['Written through A', 'Written through B']);
    expect(await listed(b)).toEqual(['Written through A', 'Written through B']);

    // 50 PATCHes with the same ETag, half through each process: exactly one wins.
    const created = (await (await post(a, 'Edited by many')).json()) as { id: string; version: number };
    const etag = `"m${created.version}"`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        fetch(`${(n % 2 ? a : b).url}/api/admin/messages/${created.id}`, {
          method: 'PATCH',
          headers: { ...AUTH, 'if-match': etag },
          body: JSON.stringify({ text: { en: `Edit ${n}` } }),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(49);
    const winner = statuses.indexOf(200);
    const audit = (await (await fetch(`${b.url}/api/admin/audit?limit=10`, { headers: AUTH })).json()) as {
      entries: { action: string; target: string; after?: { text?: { en: string } } }[];
    };
    const updates = audit.entries.filter((e) => e.action === 'message.update' && e.target === created.id);
    expect(updates.map((e) => e.after?.text?.en)).toEqual([`Edit ${winner}`]);
    expect(await shown(a)).toContain(`Edit ${winner}`);
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
  }, 120_000);

  it('with a long SNAPSHOT_MAX_AGE_MS a process keeps serving its snapshot until then', async () => {
    dataDir ||= await mkdtemp(join(tmpdir(), 'two-processes-'));
    const [a, b] = await Promise.all([start({ SNAPSHOT_MAX_AGE_MS: '3600000' }), start()]);
    const before = await shown(a);
    expect((await post(b, 'Not yet seen by A')).status).toBe(201);
    expect(await shown(a)).toEqual(before);
    expect(await shown(b)).toContain('Not yet seen by A');
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
  }, 60_000);
});
