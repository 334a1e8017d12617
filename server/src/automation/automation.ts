import type { Message } from '../../../contract/message.ts';
import type { MonitorStore, NotificationStore } from '../domain/automation-store.ts';
import type { Logger } from '../domain/logger.ts';
import type { MonitorRunner } from './monitor-runner.ts';
import type { NotificationOutbox } from './notification-outbox.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Probe history is kept this long (the 7-day bar and uptime need 7 days; a day more for safety). */
export const HISTORY_KEPT_MS = 8 * DAY_MS;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface AutomationParts {
  runner: MonitorRunner;
  outbox: NotificationOutbox;
  monitors: MonitorStore;
  notifications: NotificationStore;
  now: () => number;
  logger: Logger;
}

/** The messages (stored, and recurring occurrences) not ended at `t`. */
export function messagesAt(shown: readonly Message[], t: number): Message[] {
  return shown.filter((m) => Date.parse(m.displayUntil) > t);
}

/**
 * Everything the service does on its own, one pass at a time: due probes, message events, due
 * deliveries, and (hourly) dropping old history. Node calls `tick` on a timer; Workers call it from
 * the Cron Trigger. A failing step is logged and the next pass tries again.
 */
export class Automation {
  readonly #p: AutomationParts;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(parts: AutomationParts) {
    this.#p = parts;
  }

  /**
   * One pass. `waitForProbes: false` (Node's timer) starts due probes and goes on, so one slow target
   * never holds up the rest; true (a Worker's scheduled event) waits for them.
   */
  async tick(options: { waitForProbes: boolean }): Promise<void> {
    const { runner, outbox } = this.#p;
    const probes = this.#step('probes', () => runner.runDue());
    if (options.waitForProbes) await probes;
    await this.#step('message events', () => outbox.checkMessages());
    await this.#step('deliveries', () => outbox.deliverDue());
    await this.#prune();
  }

  /** Resolves when no probe or delivery is under way (shutdown, tests). */
  async idle(): Promise<void> {
    await this.#p.runner.idle();
    await this.#step('deliveries', () => this.#p.outbox.deliverDue());
  }

  async #prune(): Promise<void> {
    const t = this.#p.now();
    if (t - this.#prunedAt < PRUNE_EVERY_MS) return;
    this.#prunedAt = t;
    await this.#step('pruning', async () => {
      await this.#p.monitors.pruneProbes(t - HISTORY_KEPT_MS);
      await this.#p.notifications.pruneNotifications(t - HISTORY_KEPT_MS);
    });
  }

  async #step(name: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#p.logger.error(`automatic ${name} failed; the next pass tries again`, {
        problem: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
