import type { ChannelEvent } from '../../../../contract/channel.ts';
import type { Message } from '../../../../contract/message.ts';
import type { Monitor } from '../../../../contract/monitor.ts';

/** What a monitor event tells: who, what it probes, since when, why. */
export interface MonitorEventDetail {
  id: string;
  name: string;
  kind: Monitor['kind'];
  target: string;
  bases: readonly string[];
  /** Down: the first failed probe; up: the probe that made it up (ms). */
  since: number;
  /** Up: when it had gone down (ms), for the length of the outage. */
  downSince?: number | undefined;
  problem?: string | undefined;
  /** Down: the message shown to users, if one was posted. */
  messageId?: string | undefined;
  /** Down while a maintenance message was showing: nothing was posted. */
  suppressed?: boolean | undefined;
}

/**
 * One thing channels are told about, once. `id` is the key of "once": every channel gets at most one
 * delivery per event id, however many runners notice it.
 */
export type NotificationEvent =
  | {
      id: string;
      kind: Extract<ChannelEvent, `message.${string}`>;
      at: number;
      bases: readonly string[];
      message: Message;
    }
  | {
      id: string;
      kind: Extract<ChannelEvent, `monitor.${string}`>;
      at: number;
      bases: readonly string[];
      monitor: MonitorEventDetail;
    };

export function monitorEvent(
  kind: 'monitor.down' | 'monitor.up',
  at: number,
  monitor: MonitorEventDetail,
): NotificationEvent {
  return {
    id: `monitor:${monitor.id}:${kind === 'monitor.down' ? 'down' : 'up'}:${at}`,
    kind,
    at,
    bases: monitor.bases,
    monitor,
  };
}
