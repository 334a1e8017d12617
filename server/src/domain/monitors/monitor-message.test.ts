import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../contract/message.ts';
import type { Monitor } from '../../../../contract/monitor.ts';
import { planMessage, RELAPSE_WINDOW_MS, ROLLING_DEADLINE_MS } from './monitor-message.ts';
import { applyProbe, initialState, type MonitorState } from './monitor-state.ts';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const S = 1000;

function monitor(overrides: Partial<Monitor> = {}): Monitor {
  return {
    id: 'web',
    name: 'Веб-публикация',
    kind: 'http',
    target: 'http://127.0.0.1:1/buh/ru_RU/',
    intervalSeconds: 30,
    timeoutSeconds: 5,
    failuresToDown: 3,
    successesToUp: 2,
    bases: ['buh'],
    severity: 'outage',
    enabled: true,
    createdAt: '2026-11-22T10:00:00+03:00',
    updatedAt: '2026-11-22T10:00:00+03:00',
    createdBy: 'admin',
    version: 1,
    ...overrides,
  };
}

/** Runs probes through the state machine and the message plan, keeping "stored" messages like a store would. */
function simulate(
  m: Monitor,
  outcomes: readonly boolean[],
  options: { showing?: Message[]; start?: number } = {},
) {
  const stored = new Map<string, Message>();
  let state: MonitorState = initialState(m.id, options.start ?? T0);
  let ids = 0;
  const created: Message[] = [];
  const transitions: string[] = [];
  let t = options.start ?? T0;
  for (const ok of outcomes) {
    const probed = applyProbe(state, { ok, ms: 5, problem: ok ? undefined : 'no answer within 5 s' }, m, t);
    if (probed.transition) transitions.push(probed.transition);
    const plan = planMessage({
      monitor: m,
      state: probed.state,
      transition: probed.transition,
      tracked: probed.state.message && stored.get(probed.state.message.id),
      showing: [...(options.showing ?? []), ...stored.values()],
      now: t,
      timeZone: 'Europe/Moscow',
      newId: () => `m${++ids}`,
    });
    state = plan.state;
    if (plan.action?.kind === 'create') created.push(plan.action.message);
    if (plan.action) stored.set(plan.action.message.id, plan.action.message);
    t += m.intervalSeconds * S;
  }
  return { state, stored, created, transitions, t };
}

describe('a monitor', () => {
  it('goes down after failuresToDown failures in a row and posts one outage message for its bases', () => {
    const run = simulate(monitor(), [true, false, false, false, false]);
    expect(run.transitions).toEqual(['down']);
    expect(run.created).toHaveLength(1);
    const [message] = run.created;
    expect(message).toMatchObject({
      bases: ['buh'],
      severity: 'outage',
      createdBy: 'monitor:Веб-публикация',
      // Starts at the first failed probe (the second probe, 30 s in), shown until now + 30 min (a whole minute).
      startsAt: '2026-11-23T03:00:30+03:00',
      displayUntil: '2026-11-23T03:32:00+03:00',
    });
    expect(message?.text.ru).toContain('{since}');
    expect(run.state).toMatchObject({ state: 'down', since: T0 + 30 * S });
  });

  it('rolls the deadline forward while down, never further than 30 minutes ahead', () => {
    const run = simulate(monitor(), [false, false, false, ...Array(40).fill(false)]);
    expect(run.created).toHaveLength(1);
    const message = run.stored.get('m1');
    const deadline = Date.parse(message?.displayUntil ?? '');
    const lastProbe = run.t - 30 * S;
    expect(deadline - lastProbe).toBeGreaterThan(25 * 60 * S);
    expect(deadline - lastProbe).toBeLessThanOrEqual(ROLLING_DEADLINE_MS);
  });

  it('ends its message after successesToUp successes, with displayUntil = that probe', () => {
    const run = simulate(monitor(), [false, false, false, false, true, true, true]);
    expect(run.transitions).toEqual(['down', 'up']);
    const message = run.stored.get('m1');
    // Probes at 0,30,…: the 6th probe (150 s) is the second success.
    expect(Date.parse(message?.displayUntil ?? '')).toBe(T0 + 150 * S);
    expect(run.state.state).toBe('up');
  });

  it('a target that fails and answers by turns never changes state with the defaults', () => {
    const run = simulate(
      monitor(),
      Array.from({ length: 40 }, (_, i) => i % 2 === 0),
    );
    expect(run.transitions).toEqual([]);
    expect(run.created).toEqual([]);
  });

  it('flapping every probe with thresholds of one posts at most one message (a relapse reopens it)', () => {
    const m = monitor({ failuresToDown: 1, successesToUp: 1 });
    const run = simulate(
      m,
      Array.from({ length: 40 }, (_, i) => i % 2 === 1),
    );
    expect(run.transitions.filter((x) => x === 'down').length).toBeGreaterThan(10);
    expect(run.created).toHaveLength(1);
  });

  it('a relapse after the relapse window gets a new message', () => {
    const m = monitor({ failuresToDown: 1, successesToUp: 1, intervalSeconds: 600 });
    const gap = Array(Math.ceil(RELAPSE_WINDOW_MS / 600_000) + 1).fill(true);
    const run = simulate(m, [false, true, ...gap, false]);
    expect(run.created).toHaveLength(2);
  });

  it('posts nothing while a maintenance message shows for its bases, and posts once maintenance ends', () => {
    const maintenance: Message = {
      id: 'backup',
      text: { ru: 'Резервное копирование до {until}.' },
      bases: ['*'],
      startsAt: '2026-11-23T02:55:00+03:00',
      displayUntil: '2026-11-23T03:05:00+03:00',
      severity: 'maintenance',
      createdAt: '2026-11-22T10:00:00+03:00',
      updatedAt: '2026-11-22T10:00:00+03:00',
      createdBy: 'admin',
      version: 1,
    };
    const during = simulate(monitor(), Array(8).fill(false), { showing: [maintenance] });
    // 8 probes end at 03:03:30, all under maintenance.
    expect(during.created).toEqual([]);
    expect(during.state).toMatchObject({ state: 'down', suppressed: true });
    const after = simulate(monitor(), Array(12).fill(false), { showing: [maintenance] });
    expect(after.created).toHaveLength(1);
    expect(after.created[0]?.startsAt).toBe('2026-11-23T03:00:00+03:00');
  });

  it('maintenance for some of its bases: the outage is posted for the others only', () => {
    const maintenance = {
      ...simulate(monitor(), []).created[0],
      id: 'zup-maint',
      text: { ru: 'Работы' },
      bases: ['zup'],
      startsAt: '2026-11-23T02:00:00+03:00',
      displayUntil: '2026-11-23T05:00:00+03:00',
      severity: 'maintenance',
      createdAt: '2026-11-22T10:00:00+03:00',
      updatedAt: '2026-11-22T10:00:00+03:00',
      createdBy: 'admin',
      version: 1,
    } as Message;
    const run = simulate(monitor({ bases: ['buh', 'zup'] }), [false, false, false], {
      showing: [maintenance],
    });
    expect(run.created[0]?.bases).toEqual(['buh']);
  });
});

