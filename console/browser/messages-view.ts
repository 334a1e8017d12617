import { pickText } from '../../contract/language-match.ts';
import { fillUntil } from '../../contract/local-time.ts';
import type { Message, Severity } from '../../contract/message.ts';
import { monitorNameOf } from '../../contract/monitor-author.ts';
import { problemText } from './admin-api.ts';
import { actorLabel, baseName, type ConsoleContext, timesOf } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { messageLists, type ShownMessage, shownWhere } from './message-lists.ts';
import { type ListedMessage, type ListedSchedule, recurringMessages } from './recurring-messages.ts';
import { occurrenceChanges } from './schedules-view.ts';

export interface LoadedMessage {
  message: Message;
  etag: string | undefined;
}

export interface MessagesView {
  load(): Promise<void>;
  notice(text: string): void;
}

type ListKind = 'active' | 'upcoming' | 'past';

export function severityLabel(ctx: ConsoleContext, severity: Severity): string {
  const { texts } = ctx;
  return { outage: texts.severityOutage, maintenance: texts.severityMaintenance, info: texts.severityInfo }[
    severity
  ];
}

function basesLabel(ctx: ConsoleContext, bases: readonly string[]): string {
  return bases.includes('*') ? ctx.texts.allBases : bases.map((key) => baseName(ctx, key)).join(', ');
}

/** "Users see this one: Бухгалтерия, other bases", or why it is not shown anywhere. */
function shownLabel(ctx: ConsoleContext, shown: ShownMessage): string {
  const where = shownWhere(shown, Object.keys(ctx.settings.bases));
  if (where.everywhere) return ctx.texts.shownFor(ctx.texts.allBases);
  const parts = [
    ...where.bases.map((key) => baseName(ctx, key)),
    ...(where.otherBases ? [ctx.texts.otherBases] : []),
  ];
  return parts.length > 0 ? ctx.texts.shownFor(parts.join(', ')) : ctx.texts.shownNowhere;
}

