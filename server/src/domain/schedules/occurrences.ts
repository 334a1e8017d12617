import { Cron } from 'croner';
import { isoInZone } from '../../../../contract/local-time.ts';
import type { Message } from '../../../../contract/message.ts';
import type { Schedule } from '../../../../contract/schedule.ts';
import { automationRuleWords } from '../automation-rule-texts.ts';

const MINUTE_MS = 60_000;
/** Occurrences one expansion lists at most: a cron firing every minute must not stall a page. */
const MAX_OCCURRENCES = 2_000;

export interface OccurrenceWindow {
  scheduleId: string;
  /** The start the cron gives it (ms): the key of an exception. */
  occurrence: number;
  startsAt: number;
  displayUntil: number;
  status: 'planned' | 'moved' | 'skipped';
}

/** Why `cron` is not a usable pattern, in plain words in `language`; undefined when it is. */
export function cronProblem(cron: string, timeZone: string, language = 'en'): string | undefined {
  const words = automationRuleWords(language);
  const fields = cron.trim().split(/\s+/);
  if (!cron.trim().startsWith('@') && fields.length !== 5) return words.cronFields(cron, fields.length);
  try {
    const pattern = new Cron(cron, { timezone: timeZone, paused: true });
    if (!pattern.nextRun()) return words.cronNever;
    return undefined;
  } catch (error) {
    // croner's own detail (which field, which value) stays in English: it names the pattern's parts.
    return words.cronInvalid((error as Error).message.replace(/^CronPattern:\s*/, ''));
  }
}

/** The cron starts in [from, to) (ms), within the schedule's startsFrom/endsAt. */
function cronStarts(schedule: Schedule, from: number, to: number): number[] {
  const startsFrom = schedule.startsFrom ? Date.parse(schedule.startsFrom) : Number.NEGATIVE_INFINITY;
  const endsAt = schedule.endsAt ? Date.parse(schedule.endsAt) : Number.POSITIVE_INFINITY;
  const begin = Math.max(from, startsFrom);
  const end = Math.min(to, endsAt);
  if (begin >= end) return [];
  const cron = new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true });
  const starts: number[] = [];
  // nextRun is exclusive: ask from one millisecond before, so a start exactly at `begin` counts.
  let run = cron.nextRun(new Date(begin - 1));
  while (run && run.getTime() < end && starts.length < MAX_OCCURRENCES) {
    starts.push(run.getTime());
    run = cron.nextRun(run);
  }
  return starts;
}

/**
 * Every occurrence of `schedule` that is shown at some moment of [from, to), skipped ones included
 * (marked), moved ones where they were moved to. A disabled schedule has none.
 */
export function occurrencesBetween(schedule: Schedule, from: number, to: number): OccurrenceWindow[] {
  if (!schedule.enabled) return [];
  const duration = schedule.durationMinutes * MINUTE_MS;
  const exceptions = new Map(schedule.exceptions.map((e) => [Date.parse(e.occurrence), e]));
  const found: OccurrenceWindow[] = [];
  for (const occurrence of cronStarts(schedule, from - duration + 1, to)) {
    const exception = exceptions.get(occurrence);
    if (exception?.action === 'move') continue;
    found.push({
      scheduleId: schedule.id,
      occurrence,
      startsAt: occurrence,
      displayUntil: occurrence + duration,
      status: exception?.action === 'skip' ? 'skipped' : 'planned',
    });
  }
  for (const exception of schedule.exceptions) {
    if (exception.action !== 'move') continue;
    const startsAt = Date.parse(exception.startsAt);
    const displayUntil = startsAt + (exception.durationMinutes ?? schedule.durationMinutes) * MINUTE_MS;
    if (displayUntil <= from || startsAt >= to) continue;
    found.push({
      scheduleId: schedule.id,
      occurrence: Date.parse(exception.occurrence),
      startsAt,
      displayUntil,
      status: 'moved',
    });
  }
  return found.sort((a, b) => a.startsAt - b.startsAt || a.occurrence - b.occurrence);
}

/** Whether `occurrence` (ms) is a start the cron gives (an exception must name a real one). */
export function isCronStart(schedule: Schedule, occurrence: number): boolean {
  return cronStarts(schedule, occurrence, occurrence + 1).length === 1;
}

const RECURRING_AUTHOR = 'schedule:';

/** Whether a message is an occurrence of a recurring window (not a stored message). */
export function isOccurrence(message: Pick<Message, 'createdBy'>): boolean {
  return message.createdBy.startsWith(RECURRING_AUTHOR);
}

/** The id an occurrence has as a message: stable, so notifications and pages can refer to it. */
export function occurrenceId(scheduleId: string, occurrence: number): string {
  return `${scheduleId}@${new Date(occurrence).toISOString()}`;
}

/**
 * An occurrence as the message it shows: the schedule's text, bases and help, times in its zone,
 * authored by `schedule:<name>`. Nothing is stored per occurrence.
 */
export function occurrenceMessage(schedule: Schedule, window: OccurrenceWindow): Message {
  const zone = schedule.timeZone;
  return {
    id: occurrenceId(schedule.id, window.occurrence),
    text: schedule.text,
    ...(schedule.helpText && { helpText: schedule.helpText }),
    ...(schedule.helpURL && { helpURL: schedule.helpURL }),
    bases: schedule.bases,
    startsAt: isoInZone(window.startsAt, zone),
    displayUntil: isoInZone(window.displayUntil, zone),
    timeZone: zone,
    severity: schedule.severity,
    createdAt: schedule.createdAt,
    updatedAt: schedule.updatedAt,
    createdBy: `${RECURRING_AUTHOR}${schedule.name}`,
    ...(schedule.updatedBy && { updatedBy: schedule.updatedBy }),
    version: schedule.version,
  };
}

/** The messages every enabled schedule shows at some moment of [from, to), skipped occurrences left out. */
export function recurringMessages(schedules: readonly Schedule[], from: number, to: number): Message[] {
  return schedules.flatMap((schedule) =>
    occurrencesBetween(schedule, from, to)
      .filter((window) => window.status !== 'skipped')
      .map((window) => occurrenceMessage(schedule, window)),
  );
}
