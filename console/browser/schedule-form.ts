import type { Schedule } from '../../contract/schedule.ts';
import { filledTexts } from './message-form.ts';
import { cronOfRepeat, type Repeat, repeatOfCron } from './repeat-pattern.ts';

/**
 * The recurring window form's state without a DOM. The repeat is kept in all three shapes, so
 * switching between "every day", "every week" and "cron" never loses what was typed. Bounds are
 * instants (ISO with offset) or ''.
 */
export interface ScheduleForm {
  readonly editing?: {
    readonly id: string;
    readonly etag: string | undefined;
    readonly had: { readonly startsFrom: boolean; readonly endsAt: boolean };
  };
  readonly name: string;
  readonly repeat: Repeat['kind'];
  readonly time: string;
  readonly weekday: number;
  readonly cron: string;
  readonly durationMinutes: string;
  readonly timeZone: string;
  readonly startsFrom: string;
  readonly endsAt: string;
  readonly bases: readonly string[];
  readonly text: Readonly<Record<string, string>>;
  readonly enabled: boolean;
}

/** A new window: every night at 01:00 in the users' zone, for an hour, all bases. */
export function emptyScheduleForm(timeZone: string): ScheduleForm {
  return {
    name: '',
    repeat: 'daily',
    time: '01:00',
    weekday: 0,
    cron: '0 1 * * *',
    durationMinutes: '60',
    timeZone,
    startsFrom: '',
    endsAt: '',
    bases: ['*'],
    text: {},
    enabled: true,
  };
}

export function formFromSchedule(schedule: Schedule, etag: string | undefined): ScheduleForm {
  const repeat = repeatOfCron(schedule.cron);
  return {
    editing: {
      id: schedule.id,
      etag,
      had: { startsFrom: schedule.startsFrom !== undefined, endsAt: schedule.endsAt !== undefined },
    },
    name: schedule.name,
    repeat: repeat.kind,
    time: repeat.kind === 'cron' ? '01:00' : repeat.time,
    weekday: repeat.kind === 'weekly' ? repeat.weekday : 0,
    cron: schedule.cron,
    durationMinutes: String(schedule.durationMinutes),
    timeZone: schedule.timeZone,
    startsFrom: schedule.startsFrom ?? '',
    endsAt: schedule.endsAt ?? '',
    bases: [...schedule.bases],
    text: { ...schedule.text },
    enabled: schedule.enabled,
  };
}

/** The repeat the form stands for now. */
export function repeatOfForm(form: ScheduleForm): Repeat {
  if (form.repeat === 'daily') return { kind: 'daily', time: form.time };
  if (form.repeat === 'weekly') return { kind: 'weekly', weekday: form.weekday, time: form.time };
  return { kind: 'cron', cron: form.cron };
}

/**
 * The POST (new) or PATCH (stored) body. A time of day that is not one is sent as typed, so the
 * service names the field; a cleared bound of a stored window is removed (null).
 */
export function scheduleBody(form: ScheduleForm): Record<string, unknown> {
  const duration = form.durationMinutes.trim();
  const body: Record<string, unknown> = {
    name: form.name.trim(),
    cron: cronOfRepeat(repeatOfForm(form)) ?? form.time,
    durationMinutes: duration === '' ? undefined : Number(duration),
    timeZone: form.timeZone.trim(),
    bases: [...form.bases],
    text: filledTexts(form.text),
    enabled: form.enabled,
  };
  for (const bound of ['startsFrom', 'endsAt'] as const) {
    if (form[bound]) body[bound] = form[bound];
    else if (form.editing?.had[bound]) body[bound] = null;
  }
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
