import type { Channel } from '../../../../contract/channel.ts';
import { isoInZone } from '../../../../contract/local-time.ts';
import type { Settings } from '../../../../contract/settings.ts';
import { ALL_BASES } from '../active-message.ts';
import { renderMessageText } from '../startup-error-body.ts';
import type { NotificationEvent } from './notification-event.ts';
import { notificationText } from './notification-texts.ts';

/** What one channel gets for one event, rendered once in the channel's language when the event happens. */
export interface DeliveryPayload {
  subject: string;
  body: string;
  /** The webhook body (exact bytes are signed). */
  json: string;
}

/** A delivery to be written: `eventId` + `channelId` is unique, so an event reaches a channel once. */
export interface NewDelivery {
  id: string;
  channelId: string;
  eventId: string;
  event: NotificationEvent['kind'] | 'channel.test';
  createdAt: number;
  payload: DeliveryPayload;
}

function wantsBases(channel: Channel, bases: readonly string[]): boolean {
  const wanted: readonly string[] = channel.bases ?? [ALL_BASES];
  if (wanted.includes(ALL_BASES) || bases.includes(ALL_BASES)) return true;
  return bases.some((key) => wanted.includes(key));
}

/** Whether `channel` is to be told about `event` (enabled, the event kind chosen, a base in common). */
export function channelWants(channel: Channel, event: NotificationEvent): boolean {
  if (channel.enabled === false) return false;
  if (channel.events && !channel.events.includes(event.kind)) return false;
  return wantsBases(channel, event.bases);
}

function webhookJson(
  event: NotificationEvent,
  language: string,
  settings: Settings,
  text: { subject: string; body: string },
): string {
  const zone = settings.timeZone;
  const common = {
    type: event.kind,
    id: event.id,
    at: isoInZone(event.at, zone),
    language,
    subject: text.subject,
    text: text.body,
    bases: event.bases,
  };
  if ('message' in event) {
    const m = event.message;
    return JSON.stringify({
      ...common,
      message: {
        id: m.id,
        severity: m.severity,
        userMessage: renderMessageText(m, settings, language)?.text ?? '',
        startsAt: m.startsAt,
        displayUntil: m.displayUntil,
        createdBy: m.createdBy,
      },
    });
  }
  const d = event.monitor;
  return JSON.stringify({
    ...common,
    monitor: {
      id: d.id,
      name: d.name,
      kind: d.kind,
      target: d.target,
      state: event.kind === 'monitor.down' ? 'down' : 'up',
      since: isoInZone(d.since, zone),
      ...(d.problem && { problem: d.problem }),
      ...(d.messageId && { messageId: d.messageId }),
      ...(d.suppressed && { suppressed: true }),
    },
  });
}

/** One delivery per channel that wants the event, each in its channel's language. */
export function plannedDeliveries(
  event: NotificationEvent,
  channels: readonly Channel[],
  settings: Settings,
  newId: () => string,
): NewDelivery[] {
  return channels
    .filter((channel) => channelWants(channel, event))
    .map((channel) => {
      const language = channel.language ?? settings.defaultLanguage;
      const text = notificationText(event, language, settings);
      return {
        id: newId(),
        channelId: channel.id,
        eventId: event.id,
        event: event.kind,
        createdAt: event.at,
        payload: { ...text, json: webhookJson(event, language, settings, text) },
      };
    });
}
