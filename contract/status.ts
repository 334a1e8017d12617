import { HelpURL } from './help-url.ts';
import { IsoDateTimeWithOffset } from './iso-time.ts';
import { Severity } from './message.ts';
import * as z from './zod.ts';

/** One message as the public sees it: texts already chosen for the response language. */
export const StatusMessage = z.object({
  id: z.string(),
  severity: Severity,
  userMessage: z.string(),
  startsAt: IsoDateTimeWithOffset,
  displayUntil: IsoDateTimeWithOffset,
  /** Local wall-clock rendering of the deadline in the settings' zone and response language. */
  displayUntilLocal: z.string(),
  startsAtLocal: z.string(),
});
export type StatusMessage = z.infer<typeof StatusMessage>;

export const BaseStatus = z.object({
  /** `*` stands for "every base" (messages targeting all bases, default help). */
  key: z.string(),
  name: z.string(),
  state: z.enum(['ok', 'info', 'maintenance', 'outage']),
  helpText: z.optional(z.string()),
  helpURL: z.optional(HelpURL),
  active: z.array(StatusMessage),
  upcoming: z.array(StatusMessage),
});
export type BaseStatus = z.infer<typeof BaseStatus>;

/** `GET /api/status`: public, CORS-open; `v8i sync` reads help text/URL per base from here. */
export const StatusResponse = z.object({
  generatedAt: IsoDateTimeWithOffset,
  language: z.string(),
  timeZone: z.string(),
  bases: z.array(BaseStatus),
});
export type StatusResponse = z.infer<typeof StatusResponse>;
