import type { MonitorKind, MonitorWithStatus } from '../../contract/monitor.ts';
import { createBasePicker } from './base-picker.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, setText } from './dom.ts';
import { durationWords } from './duration-words.ts';
import { fieldLabel, markFields } from './field-marks.ts';
import { renderLanguageFields } from './language-fields.ts';
import {
  emptyMonitorForm,
  formFromMonitor,
  type MonitorForm,
  monitorBody,
  monitorTiming,
} from './monitor-form.ts';
import { saveResource } from './resource-save.ts';
import { setWord } from './static-texts.ts';

const NUMBER_INPUTS = {
  intervalSeconds: 'monitor-interval',
  timeoutSeconds: 'monitor-timeout',
  failuresToDown: 'monitor-failures',
  successesToUp: 'monitor-successes',
} as const;

export interface MonitorEditor {
  open(monitor?: MonitorWithStatus, etag?: string): void;
  relabel(): void;
}

/** The monitor form bound to the page: every input changes the state (monitor-form.ts), saving sends it. */
export function createMonitorEditor(ctx: ConsoleContext, onDone: (notice: string) => void): MonitorEditor {
  const form = byId('monitor-form');
  let state: MonitorForm = emptyMonitorForm();
  const bases = createBasePicker(ctx, byId('monitor-bases'), 'monitor-base', (chosen) => {
    state = { ...state, bases: chosen };
  });

  /** The target's label and example follow the kind: a web address, or host:port. */
  function renderKind() {
    const http = state.kind === 'http';
    byId('monitor-kind-http').checked = http;
    byId('monitor-kind-tcp').checked = !http;
    setWord(byId('monitor-target-label'), ctx.texts, http ? 'monitorTargetHttp' : 'monitorTargetTcp');
    setWord(byId('monitor-target-hint'), ctx.texts, http ? 'monitorTargetHttpHint' : 'monitorTargetTcpHint');
    byId('monitor-target').placeholder = http
      ? 'https://1c.example.local/buh/ru_RU/'
      : '1c-server.example.local:1540';
  }

  function renderTiming() {
    const { downSeconds, upSeconds } = monitorTiming(state);
    byId('monitor-timing').textContent = ctx.texts.monitorTiming(
      durationWords(downSeconds, ctx.texts),
      durationWords(upSeconds, ctx.texts),
    );
  }

  function render() {
    byId('monitor-name').value = state.name;
    byId('monitor-target').value = state.target;
    for (const [field, input] of Object.entries(NUMBER_INPUTS)) {
      byId(input).value = state[field as keyof typeof NUMBER_INPUTS];
    }
    byId('monitor-enabled').checked = state.enabled;
    bases.render(state.bases);
    renderLanguageFields(ctx, byId('monitor-texts'), 'monitor-text', state.text, (language, value) => {
      state = { ...state, text: { ...state.text, [language]: value } };
    });
    renderKind();
    renderTiming();
  }

  function close(notice: string) {
    form.hidden = true;
    byId('monitors-list').hidden = false;
    onDone(notice);
  }

  async function save() {
    setText(byId('monitor-error'), '');
    const editing = state.editing;
    const answer = await saveResource(
      ctx,
      editing
        ? {
            method: 'PATCH',
            path: `/api/admin/monitors/${encodeURIComponent(editing.id)}`,
            body: monitorBody(state),
            etag: editing.etag,
          }
        : { method: 'POST', path: '/api/admin/monitors', body: monitorBody(state) },
      (path) => fieldLabel(form, path),
    );
    if (answer.kind === 'saved') {
      markFields(form, [], 'monitor-error');
      return close(ctx.texts.savedItem);
    }
    setText(byId('monitor-error'), answer.text);
    if (answer.kind === 'conflict' && editing)
      state = { ...state, editing: { ...editing, etag: answer.etag } };
    markFields(
      form,
      answer.kind === 'refused' ? answer.problems.map((problem) => problem.path) : [],
      'monitor-error',
    );
  }

  byId('monitor-name').addEventListener('input', (event) => {
    state = { ...state, name: (event.target as HTMLInputElement).value };
  });
  byId('monitor-target').addEventListener('input', (event) => {
    state = { ...state, target: (event.target as HTMLInputElement).value };
  });
  for (const kind of ['http', 'tcp'] as const) {
    byId(`monitor-kind-${kind}`).addEventListener('change', () => {
      state = { ...state, kind: kind satisfies MonitorKind };
      renderKind();
    });
  }
  for (const [field, input] of Object.entries(NUMBER_INPUTS)) {
    byId(input).addEventListener('input', (event) => {
      state = { ...state, [field]: (event.target as HTMLInputElement).value };
      renderTiming();
    });
  }
  byId('monitor-enabled').addEventListener('change', (event) => {
    state = { ...state, enabled: (event.target as HTMLInputElement).checked };
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  byId('monitor-cancel').addEventListener('click', () => close(''));

  return {
    open(monitor, etag) {
      state = monitor ? formFromMonitor(monitor, etag) : emptyMonitorForm();
      setWord(byId('monitor-form-title'), ctx.texts, monitor ? 'monitorFormEdit' : 'monitorFormNew');
      setText(byId('monitor-error'), '');
      markFields(form, [], 'monitor-error');
      render();
      byId('monitors-list').hidden = true;
      form.hidden = false;
      byId('monitor-name').focus();
    },
    relabel() {
      if (!form.hidden) render();
    },
  };
}
