import { HelpURL } from './help-url.ts';
import { IsoDateTimeWithOffset } from './iso-time.ts';
import * as z from './zod.ts';

/**
 * What 1C clients (and our offline page) read on a failed login. Every field is omitted when it has
 * no value; `{}` is a valid answer. The server stops returning `userMessage`/`displayUntil` at the
 * deadline itself, so clients need not understand `displayUntil` at all.
 */
export const StartupErrorResponse = z.object({
  userMessage: z.optional(z.string()),
  displayUntil: z.optional(IsoDateTimeWithOffset),
  helpText: z.optional(z.string()),
  helpURL: z.optional(HelpURL),
});
export type StartupErrorResponse = z.infer<typeof StartupErrorResponse>;
