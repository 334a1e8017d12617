/** What a channel can be told about, in the order forms list them. No zod here: the console lists them too. */
export const CHANNEL_EVENTS = [
  'message.start',
  'message.change',
  'message.end',
  'monitor.down',
  'monitor.up',
] as const;
