import { BaseKey } from './base-key.ts';
import { HelpURL } from './help-url.ts';
import { IsoDateTimeWithOffset } from './iso-time.ts';
import { LocalizedText } from './language-tag.ts';
import { RULE_TEXTS } from './rule-texts.ts';
import { TimeZone } from './settings.ts';
import * as z from './zod.ts';

export const Severity = z.enum(['outage', 'maintenance', 'info']);
export type Severity = z.infer<typeof Severity>;

export const MessageBases = z.union(
  [z.tuple([z.literal('*')]), z.array(BaseKey).check(z.minLength(1, { error: RULE_TEXTS.bases.en }))],
  { error: RULE_TEXTS.bases.en },
);

/** The fields an administrator writes (POST body; PATCH takes any subset). Unknown fields are refused. */
export const MessageFields = z.strictObject({
  text: LocalizedText,
  helpText: z.optional(LocalizedText),
  helpURL: z.optional(HelpURL),
  bases: MessageBases,
  startsAt: z.optional(IsoDateTimeWithOffset),
  displayUntil: IsoDateTimeWithOffset,
  /** IANA zone the times were entered in; defaults to the settings' zone. */
  timeZone: z.optional(TimeZone),
  severity: Severity,
});
export type MessageFields = z.infer<typeof MessageFields>;

/** PATCH body: any subset of the fields; `null` removes an optional override. Unknown fields are refused. */
export const MessagePatch = z.strictObject({
  text: z.optional(LocalizedText),
  helpText: z.optional(z.nullable(LocalizedText)),
  helpURL: z.optional(z.nullable(HelpURL)),
  bases: z.optional(MessageBases),
  startsAt: z.optional(IsoDateTimeWithOffset),
  displayUntil: z.optional(IsoDateTimeWithOffset),
  timeZone: z.optional(z.nullable(TimeZone)),
  severity: z.optional(Severity),
});
export type MessagePatch = z.infer<typeof MessagePatch>;

/** A message as the admin API returns it. Times are ISO with offset, as entered. */
export const Message = z.extend(MessageFields, {
  id: z.string(),
  startsAt: IsoDateTimeWithOffset,
  createdAt: IsoDateTimeWithOffset,
  updatedAt: IsoDateTimeWithOffset,
  createdBy: z.string(),
  updatedBy: z.optional(z.string()),
  version: z.int().check(z.nonnegative()),
});
export type Message = z.infer<typeof Message>;
