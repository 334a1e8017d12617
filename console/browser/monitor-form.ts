import type { Monitor, MonitorKind, MonitorWithStatus } from '../../contract/monitor.ts';
import { MONITOR_DEFAULTS } from '../../contract/monitor-defaults.ts';
import { filledTexts } from './message-form.ts';

/**
 * The monitor form's state without a DOM, and the body it sends. The numbers are kept as typed: an
 * empty one takes the service's default, a wrong one is refused by the service in plain words.
 */
export interface MonitorForm {
  /** Set while editing a stored monitor: its id, the ETag it was loaded with, whether it had texts. */
  readonly editing?: { readonly id: string; readonly etag: string | undefined; readonly hadText: boolean };
  readonly name: string;
  readonly kind: MonitorKind;
  readonly target: string;
  readonly intervalSeconds: string;
  readonly timeoutSeconds: string;
  readonly failuresToDown: string;
  readonly successesToUp: string;
  readonly bases: readonly string[];
  readonly text: Readonly<Record<string, string>>;
  readonly enabled: boolean;
}

type NumberField = keyof typeof MONITOR_DEFAULTS;
const NUMBER_FIELDS = Object.keys(MONITOR_DEFAULTS) as NumberField[];

export function emptyMonitorForm(): MonitorForm {
  return {
    name: '',
    kind: 'http',
    target: '',
    intervalSeconds: '',
    timeoutSeconds: '',
    failuresToDown: '',
    successesToUp: '',
    bases: ['*'],
    text: {},
    enabled: true,
  };
}

export function formFromMonitor(monitor: Monitor, etag: string | undefined): MonitorForm {
  return {
    editing: { id: monitor.id, etag, hadText: monitor.text !== undefined },
    name: monitor.name,
    kind: monitor.kind,
    target: monitor.target,
    intervalSeconds: String(monitor.intervalSeconds),
    timeoutSeconds: String(monitor.timeoutSeconds),
    failuresToDown: String(monitor.failuresToDown),
    successesToUp: String(monitor.successesToUp),
    bases: [...monitor.bases],
    text: { ...monitor.text },
    enabled: monitor.enabled,
  };
}

/** A typed number as sent: empty = left out (the default), anything else as a number for the service to judge. */
function typedNumber(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The POST (new) or PATCH (stored) body. A stored monitor whose texts were all emptied goes back to the built-in text. */
export function monitorBody(form: MonitorForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: form.name.trim(),
    kind: form.kind,
    target: form.target.trim(),
    bases: [...form.bases],
    enabled: form.enabled,
  };
  for (const field of NUMBER_FIELDS) {
    const value = typedNumber(form[field]);
    if (value !== undefined) body[field] = value;
    // A stored monitor keeps its value when the field is emptied; a new one takes the default.
    else if (form.editing) body[field] = MONITOR_DEFAULTS[field];
  }
  const text = filledTexts(form.text);
  if (Object.keys(text).length > 0) body.text = text;
  else if (form.editing?.hadText) body.text = null;
  return body;
}

/** The number a field stands for now: as typed when it is a whole number, else the default. */
export function effectiveNumber(form: MonitorForm, field: NumberField): number {
  const value = typedNumber(form[field]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : MONITOR_DEFAULTS[field];
}

/**
 * How long users wait: the message comes at most `failuresToDown` checks after the target stops
 * answering (the first failed check comes within one interval), and ends `successesToUp` checks
 * after it answers again.
 */
export function monitorTiming(form: MonitorForm): { downSeconds: number; upSeconds: number } {
  const interval = effectiveNumber(form, 'intervalSeconds');
  return {
    downSeconds: effectiveNumber(form, 'failuresToDown') * interval,
    upSeconds: effectiveNumber(form, 'successesToUp') * interval,
  };
}

/** What a monitor's card says first: its state, and what it did about its users' message. */
export type MonitorSituation =
  | { readonly state: 'off' }
  | { readonly state: 'unknown' }
  | { readonly state: 'up'; readonly since?: string }
  | {
      readonly state: 'down';
      readonly since?: string;
      readonly message: 'shown' | 'suppressed' | 'taken-over';
    };

export function monitorSituation(monitor: MonitorWithStatus): MonitorSituation {
  if (!monitor.enabled) return { state: 'off' };
  const { status } = monitor;
  const since = status.since !== undefined ? { since: status.since } : {};
  if (status.state === 'up') return { state: 'up', ...since };
  if (status.state === 'unknown') return { state: 'unknown' };
  const message = status.messageId ? 'shown' : status.suppressed ? 'suppressed' : 'taken-over';
  return { state: 'down', ...since, message };
}
