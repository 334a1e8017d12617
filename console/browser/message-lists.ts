import { ALL_BASES, activeMessages, compareByPriority, isActiveAt } from '../../contract/active-message.ts';
import type { Message } from '../../contract/message.ts';

/** A message shown now, and the bases whose users get exactly this one from `/startup-error`. */
export interface ShownMessage<M extends Message = Message> {
  readonly message: M;
  /** Base keys (`*` = every base without a message of its own) this message wins for. */
  readonly shownFor: readonly string[];
}

/** Where a message is the one users see: everywhere, or some bases and/or the bases without their own. */
export interface ShownWhere {
  readonly everywhere: boolean;
  /** Configured or named bases it wins for. */
  readonly bases: readonly string[];
  /** It wins for `*`: the bases that have no message of their own. */
  readonly otherBases: boolean;
}

export function shownWhere(shown: ShownMessage, baseKeys: readonly string[]): ShownWhere {
  const keys = [ALL_BASES, ...baseKeys];
  return {
    everywhere: keys.every((key) => shown.shownFor.includes(key)),
    bases: shown.shownFor.filter((key) => key !== ALL_BASES),
    otherBases: shown.shownFor.includes(ALL_BASES),
  };
}

export interface MessageLists<M extends Message = Message> {
  /** In the order `/startup-error` picks: most severe first, then the newest. */
  readonly active: readonly ShownMessage<M>[];
  /** Soonest first. */
  readonly upcoming: readonly M[];
  /** Most recently ended first. */
  readonly past: readonly M[];
}

/**
 * The console's three lists at `now`. "Shown now" follows the service's own rule, and each message
 * says for which bases it is the one users see — a newer Info never hides the Outage users get.
 */
export function messageLists<M extends Message>(
  messages: readonly M[],
  baseKeys: readonly string[],
  now: number,
): MessageLists<M> {
  const active = messages.filter((m) => isActiveAt(m, now)).sort(compareByPriority);
  const keys = new Set<string>([ALL_BASES, ...baseKeys]);
  for (const message of active) for (const key of message.bases) keys.add(key);
  const winners = new Map<string, string[]>();
  for (const key of keys) {
    const winner = activeMessages(active, key, now)[0];
    if (winner) winners.set(winner.id, [...(winners.get(winner.id) ?? []), key]);
  }
  const starts = (m: Message) => Date.parse(m.startsAt);
  const ends = (m: Message) => Date.parse(m.displayUntil);
  return {
    active: active.map((message) => ({ message, shownFor: winners.get(message.id) ?? [] })),
    upcoming: messages.filter((m) => starts(m) > now).sort((a, b) => starts(a) - starts(b)),
    past: messages.filter((m) => ends(m) <= now).sort((a, b) => ends(b) - ends(a)),
  };
}
