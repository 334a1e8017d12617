import { describe, expect, it } from 'vitest';
import { MIN_INTERVAL_SECONDS, type MonitorWithStatus } from '../../contract/monitor.ts';
import { MONITOR_DEFAULTS } from '../../contract/monitor-defaults.ts';
import {
  emptyMonitorForm,
  formFromMonitor,
  type MonitorForm,
  monitorBody,
  monitorSituation,
  monitorTiming,
} from './monitor-form.ts';

const MONITOR: MonitorWithStatus = {
  id: 'm1',
  name: 'Веб-публикация',
  kind: 'http',
  target: 'https://1c.example.local/buh/ru_RU/',
  intervalSeconds: 20,
  timeoutSeconds: 5,
  failuresToDown: 3,
  successesToUp: 2,
  bases: ['buh'],
  text: { ru: 'Сбой с {since}.' },
  severity: 'outage',
  enabled: true,
  createdAt: '2026-11-27T03:00:00+03:00',
  updatedAt: '2026-11-27T03:00:00+03:00',
  createdBy: 'ops',
  version: 1,
  status: { state: 'unknown' },
};

describe('the monitor form', () => {
  it('sends a new monitor with what was typed; empty numbers take the service defaults', () => {
    const form: MonitorForm = {
      ...emptyMonitorForm(),
      name: ' Агент сервера ',
      kind: 'tcp',
      target: ' srv:1540 ',
      failuresToDown: '4',
      text: { ru: '  ', en: 'Down since {since}.' },
    };
    expect(monitorBody(form)).toEqual({
      name: 'Агент сервера',
      kind: 'tcp',
      target: 'srv:1540',
      failuresToDown: 4,
      bases: ['*'],
      text: { en: 'Down since {since}.' },
      enabled: true,
    });
  });

  it('has the service’s defaults: an emptied number of a stored monitor is sent as the default', () => {
    const emptied = {
      ...formFromMonitor(MONITOR, '"m1"'),
      intervalSeconds: '',
      timeoutSeconds: ' ',
      failuresToDown: '',
      successesToUp: '',
    };
    const body = monitorBody(emptied);
    expect({
      intervalSeconds: body.intervalSeconds,
      timeoutSeconds: body.timeoutSeconds,
      failuresToDown: body.failuresToDown,
      successesToUp: body.successesToUp,
    }).toEqual(MONITOR_DEFAULTS);
    expect(MIN_INTERVAL_SECONDS).toBe(10);
  });

  it('sends a wrong number as typed, so the service names the field', () => {
    expect(monitorBody({ ...emptyMonitorForm(), intervalSeconds: '5' }).intervalSeconds).toBe(5);
    expect(monitorBody({ ...emptyMonitorForm(), intervalSeconds: '1.5' }).intervalSeconds).toBe(1.5);
  });

  it('edits keep every number, and emptied texts go back to the built-in text', () => {
    const form = formFromMonitor(MONITOR, '"monitor-1"');
    expect(form.editing).toEqual({ id: 'm1', etag: '"monitor-1"', hadText: true });
    const body = monitorBody({ ...form, text: { ru: '' }, intervalSeconds: '' });
    expect(body.text).toBeNull();
    expect(body.intervalSeconds).toBe(30);
    expect(body.successesToUp).toBe(2);
    expect(
      monitorBody({ ...form, text: {}, editing: { id: 'm1', etag: undefined, hadText: false } }),
    ).not.toHaveProperty('text');
  });

  it('says how long users wait: failures × interval to the message, successes × interval to its end', () => {
    expect(monitorTiming(emptyMonitorForm())).toEqual({ downSeconds: 90, upSeconds: 60 });
    expect(monitorTiming(formFromMonitor(MONITOR, undefined))).toEqual({ downSeconds: 60, upSeconds: 40 });
    // A half-typed number does not make the sentence nonsense.
    expect(monitorTiming({ ...emptyMonitorForm(), intervalSeconds: '', failuresToDown: 'x' })).toEqual({
      downSeconds: 90,
      upSeconds: 60,
    });
  });
});

describe('what a monitor card says first', () => {
  const at = '2026-11-27T03:12:00+03:00';
  it('is off, not checked, up or down, and what became of the outage message', () => {
    expect(monitorSituation({ ...MONITOR, enabled: false, status: { state: 'down' } })).toEqual({
      state: 'off',
    });
    expect(monitorSituation(MONITOR)).toEqual({ state: 'unknown' });
    expect(monitorSituation({ ...MONITOR, status: { state: 'up', since: at } })).toEqual({
      state: 'up',
      since: at,
    });
    expect(monitorSituation({ ...MONITOR, status: { state: 'down', since: at, messageId: 'x' } })).toEqual({
      state: 'down',
      since: at,
      message: 'shown',
    });
    expect(monitorSituation({ ...MONITOR, status: { state: 'down', suppressed: true } }).state).toBe('down');
    expect(monitorSituation({ ...MONITOR, status: { state: 'down', suppressed: true } })).toMatchObject({
      message: 'suppressed',
    });
    expect(monitorSituation({ ...MONITOR, status: { state: 'down' } })).toMatchObject({
      message: 'taken-over',
    });
  });
});
