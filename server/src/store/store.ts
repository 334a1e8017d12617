import type { AuditAction } from '../../../contract/audit-entry.ts';
import type { Message } from '../../../contract/message.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import type { Settings } from '../../../contract/settings.ts';

/** Who changed what, with the state before and after (the admin API's audit log). */
export interface AuditEntry {
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  /** The token label of the administrator (never the token). */
  actor: string;
  action: AuditAction;
  /** Message id, or `settings`. */
  target: string;
  before?: unknown;
  after?: unknown;
}

/** Everything the hot path needs, read at once. */
export interface Snapshot {
  settings: Settings;
  settingsVersion: number;
  messages: Message[];
  /** Recurring maintenance windows: their occurrences show as messages without being stored. */
  schedules?: Schedule[] | undefined;
}

export type WriteResult = 'ok' | 'conflict' | 'not-found';

/**
 * One storage contract, two implementations (file store on Node, D1 on Workers), one contract test
 * suite (`store-contract.ts`) run against both. Writes are optimistic: they name the version they
 * expect and get `conflict` when someone else wrote first — never a lost update.
 */
export interface Store {
  load(): Promise<Snapshot>;
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
  /** Newest first. */
  listAudit(limit: number): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/** Storage is broken right now (disk full, D1 down): admin writes answer 503, reads serve last good data. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
