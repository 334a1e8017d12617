import { Severity } from './message.ts';
import * as z from './zod.ts';

const PerPageLanguage = <T extends z.core.$ZodType>(value: T) =>
  z.object({ ru: value, en: value, lv: value });

/** One ready-made message (`GET /api/admin/templates`): the console fills the editor from it. */
export const MessageTemplate = z.object({
  id: z.string(),
  severity: Severity,
  /** A sensible display-until, counted from now, that the administrator adjusts. */
  durationMinutes: z.int().check(z.positive()),
  title: PerPageLanguage(z.string()),
  /**
   * `main`: what happened, that we are on it and when it ends (`{until}` is rendered by the server);
   * `contact`: who to call, with `{phone}`, included only when the administrator gives a phone.
   */
  text: PerPageLanguage(z.object({ main: z.string(), contact: z.string() })),
});
export type MessageTemplate = z.infer<typeof MessageTemplate>;