describe('an administrator stays in charge', () => {
  function downWithMessage() {
    const m = monitor();
    const run = simulate(m, [false, false, false]);
    const message = run.stored.get('m1') as Message;
    return { m, state: run.state, message, t: run.t };
  }
  const plan = (m: Monitor, state: MonitorState, tracked: Message | undefined, ok: boolean, t: number) => {
    const probed = applyProbe(state, { ok, ms: 1 }, m, t);
    return planMessage({
      monitor: m,
      state: probed.state,
      transition: probed.transition,
      tracked,
      showing: [],
      now: t,
      timeZone: 'Europe/Moscow',
      newId: () => 'other',
    });
  };

  it('a changed deadline makes the message theirs: never rolled, never ended, no second message', () => {
    const { m, state, message, t } = downWithMessage();
    const edited = { ...message, displayUntil: '2026-11-23T09:00:00+03:00', updatedBy: 'admin', version: 2 };
    let next = plan(m, state, edited, false, t + 20 * 60 * S);
    expect(next.action).toBeUndefined();
    expect(next.state).toMatchObject({ message: undefined, released: true });
    next = plan(m, next.state, edited, false, t + 21 * 60 * S);
    expect(next.action).toBeUndefined();
    const up1 = plan(m, next.state, edited, true, t + 22 * 60 * S);
    const up2 = plan(m, up1.state, edited, true, t + 23 * 60 * S);
    expect([up1.action, up2.action]).toEqual([undefined, undefined]);
    expect(up2.state.state).toBe('up');
  });

  it('a text edit keeps the deadline the monitor’s: the text is kept, the message ends on recovery', () => {
    const { m, state, message, t } = downWithMessage();
    const edited = {
      ...message,
      text: { ru: 'Сервер 1С перезапускается, вход через 10 минут.' },
      updatedBy: 'admin',
      version: 2,
    };
    const up1 = plan(m, state, edited, true, t);
    const up2 = plan(m, up1.state, edited, true, t + 30 * S);
    expect(up2.action?.kind).toBe('update');
    expect(up2.action?.message.text).toEqual(edited.text);
    expect(up2.action?.message.displayUntil).toBe('2026-11-23T03:02:00+03:00');
    expect(up2.action && 'expectedVersion' in up2.action && up2.action.expectedVersion).toBe(2);
  });

  it('a deleted message is not posted again during the same outage', () => {
    const { m, state, t } = downWithMessage();
    const next = plan(m, state, undefined, false, t);
    expect(next.action).toBeUndefined();
    expect(next.state.released).toBe(true);
  });
});
