import { isoInZone } from '../../../../contract/local-time.ts';
import type { Monitor, MonitorFields, MonitorPatch } from '../../../../contract/monitor.ts';
import { MONITOR_DEFAULTS } from '../../../../contract/monitor-defaults.ts';
import type { FieldProblem } from '../../../../contract/problem.ts';
import { automationRuleWords } from '../automation-rule-texts.ts';
import { targetProblem } from './monitor-target.ts';

export interface MonitorChangeContext {
  now: number;
  actor: string;
  timeZone: string;
  /** The language refusals are written in (the caller's); English by default. */
  language?: string | undefined;
}

export type MonitorChangeResult = { ok: true; monitor: Monitor } | { ok: false; problems: FieldProblem[] };

/** Rules spanning fields: the target suits the kind, and a probe ends before the next one is due. */
export function checkMonitor(monitor: Monitor, language = 'en'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const target = targetProblem(monitor.kind, monitor.target, language);
  if (target) problems.push({ path: 'target', message: target });
  if (monitor.timeoutSeconds >= monitor.intervalSeconds) {
    problems.push({
      path: 'timeoutSeconds',
      message: automationRuleWords(language).timeoutBelowInterval(monitor.intervalSeconds),
    });
  }
  return problems;
}

function result(monitor: Monitor, ctx: MonitorChangeContext): MonitorChangeResult {
  const problems = checkMonitor(monitor, ctx.language);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, monitor };
}

export function createMonitor(
  fields: MonitorFields,
  id: string,
  ctx: MonitorChangeContext,
): MonitorChangeResult {
  const at = isoInZone(ctx.now, ctx.timeZone);
  return result(
    {
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
    },
    ctx,
  );
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
  return result(next, ctx);
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
