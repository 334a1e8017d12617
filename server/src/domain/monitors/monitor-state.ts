import type { Monitor, MonitorHealth } from '../../../../contract/monitor.ts';

/** One probe's result, as the probe reports it. */
export interface ProbeResult {
  ok: boolean;
  /** How long it took, milliseconds. */
  ms: number;
  /** Why it failed, in plain words. */
  problem?: string | undefined;
}

/** The outage message a monitor posted and still looks after. */
export interface TrackedMessage {
  id: string;
  /** The `displayUntil` the monitor wrote last: while the message still has it, the deadline is the monitor's. */
  deadline: number;
}

/**
 * What a monitor knows between probes (stored, so a restart or another Worker isolate continues it).
 * `version` guards the write: two runners that probed at once cannot both act on the same outage.
 */
export interface MonitorState {
  monitorId: string;
  state: MonitorHealth;
  /** When the current state began (ms); for `down`, the first failed probe of the run. */
  since?: number | undefined;
  failures: number;
  successes: number;
  /** The first failure of the current run of failures (becomes `since` when the monitor goes down). */
  firstFailureAt?: number | undefined;
  lastProbeAt?: number | undefined;
  lastOk?: boolean | undefined;
  lastMs?: number | undefined;
  lastProblem?: string | undefined;
  message?: TrackedMessage | undefined;
  /** This outage's message was taken over or deleted by an administrator: post no other. */
  released?: boolean | undefined;
  /** Down while a maintenance message covered every base: nothing was posted. */
  suppressed?: boolean | undefined;
  /** When the monitor last came back up (a quick relapse reopens the same message). */
  recoveredAt?: number | undefined;
  /** The next probe is due at or after this (ms). */
  dueAt: number;
  version: number;
}

export type Transition = 'down' | 'up';

export function initialState(monitorId: string, dueAt: number): MonitorState {
  return { monitorId, state: 'unknown', failures: 0, successes: 0, dueAt, version: 0 };
}

/**
 * The state after one probe at `at`. Down after `failuresToDown` failures in a row (since the first of
 * them), up after `successesToUp` successes in a row; a first success on a new monitor is up at once.
 * A target that fails and answers by turns never reaches either count, so it never changes state.
 */
export function applyProbe(
  current: MonitorState,
  result: ProbeResult,
  monitor: Pick<Monitor, 'failuresToDown' | 'successesToUp' | 'intervalSeconds'>,
  at: number,
): { state: MonitorState; transition?: Transition } {
  const next: MonitorState = {
    ...current,
    lastProbeAt: at,
    lastOk: result.ok,
    lastMs: result.ms,
    lastProblem: result.ok ? undefined : result.problem,
    dueAt: at + monitor.intervalSeconds * 1000,
  };
  if (result.ok) {
    next.failures = 0;
    next.firstFailureAt = undefined;
    next.successes = current.successes + 1;
    const needed = current.state === 'unknown' ? 1 : monitor.successesToUp;
    if (current.state !== 'up' && next.successes >= needed) {
      const wasDown = current.state === 'down';
      Object.assign(next, { state: 'up', since: at, suppressed: undefined, released: undefined });
      if (wasDown) next.recoveredAt = at;
      return wasDown ? { state: next, transition: 'up' } : { state: next };
    }
    return { state: next };
  }
  next.successes = 0;
  next.failures = current.failures + 1;
  next.firstFailureAt = current.firstFailureAt ?? at;
  if (current.state !== 'down' && next.failures >= monitor.failuresToDown) {
    Object.assign(next, { state: 'down', since: next.firstFailureAt, released: undefined });
    return { state: next, transition: 'down' };
  }
  return { state: next };
}
