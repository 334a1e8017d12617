import { describe, expect, it } from 'vitest';
import { MonitorFields } from '../../../../contract/monitor.ts';
import * as z from '../../../../contract/zod.ts';
import { createMonitor, patchMonitor } from './monitor-changes.ts';
import { parseTcpTarget } from './monitor-target.ts';

const ctx = { now: Date.parse('2026-11-23T00:00:00Z'), actor: 'admin', timeZone: 'Europe/Riga' };

describe('monitor changes', () => {
  it('fills the defaults: every 30 s, 5 s timeout, down after 3, up after 2, enabled', () => {
    const fields = z.parse(MonitorFields, {
      name: 'Web publication',
      kind: 'http',
      target: 'https://1c.example.local/buh/ru_RU/',
      bases: ['buh'],
    });
    const made = createMonitor(fields, 'm1', ctx);
    expect(made).toEqual({
      ok: true,
      monitor: expect.objectContaining({
        intervalSeconds: 30,
        timeoutSeconds: 5,
        failuresToDown: 3,
        successesToUp: 2,
        severity: 'outage',
        enabled: true,
        createdAt: '2026-11-23T02:00:00+02:00',
        version: 1,
      }),
    });
  });

  it('refuses an interval under 10 s in the schema', () => {
    const parsed = z.safeParse(MonitorFields, {
      name: 'x',
      kind: 'tcp',
      target: 'srv:1540',
      bases: ['*'],
      intervalSeconds: 5,
    });
    expect(parsed.success).toBe(false);
  });

  it('names the field when the target does not suit the kind or the timeout is too long', () => {
    const made = createMonitor(
      {
        name: 'Agent',
        kind: 'tcp',
        target: 'https://srv/',
        bases: ['*'],
        timeoutSeconds: 30,
        intervalSeconds: 30,
      },
      'm2',
      ctx,
    );
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.problems.map((p) => p.path)).toEqual(['target', 'timeoutSeconds']);
    expect(made.problems[0]?.message).toContain('host:port');
  });

  it('a patch keeps the rest, removes the text with null and bumps the version', () => {
    const made = createMonitor(
      { name: 'Agent', kind: 'tcp', target: 'srv:1540', bases: ['*'], text: { ru: 'Сбой с {since}.' } },
      'm3',
      ctx,
    );
    if (!made.ok) throw new Error('should be valid');
    const patched = patchMonitor(made.monitor, { text: null, failuresToDown: 5 }, { ...ctx, actor: 'ops' });
    if (!patched.ok) throw new Error('should be valid');
    expect(patched.monitor).not.toHaveProperty('text');
    expect(patched.monitor).toMatchObject({
      failuresToDown: 5,
      version: 2,
      updatedBy: 'ops',
      target: 'srv:1540',
    });
  });

  it('reads tcp targets: names, IPv4, [IPv6], and refuses bad ports', () => {
    expect(parseTcpTarget('1c-server.example.local:1540')).toEqual({
      host: '1c-server.example.local',
      port: 1540,
    });
    expect(parseTcpTarget('10.0.0.5:1541')).toEqual({ host: '10.0.0.5', port: 1541 });
    expect(parseTcpTarget('[::1]:5432')).toEqual({ host: '::1', port: 5432 });
    expect(parseTcpTarget('srv:0')).toBeUndefined();
    expect(parseTcpTarget('srv:70000')).toBeUndefined();
    expect(parseTcpTarget('srv')).toBeUndefined();
    expect(parseTcpTarget('bad host:1540')).toBeUndefined();
  });
});
