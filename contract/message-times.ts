import type { Message } from './message.ts';

export interface MessageTimes {
  startsAt: number;
  displayUntil: number;
  createdAt: number;
}

interface Parsed extends MessageTimes {
  from: readonly [string, string, string | undefined];
}

const parsed = new WeakMap<object, Parsed>();

/**
 * A message's instants in milliseconds, parsed once per message object: the hot path compares them
 * for every base and every schedule boundary. Should an object's times be changed in place (a form's
 * draft), the strings no longer match and they are parsed again. No `createdAt` (a draft) gives NaN.
 */
export function timesOf(
  message: Pick<Message, 'startsAt' | 'displayUntil'> & Partial<Pick<Message, 'createdAt'>>,
): MessageTimes {
  const found = parsed.get(message);
  if (
    found &&
    found.from[0] === message.startsAt &&
    found.from[1] === message.displayUntil &&
    found.from[2] === message.createdAt
  ) {
    return found;
  }
  const times: Parsed = {
    startsAt: Date.parse(message.startsAt),
    displayUntil: Date.parse(message.displayUntil),
    createdAt: message.createdAt === undefined ? Number.NaN : Date.parse(message.createdAt),
    from: [message.startsAt, message.displayUntil, message.createdAt],
  };
  parsed.set(message, times);
  return times;
}
