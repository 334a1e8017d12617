import type { Message } from '../../../../contract/message.ts';
import { monitorNameOf } from '../../../../contract/monitor-author.ts';
import { isActiveAt } from '../active-message.ts';
import type { NotificationEvent } from './notification-event.ts';

/** What channels were last told about one message (or recurring occurrence). */
export interface NotifiedMessage {
  id: string;
  /** The message as last notified (its text and bases, for the end notice after a delete). */
  message: Message;
  /** When the start was notified (ms). */
  startedAt: number;
  /** When the end was notified (ms); undefined while it is showing. */
  endedAt?: number | undefined;
}

/** A monitor's message is announced by the monitor's own down/up events, not twice. */
function fromMonitor(actor: string | undefined): boolean {
  return monitorNameOf(actor) !== undefined;
}

/**
 * The message events due at `now`: a message that is showing and was not announced starts; one whose
 * version moved on changed (unless a monitor only moved its deadline); one that stopped showing or
 * was deleted ended. Returns the events and the ledger rows to write with them.
 *
 * `current`: messages that may be showing (not ended at the last check), recurring occurrences
 * included. `open`: ledger rows not ended yet.
 */
export function messageEvents(
  current: readonly Message[],
  open: readonly NotifiedMessage[],
  now: number,
): { events: NotificationEvent[]; ledger: NotifiedMessage[] } {
  const events: NotificationEvent[] = [];
  const ledger: NotifiedMessage[] = [];
  const known = new Map(open.map((row) => [row.id, row]));
  const seen = new Set<string>();
  for (const message of current) {
    seen.add(message.id);
    const row = known.get(message.id);
    const showing = isActiveAt(message, now);
    if (!row) {
      if (!showing) continue;
      ledger.push({ id: message.id, message, startedAt: now });
      if (!fromMonitor(message.createdBy)) {
        events.push({
          id: `message:${message.id}:start:${message.version}`,
          kind: 'message.start',
          at: now,
          bases: message.bases,
          message,
        });
      }
      continue;
    }
    if (!showing) {
      ledger.push({ ...row, message, endedAt: now });
      if (!fromMonitor(message.createdBy)) {
        events.push({
          id: `message:${message.id}:end:${message.version}`,
          kind: 'message.end',
          at: now,
          bases: message.bases,
          message,
        });
      }
      continue;
    }
    if (message.version > row.message.version) {
      ledger.push({ ...row, message });
      if (!fromMonitor(message.updatedBy)) {
        events.push({
          id: `message:${message.id}:change:${message.version}`,
          kind: 'message.change',
          at: now,
          bases: message.bases,
          message,
        });
      }
    }
  }
  for (const row of open) {
    if (seen.has(row.id)) continue;
    // Deleted, or ended between two checks (the current list holds only messages not ended).
    ledger.push({ ...row, endedAt: now });
    if (!fromMonitor(row.message.createdBy)) {
      events.push({
        id: `message:${row.id}:end:${row.message.version}`,
        kind: 'message.end',
        at: now,
        bases: row.message.bases,
        message: row.message,
      });
    }
  }
  return { events, ledger };
}
