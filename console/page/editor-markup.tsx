import { id } from '../element-ids.ts';
import { Label } from './page-label.tsx';
import { text } from './page-text.ts';

/** The severity buttons and the "display until now +" buttons: data the program reads back. */
const SEVERITIES = [
  { severity: 'outage', key: 'severityOutage' },
  { severity: 'maintenance', key: 'severityMaintenance' },
  { severity: 'info', key: 'severityInfo' },
] as const;
const UNTIL_PLUS = [
  { minutes: 30, key: 'plus30' },
  { minutes: 60, key: 'plus60' },
  { minutes: 120, key: 'plus120' },
  { minutes: 240, key: 'plus240' },
] as const;

function Templates() {
  return (
    <fieldset id="templates">
      <legend {...text('templatesLegend')} />
      <div class="row">
        <Label for="template-phone" k="phoneLabel" />
        <input id={id('template-phone')} type="tel" placeholder="+7 (495) 123-45-67" />
      </div>
      <div id={id('template-buttons')} class="row" />
    </fieldset>
  );
}

function When() {
  return (
    <fieldset>
      <legend {...text('whenLegend')} />
      <p id={id('zone-note')} class="hint" />
      <Label for="starts-at" k="startsLabel" />
      <input id={id('starts-at')} type="datetime-local" />
      <Label for="display-until" k="untilLabel" />
      <input id={id('display-until')} type="datetime-local" required />
      <div id={id('until-buttons')} class="row">
        <span class="hint" {...text('untilPlus')} />
        {UNTIL_PLUS.map(({ minutes, key }) => (
          <button type="button" class="until-plus" data-minutes={String(minutes)} {...text(key)} />
        ))}
      </div>
    </fieldset>
  );
}

function MessageForm() {
  return (
    <form id={id('message-form')} class="card" novalidate>
      <Templates />
      <fieldset>
        <legend {...text('severityLegend')} />
        <div id={id('severities')} class="row">
          {SEVERITIES.map(({ severity, key }) => (
            <button
              type="button"
              class="severity"
              data-severity={severity}
              aria-pressed={String(severity === 'maintenance')}
              {...text(key)}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend {...text('textLegend')} />
        <p class="hint" {...text('textHint')} />
        <div id={id('texts')} />
        <div class="row">
          <Label for="new-language" k="addLanguageLabel" />
          <input id={id('new-language')} type="text" maxlength={35} />
          <button id={id('add-language')} type="button" {...text('addLanguage')} />
        </div>
      </fieldset>
      <fieldset>
        <legend {...text('basesLegend')} />
        <div id={id('bases')} class="row" />
      </fieldset>
      <When />
      <details id={id('help-overrides')}>
        <summary {...text('helpSummary')} />
        <p class="hint" {...text('helpHint')} />
        <div id={id('help-texts')} />
        <Label for="help-url" k="helpURLLabel" />
        <input id={id('help-url')} type="url" placeholder="https://help.example/1c" />
      </details>
      <div id={id('conflict')} class="conflict" role="alert" hidden>
        <p id={id('conflict-text')} />
        <div class="row">
          <button id={id('conflict-reload')} type="button" class="primary" {...text('conflictReload')} />
          <button id={id('conflict-dismiss')} type="button" {...text('conflictDismiss')} />
        </div>
      </div>
      <p id={id('form-error')} class="error" role="alert" />
      <div class="row">
        <button id={id('save-message')} type="submit" class="primary" {...text('save')} />
        <button id={id('cancel-edit')} type="button" {...text('cancel')} />
      </div>
    </form>
  );
}

function Previews() {
  return (
    <section class="previews card" aria-labelledby="previews-title">
      <h3 id="previews-title" {...text('previewsTitle')} />
      <div class="row preview-choice">
        <label>
          <span {...text('previewBase')} />
          <select id={id('preview-base')} />
        </label>
        <label>
          <span {...text('previewLanguage')} />
          <select id={id('preview-language')} />
        </label>
      </div>
      <p id={id('preview-note')} class="hint" role="status" />
      <h3 {...text('previewDialog')} />
      <iframe id={id('preview-dialog')} class="dialog" sandbox="" {...text('previewDialogFrame', 'title')} />
      <h3 {...text('previewOffline')} />
      <iframe
        id={id('preview-offline')}
        class="offline"
        sandbox=""
        {...text('previewOfflineFrame', 'title')}
      />
      <h3 {...text('previewStatus')} />
      <iframe id={id('preview-status')} class="status" sandbox="" {...text('previewStatusFrame', 'title')} />
    </section>
  );
}

/** The message editor: the form on the left, what users will see on the right. */
export function editorMarkup() {
  return (
    <section id={id('editor')} aria-labelledby="editor-title" hidden>
      <h2 id={id('editor-title')} {...text('editorNew')} />
      <div class="grid2">
        <MessageForm />
        <Previews />
      </div>
    </section>
  );
}
