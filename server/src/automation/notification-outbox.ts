import type { Message } from '../../../contract/message.ts';
import type { Settings } from '../../../contract/settings.ts';
import type { NotificationStore } from '../domain/automation-store.ts';
import type { Logger } from '../domain/logger.ts';
import { plannedDeliveries } from '../domain/notifications/delivery-plan.ts';
import { messageEvents } from '../domain/notifications/message-events.ts';
import type { NotificationEvent } from '../domain/notifications/notification-event.ts';
import { afterAttempt, DEFAULT_RETRY, type RetryPolicy } from '../domain/notifications/retry-policy.ts';
import type { ChannelSender } from '../notify/senders.ts';

export interface OutboxOptions {
  store: NotificationStore;
  settings: () => Promise<Settings>;
  /** Messages that may be showing at `t`: stored ones not ended and recurring occurrences. */
  current: (t: number) => Promise<readonly Message[]>;
  send: ChannelSender;
  now: () => number;
  newId: () => string;
  logger: Logger;
  retry?: RetryPolicy | undefined;
  /** Deliveries attempted at once at most. */
  batch?: number | undefined;
}

/** An attempt that has not ended after this long is given to the next runner. */
const LEASE_MS = 2 * 60_000;

/**
 * Notifications as an outbox: events become stored deliveries (one per channel and event), and
 * deliveries are attempted later, in the background, with retries — so nothing that notifies ever
 * waits for a channel, and a restart loses nothing.
 */
export class NotificationOutbox {
  readonly #o: OutboxOptions;
  #delivering: Promise<void> | undefined;

  constructor(options: OutboxOptions) {
    this.#o = options;
  }

  /** Stores the deliveries for events noticed elsewhere (a monitor's down/up). */
  async emit(events: readonly NotificationEvent[]): Promise<void> {
    if (events.length === 0) return;
    const [channels, settings] = await Promise.all([this.#o.store.listChannels(), this.#o.settings()]);
    const deliveries = events.flatMap((event) => plannedDeliveries(event, channels, settings, this.#o.newId));
    await this.#o.store.recordEvents([], deliveries);
  }

  /** Finds the messages that started, changed or ended since the last check and stores their deliveries. */
  async checkMessages(): Promise<void> {
    const t = this.#o.now();
    const [current, open] = await Promise.all([this.#o.current(t), this.#o.store.listNotified()]);
    const found = messageEvents(current, open, t);
    if (found.ledger.length === 0) return;
    const [channels, settings] = await Promise.all([this.#o.store.listChannels(), this.#o.settings()]);
    const deliveries = found.events.flatMap((event) =>
      plannedDeliveries(event, channels, settings, this.#o.newId),
    );
    await this.#o.store.recordEvents(found.ledger, deliveries);
  }

  /** Attempts the deliveries that are due; one pass at a time. */
  deliverDue(): Promise<void> {
    this.#delivering ??= this.#deliver().finally(() => {
      this.#delivering = undefined;
    });
    return this.#delivering;
  }

  async #deliver(): Promise<void> {
    const o = this.#o;
    const channels = new Map((await o.store.listChannels()).map((c) => [c.id, c]));
    const claimed = await o.store.claimDeliveries(o.now(), o.batch ?? 20, LEASE_MS);
    await Promise.all(
      claimed.map(async (delivery) => {
        const channel = channels.get(delivery.channelId);
        const attempt = delivery.attempts + 1;
        const outcome = channel
          ? await o.send(channel, delivery.payload)
          : { ok: false as const, problem: 'the channel was deleted', retry: false };
        const result = afterAttempt(attempt, outcome, o.retry ?? DEFAULT_RETRY, o.now());
        if (result.state !== 'delivered') {
          o.logger.warn('notification not delivered', {
            channel: channel?.name ?? delivery.channelId,
            attempt,
            outcome: result.state,
            problem: result.problem,
          });
        }
        await o.store.finishAttempt(delivery.id, attempt, result, o.now());
      }),
    );
  }
}
