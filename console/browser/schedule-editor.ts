import type { Schedule } from '../../contract/schedule.ts';
import { templateText } from '../../contract/template-text.ts';
import { createBasePicker } from './base-picker.ts';
import { browserZone, type ConsoleContext, timesOf } from './console-context.ts';
import { byId, el } from './dom.ts';
import { durationWords } from './duration-words.ts';
import { createFormShell } from './item-tab.ts';
import { renderLanguageFields } from './language-fields.ts';
import { describeRepeat, weekdayName } from './repeat-pattern.ts';
import {
  emptyScheduleForm,
  formFromSchedule,
  repeatOfForm,
  type ScheduleForm,
  scheduleBody,
} from './schedule-form.ts';

/** Monday first: how the weekday list reads in our languages. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const PLANNED_TEMPLATE = 'planned-maintenance';

export interface ScheduleEditor {
  open(schedule?: Schedule, etag?: string): void;
  relabel(): void;
}

/** The recurring window form bound to the page (schedule-form.ts holds the state). */
export function createScheduleEditor(ctx: ConsoleContext, onDone: (notice: string) => void): ScheduleEditor {
  let state: ScheduleForm = emptyScheduleForm(ctx.settings.timeZone);
  const bases = createBasePicker(ctx, byId('schedule-bases'), 'schedule-base', (chosen) => {
    state = { ...state, bases: chosen };
  });

  /** "Every day at 01:00 МСК, for 1 h": the window in words, as it stands. */
  function renderSummary() {
    byId('schedule-weekday-field').hidden = state.repeat !== 'weekly';
    byId('schedule-time-field').hidden = state.repeat === 'cron';
    byId('schedule-cron-field').hidden = state.repeat !== 'cron';
    // A refused pattern points at the field it was made from: the cron as typed, or the time of day.
    const [patternField, other] =
      state.repeat === 'cron'
        ? (['schedule-cron', 'schedule-time'] as const)
        : (['schedule-time', 'schedule-cron'] as const);
    byId(patternField).dataset.path = 'cron';
    delete byId(other).dataset.path;
    const minutes = Number(state.durationMinutes);
    const repeat = describeRepeat(
      repeatOfForm(state),
      state.timeZone.trim() || ctx.settings.timeZone,
      ctx.language,
      ctx.texts,
      Date.now(),
    );
    byId('schedule-summary').textContent =
      Number.isInteger(minutes) && minutes > 0
        ? ctx.texts.forDuration(repeat, durationWords(minutes * 60, ctx.texts))
        : repeat;
  }

  function renderTexts() {
    renderLanguageFields(ctx, byId('schedule-texts'), 'schedule-text', state.text, (language, value) => {
      state = { ...state, text: { ...state.text, [language]: value } };
    });
  }

  function render() {
    const times = timesOf(ctx);
    byId('schedule-name').value = state.name;
    byId('schedule-repeat').value = state.repeat;
    byId('schedule-weekday').replaceChildren(
      ...WEEKDAYS.map((day) => el('option', { value: String(day) }, weekdayName(day, ctx.language))),
    );
    byId('schedule-weekday').value = String(state.weekday);
    byId('schedule-time').value = state.time;
    byId('schedule-cron').value = state.cron;
    byId('schedule-duration').value = state.durationMinutes;
    byId('schedule-zone').value = state.timeZone;
    byId('schedule-starts-from').value = state.startsFrom ? times.toInput(state.startsFrom) : '';
    byId('schedule-ends-at').value = state.endsAt ? times.toInput(state.endsAt) : '';
    byId('schedule-dates').open = Boolean(state.startsFrom || state.endsAt);
    byId('schedule-dates-note').textContent =
      ctx.zoneMode === 'users'
        ? ctx.texts.zoneUsers(times.zoneName(ctx.settings.timeZone))
        : ctx.texts.zoneMine(times.zoneName(browserZone()), times.zoneName(ctx.settings.timeZone));
    byId('schedule-enabled').checked = state.enabled;
    byId('schedule-template').hidden = !ctx.templates.some((template) => template.id === PLANNED_TEMPLATE);
    bases.render(state.bases);
    renderTexts();
    renderSummary();
  }

  const save = () =>
    shell.send(scheduleBody(state), state.editing, 'PATCH', (etag) => {
      if (state.editing) state = { ...state, editing: { ...state.editing, etag } };
    });
  const shell = createFormShell(ctx, 'schedule', { render, save, firstField: byId('schedule-name'), onDone });

  /** The "Planned maintenance" texts, with {until} left for each occurrence to fill. */
  function fillFromTemplate() {
    const template = ctx.templates.find((candidate) => candidate.id === PLANNED_TEMPLATE);
    if (!template) return;
    const text: Record<string, string> = { ...state.text };
    for (const [language, words] of Object.entries(template.text)) text[language] = templateText(words, '');
    state = { ...state, text };
    renderTexts();
  }

  const typed = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;
  const on = (id: Parameters<typeof byId>[0], type: string, act: (value: string) => void) =>
    byId(id).addEventListener(type, (event) => {
      act(typed(event));
      renderSummary();
    });
  on('schedule-name', 'input', (name) => {
    state = { ...state, name };
  });
  on('schedule-repeat', 'change', (repeat) => {
    state = { ...state, repeat: repeat as ScheduleForm['repeat'] };
  });
  on('schedule-weekday', 'change', (weekday) => {
    state = { ...state, weekday: Number(weekday) };
  });
  on('schedule-time', 'input', (time) => {
    state = { ...state, time };
  });
  on('schedule-cron', 'input', (cron) => {
    state = { ...state, cron };
  });
  on('schedule-duration', 'input', (durationMinutes) => {
    state = { ...state, durationMinutes };
  });
  on('schedule-zone', 'input', (timeZone) => {
    state = { ...state, timeZone };
  });
  on('schedule-starts-from', 'input', (value) => {
    state = { ...state, startsFrom: value ? (timesOf(ctx).fromInput(value) ?? '') : '' };
  });
  on('schedule-ends-at', 'input', (value) => {
    state = { ...state, endsAt: value ? (timesOf(ctx).fromInput(value) ?? '') : '' };
  });
  byId('schedule-enabled').addEventListener('change', (event) => {
    state = { ...state, enabled: (event.target as HTMLInputElement).checked };
  });
  byId('schedule-template').addEventListener('click', fillFromTemplate);
  return {
    open(schedule, etag) {
      state = schedule ? formFromSchedule(schedule, etag) : emptyScheduleForm(ctx.settings.timeZone);
      shell.open(schedule ? 'scheduleFormEdit' : 'scheduleFormNew');
    },
    relabel() {
      if (shell.isOpen()) render();
    },
  };
}
