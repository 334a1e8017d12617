import { z } from 'zod';
import { BaseKey } from './base-key.ts';
import { HelpURL } from './help-url.ts';
import { IsoDateTimeWithOffset } from './iso-time.ts';
import { LocalizedText } from './language-tag.ts';
import { TimeZone } from './settings.ts';

export const Severity = z.enum(['outage', 'maintenance', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Higher wins when several messages are active for one base. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { outage: 3, maintenance: 2, info: 1 };

export const MessageBases = z.union([z.tuple([z.literal('*')]), z.array(BaseKey).min(1)], {
  error: 'must be ["*"] for all bases or a non-empty list of base keys',
});

/** The fields an administrator writes (POST body; PATCH takes any subset). Unknown fields are refused. */
export const MessageFields = z.strictObject({
  text: LocalizedText,
  helpText: LocalizedText.optional(),
  helpURL: HelpURL.optional(),
  bases: MessageBases,
  startsAt: IsoDateTimeWithOffset.optional(),
  displayUntil: IsoDateTimeWithOffset,
  /** IANA zone the times were entered in; defaults to the settings' zone. */
  timeZone: TimeZone.optional(),
  severity: Severity,
});
export type MessageFields = z.infer<typeof MessageFields>;

/** PATCH body: any subset of the fields; `null` removes an optional override. Unknown fields are refused. */
export const MessagePatch = z.strictObject({
  text: LocalizedText.optional(),
  helpText: LocalizedText.nullable().optional(),
  helpURL: HelpURL.nullable().optional(),
  bases: MessageBases.optional(),
  startsAt: IsoDateTimeWithOffset.optional(),
  displayUntil: IsoDateTimeWithOffset.optional(),
  timeZone: TimeZone.nullable().optional(),
  severity: Severity.optional(),
});
export type MessagePatch = z.infer<typeof MessagePatch>;

/** A message as the admin API returns it. Times are ISO with offset, as entered. */
export const Message = MessageFields.extend({
  id: z.string(),
  startsAt: IsoDateTimeWithOffset,
  createdAt: IsoDateTimeWithOffset,
  updatedAt: IsoDateTimeWithOffset,
  createdBy: z.string(),
  updatedBy: z.string().optional(),
  version: z.number().int().nonnegative(),
});
export type Message = z.infer<typeof Message>;
