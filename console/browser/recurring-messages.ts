import type { Message } from '../../contract/message.ts';
import type { Occurrence, Schedule } from '../../contract/schedule.ts';

/** A recurring window as `GET /api/admin/schedules` lists it: with its occurrences of the next 7 days. */
export type ListedSchedule = Schedule & { occurrences: Occurrence[] };

/** A message in the console's lists; an occurrence of a recurring window says which. */
export type ListedMessage = Message & {
  readonly recurring?: { readonly scheduleId: string; readonly name: string; readonly occurrence: string };
};

/**
 * The occurrences users will see, as the messages the service shows for them: nothing is stored per
 * occurrence, so the lists add them here, built the way the service builds them (same text, bases,
 * severity and creation time), so "Shown now" orders them as `/startup-error` picks.
 */
export function recurringMessages(schedules: readonly ListedSchedule[]): ListedMessage[] {
  return schedules.flatMap((schedule) =>
    schedule.occurrences
      .filter((occurrence) => occurrence.status !== 'skipped')
      .map((occurrence) => ({
        id: `${schedule.id}@${new Date(Date.parse(occurrence.occurrence)).toISOString()}`,
        text: schedule.text,
        ...(schedule.helpText && { helpText: schedule.helpText }),
        ...(schedule.helpURL && { helpURL: schedule.helpURL }),
        bases: schedule.bases,
        startsAt: occurrence.startsAt,
        displayUntil: occurrence.displayUntil,
        timeZone: schedule.timeZone,
        severity: schedule.severity,
        createdAt: schedule.createdAt,
        updatedAt: schedule.updatedAt,
        createdBy: `schedule:${schedule.name}`,
        ...(schedule.updatedBy && { updatedBy: schedule.updatedBy }),
        version: schedule.version,
        recurring: { scheduleId: schedule.id, name: schedule.name, occurrence: occurrence.occurrence },
      })),
  );
}
