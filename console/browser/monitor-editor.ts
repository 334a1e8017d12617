import type { MonitorKind, MonitorWithStatus } from '../../contract/monitor.ts';
import { createBasePicker } from './base-picker.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId } from './dom.ts';
import { durationWords } from './duration-words.ts';
import { createFormShell } from './item-tab.ts';
import { renderLanguageFields } from './language-fields.ts';
import {
  emptyMonitorForm,
  formFromMonitor,
  type MonitorForm,
  monitorBody,
  monitorTiming,
} from './monitor-form.ts';
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

  const save = () =>
    shell.send(monitorBody(state), state.editing, 'PATCH', (etag) => {
      if (state.editing) state = { ...state, editing: { ...state.editing, etag } };
    });

  const shell = createFormShell(ctx, 'monitor', { render, save, firstField: byId('monitor-name'), onDone });

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
  return {
    open(monitor, etag) {
      state = monitor ? formFromMonitor(monitor, etag) : emptyMonitorForm();
      shell.open(monitor ? 'monitorFormEdit' : 'monitorFormNew');
    },
    relabel() {
      if (shell.isOpen()) render();
    },
  };
}
