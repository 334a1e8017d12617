import type {
  CapturedRequest,
  LoginErrorReport,
  ReportsResponse,
} from '../../../contract/captured-request.ts';
import type { Message } from '../../../contract/message.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import type { Settings } from '../../../contract/settings.ts';
import type {
  AutomationAudit,
  MessageWrites,
  MonitorStore,
  NotificationStore,
  ScheduleStore,
} from '../domain/automation-store.ts';
import type { SnapshotData } from '../domain/snapshot-view.ts';
import type { StoreProblem } from '../domain/store-problem-words.ts';

/** Who changed what: one audit log for administrators, monitors and recurring windows. */
export type AuditEntry = AutomationAudit;

/** One page of the audit log, newest first; `next` is the `before` cursor of the following page. */
export interface AuditPage {
  entries: AuditEntry[];
  next?: string;
}

/**
 * What the public answers are computed from, read at once: the settings and the messages that had
 * not ended at `loadedAt` (active or scheduled). Ended messages stay in the store for the status
 * history and are read page by page (`listEndedMessages`), never all at once.
 */
export type Snapshot = SnapshotData;

/** What changed after a given revision: changed or new messages (ended ones included) and removed ids. */
export interface SnapshotChanges {
  revision: number;
  settings: Settings;
  settingsVersion: number;
  changed: Message[];
  removed: string[];
  /** The recurring windows as they are now (few, so always listed whole). */
  schedules: Schedule[];
}

/** A page of messages that ended, newest end first; `next` is the `before` cursor of the next page. */
export interface EndedPage {
  messages: Message[];
  next?: string;
}

export interface EndedQuery {
  /** Only messages that ended at or before this instant (ms). */
  endedBy: number;
  /** Only messages that ended after this instant (ms): the history window. */
  endedAfter: number;
  /** Only messages shown for this base (its own or for all bases). */
  baseKey?: string | undefined;
  /** A cursor from a previous page's `next`. */
  before?: string | undefined;
  limit: number;
}

/** Captured requests and login-error reports waiting to be written, in arrival order. */
export interface ActivityBatch {
  requests: CapturedRequest[];
  reports: LoginErrorReport[];
  /** Reports per UTC hour start and base key (already capped per hour by the caller's count). */
  counts: { hour: string; baseKey: string; count: number }[];
}

export type WriteResult = 'ok' | 'conflict' | 'not-found';

/**
 * One storage contract over SQL, on node:sqlite (Node) and D1 (Workers), checked by one contract test
 * suite (`store-contract.ts`, and `automation-store-contract.ts` for monitors, recurring windows and
 * notifications) on both. Writes are optimistic: they name the version they expect and get `conflict`
 * when someone else — another request or another process — wrote first.
 */
export interface Store extends MessageWrites, MonitorStore, ScheduleStore, NotificationStore {
  loadSnapshot(now: number): Promise<Snapshot>;
  /** `undefined` when nothing changed; `'reload'` when the changes are too old to list one by one. */
  changesSince(revision: number): Promise<SnapshotChanges | 'reload' | undefined>;

  getSettings(): Promise<{ settings: Settings; version: number }>;
  getMessage(id: string): Promise<Message | undefined>;
  /** Every message, newest first by creation. */
  listMessages(): Promise<Message[]>;
  listEndedMessages(query: EndedQuery): Promise<EndedPage>;

  /** Throws `DuplicateIdError` when a message with this id exists. */
  createMessage(message: Message, audit: AuditEntry): Promise<void>;
  /** Replaces the message with `next.id` only when its stored `version` equals `expectedVersion`. */
  updateMessage(next: Message, expectedVersion: number, audit: AuditEntry): Promise<WriteResult>;
  deleteMessage(id: string, expectedVersion: number, audit: AuditEntry): Promise<WriteResult>;
  /** `expectedVersion` undefined = unconditional (PUT without If-Match). Returns the new version. */
  putSettings(
    settings: Settings,
    expectedVersion: number | undefined,
    audit: AuditEntry,
  ): Promise<{ version: number } | 'conflict'>;

  /** Newest first; `before` is a cursor from a previous page. Throws `BadCursorError` on a foreign cursor. */
  listAudit(query: { limit: number; before?: string | undefined }): Promise<AuditPage>;
  /** The newest entry about `target` (a message id or `settings`). */
  latestAudit(target: string): Promise<AuditEntry | undefined>;

  recordActivity(batch: ActivityBatch, now: number): Promise<void>;
  /** Newest first. */
  listCapturedRequests(limit: number): Promise<CapturedRequest[]>;
  reportSummary(limit: number, now: number): Promise<ReportsResponse>;

  close(): Promise<void>;
}

/** Storage is broken right now (disk full, D1 down): admin writes answer 503, reads serve last good data. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** What went wrong, for words in the reader's language; the message is the English for the log. */
  readonly problem: StoreProblem | undefined;

  constructor(message: string, options?: ErrorOptions & { problem?: StoreProblem }) {
    super(message, options);
    this.problem = options?.problem;
  }
}

/** The store cannot be opened at start (damaged database, unreadable file, failed migration or import). */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

/** A message with this id exists already: the same error from every driver (the API answers 409). */
export class DuplicateIdError extends Error {
  override readonly name = 'DuplicateIdError';
  constructor(readonly id: string) {
    super(`A message with id "${id}" exists already.`);
  }
}

/** A paging cursor this store did not give out (the API answers 400). */
export class BadCursorError extends Error {
  override readonly name = 'BadCursorError';
}
