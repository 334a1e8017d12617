import type { Monitor } from '../../../contract/monitor.ts';
import type { ProbeResult } from '../domain/monitors/monitor-state.ts';
import { parseTcpTarget, type TcpTarget } from '../domain/monitors/monitor-target.ts';

/** Opens a TCP connection and closes it; rejects when it cannot. The runtime's own sockets do the I/O. */
export type TcpConnect = (target: TcpTarget, signal: AbortSignal) => Promise<void>;

export interface ProbeOptions {
  fetch: typeof fetch;
  tcpConnect: TcpConnect;
  now?: () => number;
}

export type Probe = (monitor: Pick<Monitor, 'kind' | 'target' | 'timeoutSeconds'>) => Promise<ProbeResult>;

/** A failure in words an administrator reads at night: what happened, not a stack. */
export function describeFailure(error: unknown, timeoutSeconds: number): string {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutSeconds} s`;
  const code = e?.code ?? e?.cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused: nothing listens on that port';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found: check the name';
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default: {
      const detail = e?.cause?.message ?? e?.message ?? String(error);
      return `cannot connect (${detail.slice(0, 200)})`;
    }
  }
}

/**
 * One probe, bounded by the monitor's timeout. `http`: up = an answer below 500 within the timeout,
 * redirects not followed (a 302 to the login page is up). `tcp`: up = the connection opens in time.
 */
export function createProbe(options: ProbeOptions): Probe {
  const now = options.now ?? (() => performance.now());
  return async (monitor) => {
    const started = now();
    const timeoutMs = monitor.timeoutSeconds * 1000;
    const signal = AbortSignal.timeout(timeoutMs);
    const elapsed = () => Math.max(0, Math.round(now() - started));
    try {
      if (monitor.kind === 'http') {
        const response = await options.fetch(monitor.target, {
          method: 'GET',
          redirect: 'manual',
          signal,
          headers: { 'user-agent': 'startup-help-monitor', 'cache-control': 'no-cache' },
        });
        await response.body?.cancel().catch(() => undefined);
        if (response.status < 500) return { ok: true, ms: elapsed() };
        return { ok: false, ms: elapsed(), problem: `HTTP ${response.status}` };
      }
      const target = parseTcpTarget(monitor.target);
      if (!target) return { ok: false, ms: 0, problem: `"${monitor.target}" is not host:port` };
      await Promise.race([
        options.tcpConnect(target, signal),
        new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
      ]);
      return { ok: true, ms: elapsed() };
    } catch (error) {
      return {
        ok: false,
        ms: elapsed(),
        problem: describeFailure(signal.aborted ? signal.reason : error, monitor.timeoutSeconds),
      };
    }
  };
}
