import type { Message } from '../../../contract/message.ts';
import { timesOf } from '../../../contract/message-times.ts';

/**
 * The first moment after `t` at which what any client sees can change: a message starts or ends.
 * Precomputed answers stay valid until then, so caches expire exactly at a boundary instead of
 * polling. `undefined` = nothing scheduled (valid until the data changes).
 */
export function nextBoundary(messages: readonly Message[], t: number): number | undefined {
  let next: number | undefined;
  for (const message of messages) {
    const { startsAt, displayUntil } = timesOf(message);
    if (startsAt > t && (next === undefined || startsAt < next)) next = startsAt;
    if (displayUntil > t && (next === undefined || displayUntil < next)) next = displayUntil;
  }
  return next;
}
