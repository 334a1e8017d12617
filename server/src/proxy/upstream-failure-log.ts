import type { Logger } from '../domain/logger.ts';
import { WarningLimiter } from '../domain/warning-limiter.ts';
import type { UpstreamFailure } from './plan-upstream-answer.ts';

/** One request the 1C web server did not serve, and what the visitor got instead. */
export interface UpstreamFailureEvent {
  method: string;
  /** The path as the visitor asked for it (query left out: it may carry a session). */
  path: string;
  failure: UpstreamFailure;
  /** The system's word for a refused connection (`ECONNREFUSED`, `ENOTFOUND`), when known. */
  detail?: string | undefined;
  /** `friendly page`, or the status a script's request got (502, 504). */
  answered: 'friendly page' | number;
}

export type UpstreamFailureLog = (event: UpstreamFailureEvent) => void;

function whatHappened(origin: string, event: UpstreamFailureEvent): string {
  const { failure } = event;
  if (failure.kind === 'refused') {
    const why = event.detail ? ` (${event.detail})` : '';
    return `the 1C web server at ${origin} could not be reached${why}`;
  }
  if (failure.kind === 'timeout') {
    const within = failure.seconds === undefined ? 'in time' : `within ${failure.seconds} s`;
    return `the 1C web server at ${origin} did not answer ${within}`;
  }
  return `the 1C web server at ${origin} answered ${failure.status}`;
}

/**
 * Proxy failures for the administrator's log: which origin, what went wrong, for which request and
 * what the visitor saw. During an outage every page load fails the same way, so at most one line a
 * minute per kind of failure gets through, with a count of those held back.
 */
export function createUpstreamFailureLog(
  logger: Logger,
  upstreamOrigin: string,
  now: () => number = Date.now,
): UpstreamFailureLog {
  const limiter = new WarningLimiter({ windowMs: 60_000, perWindow: 10 });
  return (event) => {
    const kind =
      event.failure.kind === 'server-error' ? `status ${event.failure.status}` : event.failure.kind;
    const allowed = limiter.allow(kind, now());
    if (!allowed.log) return;
    const got = event.answered === 'friendly page' ? 'the friendly page' : `HTTP ${event.answered}`;
    const held =
      allowed.suppressed > 0 ? ` (${allowed.suppressed} more proxy failures since the last line)` : '';
    const path = event.path.split('?')[0];
    logger.warn(
      `proxy: ${whatHappened(upstreamOrigin, event)} for ${event.method} ${path}; the visitor got ${got}${held}`,
    );
  };
}
