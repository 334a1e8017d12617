import type { AuditEntryWire } from '../../contract/audit-entry.ts';
import type { Message, Severity } from '../../contract/message.ts';
import { namesInEntries } from './audit-automation.ts';
import {
  type AuditChange,
  type AuditRow,
  describeAudit,
  type KnownMessages,
  messagesInEntries,
} from './audit-entries.ts';
import { actorLabel, baseLabel, baseName, type ConsoleContext, timesOf } from './console-context.ts';
import { byId, el } from './dom.ts';
import { loadInto, table } from './log-tables.ts';
import { severityLabel } from './messages-view.ts';
import { languageLabel } from './static-texts.ts';

const PAGE = 50;

interface AuditPage {
  entries: AuditEntryWire[];
  /** The `before` cursor of the next (older) page, when there is one. */
  next?: string;
}

/** The fields of monitors, recurring windows and channels that have a word; others keep the API's name. */
const AUTOMATION_FIELDS = (texts: ConsoleContext['texts']): Record<string, string> => ({
  name: texts.fieldName,
  kind: texts.fieldKind,
  target: texts.fieldTarget,
  enabled: texts.fieldEnabled,
  cron: texts.fieldRepeat,
  durationMinutes: texts.fieldDuration,
  intervalSeconds: texts.fieldInterval,
  timeoutSeconds: texts.fieldTimeout,
  failuresToDown: texts.fieldFailures,
  successesToUp: texts.fieldSuccesses,
  events: texts.fieldEvents,
  occurrence: texts.fieldOccurrence,
});

function fieldLabel(ctx: ConsoleContext, field: string): string {
  const { texts } = ctx;
  const [root = '', part = ''] = field.split(/\.(.*)/s);
  const named: Record<string, string | undefined> = {
    helpURL: texts.fieldHelpURL,
    bases: part ? texts.fieldBase(part) : texts.fieldBases,
    startsAt: texts.fieldStartsAt,
    displayUntil: texts.fieldDisplayUntil,
    severity: texts.fieldSeverity,
    timeZone: texts.fieldTimeZone,
    defaultLanguage: texts.fieldDefaultLanguage,
    text: part ? texts.fieldText(languageLabel(part, ctx.language)) : undefined,
    helpText: part ? texts.fieldHelpText(languageLabel(part, ctx.language)) : undefined,
    ...AUTOMATION_FIELDS(texts),
  };
  return named[root] ?? field;
}

function valueText(ctx: ConsoleContext, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return ctx.texts.none;
  if (['startsAt', 'displayUntil', 'occurrence', 'startsFrom', 'endsAt'].includes(field))
    return timesOf(ctx).at(String(value));
  if (typeof value === 'boolean') return value ? ctx.texts.yes : ctx.texts.no;
  if (field === 'severity') return severityLabel(ctx, value as Severity);
  if (field === 'bases' && Array.isArray(value))
    return value.map((key) => baseName(ctx, String(key))).join(', ');
  if (typeof value === 'string') return value;
  const base = value as { name?: unknown; helpURL?: unknown };
  if (field.startsWith('bases.') && typeof base.name === 'string') {
    return [base.name, typeof base.helpURL === 'string' ? base.helpURL : ''].filter(Boolean).join(', ');
  }
  return JSON.stringify(value);
}

/** One changed field: its name, and what it was and became. */
function changeLine(ctx: ConsoleContext, change: AuditChange): HTMLElement {
  return el(
    'div',
    { class: 'change' },
    el('span', { class: 'field' }, `${fieldLabel(ctx, change.field)}:`),
    ' ',
    'before' in change ? el('del', {}, valueText(ctx, change.field, change.before)) : null,
    'before' in change && 'after' in change ? ' → ' : null,
    'after' in change ? el('ins', {}, valueText(ctx, change.field, change.after)) : null,
  );
}

