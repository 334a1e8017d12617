import { isoInZone } from '../../../../contract/local-time.ts';
import type { FieldProblem } from '../../../../contract/problem.ts';
import type {
  Schedule,
  ScheduleException,
  ScheduleFields,
  SchedulePatch,
} from '../../../../contract/schedule.ts';
import { automationRuleWords } from '../automation-rule-texts.ts';
import { cronProblem, isCronStart } from './occurrences.ts';

export interface ScheduleChangeContext {
  now: number;
  actor: string;
  /** The settings' zone: the default for a window without its own. */
  timeZone: string;
  /** The language refusals are written in (the caller's); English by default. */
  language?: string | undefined;
}

export type ScheduleChangeResult = { ok: true; schedule: Schedule } | { ok: false; problems: FieldProblem[] };

export function checkSchedule(schedule: Schedule, language = 'en'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const cron = cronProblem(schedule.cron, schedule.timeZone, language);
  if (cron) problems.push({ path: 'cron', message: cron });
  if (
    schedule.startsFrom &&
    schedule.endsAt &&
    Date.parse(schedule.endsAt) <= Date.parse(schedule.startsFrom)
  ) {
    problems.push({
      path: 'endsAt',
      message: automationRuleWords(language).endsAfterStart(schedule.startsFrom),
    });
  }
  return problems;
}

function result(schedule: Schedule, ctx: ScheduleChangeContext): ScheduleChangeResult {
  const problems = checkSchedule(schedule, ctx.language);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, schedule };
}

export function createSchedule(
  fields: ScheduleFields,
  id: string,
  ctx: ScheduleChangeContext,
): ScheduleChangeResult {
  const timeZone = fields.timeZone ?? ctx.timeZone;
  const at = isoInZone(ctx.now, timeZone);
  const { enabled, severity: _severity, ...rest } = fields;
  return result(
    {
      ...rest,
      id,
      timeZone,
      severity: 'maintenance',
      enabled: enabled ?? true,
      exceptions: [],
      createdAt: at,
      updatedAt: at,
      createdBy: ctx.actor,
      version: 1,
    },
    ctx,
  );
}

function stamp(next: Schedule, current: Schedule, ctx: ScheduleChangeContext): Schedule {
  next.updatedAt = isoInZone(ctx.now, next.timeZone);
  next.updatedBy = ctx.actor;
  next.version = current.version + 1;
  return next;
}

export function patchSchedule(
  current: Schedule,
  patch: SchedulePatch,
  ctx: ScheduleChangeContext,
): ScheduleChangeResult {
  const next: Schedule = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof SchedulePatch, unknown][]) {
    if (value === undefined) continue;
    if (value === null) delete (next as Record<string, unknown>)[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  // Another pattern or zone gives other starts: exceptions keyed to the old ones would mean nothing.
  if (next.cron !== current.cron || next.timeZone !== current.timeZone) next.exceptions = [];
  return result(stamp(next, current, ctx), ctx);
}

/**
 * The schedule with one occurrence skipped or moved (an earlier exception for it is replaced). The
 * occurrence must be a start the cron gives; a moved one must still be shown in the future.
 */
export function setException(
  current: Schedule,
  exception: ScheduleException,
  ctx: ScheduleChangeContext,
): ScheduleChangeResult {
  const occurrence = Date.parse(exception.occurrence);
  const words = automationRuleWords(ctx.language);
  const problems: FieldProblem[] = [];
  if (!isCronStart(current, occurrence)) {
    problems.push({
      path: 'occurrence',
      message: words.notAStart(current.cron, current.timeZone),
    });
  }
  if (exception.action === 'move') {
    const end =
      Date.parse(exception.startsAt) + (exception.durationMinutes ?? current.durationMinutes) * 60_000;
    if (end <= ctx.now) problems.push({ path: 'startsAt', message: words.moveInPast });
  }
  if (problems.length > 0) return { ok: false, problems };
  const others = current.exceptions.filter((e) => Date.parse(e.occurrence) !== occurrence);
  const exceptions = [...others, exception].sort(
    (a, b) => Date.parse(a.occurrence) - Date.parse(b.occurrence),
  );
  return result(stamp({ ...current, exceptions }, current, ctx), ctx);
}

/** The schedule with the exception for `occurrence` removed; `undefined` when there was none. */
export function clearException(
  current: Schedule,
  occurrence: number,
  ctx: ScheduleChangeContext,
): Schedule | undefined {
  const exceptions = current.exceptions.filter((e) => Date.parse(e.occurrence) !== occurrence);
  if (exceptions.length === current.exceptions.length) return undefined;
  return stamp({ ...current, exceptions }, current, ctx);
}

/** Exceptions for occurrences that ended long ago are dropped when the schedule is next written. */
export function withoutOldExceptions(
  exceptions: readonly ScheduleException[],
  before: number,
): ScheduleException[] {
  return exceptions.filter((e) => Date.parse(e.action === 'move' ? e.startsAt : e.occurrence) >= before);
}
