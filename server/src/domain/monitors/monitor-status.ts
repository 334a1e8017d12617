import { isoInZone } from '../../../../contract/local-time.ts';
import type { MonitorStatus } from '../../../../contract/monitor.ts';
import type { ProbeBucket, ProbeStats } from '../automation-store.ts';
import type { MonitorState } from './monitor-state.ts';

/** Percentage of successful probes, one decimal; undefined when there were none. */
export function uptimePercent(buckets: readonly ProbeBucket[]): number | undefined {
  let ok = 0;
  let total = 0;
  for (const bucket of buckets) {
    ok += bucket.ok;
    total += bucket.total;
  }
  return total === 0 ? undefined : Math.round((ok / total) * 1000) / 10;
}

/** What the admin API says about a monitor now. */
export function monitorStatus(
  state: MonitorState | undefined,
  stats: ProbeStats | undefined,
  timeZone: string,
): MonitorStatus {
  const status: MonitorStatus = { state: state?.state ?? 'unknown' };
  if (state?.since !== undefined) status.since = isoInZone(state.since, timeZone);
  if (state?.lastProbeAt !== undefined) {
    status.lastProbe = {
      at: isoInZone(state.lastProbeAt, timeZone),
      ok: state.lastOk ?? false,
      ms: state.lastMs ?? 0,
      ...(state.lastProblem && { problem: state.lastProblem }),
    };
  }
  if (state?.message && state.state === 'down') status.messageId = state.message.id;
  if (state?.suppressed && state.state === 'down') status.suppressed = true;
  const day = stats && uptimePercent(stats.hours);
  const week = stats && uptimePercent(stats.quarters);
  if (day !== undefined) status.uptime24h = day;
  if (week !== undefined) status.uptime7d = week;
  return status;
}