/** A verb that is one word or phrase (the occurrence verbs name the window themselves). */
function verbWord(ctx: ConsoleContext, verb: AuditRow['verb']): string {
  const { texts } = ctx;
  const words: Partial<Record<AuditRow['verb'], string>> = {
    created: texts.verbCreated,
    edited: texts.verbEdited,
    'moved-deadline': texts.verbMovedDeadline,
    ended: texts.verbEnded,
    deleted: texts.verbDeleted,
    settings: texts.verbSettings,
    'turned-on': texts.verbTurnedOn,
    'turned-off': texts.verbTurnedOff,
  };
  return words[verb] ?? texts.verbEdited;
}

/** "turned off the monitor «Веб-публикация»", "skipped one occurrence of «Ночное копирование»". */
function automationText(ctx: ConsoleContext, row: AuditRow, thing: NonNullable<AuditRow['thing']>): string {
  const { texts } = ctx;
  if (row.verb === 'skipped-occurrence') return texts.verbSkippedOccurrence(thing.name);
  if (row.verb === 'moved-occurrence') return texts.verbMovedOccurrence(thing.name);
  if (row.verb === 'restored-occurrence') return texts.verbRestoredOccurrence(thing.name);
  const noun = { monitor: texts.thingMonitor, schedule: texts.thingSchedule, channel: texts.thingChannel }[
    thing.kind
  ];
  return `${verbWord(ctx, row.verb)} ${noun} «${thing.name}»`;
}

function whatText(ctx: ConsoleContext, row: AuditRow): string {
  if (row.thing) return automationText(ctx, row, row.thing);
  const verb = verbWord(ctx, row.verb);
  if (!row.subject) return row.verb === 'settings' ? verb : `${verb} ${ctx.texts.aMessage}`;
  const bases = row.subject.bases.map((key) => baseLabel(ctx, key)).join(', ');
  return `${verb} «${row.subject.words}»${bases ? ` (${bases})` : ''}`;
}

/** The audit log: who did what to which message, when, and each changed field; older pages on request. */
export function createAuditView(ctx: ConsoleContext) {
  const more = byId('audit-more');
  let known: KnownMessages = new Map();
  /** Names of monitors, windows and channels: from the entries, else as they are now. */
  let names = new Map<string, string>();
  let rows: AuditRow[] = [];
  let next: string | undefined;

  function render() {
    const { texts } = ctx;
    const times = timesOf(ctx);
    byId('audit-table').replaceChildren(
      table(
        [texts.auditWhen, texts.auditWho, texts.auditWhat, texts.auditChanges],
        rows.map((row) => [
          times.at(row.entry.at),
          actorLabel(ctx, row.entry.actor),
          whatText(ctx, row),
          el('div', { class: 'changes' }, ...row.changes.map((change) => changeLine(ctx, change))),
        ]),
        texts.noChanges,
      ),
    );
    more.hidden = next === undefined;
  }

  async function page(before: string | undefined): Promise<void> {
    const query = `/api/admin/audit?limit=${PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const data = (await loadInto(ctx, query, 'audit-table', () => el('p', {}))) as AuditPage | undefined;
    if (!data) return;
    known = new Map([...messagesInEntries(data.entries), ...known]);
    names = new Map([...names, ...namesInEntries(data.entries)]);
    rows = [
      ...(before ? rows : []),
      ...data.entries.map((entry) => describeAudit(entry, known, ctx.language, names)),
    ];
    next = data.next;
    render();
  }

  /** The monitors, windows and channels there are now, by id (a service without them has none). */
  async function currentNames(): Promise<Map<string, string>> {
    const lists = await Promise.all(
      (['monitors', 'schedules', 'channels'] as const).map(async (kind) => {
        const answer = await ctx.request('GET', `/api/admin/${kind}`);
        const items =
          answer.status === 200 ? (answer.data as Record<string, { id: string; name: string }[]>)[kind] : [];
        return (items ?? []).map((item) => [item.id, item.name] as const);
      }),
    );
    return new Map(lists.flat());
  }

  async function load(): Promise<void> {
    const [listed, current] = await Promise.all([ctx.request('GET', '/api/admin/messages'), currentNames()]);
    const messages = listed.status === 200 ? (listed.data as { messages: Message[] }).messages : [];
    known = new Map(messages.map((message) => [message.id, message]));
    names = current;
    await page(undefined);
  }

  more.addEventListener('click', () => void page(next));
  return { load };
}
