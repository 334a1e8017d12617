import { MONITOR_FORM_DEFAULTS } from '../browser/monitor-form.ts';
import { id } from '../element-ids.ts';
import { EN } from '../texts/en.ts';
import { Label } from './page-label.tsx';
import { text } from './page-text.ts';

function Numbers() {
  return (
    <fieldset>
      <legend {...text('monitorTimingLegend')} />
      <div class="number-fields">
        <div>
          <Label for="monitor-interval" k="monitorIntervalLabel" />
          <input
            id={id('monitor-interval')}
            type="number"
            min="10"
            step="1"
            inputmode="numeric"
            placeholder={String(MONITOR_FORM_DEFAULTS.intervalSeconds)}
            data-path="intervalSeconds"
          />
        </div>
        <div>
          <Label for="monitor-timeout" k="monitorTimeoutLabel" />
          <input
            id={id('monitor-timeout')}
            type="number"
            min="1"
            step="1"
            inputmode="numeric"
            placeholder={String(MONITOR_FORM_DEFAULTS.timeoutSeconds)}
            data-path="timeoutSeconds"
          />
        </div>
        <div>
          <Label for="monitor-failures" k="monitorFailuresLabel" />
          <input
            id={id('monitor-failures')}
            type="number"
            min="1"
            step="1"
            inputmode="numeric"
            placeholder={String(MONITOR_FORM_DEFAULTS.failuresToDown)}
            data-path="failuresToDown"
          />
        </div>
        <div>
          <Label for="monitor-successes" k="monitorSuccessesLabel" />
          <input
            id={id('monitor-successes')}
            type="number"
            min="1"
            step="1"
            inputmode="numeric"
            placeholder={String(MONITOR_FORM_DEFAULTS.successesToUp)}
            data-path="successesToUp"
          />
        </div>
      </div>
      <p id={id('monitor-timing')} class="hint" role="status" />
    </fieldset>
  );
}

function MonitorForm() {
  return (
    <form id={id('monitor-form')} class="card" novalidate hidden>
      <h3 id={id('monitor-form-title')} {...text('monitorFormNew')} />
      <Label for="monitor-name" k="monitorNameLabel" />
      <input id={id('monitor-name')} type="text" maxlength={100} required data-path="name" />
      <fieldset data-path="kind">
        <legend {...text('monitorKindLegend')} />
        <label class="row choice">
          <input id={id('monitor-kind-http')} type="radio" name="monitor-kind" value="http" checked />
          <span {...text('monitorKindHttp')} />
        </label>
        <label class="row choice">
          <input id={id('monitor-kind-tcp')} type="radio" name="monitor-kind" value="tcp" />
          <span {...text('monitorKindTcp')} />
        </label>
        <label id={id('monitor-target-label')} for="monitor-target" data-text="monitorTargetHttp">
          {EN.monitorTargetHttp}
        </label>
        <input
          id={id('monitor-target')}
          type="text"
          required
          spellcheck={false}
          autocomplete="off"
          data-path="target"
          aria-describedby="monitor-target-hint"
        />
        <p id={id('monitor-target-hint')} class="hint" {...text('monitorTargetHttpHint')} />
      </fieldset>
      <fieldset>
        <legend {...text('monitorBasesLegend')} />
        <div id={id('monitor-bases')} class="row" data-path="bases" />
      </fieldset>
      <Numbers />
      <fieldset>
        <legend {...text('monitorTextLegend')} />
        <p class="hint" {...text('monitorTextHint')} />
        <div id={id('monitor-texts')} />
      </fieldset>
      <label class="row choice">
        <input id={id('monitor-enabled')} type="checkbox" checked />
        <span {...text('monitorEnabledLabel')} />
      </label>
      <p id={id('monitor-error')} class="error" role="alert" />
      <div class="row">
        <button id={id('monitor-save')} type="submit" class="primary" {...text('save')} />
        <button id={id('monitor-cancel')} type="button" {...text('cancel')} />
      </div>
    </form>
  );
}

/** The Monitors tab: what each monitor sees now, and the form to add or change one. */
export function MonitorsView() {
  return (
    <section id={id('view-monitors')} aria-labelledby="monitors-title" hidden>
      <div class="row">
        <h2 id="monitors-title" {...text('monitorsTitle')} />
        <button id={id('new-monitor')} type="button" class="primary" {...text('newMonitor')} />
        <button id={id('reload-monitors')} type="button" {...text('refresh')} />
      </div>
      <p class="hint intro" {...text('monitorsIntro')} />
      <p id={id('monitors-notice')} class="notice" role="status" hidden />
      <MonitorForm />
      <ul id={id('monitors-list')} class="items" aria-live="polite" />
    </section>
  );
}