/** The three lists (shown now, upcoming, past) with their actions. */
export function createMessagesView(
  ctx: ConsoleContext,
  openEditor: (loaded: LoadedMessage) => void,
  openSchedules: () => void,
): MessagesView {
  const notice = byId('list-notice');
  const occurrences = occurrenceChanges(ctx, (text) => setText(notice, text));

  /** Fresh ETag first: the list may be older than the message. */
  async function current(id: string): Promise<LoadedMessage | undefined> {
    const answer = await ctx.request('GET', `/api/admin/messages/${encodeURIComponent(id)}`);
    if (answer.status !== 200) {
      setText(notice, problemText(answer.data, ctx.texts.couldNotLoadMessage));
      return undefined;
    }
    return { message: answer.data as Message, etag: answer.etag };
  }

  async function change(id: string, method: 'PATCH' | 'DELETE'): Promise<void> {
    const loaded = await current(id);
    if (!loaded) return;
    const answer = await ctx.request(method, `/api/admin/messages/${encodeURIComponent(id)}`, {
      ...(method === 'PATCH' && { body: { displayUntil: new Date().toISOString() } }),
      ifMatch: loaded.etag,
    });
    const ok = answer.status === (method === 'PATCH' ? 200 : 204);
    const { texts } = ctx;
    const failed =
      method === 'PATCH' ? texts.couldNotEnd(answer.status) : texts.couldNotDelete(answer.status);
    setText(
      notice,
      ok ? (method === 'PATCH' ? texts.ended : texts.deleted) : problemText(answer.data, failed),
    );
    await load();
  }

  const button = (cls: string, label: string, act: () => void) => {
    const node = el('button', { type: 'button', class: cls }, label);
    node.addEventListener('click', act);
    return node;
  };

  /** An occurrence of a recurring window is changed in its window: skip this one, or open the window. */
  function recurringActions(recurring: NonNullable<ListedMessage['recurring']>): HTMLElement {
    return el(
      'div',
      { class: 'row' },
      button('skip danger', ctx.texts.skipOnce, () => {
        void occurrences.skip(recurring.scheduleId, recurring.occurrence).then(load);
      }),
      button('open-window', ctx.texts.openWindow, openSchedules),
    );
  }

  function actions(message: ListedMessage, kind: ListKind): HTMLElement {
    if (message.recurring) return recurringActions(message.recurring);
    return el(
      'div',
      { class: 'row' },
      button(
        'edit',
        ctx.texts.edit,
        () => void current(message.id).then((loaded) => loaded && openEditor(loaded)),
      ),
      kind === 'active' && button('end-now danger', ctx.texts.endNow, () => void change(message.id, 'PATCH')),
      button('delete danger', ctx.texts.delete, () => {
        if (window.confirm(ctx.texts.confirmDelete)) void change(message.id, 'DELETE');
      }),
    );
  }

  function item(message: ListedMessage, kind: ListKind, shown?: ShownMessage<ListedMessage>): HTMLLIElement {
    const times = timesOf(ctx);
    // The text as users read it: {until} filled in, in their zone.
    const picked = pickText(message.text, ctx.language, ctx.settings.defaultLanguage);
    const [start, end] = [Date.parse(message.startsAt), Date.parse(message.displayUntil)];
    const text = picked ? fillUntil(picked.text, start, end, ctx.settings.timeZone, picked.language) : '';
    const who = message.updatedBy ?? message.createdBy;
    const monitor = monitorNameOf(message.createdBy);
    return el(
      'li',
      { class: message.severity, 'data-id': message.id },
      el(
        'div',
        { class: 'meta' },
        el('span', { class: 'badge' }, severityLabel(ctx, message.severity)),
        message.recurring &&
          el('span', { class: 'badge recurring' }, ctx.texts.recurringBadge(message.recurring.name)),
        `${basesLabel(ctx, message.bases)} · ${times.range(message.startsAt, message.displayUntil)}`,
      ),
      shown && el('p', { class: shown.shownFor.length > 0 ? 'shown' : 'shown none' }, shownLabel(ctx, shown)),
      el('p', { class: 'text' }, text),
      kind !== 'past' && monitor !== undefined
        ? el('p', { class: 'auto' }, ctx.texts.postedByMonitor(monitor))
        : null,
      el(
        'p',
        { class: 'meta' },
        `${Object.keys(message.text).join(', ')} · ${ctx.texts.changedBy(actorLabel(ctx, who), times.at(message.updatedAt))}`,
      ),
      actions(message, kind),
    );
  }

  function fill(kind: ListKind, items: HTMLLIElement[], empty: string) {
    byId(`list-${kind}`).replaceChildren(
      ...(items.length > 0 ? items : [el('li', { class: 'empty' }, empty)]),
    );
  }

  async function load(): Promise<void> {
    // Recurring windows store no message per occurrence: their next ones join the lists here.
    const [answer, windows] = await Promise.all([
      ctx.request('GET', '/api/admin/messages'),
      ctx.request('GET', '/api/admin/schedules'),
    ]);
    if (answer.status !== 200) {
      setText(notice, problemText(answer.data, ctx.texts.couldNotLoadMessages(answer.status)));
      return;
    }
    const { messages } = answer.data as { messages: Message[] };
    const recurring =
      windows.status === 200
        ? recurringMessages((windows.data as { schedules: ListedSchedule[] }).schedules)
        : [];
    const lists = messageLists<ListedMessage>(
      [...messages, ...recurring],
      Object.keys(ctx.settings.bases),
      Date.now(),
    );
    const { texts } = ctx;
    fill(
      'active',
      lists.active.map((shown) => item(shown.message, 'active', shown)),
      texts.emptyActive,
    );
    fill(
      'upcoming',
      lists.upcoming.map((m) => item(m, 'upcoming')),
      texts.emptyUpcoming,
    );
    fill(
      'past',
      lists.past.map((m) => item(m, 'past')),
      texts.emptyPast,
    );
  }

  return { load, notice: (text) => setText(notice, text) };
}
