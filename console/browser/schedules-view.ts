import { pickText } from '../../contract/language-match.ts';
import { fillUntil } from '../../contract/local-time.ts';
import type { Occurrence, Schedule } from '../../contract/schedule.ts';
import { problemText } from './admin-api.ts';
import { baseName, type ConsoleContext, timesOf } from './console-context.ts';
import { actionButton, byId, el, setText } from './dom.ts';
import { durationWords } from './duration-words.ts';
import { changeItem, fillItems, freshItem, loadItems, wireItemTab } from './item-tab.ts';
import type { ListedSchedule } from './recurring-messages.ts';
import { describeRepeat, repeatOfCron } from './repeat-pattern.ts';
import { createScheduleEditor } from './schedule-editor.ts';

const path = (id: string) => `/api/admin/schedules/${encodeURIComponent(id)}`;

/** Skip, move or restore one occurrence; each is a change of the window the audit log records. */
export interface OccurrenceChanges {
  skip(scheduleId: string, occurrence: string): Promise<void>;
  move(scheduleId: string, occurrence: string, startsAt: string): Promise<void>;
  undo(scheduleId: string, occurrence: string): Promise<void>;
}

/**
 * The changes of one occurrence, with the window's current ETag fetched first; `say` gets what
 * happened (or why not) in plain words.
 */
export function occurrenceChanges(ctx: ConsoleContext, say: (text: string) => void): OccurrenceChanges {
  async function send(
    scheduleId: string,
    method: 'PUT' | 'DELETE',
    suffix: string,
    body: unknown,
    done: string,
  ) {
    const current = await ctx.request('GET', path(scheduleId));
    if (current.status !== 200)
      return say(current.status === 404 ? ctx.texts.itemGone : ctx.texts.notChanged(current.status));
    const answer = await ctx.request(method, `${path(scheduleId)}${suffix}`, { body, ifMatch: current.etag });
    say(answer.status === 200 ? done : problemText(answer.data, ctx.texts.notChanged(answer.status)));
  }
  const at = (iso: string) => timesOf(ctx).at(iso);
  return {
    skip: (id, occurrence) =>
      send(id, 'PUT', '/exceptions', { occurrence, action: 'skip' }, ctx.texts.skippedNotice(at(occurrence))),
    move: (id, occurrence, startsAt) =>
      send(
        id,
        'PUT',
        '/exceptions',
        { occurrence, action: 'move', startsAt },
        ctx.texts.movedNotice(at(startsAt)),
      ),
    undo: (id, occurrence) =>
      send(id, 'DELETE', `/exceptions/${encodeURIComponent(occurrence)}`, undefined, ctx.texts.undoneNotice),
  };
}

