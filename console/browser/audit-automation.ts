import type { AuditEntryWire } from '../../contract/audit-entry.ts';
import type { ScheduleException } from '../../contract/schedule.ts';
import type { AuditChange, AuditRow } from './audit-entries.ts';

/** What an automatic feature's entry is about. */
export type AuditThing = 'monitor' | 'schedule' | 'channel';

/** `value` as an object's fields; anything else has none. */
export const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

export function thingOf(action: AuditEntryWire['action']): AuditThing | undefined {
  const [kind] = action.split('.');
  return kind === 'monitor' || kind === 'schedule' || kind === 'channel' ? kind : undefined;
}

const exceptionsOf = (side: unknown): ScheduleException[] => {
  const list = asRecord(side).exceptions;
  return Array.isArray(list) ? (list as ScheduleException[]) : [];
};

/**
 * One occurrence skipped, moved or shown again: the exception that differs between before and after,
 * as the occurrence's time (and where it went).
 */
function exceptionRow(entry: AuditEntryWire): Pick<AuditRow, 'verb' | 'changes'> {
  const before = exceptionsOf(entry.before);
  const after = exceptionsOf(entry.after);
  const same = (a: ScheduleException, b: ScheduleException) => JSON.stringify(a) === JSON.stringify(b);
  const added = after.find((exception) => !before.some((old) => same(old, exception)));
  if (added) {
    const changes: AuditChange[] = [{ field: 'occurrence', after: added.occurrence }];
    if (added.action === 'skip') return { verb: 'skipped-occurrence', changes };
    return { verb: 'moved-occurrence', changes: [...changes, { field: 'startsAt', after: added.startsAt }] };
  }
  const removed = before.find((exception) => !after.some((now) => same(now, exception)));
  return {
    verb: 'restored-occurrence',
    changes: removed ? [{ field: 'occurrence', after: removed.occurrence }] : [],
  };
}

/**
 * An entry about a monitor, a recurring window or a channel: its verb and name. Switching one off or
 * on is said as such; other changes list their fields (secrets are never in them: channels keep only
 * the names of the variables that hold them).
 */
export function automationVerb(
  entry: AuditEntryWire,
  changes: readonly AuditChange[],
): Pick<AuditRow, 'verb' | 'changes'> {
  if (entry.action === 'schedule.exception') return exceptionRow(entry);
  if (entry.action.endsWith('.create')) return { verb: 'created', changes };
  if (entry.action.endsWith('.delete')) return { verb: 'deleted', changes };
  const enabled = changes.length === 1 && changes[0]?.field === 'enabled' ? changes[0] : undefined;
  if (enabled) return { verb: enabled.after === false ? 'turned-off' : 'turned-on', changes: [] };
  return { verb: 'edited', changes };
}

/** The name the entry's item had (after the change, else before), when the entry carries it. */
export function automationName(entry: AuditEntryWire): string | undefined {
  for (const side of [entry.after, entry.before]) {
    const name = asRecord(side).name;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** Names of monitors, windows and channels by id: an entry of a change keeps only the changed fields. */
export type KnownNames = ReadonlyMap<string, string>;

/** The names the entries themselves show (a creation carries all fields), newest first. */
export function namesInEntries(entries: readonly AuditEntryWire[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    const name = thingOf(entry.action) && automationName(entry);
    if (name && !names.has(entry.target)) names.set(entry.target, name);
  }
  return names;
}
