import { HelpURL } from './help-url.ts';
import { IsoDateTimeWithOffset } from './iso-time.ts';
import { LocalizedText } from './language-tag.ts';
import { MessageBases } from './message.ts';
import { TimeZone } from './settings.ts';
import * as z from './zod.ts';

const ScheduleName = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
/** Five cron fields (minute hour day month weekday); checked by the server's cron library. */
const Cron = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const Duration = z.int().check(z.gte(1), z.lte(7 * 24 * 60));

/**
 * A recurring maintenance window: every occurrence of `cron` in `timeZone` shows as a message from
 * its start for `durationMinutes`, without a stored message per occurrence.
 */
export const ScheduleFields = z.strictObject({
  name: ScheduleName,
  cron: Cron,
  durationMinutes: Duration,
  /** The zone the cron fields are read in; defaults to the settings' zone. */
  timeZone: z.optional(TimeZone),
  bases: MessageBases,
  text: LocalizedText,
  helpText: z.optional(LocalizedText),
  helpURL: z.optional(HelpURL),
  severity: z.optional(z.literal('maintenance')),
  /** No occurrence starts before this. */
  startsFrom: z.optional(IsoDateTimeWithOffset),
  /** No occurrence starts at or after this. */
  endsAt: z.optional(IsoDateTimeWithOffset),
  enabled: z.optional(z.boolean()),
});
export type ScheduleFields = z.infer<typeof ScheduleFields>;

export const SchedulePatch = z.strictObject({
  name: z.optional(ScheduleName),
  cron: z.optional(Cron),
  durationMinutes: z.optional(Duration),
  timeZone: z.optional(TimeZone),
  bases: z.optional(MessageBases),
  text: z.optional(LocalizedText),
  helpText: z.optional(z.nullable(LocalizedText)),
  helpURL: z.optional(z.nullable(HelpURL)),
  startsFrom: z.optional(z.nullable(IsoDateTimeWithOffset)),
  endsAt: z.optional(z.nullable(IsoDateTimeWithOffset)),
  enabled: z.optional(z.boolean()),
});
export type SchedulePatch = z.infer<typeof SchedulePatch>;

/**
 * One occurrence treated differently: `skip` drops it, `move` shows it at `startsAt` instead (for
 * `durationMinutes`, default the window's). `occurrence` is the start the cron gives it.
 */
export const ScheduleException = z.union([
  z.strictObject({ occurrence: IsoDateTimeWithOffset, action: z.literal('skip') }),
  z.strictObject({
    occurrence: IsoDateTimeWithOffset,
    action: z.literal('move'),
    startsAt: IsoDateTimeWithOffset,
    durationMinutes: z.optional(Duration),
  }),
]);
export type ScheduleException = z.infer<typeof ScheduleException>;

export const Schedule = z.strictObject({
  id: z.string(),
  name: ScheduleName,
  cron: Cron,
  durationMinutes: Duration,
  timeZone: TimeZone,
  bases: MessageBases,
  text: LocalizedText,
  helpText: z.optional(LocalizedText),
  helpURL: z.optional(HelpURL),
  severity: z.literal('maintenance'),
  startsFrom: z.optional(IsoDateTimeWithOffset),
  endsAt: z.optional(IsoDateTimeWithOffset),
  enabled: z.boolean(),
  exceptions: z.array(ScheduleException),
  createdAt: IsoDateTimeWithOffset,
  updatedAt: IsoDateTimeWithOffset,
  createdBy: z.string(),
  updatedBy: z.optional(z.string()),
  version: z.int().check(z.nonnegative()),
});
export type Schedule = z.infer<typeof Schedule>;

/** One occurrence as listed (`GET /api/admin/schedules/:id/occurrences`). */
export const Occurrence = z.object({
  scheduleId: z.string(),
  /** The start the cron gives it: the key of an exception. */
  occurrence: IsoDateTimeWithOffset,
  startsAt: IsoDateTimeWithOffset,
  displayUntil: IsoDateTimeWithOffset,
  status: z.enum(['planned', 'moved', 'skipped']),
});
export type Occurrence = z.infer<typeof Occurrence>;
