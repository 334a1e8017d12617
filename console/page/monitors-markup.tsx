import { MONITOR_DEFAULTS } from '../../contract/monitor-defaults.ts';
import { id } from '../element-ids.ts';
import { EN } from '../texts/en.ts';
import { Field, ItemForm, ItemTab } from './item-tab-markup.tsx';
import { Label } from './page-label.tsx';
import { text } from './page-text.ts';

/** How often and how sure: the four numbers, each empty = the service's default (shown as a placeholder). */
const NUMBERS = [
  { input: 'monitor-interval', k: 'monitorIntervalLabel', path: 'intervalSeconds', min: 10 },
  { input: 'monitor-timeout', k: 'monitorTimeoutLabel', path: 'timeoutSeconds', min: 1 },
  { input: 'monitor-failures', k: 'monitorFailuresLabel', path: 'failuresToDown', min: 1 },
  { input: 'monitor-successes', k: 'monitorSuccessesLabel', path: 'successesToUp', min: 1 },
] as const;

function Numbers() {
  return (
    <fieldset>
      <legend {...text('monitorTimingLegend')} />
      <div class="number-fields">
        {NUMBERS.map((number) => (
          <Field for={number.input} k={number.k}>
            <input
              id={id(number.input)}
              type="number"
              min={String(number.min)}
              step="1"
              inputmode="numeric"
              placeholder={String(MONITOR_DEFAULTS[number.path])}
              data-path={number.path}
            />
          </Field>
        ))}
      </div>
      <p id={id('monitor-timing')} class="hint" role="status" />
    </fieldset>
  );
}

function Target() {
  return (
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
  );
}

/** The Monitors tab: what each monitor sees now, and the form to add or change one. */
export function MonitorsView() {
  return (
    <ItemTab kind="monitor" title="monitorsTitle" add="newMonitor" intro="monitorsIntro">
      <ItemForm kind="monitor" title="monitorFormNew" enabled="monitorEnabledLabel">
        <Label for="monitor-name" k="monitorNameLabel" />
        <input id={id('monitor-name')} type="text" maxlength={100} required data-path="name" />
        <Target />
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
      </ItemForm>
    </ItemTab>
  );
}
