import { RULE_TEXTS } from './rule-texts.ts';
import * as z from './zod.ts';

/**
 * A point in time on the wire: ISO-8601 with an explicit offset (`Z` or `±hh:mm`).
 * Input without an offset is ambiguous (whose 14:00?), so it is refused rather than guessed.
 */
export const IsoDateTimeWithOffset = z.iso
  .datetime({
    offset: true,
    error: RULE_TEXTS.isoTime.en,
  })
  .check(z.describe('ISO-8601 date-time with an offset'));
export type IsoDateTimeWithOffset = z.infer<typeof IsoDateTimeWithOffset>;
