import type { AuditAction } from '../../../contract/audit-entry.ts';
import type { Channel, Delivery } from '../../../contract/channel.ts';
import type { Message } from '../../../contract/message.ts';
import type { Monitor, MonitorHealth } from '../../../contract/monitor.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import type { MonitorState, ProbeResult } from './monitors/monitor-state.ts';
import type { NewDelivery } from './notifications/delivery-plan.ts';
import type { NotifiedMessage } from './notifications/message-events.ts';
import type { AttemptResult } from './notifications/retry-policy.ts';

/**
 * What the monitors, recurring windows and notifications need from storage, one interface per
 * concern; the SQL store implements them on node:sqlite and D1 alike. Writes that two runners could
 * race on (two Worker isolates probing at once) name the version they expect.
 */

/**
 * One entry of the audit log. An update keeps only the fields that changed, each once before and
 * once after; a create keeps the new resource (`after`), a delete the old (`before`).
 */
export interface AutomationAudit {
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  /** The administrator's token label (never the token), `monitor:<name>` or `schedule:<name>`. */
  actor: string;
  action: AuditAction;
  /** Message, monitor, recurring window or channel id, or `settings`. */
  target: string;
  before?: unknown;
  after?: unknown;
}

export type WriteOutcome = 'ok' | 'conflict' | 'not-found';

/** The message writes a monitor makes (the store's own message methods). */
export interface MessageWrites {
  getMessage(id: string): Promise<Message | undefined>;
  createMessage(message: Message, audit: AutomationAudit): Promise<void>;
  updateMessage(next: Message, expectedVersion: number, audit: AutomationAudit): Promise<WriteOutcome>;
}

/** One probe as recorded, with the state change it caused, if any. */
export interface RecordedProbe extends ProbeResult {
  monitorId: string;
  at: number;
  transition?: MonitorHealth | undefined;
}

/** Successful and total probes in one time bucket. */
export interface ProbeBucket {
  /** Bucket start (ms). */
  start: number;
  ok: number;
  total: number;
}

export interface ProbeStats {
  monitorId: string;
  /** Hourly buckets over the last 24 h, oldest first (24 of them). */
  hours: ProbeBucket[];
  /** Six-hour buckets over the last 7 days, oldest first (28 of them). */
  quarters: ProbeBucket[];
}

export interface MonitorTransitionRow {
  monitorId: string;
  at: number;
  state: MonitorHealth;
  problem?: string | undefined;
}

export interface MonitorStore {
  listMonitors(): Promise<Monitor[]>;
  getMonitor(id: string): Promise<Monitor | undefined>;
  createMonitor(monitor: Monitor, audit: AutomationAudit): Promise<void>;
  updateMonitor(next: Monitor, expectedVersion: number, audit: AutomationAudit): Promise<WriteOutcome>;
  /** Deletes the monitor with its state and history. */
  deleteMonitor(id: string, expectedVersion: number, audit: AutomationAudit): Promise<WriteOutcome>;

  listMonitorStates(): Promise<MonitorState[]>;
  /**
   * Stores `state` (whose `version` is `expectedVersion + 1`) only if the stored state still has
   * `expectedVersion` (0 = none stored yet), with `probe` in the history. False = another runner won.
   */
  saveMonitorState(state: MonitorState, expectedVersion: number, probe?: RecordedProbe): Promise<boolean>;
  /** Forgets the state (the monitor now probes something else); history is kept. */
  clearMonitorState(monitorId: string): Promise<void>;
  /** Buckets ending at `now` for every monitor that has probes in the last 7 days. */
  probeStats(now: number): Promise<ProbeStats[]>;
  /** Newest first. */
  listTransitions(monitorId: string, limit: number): Promise<MonitorTransitionRow[]>;
  /** Drops probes and transitions older than `before` (ms). */
  pruneProbes(before: number): Promise<void>;
}

export interface ScheduleStore {
  listSchedules(): Promise<Schedule[]>;
  getSchedule(id: string): Promise<Schedule | undefined>;
  createSchedule(schedule: Schedule, audit: AutomationAudit): Promise<void>;
  updateSchedule(next: Schedule, expectedVersion: number, audit: AutomationAudit): Promise<WriteOutcome>;
  deleteSchedule(id: string, expectedVersion: number, audit: AutomationAudit): Promise<WriteOutcome>;
}

/** A delivery taken for an attempt: its channel, what to send and how many attempts came before. */
export interface ClaimedDelivery {
  id: string;
  channelId: string;
  attempts: number;
  payload: NewDelivery['payload'];
}

export interface NotificationStore {
  listChannels(): Promise<Channel[]>;
  getChannel(id: string): Promise<Channel | undefined>;
  createChannel(channel: Channel, audit: AutomationAudit): Promise<void>;
  updateChannel(next: Channel, expectedVersion: number, audit: AutomationAudit): Promise<WriteOutcome>;
  /** Deletes the channel and its deliveries. */
  deleteChannel(id: string, expectedVersion: number, audit: AutomationAudit): Promise<WriteOutcome>;

  /** Messages announced as started and not yet as ended. */
  listNotified(): Promise<NotifiedMessage[]>;
  /**
   * Writes the ledger rows and the deliveries in one transaction. A delivery whose event already
   * went to that channel is left out, so an event reaches each channel once whoever notices it.
   */
  recordEvents(ledger: readonly NotifiedMessage[], deliveries: readonly NewDelivery[]): Promise<void>;
  /**
   * Up to `limit` pending deliveries due at `now` and not taken by another runner, each taken for
   * `leaseMs` (a runner that dies mid-attempt leaves it to the next one after that).
   */
  claimDeliveries(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  finishAttempt(id: string, attempt: number, result: AttemptResult, at: number): Promise<void>;
  /** Newest first; one channel's or all. */
  listDeliveries(query: { channelId?: string | undefined; limit: number }): Promise<Delivery[]>;
  /** Drops finished deliveries and ended ledger rows older than `before` (ms). */
  pruneNotifications(before: number): Promise<void>;
}
