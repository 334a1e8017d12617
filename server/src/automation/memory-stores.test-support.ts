// In-memory stand-ins for the automation ports, for unit tests of the runners only: the SQL store
// implements the same interfaces and is checked by the store contract suite.
import type { Channel, Delivery } from '../../../contract/channel.ts';
import type { Message } from '../../../contract/message.ts';
import type { Monitor } from '../../../contract/monitor.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import type {
  AutomationAudit,
  ClaimedDelivery,
  MessageWrites,
  MonitorStore,
  MonitorTransitionRow,
  NotificationStore,
  ProbeStats,
  RecordedProbe,
  ScheduleStore,
  WriteOutcome,
} from '../domain/automation-store.ts';
import type { MonitorState } from '../domain/monitors/monitor-state.ts';
import type { NewDelivery } from '../domain/notifications/delivery-plan.ts';
import type { NotifiedMessage } from '../domain/notifications/message-events.ts';

interface Versioned {
  id: string;
  version: number;
}

function replace<T extends Versioned>(map: Map<string, T>, next: T, expected: number): WriteOutcome {
  const current = map.get(next.id);
  if (!current) return 'not-found';
  if (current.version !== expected) return 'conflict';
  map.set(next.id, next);
  return 'ok';
}

function remove<T extends Versioned>(map: Map<string, T>, id: string, expected: number): WriteOutcome {
  const current = map.get(id);
  if (!current) return 'not-found';
  if (current.version !== expected) return 'conflict';
  map.delete(id);
  return 'ok';
}

export class MemoryAutomationStore implements MonitorStore, NotificationStore, MessageWrites, ScheduleStore {
  readonly audit: AutomationAudit[] = [];
  readonly messages = new Map<string, Message>();
  readonly monitors = new Map<string, Monitor>();
  readonly states = new Map<string, MonitorState>();
  readonly probes: RecordedProbe[] = [];
  readonly channels = new Map<string, Channel>();
  readonly schedules = new Map<string, Schedule>();
  readonly notified = new Map<string, NotifiedMessage>();
  readonly deliveries = new Map<
    string,
    NewDelivery & {
      state: Delivery['state'];
      attempts: number;
      nextAttemptAt: number;
      leaseUntil: number;
      problem?: string;
      lastAttemptAt?: number;
    }
  >();

  async getMessage(id: string) {
    return this.messages.get(id);
  }
  async createMessage(message: Message, audit: AutomationAudit) {
    if (this.messages.has(message.id)) throw new Error(`duplicate ${message.id}`);
    this.messages.set(message.id, message);
    this.audit.push(audit);
  }
  async updateMessage(next: Message, expected: number, audit: AutomationAudit) {
    const outcome = replace(this.messages, next, expected);
    if (outcome === 'ok') this.audit.push(audit);
    return outcome;
  }

  async listMonitors() {
    return [...this.monitors.values()];
  }
  async getMonitor(id: string) {
    return this.monitors.get(id);
  }
  async createMonitor(monitor: Monitor, audit: AutomationAudit) {
    this.monitors.set(monitor.id, monitor);
    this.audit.push(audit);
  }
  async updateMonitor(next: Monitor, expected: number, audit: AutomationAudit) {
    const outcome = replace(this.monitors, next, expected);
    if (outcome === 'ok') this.audit.push(audit);
    return outcome;
  }
  async deleteMonitor(id: string, expected: number, audit: AutomationAudit) {
    const outcome = remove(this.monitors, id, expected);
    if (outcome === 'ok') {
      this.audit.push(audit);
      this.states.delete(id);
    }
    return outcome;
  }
  async listMonitorStates() {
    return [...this.states.values()];
  }
  async saveMonitorState(state: MonitorState, expected: number, probe?: RecordedProbe) {
    if ((this.states.get(state.monitorId)?.version ?? 0) !== expected) return false;
    this.states.set(state.monitorId, state);
    if (probe) this.probes.push(probe);
    return true;
  }
  async clearMonitorState(monitorId: string) {
    this.states.delete(monitorId);
  }
  async probeStats(): Promise<ProbeStats[]> {
    return [];
  }
  async listTransitions(monitorId: string, limit: number): Promise<MonitorTransitionRow[]> {
    return this.probes
      .filter((p) => p.monitorId === monitorId && p.transition)
      .map((p) => ({ monitorId, at: p.at, state: p.transition ?? 'unknown', problem: p.problem }))
      .reverse()
      .slice(0, limit);
  }
  async pruneProbes() {}

