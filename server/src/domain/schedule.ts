import type { Message } from '../../../contract/message.ts';

/**
 * The first moment after `t` at which what any client sees can change: a message starts or ends.
 * Precomputed answers stay valid until then, so caches expire exactly at a boundary instead of
 * polling. `undefined` = nothing scheduled (valid until the data changes).
 */
export function nextBoundary(
  messages: readonly Pick<Message, 'startsAt' | 'displayUntil'>[],
  t: number,
): number | undefined {
  let next: number | undefined;
  for (const message of messages) {
    for (const at of [Date.parse(message.startsAt), Date.parse(message.displayUntil)]) {
      if (at > t && (next === undefined || at < next)) next = at;
    }
  }
  return next;
}
