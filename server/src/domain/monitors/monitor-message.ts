import { isoInZone } from '../../../../contract/local-time.ts';
import type { Message } from '../../../../contract/message.ts';
import type { Monitor } from '../../../../contract/monitor.ts';
import { monitorAuthor } from '../../../../contract/monitor-author.ts';
import { ALL_BASES, isActiveAt, targetsBase } from '../active-message.ts';
import type { MonitorState, Transition } from './monitor-state.ts';
import { MONITOR_OUTAGE_TEXT } from './monitor-texts.ts';

const MINUTE_MS = 60_000;
/** While down, the message is shown until now + 30 min: a crashed service leaves no stale outage behind. */
export const ROLLING_DEADLINE_MS = 30 * MINUTE_MS;
/**
 * The deadline is moved only once it is this close: between 25 and 30 minutes ahead at every probe,
 * yet one write (and one audit entry) per five minutes instead of one per probe.
 */
export const ROLL_WHEN_WITHIN_MS = 25 * MINUTE_MS;
/** Back down this soon after recovering: the same message is shown again instead of a new one. */
export const RELAPSE_WINDOW_MS = 30 * MINUTE_MS;

const SECOND_MS = 1000;

/** The rolling deadline: now + 30 min, on a whole minute ("until 03:42", not 03:41:37.254). */
export function rollingDeadline(now: number): number {
  return Math.ceil((now + ROLLING_DEADLINE_MS) / MINUTE_MS) * MINUTE_MS;
}

/** The end of a message on recovery: the probe's second (a time people read, not a millisecond). */
function endAt(now: number): number {
  return Math.floor(now / SECOND_MS) * SECOND_MS;
}

/** The audit actor and `createdBy` of what a monitor writes. */
export function monitorActor(monitor: Pick<Monitor, 'name'>): string {
  return monitorAuthor(monitor.name);
}

export type MessageAction =
  | { kind: 'create'; message: Message }
  | { kind: 'update'; message: Message; expectedVersion: number };

export interface MessagePlanInput {
  monitor: Monitor;
  /** The state after the probe (`applyProbe`). */
  state: MonitorState;
  transition?: Transition | undefined;
  /** The stored message `state.message` names, if it still exists. */
  tracked?: Message | undefined;
  /** Messages (stored and recurring) that may be showing now: for the maintenance check. */
  showing: readonly Message[];
  now: number;
  /** The zone the message's times are written in (the settings'). */
  timeZone: string;
  newId: () => string;
}

/**
 * The bases of the monitor a maintenance message is not showing for right now. While maintenance is
 * on, an outage is expected: posting over it would replace the planned text with an alarming one.
 */
export function basesWithoutMaintenance(
  bases: readonly string[],
  showing: readonly Message[],
  now: number,
): string[] {
  const maintenance = showing.filter((m) => m.severity === 'maintenance' && isActiveAt(m, now));
  if (bases.includes(ALL_BASES)) {
    return maintenance.some((m) => targetsBase(m, ALL_BASES)) ? [] : [ALL_BASES];
  }
  return bases.filter((key) => !maintenance.some((m) => targetsBase(m, key)));
}

function withDeadline(message: Message, deadline: number, actor: string, now: number, zone: string): Message {
  return {
    ...message,
    displayUntil: isoInZone(deadline, message.timeZone ?? zone),
    updatedAt: isoInZone(now, message.timeZone ?? zone),
    updatedBy: actor,
    version: message.version + 1,
  };
}

function newOutageMessage(input: MessagePlanInput, bases: string[]): Message {
  const { monitor, state, now, timeZone } = input;
  const at = isoInZone(now, timeZone);
  return {
    id: input.newId(),
    text: monitor.text ?? { ...MONITOR_OUTAGE_TEXT },
    bases: bases as Message['bases'],
    // The message starts at the first failed probe: `{since}` and the status history show the outage.
    startsAt: isoInZone(endAt(state.since ?? now), timeZone),
    displayUntil: isoInZone(rollingDeadline(now), timeZone),
    severity: 'outage',
    createdAt: at,
    updatedAt: at,
    createdBy: monitorActor(monitor),
    version: 1,
  };
}

/**
 * What the monitor does with its message after a probe, and the state that remembers it. The
 * administrator stays in charge: a message whose deadline they changed, or that they deleted, is
 * theirs — the monitor stops touching it and posts no other one for this outage.
 */
export function planMessage(input: MessagePlanInput): { state: MonitorState; action?: MessageAction } {
  const { monitor, tracked, now, timeZone } = input;
  const state: MonitorState = { ...input.state };
  const actor = monitorActor(monitor);
  const ours = state.message && tracked && Date.parse(tracked.displayUntil) === state.message.deadline;
  if (state.message && !ours) {
    // Deleted, or the deadline was changed by someone else: it is theirs now.
    if (state.state === 'down') state.released = true;
    state.message = undefined;
  }

  if (state.state === 'down') {
    if (state.message && tracked) {
      if (state.message.deadline - now > ROLL_WHEN_WITHIN_MS) return { state };
      const deadline = rollingDeadline(now);
      state.message = { id: tracked.id, deadline };
      return {
        state,
        action: {
          kind: 'update',
          message: withDeadline(tracked, deadline, actor, now, timeZone),
          expectedVersion: tracked.version,
        },
      };
    }
    if (state.released) return { state };
    const bases = basesWithoutMaintenance(monitor.bases, input.showing, now);
    if (bases.length === 0) {
      state.suppressed = true;
      return { state };
    }
    const message = newOutageMessage(input, bases);
    state.suppressed = undefined;
    state.message = { id: message.id, deadline: Date.parse(message.displayUntil) };
    return { state, action: { kind: 'create', message } };
  }

  // Up (or not known yet): end the message once; keep remembering it for a quick relapse.
  if (state.message && tracked) {
    if (state.message.deadline > now) {
      state.message = { id: tracked.id, deadline: endAt(now) };
      return {
        state,
        action: {
          kind: 'update',
          message: withDeadline(tracked, endAt(now), actor, now, timeZone),
          expectedVersion: tracked.version,
        },
      };
    }
    if (state.recoveredAt === undefined || now - state.recoveredAt >= RELAPSE_WINDOW_MS)
      state.message = undefined;
  }
  return { state };
}