/** The Recurring windows tab: each window in words, its next occurrences with skip/move, and the form. */
export function createSchedulesView(ctx: ConsoleContext) {
  const _list = byId('schedules-list');
  const notice = byId('schedules-notice');
  let schedules: ListedSchedule[] = [];
  const editor = createScheduleEditor(ctx, (text) => {
    setText(notice, text);
    void load();
  });
  const changes = occurrenceChanges(ctx, (text) => setText(notice, text));

  /** "Move…" opens a time picker under the occurrence, on the console's clock. */
  function movePicker(schedule: Schedule, occurrence: Occurrence, row: HTMLElement) {
    const times = timesOf(ctx);
    const input = el('input', { type: 'datetime-local', class: 'move-to', 'aria-label': ctx.texts.moveTo });
    input.value = times.toInput(occurrence.startsAt);
    const picker = el(
      'div',
      { class: 'row move' },
      el('span', { class: 'hint' }, ctx.texts.moveTo),
      input,
      actionButton('primary move-save', ctx.texts.moveSave, async () => {
        const startsAt = times.fromInput(input.value);
        if (!startsAt) return setText(notice, ctx.texts.needMoveTime);
        await changes.move(schedule.id, occurrence.occurrence, startsAt);
        await load();
      }),
    );
    row.querySelector('.move')?.remove();
    row.append(picker);
    input.focus();
  }

  function occurrenceRow(schedule: Schedule, occurrence: Occurrence): HTMLLIElement {
    const { texts } = ctx;
    const times = timesOf(ctx);
    const status =
      occurrence.status === 'skipped'
        ? texts.occurrenceSkipped
        : occurrence.status === 'moved'
          ? texts.occurrenceMoved(times.at(occurrence.occurrence))
          : '';
    const reload = async (act: Promise<void>) => {
      await act;
      await load();
    };
    const row: HTMLLIElement = el(
      'li',
      { class: `occurrence ${occurrence.status}`, 'data-occurrence': occurrence.occurrence },
      el('span', { class: 'when' }, times.range(occurrence.startsAt, occurrence.displayUntil)),
      status ? el('span', { class: 'status' }, status) : null,
      el(
        'span',
        { class: 'row actions' },
        occurrence.status === 'planned'
          ? actionButton('skip', texts.skipOnce, () =>
              reload(changes.skip(schedule.id, occurrence.occurrence)),
            )
          : actionButton('undo', occurrence.status === 'skipped' ? texts.undoSkip : texts.undoMove, () =>
              reload(changes.undo(schedule.id, occurrence.occurrence)),
            ),
        occurrence.status !== 'skipped' &&
          actionButton('move-open', texts.moveOnce, () => movePicker(schedule, occurrence, row)),
      ),
    );
    return row;
  }

  function item(schedule: ListedSchedule): HTMLLIElement {
    const { texts } = ctx;
    const repeat = describeRepeat(
      repeatOfCron(schedule.cron),
      schedule.timeZone,
      ctx.language,
      texts,
      Date.now(),
    );
    const picked = pickText(schedule.text, ctx.language, ctx.settings.defaultLanguage);
    // The text as users will read it at the next occurrence, {until} filled in.
    const next = schedule.occurrences.find((occurrence) => occurrence.status !== 'skipped');
    const text =
      picked && next
        ? fillUntil(
            picked.text,
            Date.parse(next.startsAt),
            Date.parse(next.displayUntil),
            ctx.settings.timeZone,
            picked.language,
          )
        : picked?.text;
    const bases = schedule.bases.map((key) => baseName(ctx, key)).join(', ');
    return el(
      'li',
      { class: `item schedule maintenance${schedule.enabled ? '' : ' off'}`, 'data-id': schedule.id },
      el(
        'div',
        { class: 'head' },
        el('span', { class: 'badge' }, schedule.enabled ? texts.severityMaintenance : texts.isOff),
        el('strong', { class: 'name' }, schedule.name),
        el('span', { class: 'meta' }, bases),
      ),
      el(
        'p',
        { class: 'repeat' },
        texts.forDuration(repeat, durationWords(schedule.durationMinutes * 60, texts)),
      ),
      text ? el('p', { class: 'text' }, text) : null,
      el('h4', {}, texts.nextTimes),
      schedule.occurrences.length > 0
        ? el('ul', { class: 'occurrences' }, ...schedule.occurrences.map((o) => occurrenceRow(schedule, o)))
        : el('p', { class: 'meta' }, texts.noNextTimes),
      el(
        'div',
        { class: 'row actions' },
        actionButton('edit', texts.editItem, async () => {
          const found = await freshItem<Schedule>(ctx, 'schedule', schedule.id);
          if (found) editor.open(found.item, found.etag);
        }),
        actionButton('delete danger', texts.deleteItem, async () => {
          if (!window.confirm(texts.confirmDeleteSchedule)) return;
          await changeItem(ctx, 'schedule', schedule.id, 'DELETE');
          await load();
        }),
      ),
    );
  }

  const render = () => fillItems('schedule', schedules.map(item), ctx.texts.noSchedules);

  async function load(): Promise<void> {
    const data = await loadItems(ctx, 'schedule');
    if (!data) return;
    schedules = (data as { schedules: ListedSchedule[] }).schedules;
    render();
  }

  return wireItemTab('schedule', { openNew: () => editor.open(), load, render, relabelForm: editor.relabel });
}
