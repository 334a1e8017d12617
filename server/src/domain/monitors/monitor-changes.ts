import { isoInZone } from '../../../../contract/local-time.ts';
import {
  MONITOR_DEFAULTS,
  type Monitor,
  type MonitorFields,
  type MonitorPatch,
} from '../../../../contract/monitor.ts';
import type { FieldProblem } from '../../../../contract/problem.ts';
import { targetProblem } from './monitor-target.ts';

export interface MonitorChangeContext {
  now: number;
  actor: string;
  timeZone: string;
}

export type MonitorChangeResult = { ok: true; monitor: Monitor } | { ok: false; problems: FieldProblem[] };

/** Rules spanning fields: the target suits the kind, and a probe ends before the next one is due. */
export function checkMonitor(monitor: Monitor): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const target = targetProblem(monitor.kind, monitor.target);
  if (target) problems.push({ path: 'target', message: target });
  if (monitor.timeoutSeconds >= monitor.intervalSeconds) {
    problems.push({
      path: 'timeoutSeconds',
      message: `must be shorter than intervalSeconds (${monitor.intervalSeconds}), so one probe ends before the next is due`,
    });
  }
  return problems;
}

function result(monitor: Monitor): MonitorChangeResult {
  const problems = checkMonitor(monitor);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, monitor };
}

export function createMonitor(
  fields: MonitorFields,
  id: string,
  ctx: MonitorChangeContext,
): MonitorChangeResult {
  const at = isoInZone(ctx.now, ctx.timeZone);
  return result({
    id,
    name: fields.name,
    kind: fields.kind,
    target: fields.target,
    intervalSeconds: fields.intervalSeconds ?? MONITOR_DEFAULTS.intervalSeconds,
    timeoutSeconds: fields.timeoutSeconds ?? MONITOR_DEFAULTS.timeoutSeconds,
    failuresToDown: fields.failuresToDown ?? MONITOR_DEFAULTS.failuresToDown,
    successesToUp: fields.successesToUp ?? MONITOR_DEFAULTS.successesToUp,
    bases: fields.bases,
    ...(fields.text && { text: fields.text }),
    severity: 'outage',
    enabled: fields.enabled ?? true,
    createdAt: at,
    updatedAt: at,
    createdBy: ctx.actor,
    version: 1,
  });
}

export function patchMonitor(
  current: Monitor,
  patch: MonitorPatch,
  ctx: MonitorChangeContext,
): MonitorChangeResult {
  const next: Monitor = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof MonitorPatch, unknown][]) {
    if (value === undefined) continue;
    if (value === null) delete (next as Record<string, unknown>)[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  next.updatedAt = isoInZone(ctx.now, ctx.timeZone);
  next.updatedBy = ctx.actor;
  next.version = current.version + 1;
  return result(next);
}

/** A change that makes the state machine start over (another target, other thresholds). */
export function probeChanged(before: Monitor, after: Monitor): boolean {
  return (
    before.kind !== after.kind ||
    before.target !== after.target ||
    before.failuresToDown !== after.failuresToDown ||
    before.successesToUp !== after.successesToUp
  );
}
