import type { AuditEntryWire } from '../../contract/audit-entry.ts';
import { pickText } from '../../contract/language-match.ts';
import type { Message } from '../../contract/message.ts';
import {
  type AuditThing,
  asRecord,
  automationName,
  automationVerb,
  type KnownNames,
  thingOf,
} from './audit-automation.ts';

/** What an administrator did, in plain words (the texts say it in the console's language). */
export type AuditVerb =
  | 'created'
  | 'edited'
  | 'moved-deadline'
  | 'ended'
  | 'deleted'
  | 'settings'
  | 'turned-on'
  | 'turned-off'
  | 'skipped-occurrence'
  | 'moved-occurrence'
  | 'restored-occurrence';

/** One changed field: `text.ru`, `displayUntil`, `bases`, `bases.buh` (a base in the settings)… */
export interface AuditChange {
  readonly field: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** An audit entry as the console shows it. */
export interface AuditRow {
  readonly entry: AuditEntryWire;
  readonly verb: AuditVerb;
  /** A monitor, recurring window or channel, by its name; absent for messages and settings. */
  readonly thing?: { readonly kind: AuditThing; readonly name: string };
  /** The message it is about: its first words and bases, when known. */
  readonly subject?: { readonly words: string; readonly bases: readonly string[] };
  readonly changes: readonly AuditChange[];
}

/** What a message entry's target is known by, from the message list or from other entries. */
export type KnownMessages = ReadonlyMap<string, Pick<Message, 'text' | 'bases'>>;

/** Bookkeeping every change carries; not what the administrator changed. */
const BOOKKEEPING = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'exceptions',
]);
/** Fields whose parts are shown one by one: a text per language, a base per key. */
const PER_PART = new Set(['text', 'helpText', 'bases']);
const DEADLINE_ONLY = new Set(['displayUntil', 'timeZone']);
const WORDS_SHOWN = 60;

const record = asRecord;

function flatten(value: unknown): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, field] of Object.entries(record(value))) {
    if (BOOKKEEPING.has(key)) continue;
    const parts = PER_PART.has(key) && !Array.isArray(field) ? Object.entries(record(field)) : undefined;
    if (parts) for (const [part, inner] of parts) fields.set(`${key}.${part}`, inner);
    else fields.set(key, field);
  }
  return fields;
}

/** The fields that differ between before and after, each with both sides (one side when added or removed). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = flatten(before);
  const is = flatten(after);
  const changes: AuditChange[] = [];
  for (const field of new Set([...was.keys(), ...is.keys()])) {
    if (JSON.stringify(was.get(field)) === JSON.stringify(is.get(field))) continue;
    changes.push({
      field,
      ...(was.has(field) && { before: was.get(field) }),
      ...(is.has(field) && { after: is.get(field) }),
    });
  }
  return changes;
}

function verbOf(entry: AuditEntryWire, changes: readonly AuditChange[]): AuditVerb {
  if (entry.action === 'message.create') return 'created';
  if (entry.action === 'message.delete') return 'deleted';
  if (entry.action === 'settings.update') return 'settings';
  const roots = new Set(changes.map((change) => change.field.split('.')[0] ?? ''));
  if (
    roots.size === 0 ||
    ![...roots].every((root) => DEADLINE_ONLY.has(root)) ||
    !roots.has('displayUntil')
  ) {
    return 'edited';
  }
  const until = Date.parse(String(record(entry.after).displayUntil));
  // "End now" sets the deadline to the moment of the change.
  return until <= Date.parse(entry.at) + 1000 ? 'ended' : 'moved-deadline';
}

/** The first words of a text, cut at a word. */
export function firstWords(text: string, limit = WORDS_SHOWN): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

function subjectOf(entry: AuditEntryWire, known: KnownMessages, language: string): AuditRow['subject'] {
  if (entry.action === 'settings.update') return undefined;
  const stored = known.get(entry.target);
  const sides = [record(entry.after), record(entry.before)];
  const text = (sides.find((side) => side.text !== undefined)?.text ?? stored?.text) as
    | Record<string, string>
    | undefined;
  const bases = (sides.find((side) => Array.isArray(side.bases))?.bases ?? stored?.bases) as
    | string[]
    | undefined;
  const picked = pickText(text, language, language);
  return picked ? { words: firstWords(picked.text), bases: bases ?? [] } : undefined;
}

/** An entry as a sentence: who, a plain verb, which message, and what changed field by field. */
export function describeAudit(
  entry: AuditEntryWire,
  known: KnownMessages,
  language: string,
  names: KnownNames = new Map(),
): AuditRow {
  const changes = auditChanges(entry.before, entry.after);
  const kind = thingOf(entry.action);
  if (kind) {
    const name = automationName(entry) ?? names.get(entry.target) ?? entry.target;
    return { entry, ...automationVerb(entry, changes), thing: { kind, name } };
  }
  const subject = subjectOf(entry, known, language);
  return { entry, verb: verbOf(entry, changes), ...(subject && { subject }), changes };
}

/** Messages the entries themselves show (a created or deleted message's text), for entries that do not. */
export function messagesInEntries(
  entries: readonly AuditEntryWire[],
): Map<string, Pick<Message, 'text' | 'bases'>> {
  const found = new Map<string, Pick<Message, 'text' | 'bases'>>();
  for (const entry of entries) {
    const side = record(entry.after ?? entry.before);
    if (
      entry.action.startsWith('message.') &&
      side.text &&
      Array.isArray(side.bases) &&
      !found.has(entry.target)
    ) {
      found.set(entry.target, { text: side.text as Message['text'], bases: side.bases as Message['bases'] });
    }
  }
  return found;
}
