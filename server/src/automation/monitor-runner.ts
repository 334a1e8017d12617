import type { Message } from '../../../contract/message.ts';
import type { Monitor } from '../../../contract/monitor.ts';
import { changedFields } from '../domain/audit-change.ts';
import type { AutomationAudit, MessageWrites, MonitorStore } from '../domain/automation-store.ts';
import type { Logger } from '../domain/logger.ts';
import { type MessageAction, monitorActor, planMessage } from '../domain/monitors/monitor-message.ts';
import { applyProbe, initialState, type MonitorState } from '../domain/monitors/monitor-state.ts';
import { monitorEvent, type NotificationEvent } from '../domain/notifications/notification-event.ts';
import type { Probe } from '../probes/probe.ts';

export interface MonitorRunnerOptions {
  monitors: MonitorStore;
  messages: MessageWrites;
  probe: Probe;
  now: () => number;
  newId: () => string;
  /** Messages that may be showing at `t` (stored and recurring): for the maintenance check. */
  showing: (t: number) => Promise<readonly Message[]>;
  /** The zone a monitor's message times are written in (the settings'). */
  timeZone: () => Promise<string>;
  /** After a monitor's message or state changed: the public answers must show it. */
  stateChanged: () => Promise<void>;
  /** A monitor went down or up. */
  notify: (event: NotificationEvent) => Promise<void>;
  logger: Logger;
}

/**
 * Runs the probes that are due, one at a time per monitor, and acts on what they find: the state,
 * the history, the outage message and the down/up events. A monitor already being probed is not
 * started twice; a runner that loses the race for a state (another Worker isolate) stands back.
 */
export class MonitorRunner {
  readonly #o: MonitorRunnerOptions;
  readonly #running = new Map<string, Promise<void>>();

  constructor(options: MonitorRunnerOptions) {
    this.#o = options;
  }

  /** Starts every due probe not already running; resolves when those have been handled. */
  async runDue(): Promise<void> {
    const { monitors, now, logger } = this.#o;
    const [list, states] = await Promise.all([monitors.listMonitors(), monitors.listMonitorStates()]);
    const byId = new Map(states.map((s) => [s.monitorId, s]));
    const t = now();
    const started: Promise<void>[] = [];
    for (const monitor of list) {
      if (!monitor.enabled || this.#running.has(monitor.id)) continue;
      const state = byId.get(monitor.id) ?? initialState(monitor.id, t);
      if (state.dueAt > t) continue;
      const run = this.#runOne(monitor, state)
        .catch((error: unknown) =>
          logger.error('monitor probe could not be handled; it runs again at its next interval', {
            monitor: monitor.name,
            problem: error instanceof Error ? error.message : String(error),
          }),
        )
        .finally(() => this.#running.delete(monitor.id));
      this.#running.set(monitor.id, run);
      started.push(run);
    }
    await Promise.all(started);
  }

  /** Resolves when no probe is running (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running.values()]);
  }

  async #runOne(monitor: Monitor, stored: MonitorState): Promise<void> {
    const o = this.#o;
    // Take the probe: the next due time moves on first, so another runner does not probe it too.
    const claimed: MonitorState = {
      ...stored,
      dueAt: o.now() + monitor.intervalSeconds * 1000,
      version: stored.version + 1,
    };
    if (!(await o.monitors.saveMonitorState(claimed, stored.version))) return;

    const result = await o.probe(monitor);
    const at = o.now();
    const probed = applyProbe(claimed, result, monitor, at);
    const tracked = probed.state.message ? await o.messages.getMessage(probed.state.message.id) : undefined;
    const timeZone = await o.timeZone();
    const plan = planMessage({
      monitor,
      state: probed.state,
      transition: probed.transition,
      tracked,
      showing: await o.showing(at),
      now: at,
      timeZone,
      newId: o.newId,
    });
    let state = plan.state;
    const written = plan.action !== undefined && (await this.#write(monitor, plan.action, at, timeZone));
    if (plan.action && !written) {
      // Not written: keep what the store still has, so the next probe tries again.
      state = { ...state, message: probed.state.message };
    }
    const next = { ...state, version: claimed.version + 1 };
    const recorded = { monitorId: monitor.id, at, ...result, transition: probed.transition };
    const saved = await o.monitors.saveMonitorState(next, claimed.version, recorded);
    // Pages are rebuilt once the message and the state both say it.
    if (written || (saved && probed.transition)) await o.stateChanged();
    if (!saved) return;
    if (!probed.transition) return;
    // The administrator reading the log at 03:00 wants to know what the service did on its own.
    const done = plan.action?.kind === 'create' ? 'posted' : probed.transition === 'up' ? 'ended' : 'updated';
    const posted = written ? ` (message ${done})` : '';
    const why = probed.transition === 'down' && next.lastProblem ? `: ${next.lastProblem}` : '';
    o.logger.warn(`monitor "${monitor.name}" is ${probed.transition}${why}${posted}`, {
      target: monitor.target,
      bases: monitor.bases.join(','),
    });
    await o.notify(this.#event(monitor, probed.transition, next, stored, at));
  }

  #event(
    monitor: Monitor,
    transition: 'down' | 'up',
    state: MonitorState,
    before: MonitorState,
    at: number,
  ): NotificationEvent {
    const detail = {
      id: monitor.id,
      name: monitor.name,
      kind: monitor.kind,
      target: monitor.target,
      bases: monitor.bases,
    };
    if (transition === 'down') {
      return monitorEvent('monitor.down', at, {
        ...detail,
        since: state.since ?? at,
        problem: state.lastProblem,
        messageId: state.message?.id,
        suppressed: state.suppressed,
      });
    }
    return monitorEvent('monitor.up', at, { ...detail, since: at, downSince: before.since });
  }

  async #write(monitor: Monitor, action: MessageAction, at: number, timeZone: string): Promise<boolean> {
    const o = this.#o;
    // An update keeps only the fields that changed, like an administrator's.
    const audit = (before?: Message): AutomationAudit => ({
      id: o.newId(),
      at: new Date(at).toISOString(),
      actor: monitorActor(monitor),
      action: action.kind === 'create' ? 'message.create' : 'message.update',
      target: action.message.id,
      ...(before ? changedFields(before, action.message) : { after: action.message }),
    });
    try {
      if (action.kind === 'create') {
        await o.messages.createMessage(action.message, audit());
      } else {
        const before = await o.messages.getMessage(action.message.id);
        const outcome = await o.messages.updateMessage(action.message, action.expectedVersion, audit(before));
        if (outcome !== 'ok') return false;
      }
      return true;
    } catch (error) {
      o.logger.error('monitor could not write its message; it tries again at the next probe', {
        monitor: monitor.name,
        timeZone,
        problem: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }
}
