import { id } from '../element-ids.ts';
import { Field, ItemForm, ItemTab } from './item-tab-markup.tsx';
import { Label } from './page-label.tsx';
import { text } from './page-text.ts';

function When() {
  return (
    <fieldset>
      <legend {...text('scheduleWhenLegend')} />
      <div class="number-fields">
        <Field for="schedule-repeat" k="repeatLabel">
          <select id={id('schedule-repeat')}>
            <option value="daily" {...text('repeatDaily')} />
            <option value="weekly" {...text('repeatWeekly')} />
            <option value="cron" {...text('repeatCron')} />
          </select>
        </Field>
        <div id={id('schedule-weekday-field')} hidden>
          <Label for="schedule-weekday" k="weekdayLabel" />
          <select id={id('schedule-weekday')} />
        </div>
        <div id={id('schedule-time-field')}>
          <Label for="schedule-time" k="startTimeLabel" />
          <input id={id('schedule-time')} type="time" required />
        </div>
        <Field for="schedule-duration" k="durationLabel">
          <input
            id={id('schedule-duration')}
            type="number"
            min="1"
            step="1"
            inputmode="numeric"
            required
            data-path="durationMinutes"
          />
        </Field>
      </div>
      <div id={id('schedule-cron-field')} hidden>
        <Label for="schedule-cron" k="cronLabel" />
        <input
          id={id('schedule-cron')}
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder="0 1 * * *"
          aria-describedby="schedule-cron-hint"
        />
        <p id="schedule-cron-hint" class="hint" {...text('cronHint')} />
      </div>
      <Label for="schedule-zone" k="scheduleZoneLabel" />
      <input id={id('schedule-zone')} type="text" spellcheck={false} data-path="timeZone" />
      <p id={id('schedule-summary')} class="summary" role="status" />
      <details id={id('schedule-dates')}>
        <summary {...text('datesSummary')} />
        <p id={id('schedule-dates-note')} class="hint" />
        <Label for="schedule-starts-from" k="startsFromLabel" />
        <input id={id('schedule-starts-from')} type="datetime-local" data-path="startsFrom" />
        <Label for="schedule-ends-at" k="endsAtLabel" />
        <input id={id('schedule-ends-at')} type="datetime-local" data-path="endsAt" />
      </details>
    </fieldset>
  );
}

/** The Recurring windows tab: each window, its next occurrences (skip or move one), and the form. */
export function SchedulesView() {
  return (
    <ItemTab kind="schedule" title="schedulesTitle" add="newSchedule" intro="schedulesIntro">
      <ItemForm kind="schedule" title="scheduleFormNew" enabled="scheduleEnabledLabel">
        <Label for="schedule-name" k="scheduleNameLabel" />
        <input id={id('schedule-name')} type="text" maxlength={100} required data-path="name" />
        <When />
        <fieldset>
          <legend {...text('scheduleBasesLegend')} />
          <div id={id('schedule-bases')} class="row" data-path="bases" />
        </fieldset>
        <fieldset data-path="text">
          <legend {...text('scheduleTextLegend')} />
          <p class="hint" {...text('scheduleTextHint')} />
          <button id={id('schedule-template')} type="button" {...text('fillFromTemplate')} />
          <div id={id('schedule-texts')} />
        </fieldset>
      </ItemForm>
    </ItemTab>
  );
}