  async listSchedules() {
    return [...this.schedules.values()];
  }
  async getSchedule(id: string) {
    return this.schedules.get(id);
  }
  async createSchedule(schedule: Schedule, audit: AutomationAudit) {
    this.schedules.set(schedule.id, schedule);
    this.audit.push(audit);
  }
  async updateSchedule(next: Schedule, expected: number, audit: AutomationAudit) {
    const outcome = replace(this.schedules, next, expected);
    if (outcome === 'ok') this.audit.push(audit);
    return outcome;
  }
  async deleteSchedule(id: string, expected: number, audit: AutomationAudit) {
    const outcome = remove(this.schedules, id, expected);
    if (outcome === 'ok') this.audit.push(audit);
    return outcome;
  }

  async listChannels() {
    return [...this.channels.values()];
  }
  async getChannel(id: string) {
    return this.channels.get(id);
  }
  async createChannel(channel: Channel, audit: AutomationAudit) {
    this.channels.set(channel.id, channel);
    this.audit.push(audit);
  }
  async updateChannel(next: Channel, expected: number, audit: AutomationAudit) {
    const outcome = replace(this.channels, next, expected);
    if (outcome === 'ok') this.audit.push(audit);
    return outcome;
  }
  async deleteChannel(id: string, expected: number, audit: AutomationAudit) {
    const outcome = remove(this.channels, id, expected);
    if (outcome === 'ok') this.audit.push(audit);
    return outcome;
  }
  async listNotified() {
    return [...this.notified.values()].filter((row) => row.endedAt === undefined);
  }
  async recordEvents(ledger: readonly NotifiedMessage[], deliveries: readonly NewDelivery[]) {
    for (const row of ledger) this.notified.set(row.id, row);
    const taken = new Set([...this.deliveries.values()].map((d) => `${d.eventId}\n${d.channelId}`));
    for (const d of deliveries) {
      if (taken.has(`${d.eventId}\n${d.channelId}`)) continue;
      this.deliveries.set(d.id, {
        ...d,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: d.createdAt,
        leaseUntil: 0,
      });
    }
  }
  async claimDeliveries(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const due = [...this.deliveries.values()]
      .filter((d) => d.state === 'pending' && d.nextAttemptAt <= now && d.leaseUntil <= now)
      .slice(0, limit);
    for (const d of due) d.leaseUntil = now + leaseMs;
    return due.map((d) => ({ id: d.id, channelId: d.channelId, attempts: d.attempts, payload: d.payload }));
  }
  async finishAttempt(
    id: string,
    attempt: number,
    result: Parameters<NotificationStore['finishAttempt']>[2],
    at: number,
  ) {
    const d = this.deliveries.get(id);
    if (!d) return;
    Object.assign(d, {
      attempts: attempt,
      state: result.state,
      lastAttemptAt: at,
      leaseUntil: 0,
      nextAttemptAt: result.state === 'pending' ? result.nextAttemptAt : d.nextAttemptAt,
      problem: result.state === 'delivered' ? undefined : result.problem,
    });
  }
  async listDeliveries(query: { channelId?: string | undefined; limit: number }): Promise<Delivery[]> {
    return [...this.deliveries.values()]
      .filter((d) => query.channelId === undefined || d.channelId === query.channelId)
      .reverse()
      .slice(0, query.limit)
      .map((d) => ({
        id: d.id,
        channelId: d.channelId,
        event: d.event,
        subject: d.payload.subject,
        createdAt: new Date(d.createdAt).toISOString(),
        state: d.state,
        attempts: d.attempts,
        ...(d.lastAttemptAt !== undefined && { lastAttemptAt: new Date(d.lastAttemptAt).toISOString() }),
        ...(d.problem !== undefined && { problem: d.problem }),
      }));
  }
  async pruneNotifications() {}
}
