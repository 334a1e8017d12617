/**
 * Which message a base shows at an instant: the rule `/startup-error` answers by, and the console's
 * "Shown now" list orders and marks by. Zod-free, so the console carries it without the schemas.
 */
import type { Message, Severity } from './message.ts';
import { timesOf } from './message-times.ts';

/** Higher wins when several messages are active for one base. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { outage: 3, maintenance: 2, info: 1 };

/** `*` is the key of "every base": messages that target all bases and the default help. */
export const ALL_BASES = '*';

export function targetsBase(message: Pick<Message, 'bases'>, baseKey: string): boolean {
  const bases: readonly string[] = message.bases;
  return bases.includes(ALL_BASES) || bases.includes(baseKey);
}

export function isActiveAt(message: Pick<Message, 'startsAt' | 'displayUntil'>, t: number): boolean {
  const { startsAt, displayUntil } = timesOf(message);
  return startsAt <= t && t < displayUntil;
}

/** Most severe first, then the newest (by creation, then start). */
export function compareByPriority(a: Message, b: Message): number {
  const ta = timesOf(a);
  const tb = timesOf(b);
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    tb.createdAt - ta.createdAt ||
    tb.startsAt - ta.startsAt ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}

/** Every message shown for `baseKey` at time `t`, the winner first. */
export function activeMessages(messages: readonly Message[], baseKey: string, t: number): Message[] {
  return messages.filter((m) => targetsBase(m, baseKey) && isActiveAt(m, t)).sort(compareByPriority);
}

/** The one message a 1C client gets for `baseKey` at time `t`, if any. */
export function selectActiveMessage(
  messages: readonly Message[],
  baseKey: string,
  t: number,
): Message | undefined {
  return activeMessages(messages, baseKey, t)[0];
}
